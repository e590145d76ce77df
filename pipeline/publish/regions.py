"""The translation of one part of a block: a table cell, a front matter value, a run of text in raw HTML.

Why: such blocks are written back as they were with only their readable parts replaced, so every output
needs "the translated sentences (with their marks) that belong to the source sentences inside this span".
"""

from __future__ import annotations

import html
import re

from pipeline.bitext.document import Block, Mark, Sentence
from pipeline.segment.markdown.html_blocks import readable_regions


def targets_in(block: Block, start: int, end: int) -> list[Sentence]:
    """Target sentences linked to the source sentences that lie in ``block.text[start:end]``, in order."""
    inside = {s.id for s in block.source if s.start is not None and start <= s.start and (s.end or 0) <= end}
    if not inside:
        return []
    wanted: list[str] = []
    for link in block.links:
        if set(link.src) & inside:
            wanted += [t for t in link.tgt if t not in wanted]
    order = {t.id: k for k, t in enumerate(block.target)}
    return sorted((block.sentence(t) for t in wanted), key=lambda t: order.get(t.id, 0))


def joined(sentences: list[Sentence]) -> tuple[str, list[Mark]]:
    """Sentences as one text (single spaces) with their marks moved to offsets into it."""
    parts, marks, pos = [], [], 0
    for s in sentences:
        text = " ".join(s.text.split())
        if parts:
            parts.append(" ")
            pos += 1
        lead = len(s.text) - len(s.text.lstrip())
        if text == s.text.strip():  # marks stay valid when only the ends were trimmed
            marks += [Mark(m.start - lead + pos, m.end - lead + pos, m.kind, m.href) for m in s.marks
                      if m.start >= lead and m.end - lead <= len(text)]
        parts.append(text)
        pos += len(text)
    return "".join(parts), marks


def cells(block: Block) -> list[tuple[int, int]]:
    """(start, end) of each cell of a table block (cells are the lines of its text)."""
    out, pos = [], 0
    for line in block.text.split("\n"):
        out.append((pos, pos + len(line)))
        pos += len(line) + 1
    return out


def replace_spans(text: str, spans: list[tuple[int, int, str]]) -> str:
    """``text`` with each (start, end) replaced by its new text; spans do not overlap."""
    out, pos = [], 0
    for s, e, new in sorted(spans):
        out.append(text[pos:s])
        out.append(new)
        pos = e
    out.append(text[pos:])
    return "".join(out)


_ENTITY = re.compile(r"&(?=#?\w+;)")


def html_text(text: str, marks: list[Mark]) -> str:
    """A translated run of HTML text: its tags (raw marks) as they were, its words escaped."""
    out, pos = [], 0
    for m in sorted((m for m in marks if m.kind == "raw"), key=lambda m: m.start):
        if m.start < pos:
            continue
        out.append(_escape_words(text[pos:m.start]))
        out.append(text[m.start:m.end])
        pos = m.end
    out.append(_escape_words(text[pos:]))
    return "".join(out)


def _escape_words(text: str) -> str:
    """``<`` and ``>`` and a bare ``&`` of the model's words; character references the source had stay."""
    parts = re.split(r"(&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);)", text)
    return "".join(p if k % 2 else html.escape(p, quote=False) for k, p in enumerate(parts))


def translated_html(block: Block) -> str:
    """A raw HTML block with each readable run replaced by its translation (tags kept as written)."""
    regions, _ = readable_regions(block.text)
    spans = []
    for s, e in regions:
        sents = targets_in(block, s, e)
        if sents:
            text, marks = joined(sents)
            spans.append((s, e, html_text(text, marks)))
    return replace_spans(block.text, spans)


__all__ = ["cells", "html_text", "joined", "replace_spans", "targets_in", "translated_html"]
