"""trafilatura's XML tree -> CommonMark, for the Markdown ingest.

Why XML and not trafilatura's own Markdown output: measured on the pages in tests/data/html, its Markdown
drops the quote marks of a ``<blockquote>`` (the quote becomes a plain paragraph), while the XML keeps
``<quote>``, list nesting, table head cells and every inline mark. Writing the Markdown here from the XML
keeps that structure, and every word of page text is escaped so that nothing in an article (``*``, ``1.``
at a line start, ``<script>``) can be read as markup by the Markdown ingest.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from lxml import etree

from pipeline.segment.web.prepare import SPACE_MARK

_ESCAPE = re.compile(r"([\\`*_\[\]<>!|~&#])")
_LINE_START = re.compile(r"^(\s*)(\d{1,9})([.)])(?=\s|$)|^(\s*)([-+=>])", re.MULTILINE)
_SPACES = re.compile(r"[ \t\u00a0]+")
#: trafilatura elements that live inside a paragraph (``code`` is a block when it stands alone).
_INLINE_TAGS = {"hi", "ref", "lb", "del"}


def escape(text: str) -> str:
    """Page text as literal CommonMark text: markup characters escaped, line starts made harmless."""
    text = _ESCAPE.sub(r"\\\1", text)
    return _LINE_START.sub(lambda m: f"{m.group(1)}{m.group(2)}\\{m.group(3)}" if m.group(2) else f"{m.group(4)}\\{m.group(5)}", text)


def _clean(text: str | None) -> str:
    return _SPACES.sub(" ", (text or "").replace(SPACE_MARK, " ").replace("\n", " "))


def _url(target: str | None, base: str) -> str:
    target = (target or "").strip()
    if not target:
        return ""
    try:
        return urljoin(base, target) if base else target
    except ValueError:
        return target


def _dest(url: str) -> str:
    """A link destination CommonMark reads back unchanged, spaces and brackets included."""
    return "<" + url.replace("\\", "%5C").replace("<", "%3C").replace(">", "%3E").replace("\n", "") + ">"


class _Writer:
    def __init__(self, base_url: str) -> None:
        self.base = base_url

    # ------------------------------------------------------------------ inline

    def inline(self, el: etree._Element, *, with_tail: bool = False) -> str:
        """The inline content of ``el`` (its text and inline children), as Markdown."""
        parts = [escape(_clean(el.text))]
        for child in el:
            parts.append(self.inline_child(child))
        if with_tail:
            parts.append(escape(_clean(el.tail)))
        return "".join(parts)

    def inline_child(self, child: etree._Element) -> str:
        tail = escape(_clean(child.tail))
        tag = child.tag
        if tag == "lb":
            return "\\\n" + tail.lstrip()
        if tag == "graphic":
            return self.image(child) + tail
        inner = self.inline(child)
        if tag == "hi":
            rend = child.get("rend") or ""
            stripped = inner.strip()
            if not stripped:
                return inner + tail
            lead, trail = inner[: len(inner) - len(inner.lstrip())], inner[len(inner.rstrip()):]
            if "#t" in rend:
                return f"{lead}`{_clean(''.join(child.itertext()))}`{trail}" + tail
            if "#b" in rend:
                return f"{lead}**{stripped}**{trail}" + tail
            if "#i" in rend:
                return f"{lead}*{stripped}*{trail}" + tail
            return inner + tail
        if tag == "ref":
            url = _url(child.get("target"), self.base)
            if not url or not inner.strip():
                return inner + tail
            return f"[{inner.strip()}]({_dest(url)})" + tail
        if tag == "code":
            return f"`{_clean(''.join(child.itertext()))}`" + tail
        return inner + tail

    def image(self, el: etree._Element) -> str:
        """An image with words (alt, or its caption, see ``prepare``); one without any has nothing to translate."""
        src = _url(el.get("src"), self.base)
        alt = escape(" ".join((el.get("alt") or el.get("title") or "").split()))
        if not src or not alt:
            return ""
        return f"![{alt}]({_dest(src)})"

    # ------------------------------------------------------------------ blocks

    def blocks(self, el: etree._Element) -> list[str]:
        """The children of a block container as Markdown blocks; loose text becomes paragraphs."""
        out: list[str] = []
        run = [escape(_clean(el.text))]  # loose text and inline children between blocks: one paragraph

        def flush() -> None:
            text = "".join(run).strip()
            if text:
                out.append(text)
            run.clear()

        for child in el:
            if child.tag in _INLINE_TAGS:
                run.append(self.inline_child(child))
                continue
            flush()
            out.extend(self.block(child))
            run.append(escape(_clean(child.tail)))
        flush()
        return [b for b in out if b.strip()]

    def block(self, el: etree._Element) -> list[str]:
        tag = el.tag
        if tag == "head":
            level = int((el.get("rend") or "h2")[1:] or 2) if re.fullmatch(r"h[1-6]", el.get("rend") or "") else 2
            text = self.inline(el).strip()
            return [f"{'#' * level} {text}"] if text else []
        if tag == "p":
            text = self.inline(el).strip()
            return [text] if text else []
        if tag == "list":
            return [self.list(el, ordered=(el.get("rend") or "").startswith("ol"))]
        if tag == "quote":
            inner = self.blocks(el) or []
            if not inner:
                return []
            lines = "\n>\n".join("\n".join(f"> {ln}" if ln else ">" for ln in b.split("\n")) for b in inner)
            return [lines]
        if tag == "table":
            table = self.table(el)
            return [table] if table else []
        if tag == "graphic":
            image = self.image(el)
            return [image] if image else []
        if tag == "code":
            code = "".join(el.itertext()).strip("\n")
            fence = "~~~~" if "```" in code else "```"
            return [f"{fence}\n{code}\n{fence}"] if code.strip() else []
        if tag in ("lb",):
            return []
        # div, cell or anything unexpected: its content, never silently dropped
        return self.blocks(el)

    def list(self, el: etree._Element, *, ordered: bool) -> str:
        items: list[str] = []
        n = 1
        for item in el:
            if item.tag != "item":
                continue
            marker = f"{n}." if ordered else "-"
            n += 1
            pad = " " * (len(marker) + 1)
            head = escape(_clean(item.text))
            nested: list[str] = []
            for child in item:
                if child.tag == "list":
                    nested.append(self.list(child, ordered=(child.get("rend") or "").startswith("ol")))
                    tail = escape(_clean(child.tail)).strip()
                    if tail:
                        nested.append(tail)
                elif child.tag == "p":
                    text = self.inline(child).strip()
                    if nested:
                        nested.append(text)
                    else:
                        head = (head.rstrip() + " " + text).strip()
                    tail = escape(_clean(child.tail))
                    if tail.strip():
                        head += tail
                else:
                    if nested:
                        nested.append(self.inline_child(child).strip())
                    else:
                        head += self.inline_child(child)
            lines = [f"{marker} {head.strip()}"]
            for sub in nested:
                lines.extend(pad + ln if ln else "" for ln in sub.split("\n"))
            items.append("\n".join(lines))
        return "\n".join(items)

    def table(self, el: etree._Element) -> str:
        rows: list[list[str]] = []
        head_rows = 0
        for row in el.iter("row"):
            cells = [" ".join(self.inline(c).split()) for c in row if c.tag == "cell"]
            if not any(cells):
                continue
            if not rows and all(c.get("role") == "head" for c in row if c.tag == "cell"):
                head_rows = 1
            rows.append(cells)
        if not rows:
            return ""
        width = max(len(r) for r in rows)
        rows = [r + [""] * (width - len(r)) for r in rows]
        header, body = (rows[0], rows[1:]) if head_rows else ([""] * width, rows)
        lines = ["| " + " | ".join(header) + " |", "|" + "|".join(" --- " for _ in range(width)) + "|"]
        lines += ["| " + " | ".join(r) + " |" for r in body]
        return "\n".join(lines)


def block_markdown(body: etree._Element, base_url: str = "") -> list[str]:
    """The children of trafilatura's extracted body (``<main>`` in its XML) as Markdown blocks."""
    return _Writer(base_url).blocks(body)
