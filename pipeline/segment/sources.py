"""Where an article comes from: a file, standard input or a URL, as plain text, Markdown or an HTML page.

Why one place: ``segment``, ``run`` and both sides of ``align`` take the same kinds of input, and a web
page must become the same thing a Markdown article is (blocks with inline marks, via the Markdown ingest)
plus the provenance the page states (title, byline, date, site, address, licence) in the bitext ``Meta``.
"""

from __future__ import annotations

import hashlib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import InputError
from pipeline.registry import INPUT_FORMATS
from pipeline.bitext.filekind import check_article

#: The older spellings of two ``--input-format`` values.
_CANONICAL = {"txt": "text", "md": "markdown"}
HTML_SUFFIXES = (".html", ".htm", ".xhtml", ".shtml")
MARKDOWN_SUFFIXES = (".md", ".markdown")
_HTML_START = re.compile(r"^\s*(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html)[\s>]", re.I | re.S)
_ANY_TAG = re.compile(r"<[A-Za-z!/?]")
#: The Meta fields a page can fill.
PROVENANCE = ("author", "date", "site_name", "source_url", "description", "license")


@dataclass
class Article:
    """An article as read, what the segment stage takes: the text to parse and where it came from."""

    name: str  # path, URL or "-"
    text: str  # what the ingest reads: the article's text or Markdown (a page's article as Markdown)
    ingest: str  # "txt" or "md": the ingest parser for ``text``
    input_format: str  # "text", "markdown" or "html"
    sha256: str  # of the input as read (the page itself for HTML)
    provenance: dict[str, str] = field(default_factory=dict)

    @classmethod
    def from_text(cls, text: str, *, name: str = "-", fmt: str = "auto") -> Article:
        """A text held in memory: plain text or Markdown (``fmt``, else ``name``'s extension), no provenance.

        Why no look at the content: a caller holding a string knows what it is; a web page in a string goes
        through ``read_article``'s extraction, not here.
        """
        if fmt == "auto":
            fmt = "md" if Path(name).suffix.lower() in MARKDOWN_SUFFIXES else "txt"
        elif fmt not in ("txt", "md"):
            raise InputError(f"unknown input format {fmt!r}; use txt, md or auto")
        return cls(name, text, fmt, "markdown" if fmt == "md" else "text", _sha(text))


def looks_like_html(text: str) -> bool:
    return bool(_HTML_START.match(text[:4096]))


def detect_input_format(name: str, text: str, fmt: str = "auto") -> str:
    """``text``, ``markdown`` or ``html``: forced by ``fmt``, else from the extension, else the content."""
    fmt = _CANONICAL.get(fmt, fmt)
    if fmt not in INPUT_FORMATS:
        raise InputError(f"unknown input format {fmt!r}; use auto, text, markdown or html")
    if fmt != "auto":
        return fmt
    suffix = Path(name).suffix.lower() if name != "-" else ""
    if suffix in HTML_SUFFIXES:
        # a ".html" file without a single tag is text someone saved under that name, not a page
        return "html" if _ANY_TAG.search(text[:65536]) else "text"
    if suffix in MARKDOWN_SUFFIXES:
        return "markdown"
    return "html" if looks_like_html(text) else "text"


def _sha(text: str | bytes) -> str:
    return hashlib.sha256(text if isinstance(text, bytes) else text.encode("utf-8")).hexdigest()


