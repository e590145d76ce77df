"""The text of the reading page: the masthead and one row per block, each sentence a linked ``<span>``.

Why apart from the page (``pipeline.publish.html``): this is where article text becomes markup, so every
piece of it passes through ``escape`` (``_e``) here; the page's outline around it is a template. One DOM
serves all four layouts: each sentence carries its slot in ``--o``, so the sentence-interleaved layout
reorders the same elements with CSS ``order`` and switching never rebuilds anything.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html import escape

from pipeline.bitext.document import Block, Document, Link, Sentence
from pipeline.bitext.marks import Node, sentence_marks, target_marks
from pipeline.bitext.status import review_of
from pipeline.publish import page_parts
from pipeline.publish.inline import followable_links, live_tags, render, safe_href, safe_tag, tag_name
from pipeline.publish.page_media import block_images, image_html, raw_html, visible_words
from pipeline.publish.regions import cells, targets_in
from pipeline.segment.markdown.frontmatter import translated_values
from pipeline.segment.markdown.html_blocks import readable_regions

_FIRST_SENTENCE = re.compile(r'<span class="s(?=[ "])')


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _sentence_slots(block: Block) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Link numbers of each sentence (block-local, 0-based) and its slot in the sentence-by-sentence layout.

    Why slots: a source group is followed by its linked target group even when the two sides are
    separate elements; unlinked target sentences stay just after the target sentence before them.
    """
    links_of: dict[str, list[int]] = {}
    for k, link in enumerate(block.links):
        for sid in (*link.src, *link.tgt):
            links_of.setdefault(sid, []).append(k)
    slot: dict[str, int] = {}
    group = 0
    for s in block.source:
        ks = links_of.get(s.id)
        if s.id in slot:
            continue
        if not ks:
            slot[s.id] = 2 * group
            group += 1
            continue
        link = block.links[ks[0]]
        for sid in link.src:
            slot.setdefault(sid, 2 * group)
        for tid in link.tgt:
            slot.setdefault(tid, 2 * group + 1)
        group += 1
    previous = 1
    for t in block.target:
        previous = slot.setdefault(t.id, previous)
    return links_of, slot


_TAGS = {"em": "em", "strong": "strong", "code": "code"}


def _html_mark(node: Node, inner: str, href: str | None, images: str = "placeholder",
               live: set[int] | None = None) -> str:
    kind = node.mark.kind
    if kind == "image":  # no href: an unsafe address, or an image inside a link (its address shown as text)
        shown = node.mark.href if href is None and safe_href(node.mark.href) is not None else None
        return image_html(inner, href, images, shown)
    if kind == "raw":  # markup that could run code (an event handler) names no address worth showing
        raw = node.text()
        if live is not None and id(node) in live and tag_name(raw) in _FORMATTING:
            return f"</{_FORMATTING[tag_name(raw) or '']}>" if raw.lstrip().startswith("</") else f"<{_FORMATTING[tag_name(raw) or '']}>"
        return raw_html(raw, href if raw.startswith("![") or safe_tag(raw) else None, images)
    if href is not None:
        return f'<a href="{_e(href)}" rel="noopener noreferrer">{inner}</a>'
    tag = _TAGS[kind]
    return f"<{tag}>{inner}</{tag}>"


#: Inline HTML formatting of the article, shown on the page as these (attribute-free) elements when a sentence
#: holds both the opening and the closing tag.
_FORMATTING = {"i": "em", "em": "em", "b": "strong", "strong": "strong", "code": "code", "kbd": "kbd", "sup": "sup",
               "sub": "sub", "u": "u", "s": "s", "del": "del", "ins": "ins", "mark": "mark", "small": "small"}


def _inline_html(nodes: list[Node | str], images: str = "placeholder") -> str:
    """Marked-up text; a link with an unsafe address, or inside another link, keeps only its words."""
    live = live_tags(nodes)
    return render(nodes, _e, lambda n, inner, href: _html_mark(n, inner, href, images, live))


