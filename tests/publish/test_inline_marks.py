"""Inline markup of Markdown articles (links, emphasis, code): ingest, bitext file, page, Markdown export, review."""

from __future__ import annotations

import json
from pathlib import Path

import html5lib
import pytest
from markdown_it import MarkdownIt

from pipeline.bitext.document import Document, Link, Mark, Sentence, load_document, save_document
from pipeline.errors import BitextError
from pipeline.segment.ingest import parse_markdown, parse_text
from pipeline.publish import FORMATS, PublishOptions
from pipeline.publish.html import render_html
from pipeline.publish.inline import safe_href
from pipeline.publish.markdown import render_markdown
from pipeline.review import ops
from pipeline.bitext.carry import carry_over
from pipeline.segment.stage import segment_text
from publish_samples import attach_translation

XHTML = "{http://www.w3.org/1999/xhtml}"

ARTICLE = """\
# Berita [utama](https://contoh.id/utama)

**[Tautan tebal](https://contoh.id/tebal)** membuka paragraf ini. Dia datang ke [kota besar. Mereka](https://contoh.id/kota) pergi dengan `kereta_api` dan *cepat*.

- Butir dengan [surel](mailto:redaksi@contoh.id) di *akhir*
"""
TRANSLATION = [
    "News headline",
    "A bold link opens this paragraph. He came to the big city. They left by train and fast.",
    "Item with e-mail at the end",
]


def _marks(block) -> list[tuple[str, str, str | None]]:  # type: ignore[no-untyped-def]
    return [(block.text[m.start:m.end], m.kind, m.href) for m in block.marks]


def _doc() -> Document:
    doc = segment_text(ARTICLE, source_file="berita.md")
    return attach_translation(doc, TRANSLATION)


def _parse(page: str):  # type: ignore[no-untyped-def]
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


# ------------------------------------------------------------------ ingest


def test_ingest_keeps_marks_with_exact_offsets() -> None:
    md = "Teks **[tautan tebal](https://a.id/x)** dan *miring*, _juga_ serta `kode <b>` di sini."
    (block,) = parse_markdown(md)
    assert block.text == "Teks tautan tebal dan miring, juga serta kode <b> di sini."
    assert _marks(block) == [
        ("tautan tebal", "strong", None),  # the outer mark first at equal ranges
        ("tautan tebal", "link", "https://a.id/x"),
        ("miring", "em", None),
        ("juga", "em", None),
        ("kode <b>", "code", None),
    ]


def test_ingest_offsets_survive_leading_and_trailing_markup() -> None:
    (block,) = parse_markdown("**Awal** tengah [akhir](http://b.id)\n")
    assert block.text == "Awal tengah akhir"
    assert _marks(block) == [("Awal", "strong", None), ("akhir", "link", "http://b.id")]
    # leading whitespace is stripped and the marks move with it; an image without alt text is kept as raw
    # markup (it has no words, but its address must survive)
    (lead,) = parse_markdown("  *kata* [lain](http://c.id)  \nbaris *akhir*\n")
    assert lead.text == "kata lain\nbaris akhir"
    assert _marks(lead) == [("kata", "em", None), ("lain", "link", "http://c.id"), ("akhir", "em", None)]
    (img,) = parse_markdown("![](a.png) **kata**\n")
    assert img.text == "![](a.png) kata"
    assert _marks(img) == [("![](a.png)", "raw", "a.png"), ("kata", "strong", None)]


def test_ingest_autolinks_images_and_unsafe_links() -> None:
    (block,) = parse_markdown("![gambar](a.png) dan <https://auto.id> serta [js](javascript:alert(1))")
    assert block.text.startswith("gambar dan https://auto.id")  # images keep their alt text, as before
    assert _marks(block) == [("gambar", "image", "a.png"),  # and their address
                             ("https://auto.id", "link", "https://auto.id")]  # markdown-it refuses javascript:


def test_plain_text_has_no_marks() -> None:
    assert all(b.marks == [] for b in parse_text("Judul\n\nTeks *bukan* [markup](http://x.id).\n"))
    doc = segment_text("Judul\n\nTeks *bukan* markup.\n", source_file="a.txt")
    assert all(b.marks == [] for b in doc.blocks)


def test_segment_keeps_marks_and_a_link_may_span_two_sentences() -> None:
    doc = segment_text(ARTICLE, source_file="berita.md")
    b2 = doc.blocks[1]
    assert [s.text for s in b2.source][1:] == ["Dia datang ke kota besar.", "Mereka pergi dengan kereta_api dan cepat."]
    assert ("kota besar. Mereka", "link", "https://contoh.id/kota") in _marks(b2)
    for b in doc.blocks:
        for m in b.marks:
            assert 0 <= m.start < m.end <= len(b.text)


