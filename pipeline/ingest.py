"""Turn an article (plain text or Markdown) into typed blocks.

Why two parsers: plain text from a CMS export has no markup, so a line like ``81. selama satu hari`` is
text, not a list marker; Markdown is parsed by markdown-it-py (CommonMark) so that headings, lists and
quotes keep their structure, and code or raw HTML are carried through untouched and never translated.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.document import Mark
from pipeline.errors import InputError

FINAL_PUNCT = tuple(".!?…:;\"”’»)")
#: A first line longer than this is not a title but a paragraph.
TITLE_MAX_CHARS = 150


@dataclass
class RawBlock:
    kind: str
    text: str
    level: int | None = None
    marker: str | None = None
    translate: bool = True
    marks: list[Mark] = field(default_factory=list)


def detect_format(path: str, text: str, fmt: str = "auto") -> str:
    if fmt in ("txt", "md"):
        return fmt
    if fmt != "auto":
        raise InputError(f"unknown input format {fmt!r}; use txt, md or auto")
    suffix = Path(path).suffix.lower()
    if suffix in (".md", ".markdown"):
        return "md"
    return "txt"


def parse_text(text: str) -> list[RawBlock]:
    """Blocks are separated by blank lines; a short first block without final punctuation is the title."""
    chunks = [c.strip("\n") for c in re.split(r"\n[ \t]*\n", text)]
    blocks: list[RawBlock] = []
    for chunk in chunks:
        if not chunk.strip():
            continue
        lines = [ln.rstrip() for ln in chunk.split("\n")]
        body = "\n".join(lines).strip()
        blocks.append(RawBlock("paragraph", body))
    if blocks:
        first = blocks[0].text
        if "\n" not in first and len(first) <= TITLE_MAX_CHARS and not first.rstrip().endswith(FINAL_PUNCT):
            blocks[0].kind = "title"
            blocks[0].level = 1
    return blocks


#: markdown-it token types that open and close inline markup we keep, by mark kind.
_OPENERS = {"link_open": "link", "em_open": "em", "strong_open": "strong"}
_CLOSERS = {"link_close": "link", "em_close": "em", "strong_close": "strong"}


def _inline_text(token) -> tuple[str, list[Mark]]:  # type: ignore[no-untyped-def]
    """Plain text of an inline token, and its links, emphasis and code as marks over that text.

    Why marks instead of keeping the Markdown: the sentence splitter and the translation engine must see
    the words only, while the page and the Markdown export still need the article's links.
    """
    parts: list[str] = []
    marks: list[Mark] = []
    open_marks: list[Mark] = []
    pos = 0

    def add(text: str) -> None:
        nonlocal pos
        parts.append(text)
        pos += len(text)

    for child in token.children or []:
        t = child.type
        if t == "text":
            add(child.content)
        elif t == "code_inline":
            start = pos
            add(child.content)
            marks.append(Mark(start, pos, "code"))
        elif t in ("softbreak", "hardbreak"):
            add("\n")
        elif t == "image":
            add(child.content)
        elif t in _OPENERS:
            mark = Mark(pos, pos, _OPENERS[t], str(child.attrGet("href") or "") if t == "link_open" else None)
            marks.append(mark)
            open_marks.append(mark)
        elif t in _CLOSERS:
            # markdown-it closes what it opened, innermost first
            for k in range(len(open_marks) - 1, -1, -1):
                if open_marks[k].kind == _CLOSERS[t]:
                    open_marks.pop(k).end = pos
                    break
        # html_inline: markup, not words
    for mark in open_marks:  # never left open by markdown-it; be safe with a hand-built token
        mark.end = pos
    raw = "".join(parts)
    text = raw.strip()
    lead = len(raw) - len(raw.lstrip())
    kept = []
    for mark in marks:
        mark.start = min(max(mark.start - lead, 0), len(text))
        mark.end = min(max(mark.end - lead, 0), len(text))
        if mark.start < mark.end:
            kept.append(mark)
    kept.sort(key=lambda m: (m.start, -m.end))  # stable: at equal ranges the outer (first opened) stays first
    return text, kept


def parse_markdown(text: str) -> list[RawBlock]:
    from markdown_it import MarkdownIt

    from pipeline.markdown_limits import MAX_NESTING, check_nesting

    md = MarkdownIt("commonmark", {"maxNesting": MAX_NESTING})
    tokens = md.parse(text)
    check_nesting(tokens)
    blocks: list[RawBlock] = []
    list_stack: list[dict[str, int | str | bool]] = []
    quote_depth = 0
    pending_kind: str | None = None
    pending_level: int | None = None
    pending_marker: str | None = None
    item_used = False
    for tok in tokens:
        t = tok.type
        if t == "heading_open":
            pending_kind, pending_level = "heading", int(tok.tag[1])
        elif t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1) if t == "ordered_list_open" else 0
            list_stack.append({"ordered": t == "ordered_list_open", "n": start, "bullet": tok.markup or "-"})
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open":
            top = list_stack[-1]
            pending_marker = f"{top['n']}." if top["ordered"] else str(top["bullet"])
            if top["ordered"]:
                top["n"] = int(top["n"]) + 1
            item_used = False
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "inline":
            content, marks = _inline_text(tok)
            if not content:
                pending_kind = None
                continue
            if pending_kind == "heading":
                blocks.append(RawBlock("heading", content, level=pending_level, marks=marks))
            elif list_stack:
                blocks.append(RawBlock("list_item", content, level=len(list_stack),
                                       marker=pending_marker if not item_used else None, marks=marks))
                item_used = True
            elif quote_depth:
                blocks.append(RawBlock("quote", content, level=quote_depth, marks=marks))
            else:
                blocks.append(RawBlock("paragraph", content, marks=marks))
            pending_kind = None
        elif t in ("fence", "code_block"):
            blocks.append(RawBlock("code", tok.content.rstrip("\n"), marker=tok.info or None, translate=False))
        elif t == "html_block":
            blocks.append(RawBlock("html", tok.content.rstrip("\n"), translate=False))
    if blocks and blocks[0].kind == "heading" and blocks[0].level == 1:
        blocks[0].kind = "title"
    return blocks


def parse_article(text: str, fmt: str) -> list[RawBlock]:
    blocks = parse_markdown(text) if fmt == "md" else parse_text(text)
    if not any(b.translate and b.text.strip() for b in blocks):
        raise InputError("the article has no text to translate")
    return blocks
