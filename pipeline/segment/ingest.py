"""Turn an article (plain text or Markdown) into typed blocks.

Why two parsers: plain text from a CMS export has no markup, so a line like ``81. selama satu hari`` is
text, not a list marker; Markdown is parsed by markdown-it-py (CommonMark with GFM tables, see
``pipeline/segment/markdown/parse.py``) so that headings, lists, quotes, tables and front matter keep their
structure, and code is carried through untouched and never translated.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from pipeline.errors import InputError
from pipeline.segment.markdown.frontmatter import DEFAULT_KEYS
from pipeline.segment.markdown.parse import RawBlock, parse_markdown

FINAL_PUNCT = tuple(".!?…:;\"”’»)")
#: A first line longer than this is not a title but a paragraph.
TITLE_MAX_CHARS = 150


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


def parse_article(text: str, fmt: str, front_matter_keys: Sequence[str] = DEFAULT_KEYS) -> list[RawBlock]:
    blocks = parse_markdown(text, front_matter_keys) if fmt == "md" else parse_text(text)
    if not any(b.translate and b.text.strip() for b in blocks):
        raise InputError("the article has no text to translate")
    return blocks


__all__ = ["RawBlock", "parse_article", "parse_markdown", "parse_text"]
