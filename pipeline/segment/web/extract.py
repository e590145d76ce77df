"""A web page -> the article as Markdown and the page's metadata, with trafilatura.

Why trafilatura: it is the field's standard main-text extractor (and reads JSON-LD, OpenGraph and
Dublin Core metadata), so no boilerplate remover is written here; ``prepare`` only fixes what it loses.

Settings, measured on the pages in tests/data/html with ``bench/web_extract.py``:

* ``include_formatting``, ``include_links``: bold, italics and links become the block's marks, as in a
  Markdown article, so the page keeps its links and emphasis;
* ``include_images``: keeps an image where it stands, so its caption (see ``prepare``) stays next to it;
* ``include_tables``: a table of figures is part of the article (GFM table in the Markdown);
* ``include_comments=False``: readers' comments are not the article;
* ``deduplicate=False``: trafilatura's de-duplication removes a paragraph that repeats an earlier one;
  an article may repeat a line on purpose, and text is never dropped silently;
* ``favor_precision`` and ``favor_recall`` stay off: on the test pages all three modes give the same
  blocks once ``prepare`` has removed the Indonesian debris, so the balanced default is kept; precision mode
  discards more text it is unsure of (the risk is a short article paragraph), recall mode keeps more (the
  risk is boilerplate), and neither risk buys anything measured here;
* ``fast=False``: the fallback extractors (readability, jusText) rescue pages whose markup defeats the
  main heuristics.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.errors import InputError

EXTRACT_SETTINGS: dict[str, object] = {
    "include_formatting": True,
    "include_links": True,
    "include_images": True,
    "include_tables": True,
    "include_comments": False,
    "deduplicate": False,
    "favor_precision": False,
    "favor_recall": False,
    "fast": False,
}


@dataclass
class WebArticle:
    """The article's Markdown and the provenance the page gives (``""`` = not given)."""

    markdown: str
    meta: dict[str, str] = field(default_factory=dict)


def _one_line(value: object) -> str:
    return " ".join(str(value or "").split())


def _http_url(value: str) -> str:
    return value if re.match(r"(?i)https?://[^\s/]+", value) else ""


def _key(text: str) -> str:
    return re.sub(r"[\W_]+", "", text.casefold())


def _authors(value: str, site_names: tuple[str, ...]) -> str:
    """trafilatura's author list without the site itself (a ``<meta name="author">`` naming the site)."""
    sites = {_key(s) for s in site_names if s}
    parts = [p.strip() for p in re.split(r";|,(?=\s)", value) if p.strip()]
    return ", ".join(p for p in parts if _key(p) not in sites)


def page_metadata(doc: object, url: str = "") -> dict[str, str]:
    """trafilatura's metadata mapped onto the bitext ``Meta`` provenance fields."""
    get = lambda name: _one_line(getattr(doc, name, ""))  # noqa: E731
    site = get("sitename") or get("hostname")
    return {
        "title": get("title"),
        "author": _authors(get("author"), (get("sitename"), get("hostname"))),
        "date": get("date"),
        "site_name": site,
        "source_url": _http_url(get("url")) or _http_url(url),
        "description": get("description"),
        "license": get("license"),
    }


def extract_article(html: str | bytes, *, url: str = "", origin: str = "page",
                    settings: dict[str, object] | None = None, prepare: bool = True) -> WebArticle:
    """Extract the article of one page; ``url`` is where it was fetched (resolves relative links).

    ``settings`` and ``prepare=False`` exist for bench/web_extract.py, which measures the alternatives.
    Raises InputError naming ``origin`` when the page holds no article text.
    """
    import trafilatura
    from lxml.etree import LxmlError
    from trafilatura.utils import load_html

    from pipeline.segment.web.prepare import prepare_tree
    from pipeline.segment.web.xml_markdown import block_markdown, escape

    try:
        tree = load_html(html)
        if tree is None:
            raise InputError(f"{origin}: not an HTML page that can be read")
        base = _base_url(tree, url)
        if prepare:
            prepare_tree(tree)
        doc = trafilatura.bare_extraction(tree, url=url or None, with_metadata=True, output_format="python",
                                          **{**EXTRACT_SETTINGS, **(settings or {})})  # type: ignore[arg-type]
    except (LxmlError, ValueError, RecursionError) as err:  # markup too broken for the parser
        raise InputError(f"{origin}: the page cannot be read as HTML ({type(err).__name__})") from err
    if doc is None or getattr(doc, "body", None) is None:
        raise InputError(f"{origin}: no article text found on the page")
    restore_headings(tree, doc.body)
    meta = page_metadata(doc, url)
    base = base or meta["source_url"]
    blocks = block_markdown(doc.body, base)
    if not blocks:
        raise InputError(f"{origin}: no article text found on the page")
    title = meta["title"]
    if title and not (blocks[0].startswith("# ") or blocks[0].startswith("#\t")):
        blocks.insert(0, "# " + escape(title))
    return WebArticle(markdown="\n\n".join(blocks) + "\n", meta=meta)


def _base_url(tree: object, url: str) -> str:
    """Where relative links point: the page's ``<base href>``, else the address it came from."""
    from urllib.parse import urljoin

    bases = tree.xpath("//base[@href]/@href")  # type: ignore[attr-defined]
    if bases:
        try:
            return urljoin(url, str(bases[0]).strip()) if url else _http_url(str(bases[0]).strip())
        except ValueError:
            return url
    return url


def _norm(text: str) -> str:
    return " ".join(text.replace("\ue000", " ").split())


def restore_headings(page: object, body: object) -> int:
    """Put back a subheading trafilatura dropped between two paragraphs it kept; return how many.

    Why: on some pages trafilatura keeps every paragraph of a section but not the ``<h2>``-``<h6>`` that
    opens it (seen on a held-out news page), and a heading is part of the article. Only a heading whose next
    paragraph on the page was extracted, word for word, is put back, before that paragraph.
    """
    from lxml import etree

    extracted = {_norm("".join(el.itertext())): el for el in body.iter("p")}  # type: ignore[attr-defined]
    have = {_norm("".join(el.itertext())) for el in body.iter("head")}  # type: ignore[attr-defined]
    restored = 0
    for h in page.xpath("//h2|//h3|//h4|//h5|//h6"):  # type: ignore[attr-defined]
        text = _norm(h.text_content())
        if not text or text in have or len(text) > 200:
            continue
        nxt = h.getnext()
        while nxt is not None and not _norm(nxt.text_content()):
            nxt = nxt.getnext()
        prv = h.getprevious()
        target = extracted.get(_norm(nxt.text_content())) if nxt is not None else None
        if target is None or prv is None or _norm(prv.text_content()) not in extracted:
            continue
        head = etree.Element("head", rend=h.tag)
        head.text = text
        target.addprevious(head)
        have.add(text)
        restored += 1
    return restored
