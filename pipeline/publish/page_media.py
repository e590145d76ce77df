"""Images and raw markup on the reading page.

Why placeholders by default: the page must open offline and load nothing from the network, so an image is a
captioned box (its alt text, translated on the English side, and its address as a link the reader may
follow). ``[publish] images = "load"`` writes real ``<img loading="lazy">`` tags for sites that host the
images. Raw markup (an inline HTML tag) is never shown as text; an address it names (``<a href>``,
``<img src>``) stays reachable as a small link.
"""

from __future__ import annotations

import re
from html import escape

from pipeline.publish.inline import safe_href, safe_tag

def _e(value: object) -> str:
    return escape(str(value), quote=True)


def image_html(alt_html: str, src: str | None, mode: str, shown: str | None = None) -> str:
    """One image: a captioned placeholder (``alt_html`` is already escaped), or a lazy ``<img>``.

    ``src`` None: no link may be written (an unsafe address, or the image sits inside a link); ``shown`` is
    then an address to write as text.
    """
    if src is None:
        addr = f'<span class="addr">{_e(shown)}</span>' if shown else ""
        return f'<span class="img">{alt_html}{addr}</span>'
    if mode == "load":
        return (f'<span class="img"><img src="{_e(src)}" alt="" loading="lazy" decoding="async">'
                f'<span class="cap">{alt_html}</span></span>')
    return (f'<span class="img">{alt_html}<a class="addr" href="{_e(src)}" rel="noopener noreferrer">{_e(src)}</a>'
            "</span>")


def raw_html(raw: str, href: str | None, mode: str) -> str:
    """Raw markup on the page: nothing, an image with its address, or a small link to the address it names."""
    if href is None:
        return ""
    if raw.startswith("![") or re.match(r"<img\b", raw, re.I):
        alt = re.search(r"""\balt\s*=\s*(?:"([^"]*)"|'([^']*)')""", raw)
        text = next((g for g in alt.groups() if g is not None), "") if alt else ""
        return image_html(_e(text or "image"), href, mode)
    if raw.startswith("</"):
        return ""
    return (f'<a class="src-link" href="{_e(href)}" rel="noopener noreferrer" aria-label="{_e(f"link: {href}")}"'
            f' title="{_e(href)}">↗</a>')


def block_images(html: str, mode: str) -> str:
    """The images of a raw HTML block that is not translated (a row of badges), as the page shows images."""
    out = []
    for m in re.finditer(r"<img\b[^>]*>", html, re.I):
        src = re.search(r"""\bsrc\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", m.group(), re.I)
        if src and safe_tag(m.group()):
            out.append(raw_html(m.group(), safe_href(next(g for g in src.groups() if g is not None)), mode))
    return " ".join(x for x in out if x)


def visible_words(html: str) -> bool:
    """Does raw HTML hold words a reader would see (not only comments, scripts, styles and tags)?"""
    text = re.sub(r"<!--.*?-->|<(script|style)\b.*?</\1\s*>", " ", html, flags=re.S | re.I)
    text = re.sub(r"<[^>]*>", " ", text)
    return bool(re.search(r"\w", text))
