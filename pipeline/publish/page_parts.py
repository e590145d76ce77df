"""The parts of the reading page around the text: masthead, reading controls, review legend and credits footer.

Why apart from ``html.py``: that module renders the article's blocks and sentences; this one says what a
publication says about itself (title, byline, date and source from ``Meta``, who translated it and how,
whether a person reviewed it), in the reader's words rather than as raw paths, model folders and ISO stamps.
Every value passes through ``escape`` on its way in, and the only address written is the original's
``source_url`` when its scheme is safe to follow.
"""

from __future__ import annotations

import datetime as _dt
from html import escape
from pathlib import PurePath, PureWindowsPath

from pipeline import __version__
from pipeline.bitext.document import Document
from pipeline.publish.credits import readable_date
from pipeline.publish.inline import safe_href
from pipeline.bitext.status import FLAGS, UNSURE, ReviewSummary, flag_info

#: Column labels: each language named in itself, as a reader of that language looks for it.
ENDONYMS = {
    "id": "Bahasa Indonesia", "en": "English", "ms": "Bahasa Melayu", "jv": "Basa Jawa", "su": "Basa Sunda",
    "nl": "Nederlands", "de": "Deutsch", "fr": "Français", "es": "Español", "pt": "Português",
    "ru": "Русский", "uk": "Українська", "zh": "中文", "ja": "日本語", "ko": "한국어", "ar": "العربية",
}
#: The same languages named in English, for the English credit line.
ENGLISH_NAMES = {
    "id": "Indonesian", "en": "English", "ms": "Malay", "jv": "Javanese", "su": "Sundanese", "nl": "Dutch",
    "de": "German", "fr": "French", "es": "Spanish", "pt": "Portuguese", "ru": "Russian", "uk": "Ukrainian",
    "zh": "Chinese", "ja": "Japanese", "ko": "Korean", "ar": "Arabic",
}
_BY = {"id": "Oleh", "en": "By"}
_ORIGINAL = {"id": "Artikel asli", "en": "Original article"}


def _e(value: object) -> str:
    return escape(str(value), quote=True)


def _base(lang: str) -> str:
    return (lang or "").split("-")[0].split("_")[0].lower()


def language_label(lang: str) -> str:
    return ENDONYMS.get(_base(lang), lang or "?")


def english_name(lang: str) -> str:
    return ENGLISH_NAMES.get(_base(lang), lang or "an unknown language")


def parse_date(value: str) -> _dt.date | None:
    """The date in an ISO 8601 date or date-time, or None for anything else."""
    text = (value or "").strip()
    if not text:
        return None
    try:
        return _dt.datetime.fromisoformat(text.replace("Z", "+00:00")).date()
    except ValueError:
        pass
    try:
        return _dt.date.fromisoformat(text[:10])
    except ValueError:
        return None


def file_name(path: str) -> str:
    """The name of a file without its folders (POSIX or Windows): a page never shows where its maker keeps files."""
    if not path or path == "-":
        return "standard input" if path == "-" else ""
    return PureWindowsPath(PurePath(path).name).name


def model_name(doc: Document) -> tuple[str, str]:
    """The model's hub name (or, for a local folder, the folder's name) and a short revision."""
    model = doc.meta.model or {}
    name = str(model.get("name", "") or "")
    if name and (name.startswith((".", "/", "~")) or "\\" in name or name.count("/") > 1):
        name = file_name(name.rstrip("/\\"))
    revision = str(model.get("revision", "") or "")
    if len(revision) == 40 and all(c in "0123456789abcdef" for c in revision):
        revision = revision[:7]
    return name, revision


# ------------------------------------------------------------------ masthead


def byline_row(doc: Document) -> str:
    """Author, date and site in each language's words, as a two-sided row that follows the page's layout."""
    m = doc.meta
    sides = []
    for side, lang in (("src", m.source_lang), ("tgt", m.target_lang)):
        parts = []
        if m.author.strip():
            parts.append(f'{_e(_BY.get(_base(lang), "By"))} <span class="author">{_e(" ".join(m.author.split()))}</span>')
        if m.date.strip():
            day = parse_date(m.date)
            stamp = f' datetime="{_e(day.isoformat())}"' if day else ""
            parts.append(f"<time{stamp}>{_e(readable_date(m.date, lang))}</time>")
        if m.site_name.strip():
            parts.append(f'<span class="site">{_e(" ".join(m.site_name.split()))}</span>')
        if not parts:
            return ""
        sides.append(f'<p class="side {side}" lang="{_e(lang)}">{" · ".join(parts)}</p>')
    return f'<div class="blk byline">{"".join(sides)}</div>'


def original_link(doc: Document) -> str:
    href = safe_href(doc.meta.source_url.strip()) if doc.meta.source_url.strip() else None
    if not href or not href.lower().startswith(("http://", "https://")):
        return ""
    lang = doc.meta.source_lang
    label = _ORIGINAL.get(_base(doc.meta.target_lang), "Original article")
    shown = href.split("://", 1)[1].rstrip("/")
    return (f'<p class="orig">{_e(label)} ({_e(language_label(lang))}): '
            f'<a href="{_e(href)}" hreflang="{_e(lang)}" rel="noopener noreferrer">{_e(shown)}</a></p>')