def _source_links(block: Block) -> dict[str, list[tuple[str, str]]]:
    """Links of the original to repeat after a translation: on the last target sentence of each link.

    Why: the translation cannot know which of its words carry the link, yet an English reader must be able
    to follow it; one small link after the translated sentence group, named after the original anchor.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    if not block.marks:
        return out
    for link in block.links:
        if not link.tgt:
            continue
        # one entry per mark (a link cut by a sentence boundary is one link) and per address
        anchors: dict[int, tuple[list[str], str]] = {}
        for sid in link.src:
            for mark, anchor, href in followable_links(block, block.sentence(sid)):
                anchors.setdefault(id(mark), ([], href))[0].append(anchor)
        found = out.setdefault(link.tgt[-1], [])
        carried = {m.href for t in link.tgt for m in block.sentence(t).marks if m.href}
        for words, href in anchors.values():
            item = (" ".join(words), href)
            if item not in found and href not in carried:
                found.append(item)
    return out


@dataclass
class ReviewMarks:
    """What the review marks of one page found, for its legend: reasons and notes in order of appearance."""

    on: bool
    reasons: dict[str, str] = field(default_factory=dict)
    notes: dict[str, str] = field(default_factory=dict)
    unlinked: bool = False


def _sentence_notes(block: Block, links: list[Link], marks: ReviewMarks) -> tuple[list[str], list[str]]:
    """Classes and tooltip lines of a sentence from the review state of its links (``review_status``)."""
    classes, notes = [], []
    states = [review_of(block, link) for link in links]
    reasons = list({r.code: r for st in states for r in st.reasons}.values())
    infos = list({r.code: r for st in states for r in st.notes}.values())
    if any(st.needed for st in states):
        classes.append("rv")
        notes.append("needs review: " + "; ".join(r.text() for r in reasons))
        for r in reasons:
            marks.reasons.setdefault(r.code, r.label)
    for r in infos:
        notes.append(f"note: {r.text()}")
        marks.notes.setdefault(r.code, r.label)
    return classes, notes


def _sentences(block: Block, side: str, first_link: int, marks: ReviewMarks, only: set[str] | None = None,
               images: str = "placeholder") -> str:
    sents: list[Sentence] = block.source if side == "src" else block.target
    if only is not None:
        sents = [s for s in sents if s.id in only]
    links_of, slot = _sentence_slots(block)
    src_links = _source_links(block) if side == "tgt" else {}
    parts = []
    for s in sents:
        ks = links_of.get(s.id, [])
        classes, notes = ["s"], []
        if marks.on:
            more, notes = _sentence_notes(block, [block.links[k] for k in ks], marks)
            classes += more
            if not ks and block.target:
                classes.append("un")
                notes.append("not linked")
                marks.unlinked = True
        attrs = f' class="{" ".join(classes)}" id="{_e(s.id)}" style="--o:{slot.get(s.id, 0)}"'
        if ks:
            attrs += f' data-l="{" ".join(str(first_link + k) for k in ks)}"'
        if notes:
            attrs += f' title="{_e(" | ".join(notes))}"'
        marked = sentence_marks(block, s) if side == "src" else target_marks(s)
        body = _e(" ".join(s.text.split())) if marked is None else _inline_html(marked, images)
        for anchor, href in src_links.get(s.id, []):
            body += (
                f'<a class="src-link" href="{_e(href)}" rel="noopener noreferrer"'
                f' aria-label="{_e(f"link from the original: {anchor}")}" title="{_e(f"{anchor} ({href})")}">↗</a>'
            )
        parts.append(f"<span{attrs}>{body}</span>")
    return " ".join(parts)


def _in_span(block: Block, side: str, start: int, end: int) -> set[str]:
    """Ids of the sentences of one side that belong to ``block.text[start:end]`` (a cell, a value, a run)."""
    if side == "src":
        return {s.id for s in block.source if s.start is not None and start <= s.start and (s.end or 0) <= end}
    return {t.id for t in targets_in(block, start, end)}


def _parts_inner(block: Block, side: str, first_link: int, marks: ReviewMarks, images: str) -> str | None:
    """Blocks made of separately translated parts: tables, front matter values, runs of text in raw HTML."""
    def part(start: int, end: int) -> str:
        return _sentences(block, side, first_link, marks, _in_span(block, side, start, end), images)

    if block.kind == "table":
        ncols = max(block.level or 1, 1)
        spans = cells(block)
        rows = [spans[i:i + ncols] for i in range(0, len(spans), ncols)]
        head = "".join(f"<th>{part(s, e)}</th>" for s, e in rows[0]) if rows else ""
        body = "".join("<tr>" + "".join(f"<td>{part(s, e)}</td>" for s, e in row) + "</tr>" for row in rows[1:])
        return f"<table><thead><tr>{head}</tr></thead><tbody>{body}</tbody></table>"
    if block.kind == "front_matter":
        out = []
        for v in translated_values(block.text, [x.start for x in block.source if x.start is not None]):
            inner = part(v.start, v.end)
            # the page's one <h1> is the masthead's: the front matter's title is shown as its first line
            out.append(f'<p class="fm{" fm-title" if v.key == "title" else ""}">{inner}</p>')
        return "".join(out)
    if block.kind == "html":
        regions, _ = readable_regions(block.text)
        return "".join(f"<p>{part(s, e)}</p>" for s, e in regions)
    return None


def _block_inner(block: Block, side: str, first_link: int, marks: ReviewMarks, images: str = "placeholder") -> str:
    if not block.translate:
        if block.kind == "html" and not visible_words(block.text):  # comments, wrappers: its images or nothing
            return block_images(block.text, images)
        return f'<pre translate="no"><code>{_e(block.text)}</code></pre>'
    parts = _parts_inner(block, side, first_link, marks, images)
    if parts is not None:
        return parts
    inner = _sentences(block, side, first_link, marks, images=images)
    if block.kind in ("title", "heading"):
        # the page's one <h1> is the masthead's title; another title block is a top-level section heading
        level = 2 if block.kind == "title" else min(max(block.level or 2, 2), 6)
        return f"<h{level}>{inner}</h{level}>"
    if block.kind == "list_item":
        level = min(max(block.level or 1, 1), 8)
        marker = f'<span class="mk">{_e(block.marker)}</span>' if block.marker else ""
        return f'<p class="li" style="--lv:{level}">{marker}{inner}</p>'
    if block.kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    if block.marker:  # a footnote definition's label
        return f'<p><span class="mk">{_e(block.marker)}</span> {inner}</p>'
    return f"<p>{inner}</p>"


def _row_class(b: Block) -> str:
    # nt: not translated (code, raw HTML); il: interleaved sentence by sentence in the sentences
    # layout (a list item keeps its marker line whole, a table its grid, so they are stacked instead)
    nt = " nt" if not b.translate else ("" if b.kind in ("list_item", "table", "front_matter", "html") else " il")
    return f"blk {_e(b.kind)}{nt}"


def _title_row(doc: Document, block: Block | None, first_link: int, marks: ReviewMarks) -> str:
    """The page's one <h1>: both languages of the title block, or the title known from ``Meta``."""
    src_lang, tgt_lang = _e(doc.meta.source_lang), _e(doc.meta.target_lang)
    if block is None:
        title = " ".join(doc.meta.title.split()) or page_parts.file_name(doc.meta.source_file) or "Bilingual document"
        return f'<h1 class="blk title"><span class="side src" lang="{src_lang}">{_e(title)}</span></h1>'
    return (
        f'<h1 class="{_row_class(block)}" id="{_e(block.id)}">'
        f'<span class="side src" lang="{src_lang}">{_sentences(block, "src", first_link, marks)}</span>'
        f'<span class="side tgt" lang="{tgt_lang}">{_sentences(block, "tgt", first_link, marks)}</span></h1>'
    )


