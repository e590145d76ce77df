"""Markdown into typed blocks: CommonMark with GFM tables, front matter, HTML blocks and Hugo shortcodes.

Why shortcodes are swapped out before parsing: Hugo expands ``{{< param "x" >}}`` before Markdown is read, so a
shortcode may sit inside a link address or make up a whole heading; CommonMark would see a space in an address
and no link at all. Each shortcode is replaced by an opaque word while markdown-it parses, then put back in
every string taken from the tokens, so it survives byte for byte wherever it was.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from typing import Any

from pipeline.bitext.document import Mark
from pipeline.errors import InputError
from pipeline.segment.markdown.frontmatter import DEFAULT_KEYS, front_matter_values, split_front_matter
from pipeline.segment.markdown.html_blocks import readable_regions, tag_address
from pipeline.segment.markdown.spans import SHORTCODE


@dataclass
class RawBlock:
    kind: str
    text: str
    level: int | None = None
    marker: str | None = None
    translate: bool = True
    marks: list[Mark] = field(default_factory=list)
    #: Parts of ``text`` that are split into sentences and translated; None: all of it.
    regions: list[tuple[int, int]] | None = None
    raw: str | None = None


class _Shortcodes:
    """Swap shortcodes for words markdown-it leaves alone, and back."""

    def __init__(self, text: str) -> None:
        prefix = "BLSC"
        while prefix.lower() in text.lower():
            prefix += "Q"
        self.prefix = prefix
        self.found: list[str] = []
        self.pattern = re.compile(rf"{prefix}(\d+)Z")

    def hide(self, text: str) -> str:
        def swap(m: re.Match[str]) -> str:
            self.found.append(m.group())
            return f"{self.prefix}{len(self.found) - 1}Z"

        return SHORTCODE.sub(swap, text)

    def show(self, text: str) -> str:
        if not self.found or self.prefix not in text:
            return text
        return self.pattern.sub(lambda m: self.found[int(m.group(1))], text)


_OPENERS = {"link_open": "link", "em_open": "em", "strong_open": "strong"}
_CLOSERS = {"link_close": "link", "em_close": "em", "strong_close": "strong"}


def _inline(token: Any, sc: _Shortcodes) -> tuple[str, list[Mark]]:
    """Plain text of an inline token, with its links, emphasis, code, images and inline HTML as marks.

    Why marks instead of keeping the Markdown: the sentence splitter and the translation engine must see
    the words only, while the page and the Markdown outputs still need the article's markup.
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
            add(sc.show(child.content))
        elif t == "code_inline":
            start = pos
            add(sc.show(child.content))
            marks.append(Mark(start, pos, "code"))
        elif t in ("softbreak", "hardbreak"):
            add("\n")
        elif t == "image":
            src = sc.show(str(child.attrGet("src") or ""))
            alt = sc.show(child.content)
            start = pos
            if alt.strip():
                add(alt)
                marks.append(Mark(start, pos, "image", src))
            else:
                add(f"![]({src})")
                marks.append(Mark(start, pos, "raw", src))
        elif t == "html_inline":
            start = pos
            tag = sc.show(child.content)
            add(tag)
            marks.append(Mark(start, pos, "raw", tag_address(tag)))
        elif t in _OPENERS:
            href = sc.show(str(child.attrGet("href") or "")) if t == "link_open" else None
            mark = Mark(pos, pos, _OPENERS[t], href)
            marks.append(mark)
            open_marks.append(mark)
        elif t in _CLOSERS:
            # markdown-it closes what it opened, innermost first
            for k in range(len(open_marks) - 1, -1, -1):
                if open_marks[k].kind == _CLOSERS[t]:
                    open_marks.pop(k).end = pos
                    break
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


#: markdown-it stops reading (and silently drops the rest) past this depth of nested blocks and marks.
MAX_NESTING = 100


def _parser() -> Any:
    from markdown_it import MarkdownIt
    from mdit_py_plugins.front_matter import front_matter_plugin

    return MarkdownIt("commonmark", {"maxNesting": MAX_NESTING}).enable("table").use(front_matter_plugin)


def _check_depth(tokens: Sequence[Any]) -> None:
    """Refuse an article nested so deeply that the parser stopped reading it: its text would be lost."""
    deepest = max((t.level for t in tokens), default=0)
    deepest = max([deepest, *(c.level for t in tokens for c in (t.children or []))])
    if deepest >= MAX_NESTING - 1:
        raise InputError(f"the article nests lists, quotes or inline markup more than {MAX_NESTING - 1} levels deep; "
                         "text that deep cannot be read, flatten it")


def _table(tokens: Sequence[Any], i: int, sc: _Shortcodes) -> tuple[RawBlock, int]:
    """A GFM table as one block: cells one per line of ``text``, each cell its own region.

    ``level`` holds the number of columns and ``marker`` the column alignments (``l``, ``c``, ``r`` or
    empty, comma-separated), so every output can write the table again.
    """
    cells: list[str] = []
    cell_marks: list[list[Mark]] = []
    aligns: list[str] = []
    row = 0
    while tokens[i].type != "table_close":
        tok = tokens[i]
        if tok.type == "tr_open":
            row += 1
        elif tok.type in ("th_open", "td_open"):
            if row == 1:
                style = str(tok.attrGet("style") or "")
                aligns.append({"left": "l", "center": "c", "right": "r"}.get(style.split(":")[-1].strip(), ""))
        elif tok.type == "inline":
            text, marks = _inline(tok, sc)
            cells.append(text.replace("\n", " "))
            cell_marks.append(marks)
        i += 1
    text_parts, marks, regions, pos = [], [], [], 0
    for cell, cm in zip(cells, cell_marks, strict=True):
        if cell.strip():
            regions.append((pos, pos + len(cell)))
        marks += [Mark(m.start + pos, m.end + pos, m.kind, m.href) for m in cm]
        text_parts.append(cell)
        pos += len(cell) + 1
    block = RawBlock("table", "\n".join(text_parts), level=max(len(aligns), 1), marker=",".join(aligns),
                     marks=marks, regions=regions)
    return block, i


