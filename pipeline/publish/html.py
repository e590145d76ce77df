"""The interactive bilingual reading page: one self-contained HTML file.

Why it is built this way:

* No CDN, no web font: the page must open offline from a file; its style and script (``static/``) are
  inlined through the template (``templates/page.html``, see ``page_assets``). Article text becomes markup
  in ``page_text`` (escaped there) and everywhere else through the template's autoescaping, so a hostile
  article can never inject markup or script. No article text ever becomes an attribute name or a script;
  the only URLs are the article's own links (Markdown input), and only those with a safe scheme (see
  ``inline.safe_href``).
* One DOM serves all four layouts. Switching is a ``data-layout`` attribute on ``<main>``; the
  sentence-interleaved layout reorders the same sentence elements with CSS ``order`` (each sentence carries
  its slot in ``--o``), so switching never rebuilds anything and works for any article size.
* Interaction uses event delegation: a handful of listeners on ``<main>``, never one per sentence, and
  the link index is built on first use, so a 2,000-sentence article opens as fast as a short one.
"""

from __future__ import annotations

from markupsafe import Markup

from pipeline import __version__
from pipeline.bitext.document import Document
from pipeline.bitext.status import review_summary
from pipeline.publish import page_assets, page_parts
from pipeline.publish.page_assets import asset
from pipeline.publish.page_text import ReviewMarks, page_text
from pipeline.publish.pairs import target_text
from pipeline.registry import PAGE_LAYOUTS

#: The switcher's words for each layout of ``pipeline.registry.PAGE_LAYOUTS`` (a test checks both agree).
LAYOUT_LABELS = {
    "side-by-side": "Side by side",
    "paragraphs": "Paragraphs",
    "sentences": "Sentences",
    "translation": "Translation only",
}
DEFAULT_LAYOUT = PAGE_LAYOUTS[0]
def _rich(doc: Document) -> bool:
    """Pages with tables, images or front matter get their styles; others stay smaller."""
    return any(b.kind in ("table", "front_matter", "html") or any(m.kind in ("image", "raw") for m in b.marks)
               for b in doc.blocks)


def _meta(doc: Document) -> dict[str, str]:
    m = doc.meta
    model, revision = page_parts.model_name(doc)
    return {
        "source": m.source_url.strip() or page_parts.file_name(m.source_file),
        "model": model,
        "revision": str(m.model.get("revision", "")) if m.model else revision,
        "date": m.updated,
        "version": __version__,
    }


def _title(doc: Document) -> str:
    title_block = next((b for b in doc.blocks if b.kind == "title"), None)
    source = " ".join((doc.meta.title or "").split())
    target = target_text(title_block) if title_block is not None else ""
    return " / ".join(t for t in (source, target) if t) or "Bilingual document"


def render_html(doc: Document, layout: str = DEFAULT_LAYOUT, images: str = "placeholder", *,
                review_marks: bool = False) -> str:
    """The whole page as one string; ``layout`` is the layout shown until the reader picks another.

    Without ``review_marks`` the page is the reader's edition: no review marks, no legend. With them, links
    that need review (``pipeline.bitext.status``) are marked and a legend explains each reason, unless
    nothing needs review, when the page looks like the reader's edition. ``images``: "placeholder" (nothing
    is loaded from anywhere) or "load" (lazy ``<img>`` tags).
    """
    if layout not in PAGE_LAYOUTS:
        layout = DEFAULT_LAYOUT
    info = _meta(doc)
    m = doc.meta
    summary = review_summary(doc)
    marks = ReviewMarks(on=review_marks)
    text = page_text(doc, marks, images)
    if review_marks and not (summary.needs_review or marks.unlinked):
        marks = ReviewMarks(on=False)
        text = page_text(doc, marks, images)  # nothing to review: the reader's edition, without tooltips or legend
    legend = page_parts.legend(summary, marks.reasons, marks.notes, marks.unlinked) if marks.on else ""
    meta = [
        (name, value)
        for name, value in (
            ("generator", f"bilingual {info['version']}"),
            ("description", m.description.strip()
             or f"Bilingual edition ({m.source_lang}/{m.target_lang}) with sentence-linked translation"),
            ("author", " ".join(m.author.split())),
            ("dcterms.source", info["source"]),
            ("dcterms.date", info["date"]),
            ("bilingual.model", info["model"]),
            ("bilingual.model-revision", info["revision"]),
            ("bilingual.version", info["version"]),
        )
        if value or name != "author"
    ]
    styles = [asset("page.css")]
    if any(b.marks for b in doc.blocks):
        styles.append(asset("marks.css"))
    if _rich(doc):
        styles.append(asset("media.css"))
    return page_assets.template("page.html").render(
        title=_title(doc), meta=meta, styles=[*styles, asset("publication.css")],
        layouts=[(name, LAYOUT_LABELS[name]) for name in PAGE_LAYOUTS], layout=layout,
        view_controls=Markup(page_parts.view_controls(doc)), legend=Markup(legend), text=Markup(text),
        source_lang=m.source_lang, footer=Markup(page_parts.footer(doc, summary)),
        scripts=[asset("page.js"), asset("publication.js")],
    )