def _masthead_block(doc: Document) -> Block | None:
    """The first title block, if it comes before any other text: it becomes the masthead's <h1>."""
    for b in doc.blocks:
        if b.kind == "title" and b.translate:
            return b
        if b.source or b.text.strip():
            return None
    return None


def page_text(doc: Document, marks: ReviewMarks, images: str = "placeholder") -> str:
    """The masthead, the column labels and every block's row: what goes inside the page's ``<main>``."""
    src_lang, tgt_lang = _e(doc.meta.source_lang), _e(doc.meta.target_lang)
    title = _masthead_block(doc)
    rows, first_link, masthead = [], 0, ""
    for b in doc.blocks:
        if b is title:
            masthead = _title_row(doc, b, first_link, marks)
        else:
            src = _block_inner(b, "src", first_link, marks, images)
            if b.kind == "html" and not b.translate and not src:
                first_link += len(b.links)
                continue  # a comment or an empty wrapper: kept in Markdown outputs, never shown
            rows.append(
                f'<div class="{_row_class(b)}" id="{_e(b.id)}">'
                f'<div class="side src" lang="{src_lang}">{src}</div>'
                f'<div class="side tgt" lang="{tgt_lang}">{_block_inner(b, "tgt", first_link, marks, images)}</div></div>'
            )
        first_link += len(b.links)
    if title is None:
        masthead = _title_row(doc, None, 0, marks)
    header = (f'<header class="masthead">{masthead}{page_parts.byline_row(doc)}{page_parts.original_link(doc)}'
              f"</header>\n{page_parts.column_labels(doc)}")
    body = "\n".join(rows)
    # one tab stop into the text: the first sentence; the page's script moves it with the arrow keys
    text = f"{header}\n{body}"
    return _FIRST_SENTENCE.sub('<span tabindex="0" class="s', text, count=1)
