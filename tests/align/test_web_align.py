"""`bilingual align SOURCE TRANSLATION` where both sides are saved web pages (Indonesian and English)."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_main, parse_page, text_in_lang
from pipeline.bitext.document import load_document

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
SOURCE = HTML_DIR / "sungai-ciliwung.html"
TRANSLATION = HTML_DIR / "translations" / "sungai-ciliwung.en.html"


def test_align_two_web_pages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    out = tmp_path / "doc.bitext.json"
    assert run_main("align", str(SOURCE), str(TRANSLATION), "-o", str(out)) == 0, capsys.readouterr().err
    doc = load_document(out)
    expected = json.loads((HTML_DIR / "sungai-ciliwung.expected.json").read_text(encoding="utf-8"))
    assert [[b.kind, b.text] for b in doc.blocks] == expected["blocks"]
    # provenance is the Indonesian original's; the translation page's byline does not replace it
    assert doc.meta.author == "Rina Wulandari" and doc.meta.date == "2024-10-14"
    assert doc.meta.target_file == str(TRANSLATION) and doc.meta.target_origin == "human"
    targets = [t.text for b in doc.blocks for t in b.target]
    joined = " ".join(targets)
    for junk in ("Read also", "Tidal Floods", "ADVERTISEMENT", "Related stories", "Great work", "cookies",
                 "Share on", "By Translation desk"):
        assert junk not in joined, junk
    assert any(t.startswith("Residents Join Hands") for t in targets)
    assert any("A clean river is our first line of defence" in t for t in targets)
    # the title, the quote and the closing paragraph are linked to their translations
    title = doc.blocks[0]
    assert title.links and title.links[0].tgt
    assert any("every month" in t.text for t in doc.blocks[-1].target)
    page = parse_page((tmp_path / "doc.html").read_text(encoding="utf-8"))
    assert "Oleh Rina Wulandari" in text_in_lang(page, "id")
    assert "A clean river is our first line of defence against floods." in text_in_lang(page, "en")
    every = " ".join(" ".join(" ".join(v) for v in page.text.values()).split())
    assert "Translated from" in every and "by a person" in every  # a human translation is credited as one
