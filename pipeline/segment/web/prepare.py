"""Small corrections to a page's HTML tree before trafilatura reads it.

Why: trafilatura finds the article, but a few things on Indonesian news and government pages defeat it or
are lost on the way, and each is fixed here on the tree rather than by guessing on the extracted text:

* image captions (``<figcaption>``) are dropped by trafilatura; they become the image's text;
* paragraphs written as loose text separated by ``<br><br>`` (a common CMS habit) lose the space after
  a bold dateline (``<b>Jakarta</b> - Badan``), and several paragraphs in one ``<p>`` split by
  ``<br><br>`` come out as one block; both become one ``<p>`` per paragraph, as a browser shows them;
* whitespace that is the only thing between two inline elements (``<a>#BMKG</a> <a>pic</a>``) is trimmed
  away by trafilatura; it is kept with a marker that ``xml_markdown`` turns back into a space;
* related-article lines ("Baca juga: <a>...</a>", "Simak juga", "Berita terkait") and the site's calls to
  follow it ("Simak breaking news ... di WhatsApp Channel") sit inside the article body, and ad slots use
  Indonesian or plural class names (``ads``, ``iklan``) that trafilatura's English token lists miss. They
  are removed only when the evidence is the element itself: a lead-in followed almost only by links, a
  short call to follow a channel, a class/id token naming an ad, or text that is nothing but ad labels
  or pager words ("Halaman 1 2 Selanjutnya"); an Instagram/TikTok embed, whose text without its script is
  only the widget's own words (a tweet embed keeps its text: it is the quoted post);
* the byline and copyright block ("Pewarta: ... Editor: ... Copyright © ..."), a dateline standing alone
  ("Kompas.com - 20/11/2024, 10:05 WIB") and site notices ("Artikel
  ini telah tayang di ... dengan judul ...", "Dilarang keras mengambil konten ... tanpa izin") standing
  alone in the body: the header shows the byline, and the notices are the site's, not the article's.
"""

from __future__ import annotations

import re

from lxml.html import HtmlElement

#: Stands for a space trafilatura would trim; chosen from the private-use area, which no article uses.
SPACE_MARK = "\ue000"

_INLINE = {
    "a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd", "mark", "q", "s",
    "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var", "wbr", "del", "ins",
}
_RELATED_LEADIN = re.compile(
    r"^\W*(?:(?:baca|simak|lihat|cek|tonton)\s+(?:juga|pula|lagi)|baca\s+(?:selengkapnya|lainnya)"
    r"|(?:artikel|berita|bacaan|tautan)\s+(?:terkait|lainnya|menarik|pilihan)|pilihan\s+editor|rekomendasi"
    r"|tags?|topik|kata\s+kunci|read\s+(?:also|more)|see\s+also|related)\b",
    re.IGNORECASE,
)
#: A related-links element is short: the lead-in and a few headlines.
_RELATED_MAX_CHARS = 600
_AD_TOKENS = {"ad", "ads", "adv", "advert", "adverts", "advertisement", "adsbygoogle", "iklan", "dfp", "gpt"}
_AD_LABELS = re.compile(
    r"(?:advertisement|advertisment|scroll\s+to\s+continue\s+with\s+content|iklan|ads|sponsored|"
    r"konten\s+bersponsor|gulir\s+untuk\s+melanjutkan(?:\s+membaca)?|scroll\s+untuk\s+lanjut(?:kan)?\s+membaca|"
    r"lanjutkan\s+membaca)",
    re.IGNORECASE,
)
_COMMENT_TOKENS = {"komentar", "tanggapan"}
#: Class/id tokens of related-article boxes; the box must also be (mostly) links.
_RELATED_TOKENS = ({"baca", "juga"}, {"bacajuga"}, {"lihat", "juga"}, {"terkait"}, {"rekomendasi"})
#: Social embeds whose text without their script is only "View this post on Instagram"-style chrome.
_EMBED_TOKENS = {"instagram", "tiktok"}
#: A pager standing alone: "Halaman 1 2 Selanjutnya", "Tampilkan semua".
_PAGER = re.compile(r"^(?:[\d\s»«›‹|/.:-]|\b(?:halaman|hal|page|selanjutnya|sebelumnya|berikutnya|next|previous|"
                    r"prev|tampilkan|lihat|semua|all|laman)\b)+$", re.IGNORECASE)
#: "Simak breaking news ... di WhatsApp Channel", "Ikuti kami di Google News": the site advertising itself.
_PROMO_START = re.compile(r"^\W*(?:simak|ikuti|dapatkan|download|unduh|gabung|bergabung|follow|"
                          r"install|instal)\b", re.IGNORECASE)