def test_carry_over_takes_the_new_articles_marks() -> None:
    old = _doc()
    new = segment_text(ARTICLE.replace("https://contoh.id/kota", "https://contoh.id/baru"), source_file="berita.md")
    carry_over(new, old)
    b2 = new.blocks[1]
    assert b2.target and b2.links, "the reviewed block is taken over"
    assert ("kota besar. Mereka", "link", "https://contoh.id/baru") in _marks(b2)


# ------------------------------------------------------------------ bitext file


def test_round_trip_with_and_without_marks(tmp_path: Path) -> None:
    doc = _doc()
    p = tmp_path / "d.bitext.json"
    save_document(doc, p)
    data = json.loads(p.read_text(encoding="utf-8"))
    assert data["blocks"][1]["marks"][0] == {"start": 0, "end": 12, "kind": "strong"}  # no href on non-links
    assert {"start": 0, "end": 12, "kind": "link", "href": "https://contoh.id/tebal"} in data["blocks"][1]["marks"]
    again = load_document(p)
    assert again.to_dict() == doc.to_dict()
    assert again.blocks[1].marks == doc.blocks[1].marks

    plain = segment_text("Judul\n\nSatu kalimat.\n", source_file="a.txt")
    assert all("marks" not in b for b in plain.to_dict()["blocks"]), "no marks, no field: old files stay identical"
    save_document(plain, p)
    assert load_document(p).to_dict() == plain.to_dict()


@pytest.mark.parametrize(("mark", "message"), [
    ({"start": 0, "end": 999, "kind": "em"}, "outside the block text"),
    ({"start": 3, "end": 3, "kind": "em"}, "outside the block text"),
    ({"start": -1, "end": 2, "kind": "em"}, "outside the block text"),
    ({"start": 0, "end": 2, "kind": "underline"}, "kind is 'underline'"),
    ({"start": 0, "end": 2, "kind": "link"}, "href should be str"),
    ({"start": 0, "end": 2, "kind": "em", "href": "http://x.id"}, "cannot have an href"),
    ({"start": "0", "end": 2, "kind": "em"}, "start should be int"),
    ({"end": 2, "kind": "em"}, "has no 'start'"),
])
def test_invalid_marks_are_named(tmp_path: Path, mark: dict, message: str) -> None:
    data = _doc().to_dict()
    data["blocks"][1]["marks"] = [mark]
    p = tmp_path / "bad.bitext.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BitextError, match="bad.bitext.json") as info:
        load_document(p)
    assert message in str(info.value) and "block 2 mark 1" in str(info.value)


# ------------------------------------------------------------------ page


@pytest.mark.parametrize(("href", "safe"), [
    ("https://contoh.id/a?b=1&c=2", True), ("http://x.id", True), ("mailto:a@b.id", True),
    ("relatif/halaman.html", True), ("#bagian", True), ("/akar", True), ("?q=1", True),
    ("javascript:alert(1)", False), ("JaVaScRiPt:alert(1)", False), (" \tjavascript:alert(1)", False),
    ("java\tscript:alert(1)", False), ("java\nscript:alert(1)", False), ("data:text/html,<script>", False),
    ("vbscript:x", False), ("file:///etc/passwd", False), ("", False),
])
def test_safe_href(href: str, safe: bool) -> None:
    assert (safe_href(href) is not None) is safe


def test_page_renders_source_marks_nested_and_clipped() -> None:
    page = render_html(_doc())
    tree = _parse(page)
    spans = {e.get("id"): e for e in tree.iter(f"{XHTML}span") if e.get("id")}
    first = spans["b2.s1"]
    strong = first.find(f"{XHTML}strong")
    link = strong.find(f"{XHTML}a")
    assert link.get("href") == "https://contoh.id/tebal" and link.text == "Tautan tebal"
    assert link.get("rel") == "noopener noreferrer"
    # the link over "kota besar. Mereka" is cut at the sentence boundary: one <a> in each sentence
    a2 = spans["b2.s2"].find(f"{XHTML}a")
    a3 = spans["b2.s3"].find(f"{XHTML}a")
    assert (a2.text, a2.get("href")) == ("kota besar.", "https://contoh.id/kota")
    assert (a3.text, a3.get("href")) == ("Mereka", "https://contoh.id/kota")
    assert spans["b2.s3"].find(f"{XHTML}code").text == "kereta_api"
    assert spans["b2.s3"].find(f"{XHTML}em").text == "cepat"
    text = lambda e: "".join(e.itertext())  # noqa: E731
    for s in _doc().blocks[1].source:
        assert text(spans[s.id]) == " ".join(s.text.split()), "the words are unchanged"
    assert ".src-link{" in page


