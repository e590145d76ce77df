"""Structural checker: is the translated output of a Markdown article publishable, whatever the translation says?

It reads the article, the ``target`` export (the translation alone), the bilingual ``md`` export and the
reading page, and checks invariants that do not depend on the words of the translation:

* front matter byte-identical in the target export, except the lines of translated keys;
* every fenced code block byte-identical (info string and content) in the target and bilingual md exports;
* every shortcode token present unescaped in the target and md exports;
* every inline code span present as inline code in the target and md exports;
* every link, image, autolink and HTML ``href``/``src`` address present in the target, md and page;
* the same counts of headings, list items, table rows and block-quote lines in the target export;
* every source word on the page's source side.

Written independently of the product code on purpose (its own parse, its own shortcode handling), so a
bug in the product cannot hide itself. ``python tests/mdcheck.py ARTICLE.md OUTDIR`` prints the report of
outputs already written by ``bilingual run`` and ``bilingual publish --format md,target``.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path

from markdown_it import MarkdownIt

sys.path.insert(0, str(Path(__file__).resolve().parent))
from helpers import parse_page, text_in_lang  # noqa: E402

SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
HTML_ADDR = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)
TRANSLATED_KEYS = ("title", "description", "linkTitle")


@dataclass
class Report:
    name: str
    checked: int = 0
    failures: list[str] = field(default_factory=list)
    by_kind: Counter = field(default_factory=Counter)

    def check(self, ok: bool, what: str) -> None:
        self.checked += 1
        self.by_kind[_kind(what)] += 1
        if not ok:
            self.failures.append(what)

    def summary(self) -> str:
        kinds = ", ".join(f"{k} {n}" for k, n in sorted(self.by_kind.items()))
        lines = [f"{self.name}: {self.checked} invariants, {len(self.failures)} failed ({kinds})"]
        lines += [f"  FAIL {f}" for f in self.failures[:40]]
        return "\n".join(lines)


def _kind(what: str) -> str:
    for key in ("front matter", "fence", "shortcode", "inline code", "address", "headings", "list_items",
                "table_rows", "quote_lines", "source words"):
        if key in what:
            return key
    return "other"


def split_front(text: str) -> tuple[str, str]:
    m = re.match(r"\A(---|\+\+\+)[ \t]*\n.*?^\1[ \t]*(?:\n|\Z)", text, re.S | re.M)
    return (m.group(), text[m.end():]) if m else ("", text)


@dataclass
class Parsed:
    fences: list[tuple[str, str]] = field(default_factory=list)
    code_spans: Counter = field(default_factory=Counter)
    addresses: Counter = field(default_factory=Counter)
    headings: int = 0
    list_items: int = 0
    table_rows: int = 0
    quote_lines: int = 0
    words: list[str] = field(default_factory=list)


def parse(text: str) -> Parsed:
    """Structure of a Markdown file, read the way Hugo would: shortcodes expanded (here: kept) first."""
    _, body = split_front(text)
    codes: list[str] = []

    def hide(m: re.Match[str]) -> str:
        codes.append(m.group())
        return f"SCQ{len(codes) - 1}QSC"

    def show(s: str) -> str:
        return re.sub(r"SCQ(\d+)QSC", lambda m: codes[int(m.group(1))], s)

    hidden = SHORTCODE.sub(hide, body)
    lines = hidden.split("\n")
    tokens = MarkdownIt("commonmark").enable("table").parse(hidden)
    out = Parsed()
    quote_ranges: list[tuple[int, int]] = []
    for tok in tokens:
        if tok.type == "fence":
            out.fences.append((show(tok.info), show(tok.content)))
        elif tok.type == "heading_open":
            out.headings += 1
        elif tok.type == "list_item_open":
            out.list_items += 1
        elif tok.type == "tr_open":
            out.table_rows += 1
        elif tok.type == "blockquote_open" and tok.map:
            quote_ranges.append((tok.map[0], tok.map[1]))
        elif tok.type == "html_block":
            for m in HTML_ADDR.finditer(show(tok.content)):
                out.addresses[next(g for g in m.groups() if g is not None)] += 1
        elif tok.type == "inline":
            for child in tok.children or []:
                if child.type == "code_inline":
                    out.code_spans[show(child.content)] += 1
                    out.words += re.findall(r"\w+", show(child.content))
                elif child.type == "link_open":
                    out.addresses[show(str(child.attrGet("href") or ""))] += 1
                elif child.type == "image":
                    out.addresses[show(str(child.attrGet("src") or ""))] += 1
                    out.words += re.findall(r"\w+", show(child.content))
                elif child.type == "html_inline":
                    for m in HTML_ADDR.finditer(show(child.content)):
                        out.addresses[next(g for g in m.groups() if g is not None)] += 1
                elif child.type == "text":
                    out.words += re.findall(r"\w+", show(child.content))
    covered = set()
    for a, b in quote_ranges:
        covered |= {i for i in range(a, b) if lines[i].lstrip().startswith(">") and lines[i].strip(" >")}
    out.quote_lines = len(covered)
    out.addresses.pop("", None)
    return out


def check_outputs(name: str, source: str, target: str, bilingual: str, page: str) -> Report:
    rep = Report(name)
    src, tgt, md = parse(source), parse(target), parse(bilingual)
    # front matter
    sf, _ = split_front(source)
    tf, _ = split_front(target)
    if sf:
        s_lines, t_lines = sf.split("\n"), tf.split("\n")
        rep.check(len(s_lines) == len(t_lines), f"front matter has {len(t_lines)} lines, source {len(s_lines)}")
        for i, line in enumerate(s_lines):
            key = re.match(r"([A-Za-z_][\w-]*)\s*[:=]", line)
            if key and key.group(1) in TRANSLATED_KEYS:
                continue
            rep.check(i < len(t_lines) and t_lines[i] == line, f"front matter line {i + 1} changed: {line!r}")
    # fenced code
    for info, content in src.fences:
        rep.check((info, content) in tgt.fences, f"target: fence {info!r} {content[:40]!r} not byte-identical")
        rep.check((info, content) in md.fences, f"md: fence {info!r} {content[:40]!r} not byte-identical")
    # shortcodes, unescaped
    for sc, n in Counter(SHORTCODE.findall(source)).items():
        rep.check(target.count(sc) >= n, f"target: shortcode {sc!r} missing or escaped")
        rep.check(bilingual.count(sc) >= n, f"md: shortcode {sc!r} missing or escaped")
    # inline code
    for code, n in src.code_spans.items():
        rep.check(tgt.code_spans[code] >= n, f"target: inline code {code!r} missing")
        rep.check(md.code_spans[code] >= 1, f"md: inline code {code!r} missing")
    # addresses
    page_tree = parse_page(page)
    page_addrs = {v for _, attrs in page_tree.tags for k, v in attrs.items() if k in ("href", "src") and v}
    page_text = " ".join(" ".join(v) for v in page_tree.text.values())
    for addr in src.addresses:
        rep.check(addr in tgt.addresses, f"target: address {addr!r} missing")
        rep.check(addr in md.addresses or addr in bilingual, f"md: address {addr!r} missing")
        rep.check(addr in page_addrs or addr in page_text, f"page: address {addr!r} missing")
    # structure counts
    for what in ("headings", "list_items", "table_rows", "quote_lines"):
        a, b = getattr(src, what), getattr(tgt, what)
        rep.check(a == b, f"target: {what} {b}, source {a}")
    # every source word on the page's source side
    side = Counter(re.findall(r"\w+", text_in_lang(page_tree, "id")))
    missing = sorted({w for w in src.words if side[w] == 0})
    rep.check(not missing, f"page: source words missing from the source side: {missing[:12]}")
    return rep


def check_dir(article: Path, folder: Path) -> Report:
    stem = article.name[: -len(".md")] if article.name.endswith(".md") else article.stem
    return check_outputs(
        article.name,
        article.read_text(encoding="utf-8"),
        (folder / f"{stem}.en.md").read_text(encoding="utf-8"),
        (folder / f"{stem}.bilingual.md").read_text(encoding="utf-8"),
        (folder / f"{stem}.html").read_text(encoding="utf-8"),
    )


if __name__ == "__main__":
    report = check_dir(Path(sys.argv[1]), Path(sys.argv[2]))
    print(report.summary())
    sys.exit(1 if report.failures else 0)
