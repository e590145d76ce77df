"""Ingest: plain text and Markdown into typed blocks."""

from __future__ import annotations

from pipeline.segment.ingest import parse_markdown, parse_text
from pipeline.segment.stage import segment_text


def test_plain_text_title_and_numbered_lines_are_text() -> None:
    blocks = parse_text("Judul Berita\n\n81. selama satu hari\n\n20. tahanan,\n\nIsi paragraf.\nBaris kedua.\n")
    assert [b.kind for b in blocks] == ["title", "paragraph", "paragraph", "paragraph"]
    assert blocks[1].text == "81. selama satu hari"
    assert blocks[3].text == "Isi paragraf.\nBaris kedua."


def test_plain_text_first_sentence_is_not_a_title() -> None:
    assert parse_text("Ini kalimat lengkap.\n\nLagi.\n")[0].kind == "paragraph"


def test_markdown_structure() -> None:
    md = ("# Judul\n\nParagraf *penting* dengan [tautan](http://x.id).\n\n## Sub\n\n"
          "- satu\n- dua\n  - dua a\n\n3. tiga\n4. empat\n\n> Kutipan orang.\n\n"
          "```python\nprint('x')\n```\n\n<div onclick=\"x()\">mentah</div>\n")
    blocks = parse_markdown(md)
    kinds = [(b.kind, b.text, b.level, b.marker, b.translate) for b in blocks]
    assert kinds == [
        ("title", "Judul", 1, None, True),
        ("paragraph", "Paragraf penting dengan tautan.", None, None, True),
        ("heading", "Sub", 2, None, True),
        ("list_item", "satu", 1, "-", True),
        ("list_item", "dua", 1, "-", True),
        ("list_item", "dua a", 2, "-", True),
        ("list_item", "tiga", 1, "3.", True),
        ("list_item", "empat", 1, "4.", True),
        ("quote", "Kutipan orang.", 1, None, True),
        ("code", "print('x')", None, "python", False),
        ("html", '<div onclick="x()">mentah</div>', None, None, False),
    ]


def test_code_and_html_blocks_are_never_translated() -> None:
    doc = segment_text("# T\n\n```\nkode. Tidak. Diterjemahkan.\n```\n\nTeks.\n", source_file="a.md")
    code = doc.blocks[1]
    assert code.kind == "code" and not code.translate and code.source == []


def test_segments_are_lossless() -> None:
    text = "Gubernur berkata “sangat sulit.” Dia pergi! Apa? Ya... benar.\n\nDr. Ani di Jl. Merdeka No. 5."
    doc = segment_text(text, source_file="a.txt")
    for b in doc.blocks:
        joined = "".join(s.text for s in b.source)
        assert joined.replace(" ", "") == b.text.replace(" ", "").replace("\n", "")