def test_translation_gets_links_of_its_original() -> None:
    doc = _doc()
    tree = _parse(render_html(doc))
    src_links = [e for e in tree.iter(f"{XHTML}a") if e.get("class") == "src-link"]
    by_sentence = {}
    for span in tree.iter(f"{XHTML}span"):
        for a in span.findall(f"{XHTML}a"):
            if a.get("class") == "src-link":
                by_sentence.setdefault(span.get("id"), []).append((a.get("href"), a.get("aria-label")))
    assert by_sentence["b1.t1"] == [("https://contoh.id/utama", "link from the original: utama")]
    # b2 has 3 source and 3 target sentences, linked 1:1; the split link appears after both halves
    assert by_sentence["b2.t1"] == [("https://contoh.id/tebal", "link from the original: Tautan tebal")]
    assert by_sentence["b2.t2"] == [("https://contoh.id/kota", "link from the original: kota besar.")]
    assert by_sentence["b2.t3"] == [("https://contoh.id/kota", "link from the original: Mereka")]
    assert by_sentence["b3.t1"] == [("mailto:redaksi@contoh.id", "link from the original: surel")]
    assert all(a.get("rel") == "noopener noreferrer" and a.text == "↗" for a in src_links)
    assert not any(e.get("class") == "src-link" for e in _side_links(tree, "src"))


def _side_links(tree, side: str) -> list:  # type: ignore[no-untyped-def]
    sides = [e for e in tree.iter(f"{XHTML}div") if side in (e.get("class") or "").split()]
    return [a for s in sides for a in s.iter(f"{XHTML}a")]


def test_n_to_m_link_repeats_the_original_links_once_after_its_last_sentence() -> None:
    doc = _doc()
    b2 = doc.blocks[1]
    b2.links = [Link([s.id for s in b2.source], [t.id for t in b2.target])]
    tree = _parse(render_html(doc))
    got = {
        span.get("id"): [a.get("href") for a in span.findall(f"{XHTML}a") if a.get("class") == "src-link"]
        for span in tree.iter(f"{XHTML}span") if (span.get("id") or "").startswith("b2.t")
    }
    assert got == {"b2.t1": [], "b2.t2": [], "b2.t3": ["https://contoh.id/tebal", "https://contoh.id/kota"]}
    labels = [a.get("aria-label") for a in tree.iter(f"{XHTML}a") if a.get("class") == "src-link"]
    assert "link from the original: kota besar. Mereka" in labels, "a link cut by a sentence boundary is one link"


def test_hostile_text_and_addresses_stay_inert() -> None:
    text = 'Klik <script>alert(1)</script> "sini" & di sana atau di situ.'
    doc = segment_text("x\n", source_file="a.txt")
    block = doc.blocks[0]
    block.kind, block.text = "paragraph", text
    block.source = [Sentence("b1.s1", text, 0, len(text))]
    block.target = [Sentence("b1.t1", "Click here.")]
    block.links = [Link(["b1.s1"], ["b1.t1"])]
    at = text.index
    block.marks = [
        Mark(at("Klik"), at("Klik") + 4, "link", 'javascript:alert("x")'),
        Mark(at("<script>"), at("</script>") + 9, "strong"),
        Mark(at('"sini"'), at('"sini"') + 6, "link", 'https://x.id/"><script>alert(2)</script>'),
        Mark(at("di sana"), at("di sana") + 7, "link", "data:text/html,<script>alert(3)</script>"),
        Mark(at("di situ"), at("di situ") + 7, "link", " java\tscript:alert(4)"),
    ]
    page = render_html(doc)
    tree = _parse(page)
    hrefs = [a.get("href") for a in tree.iter(f"{XHTML}a") if a.get("class") != "skip"]  # not the skip link
    assert hrefs == ['https://x.id/"><script>alert(2)</script>'] * 2  # the safe one, on both sides
    assert len(list(tree.iter(f"{XHTML}script"))) == 2  # the page's own two
    assert "<strong>&lt;script&gt;alert(1)&lt;/script&gt;</strong>" in page
    assert 'href="https://x.id/&quot;&gt;&lt;script&gt;alert(2)&lt;/script&gt;"' in page
    assert "javascript" not in "".join(hrefs) and "Klik" in page
    assert all(not k.startswith("on") for e in tree.iter() for k in e.attrib)
    assert 'aria-label="link from the original: &quot;sini&quot;"' in page


def test_marks_out_of_step_with_an_edited_sentence_are_ignored() -> None:
    doc = _doc()
    b2 = doc.blocks[1]
    b2.source[0].text = "Teks yang diganti tangan."  # no longer block.text[start:end]
    tree = _parse(render_html(doc))
    span = next(e for e in tree.iter(f"{XHTML}span") if e.get("id") == "b2.s1")
    assert span.text == "Teks yang diganti tangan." and len(span) == 0