_PROMO_CHANNEL = re.compile(r"whatsapp|telegram|google\s+news|channel|saluran|aplikasi|app\s*store|play\s*store|"
                            r"instagram|tiktok|youtube|facebook|newsletter", re.IGNORECASE)
_PROMO_MAX_CHARS = 400
#: Placeholders a CMS leaves where a video or widget was (detik's "[Gambas:Video 20detik]").
_PLACEHOLDER = re.compile(r"^\[\s*gambas\s*:[^\]]*\]$|^simak\s+video\b", re.IGNORECASE)
_TOKEN_SPLIT = re.compile(r"[^a-z0-9]+")
_KEEP = {"html", "body", "main", "article"}


def prepare_tree(tree: HtmlElement) -> HtmlElement:
    """Apply every correction in place and return the tree.

    Paragraphs are made first (loose text, ``<br><br>`` inside a ``<p>``), so that a notice or a "Baca juga"
    line written as loose text is an element of its own when the debris is looked for.
    """
    _captions(tree)
    for el in list(tree.iter("div", "td", "section", "article", "main", "blockquote", "li")):
        _wrap_loose_text(el)
    for el in list(tree.iter("p")):
        _split_paragraph(el)
    _drop_debris(tree)
    _keep_inline_spaces(tree)
    return tree


def _text(el: HtmlElement) -> str:
    return " ".join(el.text_content().split())


def _remove(el: HtmlElement) -> None:
    """Remove ``el`` but keep its tail text (the words after it belong to its parent)."""
    parent = el.getparent()
    if parent is None:
        return
    tail = el.tail
    if tail:
        prev = el.getprevious()
        if prev is not None:
            prev.tail = (prev.tail or "") + tail
        else:
            parent.text = (parent.text or "") + tail
    parent.remove(el)


def _tokens(el: HtmlElement) -> set[str]:
    raw = f"{el.get('class') or ''} {el.get('id') or ''}".lower()
    return {t for t in _TOKEN_SPLIT.split(raw) if t}


def is_related_links(el: HtmlElement) -> bool:
    """A "Baca juga: <a>headline</a>" element: a lead-in, then (almost) only link text."""
    text = _text(el)
    m = _RELATED_LEADIN.match(text)
    if not m or len(text) > _RELATED_MAX_CHARS:
        return False
    links = el.xpath(".//a[@href]")
    if not links:
        return False
    rest = len(re.sub(r"\W", "", text[m.end():]))
    linked = sum(len(re.sub(r"\W", "", _text(a))) for a in links)
    return linked >= 0.6 * rest


def is_ad(el: HtmlElement) -> bool:
    """An ad slot: named so in its class or id, or a block holding nothing but ad labels.

    The label test never applies to inline elements, so the word "iklan" in a sentence stays.
    """
    if el.tag in _KEEP:
        return False
    if _tokens(el) & _AD_TOKENS:
        return True
    if el.tag in _INLINE:
        return False
    text = _text(el)
    return bool(text) and not _AD_LABELS.sub("", text).strip(" -–—·|:")


def is_related_box(el: HtmlElement) -> bool:
    """A box named as related articles (``baca-juga``, ``artikel-terkait``) that holds mostly links."""
    tokens = _tokens(el)
    return any(group <= tokens for group in _RELATED_TOKENS) and _links_only(el, 0.6)


def is_social_embed(el: HtmlElement) -> bool:
    return el.tag == "blockquote" and bool(_tokens(el) & _EMBED_TOKENS)


def is_pager(el: HtmlElement) -> bool:
    if el.tag in _INLINE:  # "the <span>next</span> day" is a sentence
        return False
    text = _text(el)
    return bool(text) and len(text) <= 120 and bool(re.search(r"[^\W\d_]", text)) and bool(_PAGER.match(text))


def is_site_promo(el: HtmlElement) -> bool:
    """A short block asking the reader to follow the site on a channel, or a video/widget placeholder."""
    if el.tag in _INLINE:
        return False
    text = _text(el)
    if _PLACEHOLDER.match(text) and len(text) <= _PROMO_MAX_CHARS:
        return True
    return len(text) <= _PROMO_MAX_CHARS and bool(_PROMO_START.match(text)) and bool(_PROMO_CHANNEL.search(text))


def _is_leadin_only(el: HtmlElement) -> bool:
    """A heading or label that says only "Baca juga" (the links follow in the next element)."""
    text = _text(el)
    m = _RELATED_LEADIN.match(text)
    return bool(m) and not re.sub(r"\W", "", text[m.end():]) and not el.xpath(".//a[@href]")


