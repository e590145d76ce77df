"""Text formats: bilingual Markdown (source then translation, block by block) and the plain translation.

Why Markdown text is escaped: a sentence such as ``81. selama satu hari`` or ``<script>`` must come out
of a Markdown renderer as the same words, not as a list item or live HTML. The source side keeps the
article's own inline Markdown (links with a safe address, emphasis, code), written anew from its marks.
"""

from __future__ import annotations

import re

from pipeline.bitext.document import Block, Document, Sentence
from pipeline.segment.markdown.spans import SHORTCODE, split_protected
from pipeline.bitext.marks import Node, sentence_marks, target_marks
from pipeline.publish.inline import live_tags, render
from pipeline.publish.pairs import source_text, target_text
from pipeline.publish.regions import cells, targets_in, translated_html

#: Inline characters that start Markdown markup anywhere in a line.
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~])")
#: Entity references (``&amp;``, ``&#169;``) would be decoded by a renderer.
_MD_ENTITY = re.compile(r"&(?=#?\w+;)")
#: Line starts that make a block: headings, quotes, bullets, ordered lists, setext/thematic lines.
_MD_LINE_START = re.compile(r"^(\s*)([#>+=-]|\d+(?=[.)]))")


#: List markers Markdown understands; anything else in a (hand-edited) bitext becomes a plain bullet.
MD_MARKER = re.compile(r"^(?:[-*+]|\d{1,9}[.)])$")


def md_escape(text: str) -> str:
    """Text that a Markdown renderer shows as these very words; shortcodes, addresses and template
    placeholders are written as they are (an escaped ``{{\\< note \\>}}`` is no shortcode for Hugo)."""
    text = "".join(piece if protected else _MD_ENTITY.sub(r"\\&", _MD_INLINE.sub(r"\\\1", piece))
                   for piece, protected in split_protected(text))
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
        marker = block.marker if block.marker and MD_MARKER.match(block.marker) else "-"
        return indent + f"{marker} " + body.replace("\n", "\n" + indent + " " * (len(marker) + 1))
    if block.kind == "quote":
        return "\n".join(">" * max(block.level or 1, 1) + " " + line for line in body.split("\n"))
    if block.kind == "paragraph" and block.marker:  # a footnote definition's label
        return f"{block.marker} {body}"
    return body


#: Characters that would end or change a link destination; written as backslash escapes.
_MD_DEST_ESCAPE = re.compile(r"([\\()])")
_MD_DEST_ENCODE = re.compile(r"[\x00-\x20<>\x7f]")


def _md_destination(href: str) -> str:
    """A link address as Markdown; a shortcode inside it stays as written, for Hugo expands it first."""
    parts = []
    pos = 0
    for m in SHORTCODE.finditer(href):
        parts.append(_md_dest_part(href[pos:m.start()]))
        parts.append(m.group())
        pos = m.end()
    parts.append(_md_dest_part(href[pos:]))
    return "".join(parts)


def _md_dest_part(href: str) -> str:
    dest = _MD_DEST_ENCODE.sub(lambda m: f"%{ord(m.group()):02X}", href)
    dest = _MD_DEST_ESCAPE.sub(r"\\\1", dest)
    return _MD_ENTITY.sub(r"\\&", dest)


def _md_code(text: str) -> str:
    """A code span whose backtick fence is longer than any backtick run inside it."""
    runs = [len(r) for r in re.findall(r"`+", text)]
    fence = "`" * next(n for n in range(1, len(text) + 2) if n not in runs)
    pad = " " if text.startswith("`") or text.endswith("`") or (text.startswith(" ") and text.endswith(" ")) else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _md_mark(node: Node, inner: str, href: str | None, live: set[int] | None = None) -> str:
    kind = node.mark.kind
    if kind == "raw":
        raw = node.text()  # markup the article wrote: as it was when it cannot run anything, else as text
        return raw if raw.startswith("![") or (live is not None and id(node) in live) else md_escape(raw)
    if kind == "image":
        return f"![{inner}]({_md_destination(node.mark.href or '')})"
    if href is not None:
        if node.text() == href and re.match(r"(?:https?|ftp)://\S+\Z|mailto:\S+\Z", href):
            return f"<{href}>"  # an autolink stays one
        return f"[{inner}]({_md_destination(href)})"
    if kind == "code":
        return _md_code(node.text())  # a code span holds its words as they are, unescaped
    delim = "**" if node.mark.kind == "strong" else "*"
    return f"{delim}{inner}{delim}"


class _All(set):  # type: ignore[type-arg]
    def __contains__(self, item: object) -> bool:
        return True


