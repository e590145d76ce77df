"""Article links on the reading page in a real browser (Debian Chromium, skipped where it is absent).

They must not disturb the page's event delegation (pointing at a link inside a sentence still highlights
the sentence's partners), must be reachable by keyboard, and must show in every layout without overflow.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.publish.html import render_html
from pipeline.registry import PAGE_LAYOUTS
from pipeline.segment.stage import segment_text
from publish_samples import attach_translation

ARTICLE = """\
# Berita [utama](https://contoh.id/utama)

**[Tautan tebal](https://contoh.id/tebal)** membuka paragraf ini. Dia datang ke [kota besar. Mereka](https://contoh.id/sebuah/alamat/yang/sangat/panjang/sekali/tanpa/spasi) pergi dengan `kereta_api` dan *cepat*.
"""
TRANSLATION = ["News headline", "A bold link opens this paragraph. He came to the big city. They left by train and fast."]


@pytest.fixture(scope="module")
def page_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    doc = attach_translation(segment_text(ARTICLE, source_file="berita.md"), TRANSLATION)
    path = tmp_path_factory.mktemp("marks") / "marks.html"
    path.write_text(render_html(doc), encoding="utf-8")
    return path


@pytest.fixture()
def page(browser, page_file: Path):  # type: ignore[no-untyped-def]
    ctx = browser.new_context(viewport={"width": 375, "height": 740})
    p = ctx.new_page()
    p.goto(page_file.as_uri())
    yield p
    ctx.close()


def _classes(page, sid: str) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate("id => document.getElementById(id).className.split(' ')", sid)


def test_links_keep_highlighting_and_keyboard_access(page) -> None:  # type: ignore[no-untyped-def]
    page.hover('[id="b2.s1"] a')
    assert "hl" in _classes(page, "b2.t1") and "on" in _classes(page, "b2.s1")
    page.click('[id="b2.t1"]', position={"x": 2, "y": 4})  # the sentence becomes the text's tab stop
    assert page.evaluate("document.activeElement.id") == "b2.t1"
    page.keyboard.press("Tab")
    focused = page.evaluate("[document.activeElement.className, document.activeElement.getAttribute('aria-label')]")
    assert focused == ["src-link", "link from the original: Tautan tebal"]
    assert "on" in _classes(page, "b2.t1") and "hl" in _classes(page, "b2.s1"), "focus in the link pins its sentence"


def test_links_show_in_every_layout_without_overflow(page) -> None:  # type: ignore[no-untyped-def]
    for layout in PAGE_LAYOUTS:
        page.click(f'#layouts label:has(input[value="{layout}"])')
        assert page.is_visible('[id="b2.t2"] .src-link'), layout
        if layout != "translation":
            assert page.is_visible('[id="b2.s1"] strong a'), layout
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{layout} overflows: {widths}"
    page.hover('[id="b2.t1"]')  # translation layout: the original shows in the pop-up, words only
    assert page.text_content("#pop") == "Tautan tebal membuka paragraf ini."
