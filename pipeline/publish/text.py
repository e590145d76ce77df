"""Text formats: bilingual Markdown (source then translation, block by block) and the plain translation.

Why Markdown text is escaped: a sentence such as ``81. selama satu hari`` or ``<script>`` must come out
of a Markdown renderer as the same words, not as a list item or live HTML. The source side keeps the
article's own inline Markdown (links with a safe address, emphasis, code), written anew from its marks.
"""

from __future__ import annotations

import re

from pipeline.document import Block, Document
from pipeline.publish.inline import Node, render, sentence_marks
from pipeline.publish.pairs import source_text, target_text

#: Inline characters that start Markdown markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Entity references (``&amp;``, ``&#169;``) would be decoded by a renderer.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
#: Line starts that make a block: headings, quotes, bullets, ordered lists, setext/thematic lines.
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


#: List markers Markdown understands; anything else in a (hand-edited) bitext becomes a plain bullet.
_MD_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])$")


def md_escape(text: str) -> str:
    text = _MD_INLINE.sub(r"\\\1", text)
    text = _MD_ENTITY.sub(r"\\&", text)
    lines = []
    for line in text.split("\n"):
        m = _MD_LINE_START.match(line)
        if m:
            lead, mark = m.group(1), m.group(2)
            rest = line[m.end():]
            # "81." -> "81\." ; "#" -> "\#"
            line = f"{lead}{mark}\\{rest}" if mark[0].isdigit() else f"{lead}\\{mark}{rest}"
        lines.append(line)
    return "\n".join(lines)


def _fence(text: str, info: str = "") -> str:
    ticks = "```"
    while ticks in text:
        ticks += "`"
    return f"{ticks}{info}\n{text}\n{ticks}"


def _md_block(block: Block, text: str, body: str | None = None) -> str:
    """A block as Markdown; ``body`` is the already written text when it carries inline markup."""
    body = md_escape(text) if body is None else body
    if block.kind == "title":
        return f"# {body}"
    if block.kind == "heading":
        return f"{'#' * min(max(block.level or 2, 1), 6)} {body}"
    if block.kind == "list_item":
        indent = "    " * max((block.level or 1) - 1, 0)
        marker = block.marker if block.marker and _MD_MARKER.match(block.marker) else "-"
        return indent + f"{marker} " + body.replace("\n", "\n" + indent + " " * (len(marker) + 1))
    if block.kind == "quote":
        return "\n".join(">" * max(block.level or 1, 1) + " " + line for line in body.split("\n"))
    return body


#: Characters that would end or change a link destination; written as backslash escapes.
_MD_DEST_ESCAPE = re.compile(r"([\\()])")
_MD_DEST_ENCODE = re.compile(r"[\x00-\x20<>\x7f]")


def _md_destination(href: str) -> str:
    dest = _MD_DEST_ENCODE.sub(lambda m: f"%{ord(m.group()):02X}", href)
    dest = _MD_DEST_ESCAPE.sub(r"\\\1", dest)
    return _MD_ENTITY.sub(r"\\&", dest)


def _md_code(text: str) -> str:
    """A code span whose backtick fence is longer than any backtick run inside it."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * next(n for n in range(1, len(text) + 2) if n not in runs)
    pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_mark(node: Node, inner: str, href: str | None) -> str:
    if href is not None:
        return f"[{inner}]({_md_destination(href)})"
    if node.mark.kind == "code":
        return _md_code(node.text())  # a code span holds its words as they are, unescaped
    delim = "**" if node.mark.kind == "strong" else "*"
    return f"{delim}{inner}{delim}"


def _md_inline(nodes: list[Node | str]) -> str:
    return render(nodes, md_escape, _md_mark)


def _md_source(block: Block) -> str | None:
    """The source sentences with their inline Markdown, or None when the block has none."""
    if not block.marks or not block.source:
        return None
    parts = []
    for s in block.source:
        marked = sentence_marks(block, s)
        parts.append(md_escape(" ".join(s.text.split())) if marked is None else _md_inline(marked))
    return " ".join(parts)


def render_markdown(doc: Document) -> str:
    """Each block's source, then its translation; code and raw HTML appear once, fenced, never live."""
    parts: list[str] = []
    for block in doc.blocks:
        if not block.translate:
            info = "html" if block.kind == "html" else (block.marker or "").split(" ")[0]
            parts.append(_fence(block.text, re.sub(r"[^\w+.-]", "", info)))
            continue
        parts.append(_md_block(block, source_text(block), _md_source(block)))
        translation = target_text(block)
        if translation:
            parts.append(_md_block(block, translation))
    return "\n\n".join(parts) + "\n"


def _plain_block(block: Block, text: str) -> str:
    if block.kind == "list_item":
        indent = "  " * max((block.level or 1) - 1, 0)
        return f"{indent}{block.marker} {text}" if block.marker else f"{indent}{text}"
    return text


def render_text(doc: Document) -> str:
    """The translation alone, one block per paragraph, ready to paste into a CMS."""
    parts: list[str] = []
    for block in doc.blocks:
        if not block.translate:
            parts.append(block.text)
            continue
        translation = target_text(block)
        if translation:
            parts.append(_plain_block(block, translation))
    return "\n\n".join(parts) + "\n"