def markdown_inline(nodes: list[Node | str], *, verbatim_html: bool = False) -> str:
    """A mark tree as inline Markdown (links with a safe address, emphasis, code, images, raw markup).

    ``verbatim_html``: the article's inline HTML is written back as it was (the translation of a page that
    replaces the page); otherwise only harmless tags stay live, as in every published file.
    """
    live: set[int] = _All() if verbatim_html else live_tags(nodes)
    return render(nodes, md_escape, lambda n, inner, href: _md_mark(n, inner, href, live))


def _md_source(block: Block) -> str | None:
    """The source sentences with their inline Markdown, or None when the block has none."""
    if not block.marks or not block.source:
        return None
    parts = []
    for s in block.source:
        marked = sentence_marks(block, s)
        parts.append(md_escape(" ".join(s.text.split())) if marked is None else markdown_inline(marked))
    return " ".join(parts)


def target_markdown(sentences: list[Sentence], *, verbatim_html: bool = False, breaks: list[bool] | None = None) -> str:
    """Translated sentences with the marks carried onto them, as inline Markdown.

    ``breaks[i]``: sentence ``i`` starts a new line (the source had a line break there).
    """
    parts = []
    for i, s in enumerate(sentences):
        marked = target_marks(s)
        text = (md_escape(" ".join(s.text.split())) if marked is None
                else markdown_inline(marked, verbatim_html=verbatim_html))
        if parts:
            parts.append("\n" if breaks and i < len(breaks) and breaks[i] else " ")
        parts.append(text)
    return "".join(parts)


_ALIGN_ROW = {"l": ":---", "c": ":---:", "r": "---:", "": "---"}


def _cell(text: str) -> str:
    """A table cell's Markdown on one line, every pipe escaped (inside code spans too, as GFM wants)."""
    return re.sub(r"(?<!\\)\|", r"\\|", text.replace("\n", " "))


def markdown_table(block: Block, side: str) -> str:
    """A table block as a GFM table: the source cells, or each cell's translation (``side="target"``)."""
    ncols = max(block.level or 1, 1)
    aligns = (block.marker or "").split(",")
    written = []
    for s, e in cells(block):
        if side == "source":
            tree = sentence_marks(block, Sentence("", block.text[s:e], s, e))
            written.append(_cell(markdown_inline(tree) if tree is not None else md_escape(" ".join(block.text[s:e].split()))))
        else:
            sents = targets_in(block, s, e)
            written.append(_cell(target_markdown(sents)) if sents else
                           _cell(md_escape(" ".join(block.text[s:e].split()))))
    rows = [written[i:i + ncols] for i in range(0, len(written), ncols)] or [[""]]
    rows = [row + [""] * (ncols - len(row)) for row in rows]
    delim = [_ALIGN_ROW.get(aligns[i] if i < len(aligns) else "", "---") for i in range(ncols)]
    lines = ["| " + " | ".join(rows[0]) + " |", "| " + " | ".join(delim) + " |"]
    lines += ["| " + " | ".join(row) + " |" for row in rows[1:]]
    return "\n".join(lines)


def render_markdown(doc: Document) -> str:
    """Each block's source, then its translation; code and raw HTML appear once, fenced, never live.

    Code fences are written as the article wrote them (info string, every line), front matter and HTML
    comments verbatim, tables as tables, so a static-site generator still reads the file.
    """
    parts: list[str] = []
    for block in doc.blocks:
        if block.kind == "front_matter":
            parts.append(block.text.rstrip("\n"))
            continue
        if block.kind == "table":
            parts.append(markdown_table(block, "source"))
            if block.target:
                parts.append(markdown_table(block, "target"))
            continue
        if block.kind == "code" and block.raw is not None:
            parts.append(block.raw)
            continue
        if block.kind == "html" and block.text.lstrip().startswith("<!--") and block.text.rstrip().endswith("-->"):
            parts.append(block.text)  # a comment: kept, never shown
            continue
        if not block.translate or block.kind == "html":
            info = "html" if block.kind == "html" else (block.marker or "").split(" ")[0]
            parts.append(_fence(block.text, re.sub(r"[^\w+.-]", "", info)))
            if block.kind == "html" and block.target:
                parts.append(_fence(translated_html(block), "html"))
            continue
        parts.append(_md_block(block, source_text(block), _md_source(block)))
        if block.target and target_text(block) != source_text(block):  # code-only lines are not repeated
            body = target_markdown(block.target) if any(s.marks for s in block.target) else None
            parts.append(_md_block(block, target_text(block), body))
    return "\n\n".join(parts) + "\n"


def _plain_block(block: Block, text: str) -> str:
    if block.kind == "paragraph" and block.marker:
        return f"{block.marker} {text}"
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