def _links_only(el: HtmlElement, share: float = 0.8) -> bool:
    text = re.sub(r"\W", "", _text(el))
    linked = sum(len(re.sub(r"\W", "", _text(a))) for a in el.xpath(".//a[@href]"))
    return bool(text) and len(text) <= _RELATED_MAX_CHARS and linked >= share * len(text)


_CREDIT_LABELS = (r"(?:pewarta|penulis|editor|reporter|wartawan|redaktur|penyunting|fotografer|kontributor|"
                  r"penerjemah|alih\s+bahasa|produser|videografer|grafis|writer|reporting\s+by)")
#: A block made only of "Pewarta: X  Editor: Y  Copyright © Z" lines: the byline, which the header shows.
_CREDIT = re.compile(rf"^(?:\s*{_CREDIT_LABELS}\s*:\s*[^:]{{1,80}}?)+(?:\s*(?:copyright|hak\s+cipta|©)[^:]{{0,80}})?\s*$"
                     r"|^\s*(?:copyright|hak\s+cipta)?\s*©[^:]{0,80}$|^\s*copyright\b[^:]{0,80}$", re.IGNORECASE)
#: The same without colons ("Penulis Yohanes Enggar  Editor Ayunda Pininta"): only capitalised names follow.
_CREDIT_NAMES = re.compile(rf"^(?:\s*(?i:{_CREDIT_LABELS})\s+[A-Z][\w.'’-]*(?:\s+[A-Z][\w.'’-]*){{0,5}})+\s*$")
#: A dateline standing alone: "Kompas.com - 20/11/2024, 10:05 WIB", "Selasa, 16 Jul 2024 14:05 WIB".
_TIME_ZONE = re.compile(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\s*(?:WIB|WITA|WIT)\b")
_DATE = re.compile(r"\b\d{1,2}[/-]\d{1,2}[/-]\d{2,4}\b|\b\d{1,2}\s+(?:jan|feb|mar|apr|mei|may|jun|jul|agu|ags|aug|"
                   r"sep|okt|oct|nov|des|dec)\w*\.?\s+\d{4}\b", re.IGNORECASE)
_DAY = re.compile(r"\b(?:senin|selasa|rabu|kamis|jumat|jum'at|sabtu|minggu|ahad|monday|tuesday|wednesday|"
                  r"thursday|friday|saturday|sunday)\b", re.IGNORECASE)
_DATELINE_MAX_CHARS = 100


def is_dateline(text: str) -> bool:
    """Only a date and a time (with its zone), perhaps a site name: the header shows the date."""
    if len(text) > _DATELINE_MAX_CHARS or text.rstrip().endswith((".", "!", "?", '"', "”")):
        return False
    if not (_TIME_ZONE.search(text) and _DATE.search(text)):
        return False
    rest = _DAY.sub(" ", _DATE.sub(" ", _TIME_ZONE.sub(" ", text)))
    return len(re.findall(r"[^\W\d_]{2,}", rest)) <= 3


#: The site's own notices inside the article body: no-copying warnings, syndication lines.
_NOTICE = re.compile(
    r"^\W*dilarang\s+(?:keras\s+)?(?:mengambil|mengutip|menyalin|memperbanyak|menyebarluaskan)\b.*\btanpa\s+izin"
    r"|^\W*artikel\s+ini\s+(?:telah\s+|sudah\s+)?(?:tayang|terbit|dimuat|diterbitkan)\s+di\b.*\b(?:dengan\s+judul|berjudul)\b"
    r"|^\W*baca\s+artikel\b.*\bselengkapnya\b",
    re.IGNORECASE | re.DOTALL,
)
_NOTICE_MAX_CHARS = 400


def is_site_notice(el: HtmlElement) -> bool:
    """A byline/copyright block or a site notice standing alone in the body (never a part of a sentence)."""
    if el.tag in _INLINE and el.tag != "span":
        return False
    text = _text(el)
    if not text or len(text) > _NOTICE_MAX_CHARS:
        return False
    return bool(_CREDIT.match(text) or _CREDIT_NAMES.match(text) or _NOTICE.match(text) or is_dateline(text))


def _split_paragraph(p: HtmlElement) -> None:
    """A ``<p>`` holding several paragraphs separated by ``<br><br>`` becomes one ``<p>`` per paragraph."""
    brs = [c for c in p if c.tag == "br"]
    if len(brs) < 2 or not any(
        a.getnext() is b and not (a.tail or "").strip() for a, b in zip(brs, brs[1:])
    ):
        return
    parent = p.getparent()
    if parent is None:
        return
    tail = p.tail
    _wrap_loose_text(p, force=True)
    index = parent.index(p)
    parts = list(p)
    for k, part in enumerate(parts):
        parent.insert(index + 1 + k, part)
    if parts:
        parts[-1].tail = (parts[-1].tail or "") + (tail or "")
        parent.remove(p)


def _drop_debris(tree: HtmlElement) -> None:
    for el in list(tree.iter()):
        if not isinstance(el.tag, str) or el.getparent() is None or el.tag in _KEEP:
            continue
        if el.tag in ("p", "div", "table", "section", "aside", "ul", "li", "span", "strong", "h2", "h3", "h4"):
            if (is_related_links(el) or is_related_box(el) or is_ad(el) or is_site_promo(el)
                    or is_site_notice(el) or is_pager(el) or _tokens(el) & _COMMENT_TOKENS):
                _remove(el)
            elif _is_leadin_only(el):
                after = el.getnext()
                if after is not None and not (el.tail or "").strip() and _links_only(after):
                    _remove(after)
                    _remove(el)
        elif (el.tag in ("ins", "iframe") and is_ad(el)) or is_social_embed(el):
            _remove(el)


def _captions(tree: HtmlElement) -> None:
    """``<figure><img><figcaption>``: the caption becomes the image's text (its alt), or a paragraph after it.

    One image whose alt is empty or only repeats the caption takes the caption as its alt, so the words are
    there once, with the image; otherwise the alt stays and the caption becomes its own paragraph.
    """
    for fig in list(tree.iter("figure")):
        caps = list(fig.iter("figcaption"))
        imgs = list(fig.iter("img"))
        for cap in caps:
            caption = _text(cap)
            if len(imgs) == 1 and len(caps) == 1 and caption:
                alt = " ".join((imgs[0].get("alt") or "").split())
                if not alt or alt.casefold() in caption.casefold():
                    imgs[0].set("alt", caption)
                    _remove(cap)
                    continue
            cap.tag = "p"
            cap.attrib.clear()


def _is_break(node: HtmlElement) -> bool:
    return node.tag == "br"


def _wrap_loose_text(el: HtmlElement, force: bool = False) -> None:
    """Group an element's loose text and inline children into ``<p>``s, split at ``<br><br>`` and blocks.

    Only elements that hold words of their own are touched; a container of paragraphs stays as it is.
    """
    if force:
        _regroup(el)
        return
    has_loose = bool((el.text or "").strip()) or any(
        (c.tail or "").strip() for c in el if isinstance(c.tag, str) and c.tag not in _INLINE and c.tag != "br"
    ) or any((c.tail or "").strip() for c in el if c.tag == "br")
    if not has_loose or (el.tag in ("td", "li", "blockquote") and not any(c.tag == "br" for c in el)):
        return
    _regroup(el)


def _regroup(el: HtmlElement) -> None:
    children = list(el)
    text = el.text
    el.text = None
    for c in children:
        el.remove(c)
    out: list[HtmlElement] = []
    cur: HtmlElement | None = None
    pending_br: HtmlElement | None = None

    def para() -> HtmlElement:
        nonlocal cur
        if cur is None:
            cur = el.makeelement("p", {})
            out.append(cur)
        return cur

    def add_text(s: str | None) -> None:
        if not s:
            return
        if not s.strip() and cur is None:
            return
        p = para()
        if len(p):
            p[-1].tail = (p[-1].tail or "") + s
        else:
            p.text = (p.text or "") + s

    add_text(text)
    for c in children:
        tail = c.tail
        c.tail = None
        if not isinstance(c.tag, str):  # comments, processing instructions
            add_text(tail)
            continue
        if _is_break(c):
            if pending_br is not None and not (pending_br.tail or "").strip():
                # a second <br> with nothing between: the paragraph ends here
                if cur is not None:
                    cur.remove(pending_br)
                cur, pending_br = None, None
            elif cur is not None:
                cur.append(c)
                pending_br = c
            add_text(tail)
            continue
        pending_br = None
        if c.tag in _INLINE or c.tag == "img":
            para().append(c)
        else:
            cur = None
            out.append(c)
        add_text(tail)
    for p in out:
        if p.tag == "p" and not p.attrib:
            while len(p) and p[-1].tag == "br" and not (p[-1].tail or "").strip():
                p.remove(p[-1])
    for node in out:
        if node.tag == "p" and not node.attrib and not len(node) and not (node.text or "").strip():
            continue
        el.append(node)


def _keep_inline_spaces(tree: HtmlElement) -> None:
    """Mark the space that follows an inline element, which trafilatura would trim."""
    for el in tree.iter(*_INLINE):
        tail = el.tail
        if tail and tail[0].isspace():
            el.tail = SPACE_MARK + tail.lstrip()
