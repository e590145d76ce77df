"""The translation alone in the article's own format: a drop-in replacement for the source file.

Why a format of its own: a docs team publishes the English page from the same repository, so the file must
keep everything that is not prose exactly as the article had it: front matter (only its translated values
differ), fenced code byte for byte, shortcodes unescaped, headings, list items, table rows and quotes, every
link and image address. A plain-text article gets its plain translation (the ``txt`` export).
"""

from __future__ import annotations

from pipeline.bitext.document import Block, Document, Sentence
from pipeline.segment.markdown.frontmatter import translated_values, value_text, write_value
from pipeline.publish.regions import joined, replace_spans, targets_in, translated_html
from pipeline.publish.markdown import MD_MARKER, markdown_table, md_escape, render_text, target_markdown


def target_suffix(doc: Document) -> str:
    """``.en.md`` for a Markdown article, ``.en.txt`` for plain text."""
    return ".md" if _is_markdown(doc) else ".txt"


def _is_markdown(doc: Document) -> bool:
    fmt = str(doc.meta.settings.get("segment", {}).get("format", ""))
    return fmt == "md" or (not fmt and doc.meta.source_file.lower().endswith((".md", ".markdown")))


def render_target(doc: Document) -> str:
    if not _is_markdown(doc):
        return render_text(doc)
    parts: list[str] = []
    previous: Block | None = None
    for block in doc.blocks:
        text = _block(block)
        if text is None:
            continue
        if parts:
            tight = (previous is not None and previous.kind == "list_item" and block.kind == "list_item"
                     and block.marker is not None)
            parts.append("\n" if tight else "\n\n")
        parts.append(text)
        previous = block
    return "".join(parts).rstrip("\n") + "\n"


def _indent(text: str, prefix: str) -> str:
    return "\n".join(prefix + line if line.strip() else line for line in text.split("\n"))


def _breaks(block: Block, sents: list[Sentence]) -> list[bool]:
    """For each target sentence: does the source have a line break before the sentence it translates?"""
    starts: dict[str, bool] = {}
    prev_end = None
    for s in block.source:
        if s.start is None:
            continue
        starts[s.id] = prev_end is not None and "\n" in block.text[prev_end:s.start]
        prev_end = s.end
    out = []
    for t in sents:
        link = next((lk for lk in block.links if t.id in lk.tgt), None)
        first_of_link = link is not None and link.tgt and link.tgt[0] == t.id
        out.append(bool(first_of_link and link and link.src and starts.get(link.src[0], False)))
    return out


def _inline(block: Block) -> str:
    """The block's translation as inline Markdown, or its source when it has none (never dropped)."""
    if block.target:
        return target_markdown(block.target, verbatim_html=True, breaks=_breaks(block, block.target))
    return md_escape(block.text)


def _block(block: Block) -> str | None:
    kind = block.kind
    if kind == "front_matter":
        return _front_matter(block).rstrip("\n")
    if kind == "code":
        raw = block.raw if block.raw is not None else f"```{block.marker or ''}\n{block.text}\n```"
        return _indent(raw, "    " * (block.level or 0))
    if kind == "html":
        html = translated_html(block) if block.translate and block.target else block.text
        return _indent(html, "    " * (block.level or 0))
    if kind == "table":
        return markdown_table(block, "target")
    body = _inline(block)
    if kind in ("title", "heading"):
        level = 1 if kind == "title" else min(max(block.level or 2, 1), 6)
        return "#" * level + " " + body.replace("\n", " ")
    if kind == "list_item":
        indent = "    " * max((block.level or 1) - 1, 0)
        if block.marker is None:  # a further paragraph of the item above
            return _indent(body, indent + "    ")
        marker = block.marker if MD_MARKER.match(block.marker) else "-"
        return indent + f"{marker} " + body.replace("\n", "\n" + indent + " " * (len(marker) + 1))
    if kind == "quote":
        return "\n".join(">" * max(block.level or 1, 1) + " " + line for line in body.split("\n"))
    if block.marker:  # a footnote definition's label
        return f"{block.marker} {body}"
    return body


def _front_matter(block: Block) -> str:
    """The front matter as written, each translated value replaced in the value's own quoting style."""
    values = translated_values(block.text, [s.start for s in block.source if s.start is not None])
    spans = []
    for v in values:
        sents = targets_in(block, v.start, v.end)
        if not sents:
            continue
        text, _ = joined(sents)
        if not text.strip() or text == value_text(v, block.text):
            continue
        spans.append((v.start, v.end, write_value(v, text)))
    return replace_spans(block.text, spans)
