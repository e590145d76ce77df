"""Who wrote the original and how it was translated: the byline under the title and the credit line.

Why here and small: an article taken from a web page must carry its author, date, site and a link to
the original, and the translation must say how it was made; the reading page's own header and footer
design lives elsewhere (issue 16), so this is one function that returns both pieces, easy to reconcile.
Both pieces exist only for a document that knows where it came from (a web page or front matter), so
the page of a plain article stays as it was.
"""

from __future__ import annotations

import datetime as _dt
from html import escape
from urllib.parse import urlsplit

from pipeline.document import Document
from pipeline.publish.inline import safe_href

MONTHS = {
    "id": ("Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober",
           "November", "Desember"),
    "en": ("January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
           "November", "December"),
}
_WORDS = {
    "id": {"by": "Oleh", "original": "Artikel asli"},
    "en": {"by": "By", "original": "Original article"},
}


def readable_date(value: str, lang: str) -> str:
    """``2024-10-14`` (or a date-time) as ``14 Oktober 2024`` / ``14 October 2024``; anything else as given."""
    try:
        day = _dt.date.fromisoformat(value.strip()[:10])
    except ValueError:
        return value.strip()
    months = MONTHS.get(lang, MONTHS["en"])
    return f"{day.day} {months[day.month - 1]} {day.year}"


def has_provenance(doc: Document) -> bool:
    m = doc.meta
    return any((m.author, m.date, m.site_name, m.source_url))


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _byline(doc: Document, lang: str) -> str:
    m, words = doc.meta, _WORDS.get(lang, _WORDS["en"])
    parts = []
    if m.author:
        parts.append(f'<span class="author">{_e(words["by"])} {_e(m.author)}</span>')
    if m.site_name:
        parts.append(f'<span class="site">{_e(m.site_name)}</span>')
    if m.date:
        parts.append(f'<time datetime="{_e(m.date)}">{_e(readable_date(m.date, lang))}</time>')
    href = safe_href(m.source_url) if m.source_url else None
    if href:
        parts.append(f'<a href="{_e(href)}" rel="noopener noreferrer">{_e(words["original"])}</a>')
    return " · ".join(parts)


def credits_html(doc: Document) -> tuple[str, str]:
    """(byline row for under the title, credit paragraph for the footer); both "" without provenance."""
    if not has_provenance(doc):
        return "", ""
    m = doc.meta
    row = (
        '<div class="blk byline-row" role="group" aria-label="About the original">'
        f'<p class="side src byline" lang="{_e(m.source_lang)}">{_byline(doc, m.source_lang)}</p>'
        f'<p class="side tgt byline" lang="{_e(m.target_lang)}">{_byline(doc, m.target_lang)}</p></div>'
    )
    return row, f'<p class="credit">{credit_line(doc)}</p>'


def credit_line(doc: Document) -> str:
    """"Translated from SITE ("TITLE", AUTHOR, DATE) by machine translation with MODEL; reviewed ..." (HTML)."""
    m = doc.meta
    href = safe_href(m.source_url) if m.source_url else None
    where = m.site_name or (urlsplit(m.source_url).hostname if m.source_url else "") or m.source_file or "the original"
    origin = f'<a href="{_e(href)}" rel="noopener noreferrer">{_e(where)}</a>' if href else _e(where)
    details = [f"“{_e(m.title)}”" if m.title else "", _e(m.author), _e(readable_date(m.date, "en")) if m.date else ""]
    about = ", ".join(d for d in details if d)
    reviewed = any(link.status in ("confirmed", "edited") for b in doc.blocks for link in b.links)
    if m.target_origin == "human":
        how = "by a person; aligned with bilingual"
    else:
        model = str(m.model.get("name", "")) if m.model else ""
        how = f"by machine translation with {_e(model)}" if model else "by machine translation"
    return (f"Translated from {origin}{f' ({about})' if about else ''} {how}; "
            f"reviewed by a person: {'yes' if reviewed else 'no'}.")