def test_plain_pages_carry_no_link_styles() -> None:
    page = render_html(segment_text("Judul\n\nSatu kalimat.\n", source_file="a.txt"))
    assert ".src-link" not in page and page.count("<a ") == 1 and '<a class="skip" href="#doc">' in page


# ------------------------------------------------------------------ other formats


def test_markdown_export_keeps_the_source_markup() -> None:
    out = render_markdown(_doc())
    assert "# Berita [utama](https://contoh.id/utama)\n\n# News headline" in out
    assert "**[Tautan tebal](https://contoh.id/tebal)** membuka paragraf ini." in out
    assert "[kota besar.](https://contoh.id/kota) [Mereka](https://contoh.id/kota) pergi dengan `kereta_api` dan *cepat*." in out
    assert "- Butir dengan [surel](mailto:redaksi@contoh.id) di *akhir*" in out
    html = MarkdownIt("commonmark").render(out)
    assert '<strong><a href="https://contoh.id/tebal">Tautan tebal</a></strong>' in html
    assert "<code>kereta_api</code>" in html and "<em>cepat</em>" in html


def test_markdown_export_escapes_text_and_addresses() -> None:
    doc = _doc()
    b2 = doc.blocks[1]
    s = b2.source[0]
    b2.text = b2.text[:s.start] + "*a* [b] `c` d" + b2.text[s.end:]
    shift = len("*a* [b] `c` d") - len(s.text)
    s.text, s.end = "*a* [b] `c` d", s.end + shift
    for other in b2.source[1:]:
        other.start, other.end = other.start + shift, other.end + shift
    b2.marks = [Mark(s.start, s.start + 3, "link", "https://x.id/a (b)<c>"),
                Mark(s.start + 4, s.start + 7, "link", "javascript:alert(1)"),
                Mark(s.start + 8, s.start + 11, "code")]
    line = render_markdown(doc).split("\n\n")[2]
    assert line.startswith(r"[\*a\*](https://x.id/a%20\(b\)%3Cc%3E) \[b\] `` `c` `` d")
    html = MarkdownIt("commonmark").render(line)
    assert '<a href="https://x.id/a%20(b)%3Cc%3E">*a*</a> [b] <code>`c`</code> d' in html
    assert "javascript" not in line


@pytest.mark.parametrize("name", ["tmx", "xliff", "tsv", "jsonl", "txt", "review"])
def test_other_formats_stay_plain_text(name: str) -> None:
    out = FORMATS[name].render(_doc(), PublishOptions())
    text = out if isinstance(out, str) else out.decode("utf-8")
    assert "https://contoh.id" not in text and "**" not in text


# ------------------------------------------------------------------ review


def test_editing_a_source_sentence_keeps_marks_valid() -> None:
    doc = _doc()
    b2 = doc.blocks[1]
    before = _marks(b2)
    # a letter added inside a link: the link grows with it; marks later in the block move
    new = ops.edit_texts(doc, {"b2.s1": "Tautan tebbal membuka paragraf ini."})
    nb = new.blocks[1]
    assert _marks(nb)[:2] == [("Tautan tebbal", "strong", None), ("Tautan tebbal", "link", "https://contoh.id/tebal")]
    assert _marks(nb)[2:] == before[2:]
    # an edit that cuts into a mark drops it; nothing is left pointing at the wrong words
    new2 = ops.edit_texts(doc, {"b2.s2": "Dia datang di desa besar."})
    kinds = _marks(new2.blocks[1])
    assert all(m[1] != "link" or m[2] != "https://contoh.id/kota" for m in kinds)
    assert ("kereta_api", "code", None) in kinds and ("cepat", "em", None) in kinds
    # an edit after a mark leaves it alone
    new3 = ops.edit_texts(doc, {"b2.s3": "Mereka pergi dengan kereta_api dan cepat sekali."})
    assert _marks(new3.blocks[1]) == before
    for d in (new, new2, new3):
        for b in d.blocks:
            for m in b.marks:
                assert 0 <= m.start < m.end <= len(b.text)
            for s in b.source:
                assert b.text[s.start:s.end] == s.text
    assert _marks(doc.blocks[1]) == before, "the input document is untouched"


def test_rewording_a_link_keeps_it_and_rewriting_across_it_drops_it() -> None:
    doc = _doc()
    reworded = ops.edit_texts(doc, {"b3.s1": "Butir dengan alamat di akhir"})
    assert _marks(reworded.blocks[2]) == [("alamat", "link", "mailto:redaksi@contoh.id"), ("akhir", "em", None)]
    rewritten = ops.edit_texts(doc, {"b3.s1": "Butir dengan surat di ujung"})
    assert rewritten.blocks[2].marks == []
    tree = _parse(render_html(rewritten))
    assert [a for a in tree.iter(f"{XHTML}a") if "mailto" in (a.get("href") or "")] == []
