"""Saved web pages -> the article's own blocks, marks and metadata, and nothing of the site around it.

The pages in tests/data/html are written for these tests (site navigation, share bars, "Baca juga" links,
ads, comments, cookie banners, JSON-LD); each ``NAME.expected.json`` lists the article's blocks in order,
its inline marks, its metadata and strings of the page's debris that must not come through.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import parse_page, text_in_lang
from pipeline.bitext.document import Document
from pipeline.config import SegmentConfig
from pipeline.errors import InputError
from pipeline.publish.html import render_html
from pipeline.segment.sources import detect_input_format, read_article
from pipeline.segment.stage import segment

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
PAGES = sorted(p.name[: -len(".expected.json")] for p in HTML_DIR.glob("*.expected.json"))


def _segment(name: str) -> Document:
    """Read and segment as ``bilingual segment`` does (the page's provenance into the document)."""
    return segment(read_article(name), SegmentConfig()).doc


def _expected(name: str) -> dict:
    return json.loads((HTML_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))


def test_there_are_at_least_five_pages_with_a_table_and_a_tweet() -> None:
    assert len(PAGES) >= 5
    assert "twitter-tweet" in (HTML_DIR / "banjir-tweet.html").read_text(encoding="utf-8")
    assert any("table" in b for b in _expected("inflasi-tabel")["blocks"] if isinstance(b, dict))


@pytest.mark.parametrize("name", PAGES)
def test_extracted_blocks_are_the_article_and_nothing_else(name: str) -> None:
    exp = _expected(name)
    doc = _segment(str(HTML_DIR / f"{name}.html"))
    got = [(b.kind, b.text) for b in doc.blocks]
    i = 0
    for want in exp["blocks"]:
        if isinstance(want, dict):  # a table: its cells, in order, in the block(s) the Markdown ingest makes
            cells = [c for row in want["table"] for c in row]
            text = ""
            while i < len(got) and cells and cells[-1] not in text:
                text += "\n" + got[i][1]
                i += 1
            pos = 0
            for cell in cells:
                found = text.find(cell, pos)
                assert found >= 0, (cell, text)
                pos = found + len(cell)
            continue
        assert i < len(got), f"missing block {want}"
        assert list(got[i]) == want, f"block {i + 1}"
        i += 1
    assert i == len(got), f"extra blocks: {got[i:]}"
    every = "\n".join(b.text for b in doc.blocks)
    for junk in exp["debris"]:
        assert junk not in every, junk
    marks = [[b.text[m.start:m.end], m.kind, m.href] for b in doc.blocks for m in b.marks]
    assert marks == exp["marks"]


@pytest.mark.parametrize("name", PAGES)
def test_metadata_goes_into_the_bitext_and_onto_the_page(name: str) -> None:
    from pipeline.publish.credits import readable_date

    exp = _expected(name)["meta"]
    doc = _segment(str(HTML_DIR / f"{name}.html"))
    meta = {k: getattr(doc.meta, k) for k in exp}
    assert meta == exp
    assert doc.meta.author and doc.meta.date and doc.meta.title
    assert doc.meta.settings["segment"]["format"] == "html"
    page = parse_page(render_html(doc))
    id_text, en_text = text_in_lang(page, "id"), text_in_lang(page, "en")
    assert f"Oleh {exp['author']}" in id_text and f"By {exp['author']}" in en_text
    assert readable_date(exp["date"], "id") in id_text
    assert readable_date(exp["date"], "en") in en_text
    assert exp["title"] in id_text
    hrefs = [a.get("href") for tag, a in page.tags if tag == "a"]
    if exp["source_url"]:
        assert exp["source_url"] in hrefs
    else:  # a saved page that names no address of its own: no link is made up
        assert "Original article" not in en_text


def test_readable_dates_in_each_language() -> None:
    from pipeline.publish.credits import readable_date

    assert readable_date("2024-10-14", "id") == "14 Oktober 2024"
    assert readable_date("2025-02-03T08:00:00+07:00", "en") == "3 February 2025"
    assert readable_date("Selasa, 16 Jul 2024", "en") == "Selasa, 16 Jul 2024"  # never guessed


def _page(body: str, head: str = "") -> str:
    nav = "".join(f'<li><a href="/k{i}">Kanal {i}</a></li>' for i in range(8))
    return (f"<!DOCTYPE html><html><head><title>Judul Uji</title>{head}</head><body><nav><ul>{nav}</ul></nav>"
            f"<article><h1>Judul Uji</h1>{body}</article><footer>Hak cipta 2025</footer></body></html>")


def test_page_text_is_never_read_as_markup(tmp_path: Path) -> None:
    hostile = ("1998. Tahun itu *tidak* ada &lt;script&gt;alert(1)&lt;/script&gt; [x](javascript:y) # bukan judul "
               "&amp;amp; 5 &lt; 6 | a | b |")
    body = (f"<p>{hostile}</p><p>- bukan daftar, tetapi kalimat yang cukup panjang untuk sebuah paragraf berita.</p>"
            "<p>Paragraf ketiga yang biasa saja, dengan kalimat yang cukup panjang agar terbaca sebagai isi.</p>")
    f = tmp_path / "hostile.html"
    f.write_text(_page(body), encoding="utf-8")
    doc = _segment(str(f))
    texts = [b.text for b in doc.blocks]
    assert texts[1] == ("1998. Tahun itu *tidak* ada <script>alert(1)</script> [x](javascript:y) # bukan judul &amp; "
                        "5 < 6 | a | b |")
    assert texts[2].startswith("- bukan daftar")
    assert [b.kind for b in doc.blocks] == ["title", "paragraph", "paragraph", "paragraph"]
    assert not any(b.marks for b in doc.blocks)
    assert "<script>alert" not in render_html(doc)


def test_words_like_iklan_and_baca_juga_in_prose_stay(tmp_path: Path) -> None:
    body = ("<p>Pemerintah melarang <strong>iklan</strong> rokok di dekat sekolah mulai tahun depan, kata menteri.</p>"
            "<p>Baca juga buku panduan yang dibagikan di posyandu, pesan petugas kepada para orang tua di sana.</p>"
            '<p><strong>Baca juga:</strong> <a href="/lain">Berita Lain yang Tidak Perlu</a></p>'
            "<p>Gempa terjadi pada 20/11/2024 pukul 10.05 WIB</p>"
            "<p>Penulis buku itu meninggal dunia pada usia 80 tahun di Yogyakarta</p>"
            "<p>Ikuti aturan lalu lintas selama arus mudik, pesan polisi kepada para pengendara.</p>"
            "<p>Paragraf penutup yang cukup panjang untuk menjadi bagian dari artikel ini, tentu saja.</p>")
    f = tmp_path / "prosa.html"
    f.write_text(_page(body), encoding="utf-8")
    texts = [b.text for b in _segment(str(f)).blocks]
    assert any("melarang iklan rokok" in t for t in texts)
    assert any(t.startswith("Baca juga buku panduan") for t in texts)
    assert not any("Berita Lain" in t for t in texts)
    for kept in ("Gempa terjadi pada 20/11/2024 pukul 10.05 WIB", "Penulis buku itu meninggal dunia",
                 "Ikuti aturan lalu lintas"):
        assert any(t.startswith(kept) for t in texts), kept


def test_a_page_without_an_article_is_one_clear_error(tmp_path: Path) -> None:
    f = tmp_path / "kosong.html"
    f.write_text("<!DOCTYPE html><html><head><title>x</title><style>p{}</style></head><body><div id='app'></div>"
                 "<script>render()</script></body></html>", encoding="utf-8")
    with pytest.raises(InputError, match="kosong.html: no article text found"):
        _segment(str(f))


def test_input_format_detection() -> None:
    assert detect_input_format("a.html", "<p>x</p>") == "html"
    assert detect_input_format("a.HTM", "<div>x") == "html"
    assert detect_input_format("a.html", "Judul\n\nTeks biasa tanpa tanda.") == "text"  # no tag at all
    assert detect_input_format("a.md", "<html>") == "markdown"
    assert detect_input_format("a.txt", "  <!doctype html>\n<html>") == "html"
    assert detect_input_format("-", "<!-- saved -->\n<html lang=id>") == "html"
    assert detect_input_format("a.txt", "Judul\n\n<html> di tengah teks") == "text"
    assert detect_input_format("a.txt", "<html>", "text") == "text"
    assert detect_input_format("a.txt", "teks", "html") == "html"
    assert detect_input_format("a.txt", "teks", "md") == "markdown"
    with pytest.raises(InputError):
        detect_input_format("a.txt", "teks", "pdf")
    with pytest.raises(InputError, match="only http:// and https://"):
        read_article("ftp://arsip.example/berita.html")


def test_plain_text_that_looks_scraped_is_left_as_it_is(tmp_path: Path) -> None:
    f = tmp_path / "salinan.txt"
    text = "Judul Berita\n\n81. selama satu hari\n\nPara tahanan,\n\ndipindahkan ke sel lain.\n"
    f.write_text(text, encoding="utf-8")
    art = read_article(str(f))
    assert art.input_format == "text" and art.text == text and art.provenance == {}
    doc = _segment(str(f))
    assert [b.text for b in doc.blocks] == ["Judul Berita", "81. selama satu hari", "Para tahanan,",
                                            "dipindahkan ke sel lain."]
    assert doc.meta.author == "" and doc.meta.settings["segment"]["format"] == "txt"


def test_a_saved_page_is_read_in_the_charset_it_declares(tmp_path: Path) -> None:
    f = tmp_path / "lama.html"
    f.write_bytes(_page("<p>Kedai kopi “Café Lama” dibuka kembali setelah renovasi selama enam bulan, kata "
                        "pemiliknya.</p><p>Paragraf kedua yang cukup panjang untuk menjadi isi artikel ini juga.</p>",
                        head='<meta charset="windows-1252">').encode("cp1252"))
    texts = [b.text for b in _segment(str(f)).blocks]
    assert texts[1].startswith("Kedai kopi “Café Lama” dibuka")
    # a plain-text file in another encoding is still refused with the hint to pass --encoding
    t = tmp_path / "lama.txt"
    t.write_bytes("Kedai kopi “Café Lama”.".encode("cp1252"))
    with pytest.raises(InputError, match="--encoding"):
        _segment(str(t))


def test_more_kinds_of_site_debris_inside_the_body(tmp_path: Path) -> None:
    para = "Paragraf isi nomor {} yang cukup panjang untuk menjadi bagian dari artikel berita ini, tentu saja."
    body = (f"<p>{para.format(1)}</p>"
            '<div class="artikel-terkait"><ul><li><a href="/a">Judul Lain Satu</a></li>'
            '<li><a href="/b">Judul Lain Dua</a></li></ul></div>'
            f"<p>{para.format(2)}</p>"
            '<p>Pilihan Editor: <a href="/c">Judul Pilihan Redaksi</a></p>'
            '<blockquote class="instagram-media"><a href="https://instagram.example/p/x">View this post on '
            "Instagram</a><p>A post shared by Akun Resmi (@akun)</p></blockquote>"
            '<div class="scroll-info">Scroll untuk lanjut membaca</div>'
            f"<p>{para.format(3)}</p>"
            '<div class="pages">Halaman 1 2 3 Selanjutnya</div>'
            '<p>Topik: <a href="/t/a">banjir</a>, <a href="/t/b">cuaca</a></p>'
            "<p>Pada hari <span>Next</span> Level, peserta lomba berkumpul di lapangan sejak pagi hari bersama.</p>")
    f = tmp_path / "rupa.html"
    f.write_text(_page(body), encoding="utf-8")
    texts = [b.text for b in _segment(str(f)).blocks]
    assert texts == ["Judul Uji", para.format(1), para.format(2), para.format(3),
                     "Pada hari Next Level, peserta lomba berkumpul di lapangan sejak pagi hari bersama."]


def test_a_page_that_cannot_be_used_is_one_line_from_the_cli(tmp_path: Path) -> None:
    from helpers import assert_one_line_error, run_cli

    (tmp_path / "kosong.html").write_text("<!DOCTYPE html><html><body><script>x()</script></body></html>",
                                          encoding="utf-8")
    proc = run_cli("segment", "kosong.html", "-o", "doc.bitext.json", cwd=tmp_path)
    assert_one_line_error(proc, "kosong.html", "no article text found")  # trafilatura's own log stays quiet
    assert not (tmp_path / "doc.bitext.json").exists()
    (tmp_path / "teks.txt").write_text("bukan halaman", encoding="utf-8")
    proc = run_cli("segment", "teks.txt", "--input-format", "html", "-o", "doc.bitext.json", cwd=tmp_path)
    assert_one_line_error(proc, "teks.txt", "not an HTML page")