def column_labels(doc: Document) -> str:
    m = doc.meta
    return (f'<div class="blk cols" aria-hidden="true"><div class="side src" lang="{_e(m.source_lang)}">'
            f'{_e(language_label(m.source_lang))}</div><div class="side tgt" lang="{_e(m.target_lang)}">'
            f"{_e(language_label(m.target_lang))}</div></div>")


# ------------------------------------------------------------------ controls


def _radios(name: str, label: str, options: dict[str, str], checked: str) -> str:
    items = "".join(
        f'<label><input type="radio" name="{name}" value="{_e(value)}"{" checked" if value == checked else ""}>'
        f'<span class="opt">{_e(text)}</span></label>'
        for value, text in options.items()
    )
    return (f'<div class="layouts" id="{name}s" role="radiogroup" aria-label="{_e(label)}">'
            f'<span class="lbl">{_e(label)}</span>{items}</div>')


def view_controls(doc: Document) -> str:
    """Which language(s) to show and a button that swaps the two columns."""
    m = doc.meta
    shown = _radios("show", "Show", {"both": "Both", "src": language_label(m.source_lang),
                                      "tgt": language_label(m.target_lang)}, "both")
    swap = '<button type="button" id="swap" class="opt" aria-pressed="false">⇄ Swap columns</button>'
    return f"{shown}{swap}"


# ------------------------------------------------------------------ legend


def legend(summary: ReviewSummary, reasons: dict[str, str], notes: dict[str, str], unlinked: bool) -> str:
    """A folding legend of the review marks, with every reason and note that occurs on the page explained."""
    items = ['<li><span class="s rv">wavy underline</span> needs review (point at it for the reasons)</li>']
    if unlinked:
        items.append('<li><span class="s un">dashed underline</span> not linked to any sentence</li>')
    for code, label in reasons.items():
        info = UNSURE if code == "unsure" else flag_info(code)
        items.append(f"<li><b>{_e(label)}</b>: {_e(info.explanation)}</li>")
    for code, label in notes.items():
        info = FLAGS.get(code) or flag_info(code)
        items.append(f'<li><b>{_e(label)}</b> (a note, not a problem): {_e(info.explanation)}</li>')
    head = f"Review marks: {summary.needs_review} of {summary.links} links need review"
    return f'<details class="legend" id="legend" open><summary>{_e(head)}</summary><ul>{"".join(items)}</ul></details>'


# ------------------------------------------------------------------ footer


def reviewed_words(summary: ReviewSummary) -> str:
    if summary.links and summary.reviewed >= summary.links:
        return "yes"
    if summary.reviewed:
        return f"partly ({summary.reviewed} of {summary.links} links)"
    return "no"


def credit_line(doc: Document, summary: ReviewSummary) -> str:
    """``Translated from Indonesian by machine translation with M; reviewed by a person: no.``"""
    m = doc.meta
    src = english_name(m.source_lang)
    reviewed = reviewed_words(summary)
    if m.target_origin == "human":
        made = f"Translated from {src}{_about(doc)} by a person"
        if m.target_file:
            made += f" ({file_name(m.target_file)})"
        return f"{made}; sentences linked by bilingual; links reviewed by a person: {reviewed}."
    name, _ = model_name(doc)
    how = f"by machine translation with {name}" if name else "by machine translation"
    return f"Translated from {src}{_about(doc)} {how}; reviewed by a person: {reviewed}."


def _about(doc: Document) -> str:
    """`` (Site, “Title”, Author, 14 August 2024)``: which original, when the bitext knows."""
    m = doc.meta
    title = " ".join(m.title.split())
    parts = [" ".join(m.site_name.split()), f"“{title}”" if title and m.site_name.strip() else "",
             " ".join(m.author.split()), readable_date(m.date, "en") if m.date.strip() else ""]
    about = ", ".join(p for p in parts if p)
    return f" ({about})" if about else ""


def footer(doc: Document, summary: ReviewSummary) -> str:
    m = doc.meta
    name, revision = model_name(doc)
    notice = ""
    if m.target_origin != "human":
        notice = ('<p class="notice">This translation was made by a machine and may contain errors; '
                  f"the {_e(language_label(m.source_lang))} original is the authoritative text.</p>")
    items = [("Original file", file_name(m.source_file) or "unknown")]
    if m.source_url.strip():
        items.append(("Original address", " ".join(m.source_url.split())))
    if name:
        items.append(("Model", f"{name} (revision {revision})" if revision else name))
    items.append(("Published", readable_date(m.updated, "en") if parse_date(m.updated) else (m.updated or "unknown")))
    if m.license.strip():
        items.append(("Licence", " ".join(m.license.split())))
    items.append(("Tool", f"bilingual {__version__}"))
    dl = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in items)
    return (f'<footer><p class="credit">{_e(credit_line(doc, summary))}</p>{notice}'
            f"<dl>{dl}</dl></footer>")