def parse_markdown(text: str, front_matter_keys: Sequence[str] = DEFAULT_KEYS) -> list[RawBlock]:
    """Blocks of a Markdown article; callable on any Markdown string (web pages are extracted to Markdown)."""
    blocks: list[RawBlock] = []
    front, body = split_front_matter(text)
    if front:
        values = front_matter_values(front, tuple(front_matter_keys))
        blocks.append(RawBlock("front_matter", front, translate=bool(values),
                               regions=[(v.start, v.end) for v in values]))
        if front.lstrip("\ufeff").startswith("+++"):
            text = "\n" * front.count("\n") + body  # markdown-it's plugin reads YAML only; keep line numbers
    sc = _Shortcodes(text)
    tokens = _parser().parse(sc.hide(text))
    _check_depth(tokens)
    list_stack: list[dict[str, int | str | bool]] = []
    quote_depth = 0
    pending_kind: str | None = None
    pending_level: int | None = None
    pending_marker: str | None = None
    item_used = False
    i = 0
    while i < len(tokens):
        tok = tokens[i]
        t = tok.type
        if t == "front_matter":
            pass
        elif t == "table_open":
            block, i = _table(tokens, i, sc)
            blocks.append(block)
        elif t == "heading_open":
            pending_kind, pending_level = "heading", int(tok.tag[1])
        elif t in ("bullet_list_open", "ordered_list_open"):
            start = int(tok.attrGet("start") or 1) if t == "ordered_list_open" else 0
            list_stack.append({"ordered": t == "ordered_list_open", "n": start, "bullet": tok.markup or "-",
                               "delim": tok.markup or "."})
        elif t in ("bullet_list_close", "ordered_list_close"):
            list_stack.pop()
        elif t == "list_item_open":
            top = list_stack[-1]
            pending_marker = f"{top['n']}{tok.markup or '.'}" if top["ordered"] else str(top["bullet"])
            if top["ordered"]:
                top["n"] = int(top["n"]) + 1
            item_used = False
        elif t == "blockquote_open":
            quote_depth += 1
        elif t == "blockquote_close":
            quote_depth -= 1
        elif t == "inline":
            content, marks = _inline(tok, sc)
            if not content:
                pending_kind = None
            elif pending_kind == "heading":
                blocks.append(RawBlock("heading", content, level=pending_level, marks=marks))
            elif list_stack:
                blocks.append(RawBlock("list_item", content, level=len(list_stack),
                                       marker=pending_marker if not item_used else None, marks=marks))
                item_used = True
            elif quote_depth:
                blocks.append(RawBlock("quote", content, level=quote_depth, marks=marks))
            else:
                blocks.append(_paragraph(content, marks))
            pending_kind = None
        elif t in ("fence", "code_block"):
            content = sc.show(tok.content)
            info = sc.show(tok.info)
            raw = (f"{tok.markup}{info}\n{content}{tok.markup}" if t == "fence"
                   else "".join(("    " + ln) if ln.strip() else ln for ln in content.splitlines(keepends=True)).rstrip("\n"))
            if quote_depth:  # a fence inside a quote stays inside it
                raw = "\n".join(">" * quote_depth + (" " + ln if ln else "") for ln in raw.split("\n"))
            blocks.append(RawBlock("code", content[:-1] if content.endswith("\n") else content, marker=info or None,
                                   translate=False, level=len(list_stack) or None, raw=raw))
            item_used = item_used or bool(list_stack)
        elif t == "html_block":
            blocks.append(_html_block(sc.show(tok.content), len(list_stack) or None))
        i += 1
    title = next((b for b in blocks if b.kind != "front_matter"), None)
    if title is not None and title.kind == "heading" and title.level == 1:
        title.kind = "title"
    return blocks


_FOOTNOTE = re.compile(r"\[\^[^\]\s]+\]:[ \t]*")


def _paragraph(content: str, marks: list[Mark]) -> RawBlock:
    """A paragraph; a footnote definition (``[^1]: text``) keeps its label as the block's marker."""
    m = _FOOTNOTE.match(content)
    if not m or m.end() == len(content) or any(mk.start < m.end() for mk in marks):
        return RawBlock("paragraph", content, marks=marks)
    cut = m.end()
    return RawBlock("paragraph", content[cut:], marker=m.group().strip(),
                    marks=[Mark(mk.start - cut, mk.end - cut, mk.kind, mk.href) for mk in marks])


def _html_block(content: str, level: int | None) -> RawBlock:
    html = content[:-1] if content.endswith("\n") else content
    regions, marks = ([], []) if html.lstrip().startswith("<!--") else readable_regions(html)
    return RawBlock("html", html, level=level, translate=bool(regions), marks=marks, regions=regions or None)
