"""What kind of file a person handed us, so a wrong one gets a hint instead of a parse error.

Why: the commands take articles, bitext files, review files and exports that all sit in the same folder
(``x.txt``, ``x.bitext.json``, ``x.review.txt``, ``x.html``, ``x.xlf``). Giving one where another belongs is
the most common mistake, and "corrupt JSON at line 1" does not say what to do. Sniffing reads only the start
of the text, never guesses from the name alone, and stays silent (``article``) when unsure.
"""

from __future__ import annotations

import json
import re

from pipeline.errors import InputError

TSV_HEADER_START = "source\ttarget\t"
_REVIEW_HEADER = "# bilingual review file"
_OUR_PAGE = re.compile(r'<meta name="generator" content="bilingual\b')


def sniff(text: str) -> str:
    """One of: bitext, json, review, page (a page published by bilingual), html, tmx, xliff, tsv, article."""
    head = text.lstrip("\ufeff \t\r\n")[:4096]
    low = head.lower()
    if head.startswith("{"):
        try:
            data = json.loads(text)
        except ValueError:
            return "bitext"  # torn JSON: most likely a bitext cut short; its reader says where it breaks
        return "bitext" if isinstance(data, dict) and "schema" in data and "blocks" in data else "json"
    if head.startswith(_REVIEW_HEADER):
        return "review"
    if low.startswith(("<!doctype html", "<html")):
        return "page" if _OUR_PAGE.search(head) else "html"
    if low.startswith("<?xml") or low.startswith(("<tmx", "<xliff")):
        if "<tmx" in low:
            return "tmx"
        if "<xliff" in low:
            return "xliff"
    if head.startswith(TSV_HEADER_START):
        return "tsv"
    return "article"


_NAMES = {
    "review": "a review file",
    "page": "a reading page published by bilingual",
    "html": "a web page (HTML)",
    "tmx": "a TMX translation memory",
    "xliff": "an XLIFF file",
    "tsv": "a TSV export",
    "json": "a JSON file of another kind",
    "article": "an article (plain text or Markdown)",
    "bitext": "a bitext file",
}


def _page_bitext(name: str) -> str:
    return (name[: -len(".html")] if name.lower().endswith(".html") else name) + ".bitext.json"


def hint_for_bitext(name: str, kind: str) -> str:
    """What to say when ``name`` (of ``kind``) was given where a bitext file belongs; "" for a bitext."""
    what = _NAMES.get(kind, "")
    if kind == "bitext" or not what:
        return ""
    if kind == "article":
        return f"this looks like {what}, not a bitext file; make one with `bilingual run {name}`"
    if kind == "review":
        return f"this is {what}, not a bitext file; apply it with `bilingual apply-review {name} BITEXT`"
    if kind in ("xliff", "tsv"):
        return f"this is {what}, not a bitext file; bring its edits back with `bilingual apply-review {name} BITEXT`"
    if kind == "page":
        return f"this is {what}, not a bitext file; its bitext file is {_page_bitext(name)}"
    return f"this is {what}, not a bitext file"


def hint_for_article(name: str, kind: str) -> str:
    """What to say when ``name`` (of ``kind``) was given where an article belongs; "" when it may be one."""
    if kind == "bitext":
        return (f"this is a bitext file, not an article; continue it with `bilingual translate {name}`, "
                f"`bilingual publish {name}` or `bilingual review {name}`")
    if kind == "review":
        return f"this is a review file, not an article; apply it with `bilingual apply-review {name} BITEXT`"
    if kind == "page":
        return f"this is a reading page published by bilingual, not an article; its bitext file is {_page_bitext(name)}"
    if kind in ("tmx", "xliff", "tsv"):
        return f"this is {_NAMES[kind]} exported by a translation tool, not an article"
    return ""


def check_article(name: str, text: str) -> None:
    """Refuse a bitext, review file, export or published page given where an article belongs, saying what it is."""
    hint = hint_for_article(name, sniff(text))
    if hint:
        raise InputError(f"{name}: {hint}")