def read_article(name: str, *, encoding: str = "utf-8", fmt: str = "auto", fetch_options: object = None,
                 what: str = "article", report: Callable[[str], None] | None = None) -> Article:
    """Read (or fetch) one input and turn a web page into Markdown; errors name the file or URL."""
    from pipeline.segment.web.fetch import is_url

    if is_url(name):
        return _read_url(name, fmt, fetch_options, report)
    if re.match(r"(?i)^[a-z][a-z0-9+.-]*://", name) and not Path(name).exists():
        raise InputError(f"{name}: only http:// and https:// addresses can be fetched")
    from pipeline.fileio import read_text_input

    try:
        text = read_text_input(name, encoding, what=what)
    except InputError as err:
        text = _declared_charset_page(name, encoding, fmt, err)
    check_article(name, text)  # a bitext, review file, export or our own page gets a hint, not a parse
    kind = detect_input_format(name, text, fmt)
    if kind == "html" and fmt == "auto" and not _ANY_TAG.search(text[:65536]):
        kind = "text"  # a ".html" file without a single tag is text given the wrong name, not a page
    if kind == "html":
        return _from_html(name, text, _sha(text), url="")
    return Article(name, text, "md" if kind == "markdown" else "txt", kind, _sha(text))


def _declared_charset_page(name: str, encoding: str, fmt: str, err: InputError) -> str:
    """A saved page that is not UTF-8 but says its charset in ``<meta>`` is read in that charset.

    Why: browsers save pages in the encoding they came in (windows-1252, iso-8859-1) and the page says so;
    only when the user gave no ``--encoding`` and the page names a charset that decodes it all.
    """
    import codecs

    from pipeline.segment.web.fetch import meta_charset

    if (name == "-" or not isinstance(err.__cause__, UnicodeDecodeError)
            or encoding.lower().replace("-", "") != "utf8" or fmt not in ("auto", "html")):
        raise err
    data = Path(name).read_bytes()
    charset = meta_charset(data)
    if not charset:
        raise err
    try:
        codecs.lookup(charset)
        text = data.decode(charset)
    except (LookupError, UnicodeDecodeError):
        raise err from None
    if fmt == "auto" and not (Path(name).suffix.lower() in HTML_SUFFIXES or looks_like_html(text)):
        raise err
    return text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")


def _read_url(url: str, fmt: str, fetch_options: object, report: Callable[[str], None] | None) -> Article:
    from pipeline.segment.web.fetch import Fetcher, FetchOptions, decode_page

    options = fetch_options if isinstance(fetch_options, FetchOptions) else FetchOptions()
    page = Fetcher(options).fetch(url, report=report)
    text = decode_page(page)
    if not text.strip():
        raise InputError(f"{url}: the server sent an empty page")
    media = page.media_type
    if fmt == "auto":
        if media in ("text/markdown", "text/x-markdown"):
            fmt = "markdown"
        elif media == "text/plain" and not looks_like_html(text):
            fmt = "text"
        elif media in ("text/html", "application/xhtml+xml") or looks_like_html(text):
            fmt = "html"
        else:
            raise InputError(f"{url}: the server sent {media or 'an unnamed type'}, not a web page or text")
    kind = detect_input_format(url, text, fmt)
    if kind == "html":
        return _from_html(url, text, _sha(page.body), url=page.final_url)
    return Article(url, text, "md" if kind == "markdown" else "txt", kind, _sha(page.body),
                        provenance={"source_url": page.final_url})


def _from_html(name: str, html: str, sha: str, url: str) -> Article:
    from pipeline.segment.web.extract import extract_article

    origin = "standard input" if name == "-" else name
    article = extract_article(html, url=url, origin=origin)
    return Article(name, article.markdown, "md", "html", sha, provenance=dict(article.meta))


def url_stem(url: str) -> str:
    """A file name for what a URL gives: its last path segment without an extension, else its host."""
    from urllib.parse import unquote, urlsplit

    parts = urlsplit(url)
    segments = [s for s in unquote(parts.path).split("/") if s]
    name = segments[-1] if segments else (parts.hostname or "page")
    for suffix in (*HTML_SUFFIXES, *MARKDOWN_SUFFIXES, ".txt", ".php", ".aspx", ".asp"):
        if name.lower().endswith(suffix) and len(name) > len(suffix):
            name = name[: -len(suffix)]
            break
    name = re.sub(r"[^\w.-]+", "-", name).strip(".-")[:80]
    return name or (parts.hostname or "page")
