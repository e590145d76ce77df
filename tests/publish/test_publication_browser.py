"""The reading page as a publication, in headless Debian Chromium (Playwright): masthead and credits, phone
defaults, swapping and hiding a language, copying a link to a sentence, keyboard movement, print.

Screenshots for a person to look at go to tests/_artifacts/screenshots/: ``reader-1280.png``,
``reader-375.png`` (the reader's edition at desktop and phone widths) and ``print-side-by-side.png``,
``print-paragraphs.png`` (print media emulated at A4 width), plus ``review-marks-1280.png``.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.publish.html import render_html
from publish_samples import large_document, publication_document

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}
A4 = {"width": 794, "height": 1123}  # 210 x 297 mm at 96 dpi


@pytest.fixture(scope="module")
def pages(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("publication")
    (folder / "reader.html").write_text(render_html(publication_document()), encoding="utf-8")
    (folder / "marks.html").write_text(render_html(publication_document(), review_marks=True), encoding="utf-8")
    (folder / "large.html").write_text(render_html(large_document(1000)), encoding="utf-8")
    return folder


@pytest.fixture()
def open_page(browser, pages: Path):  # type: ignore[no-untyped-def]
    contexts = []

    def _open(name: str = "reader", viewport: dict[str, int] = DESKTOP, **kw: object):  # type: ignore[no-untyped-def]
        ctx = browser.new_context(viewport=viewport, **kw)
        contexts.append(ctx)
        page = ctx.new_page()
        page.goto((pages / f"{name}.html").as_uri())
        return page

    yield _open
    for ctx in contexts:
        ctx.close()


def _box(page, sid: str) -> dict[str, float]:  # type: ignore[no-untyped-def]
    box = page.locator(f'[id="{sid}"]').bounding_box()
    assert box is not None, sid
    return box


def _active(page) -> str:  # type: ignore[no-untyped-def]
    return page.evaluate("document.activeElement.id || document.activeElement.className || document.activeElement.tagName")


def test_masthead_and_footer_read_like_a_publication(open_page) -> None:
    page = open_page()
    assert page.locator("h1").count() == 1
    assert "Wilayah Belgorod" in page.text_content("h1") and "Belgorod region" in page.text_content("h1")
    byline = page.locator(".byline")
    assert byline.locator('[lang="id"]').text_content() == "Oleh Rina Wulandari · 14 Agustus 2024 · Kabar Contoh"
    assert byline.locator('[lang="en"]').text_content() == "By Rina Wulandari · 14 August 2024 · Kabar Contoh"
    assert page.get_attribute(".orig a", "href") == "https://example.com/berita/belgorod-darurat"
    footer = page.text_content("footer") or ""
    assert ("Translated from Indonesian (Kabar Contoh, “Wilayah Belgorod Rusia dalam keadaan darurat di tengah "
            "serangan Ukraina”, Rina Wulandari, 14 August 2024) by machine translation with "
            "Helsinki-NLP/opus-mt-id-en; reviewed by a person: partly (2 of 24 links).") in " ".join(footer.split())
    assert "made by a machine and may contain errors" in footer
    assert "belgorod.id.txt" in footer and "seeds/" not in footer and "/home/" not in footer
    assert "revision 0123456" in footer and "0123456789abcdef01234567" not in footer
    assert "14 August 2024" in footer and "T09:30" not in footer
    labels = page.locator(".cols .side")
    assert labels.all_text_contents() == ["Bahasa Indonesia", "English"] and labels.first.is_visible()


def test_phone_opens_in_paragraphs_under_a_short_bar(open_page) -> None:
    page = open_page("marks", PHONE, has_touch=True, is_mobile=True)
    assert page.get_attribute("#doc", "data-layout") == "paragraphs"
    assert page.locator(".bar").bounding_box()["height"] < 60
    assert page.evaluate("document.getElementById('legend').open") is False, "the legend folds on a phone"
    page.tap("#legend summary")
    assert page.evaluate("document.getElementById('legend').open") is True
    desktop = open_page("marks")
    assert desktop.get_attribute("#doc", "data-layout") == "side-by-side"
    assert desktop.evaluate("document.getElementById('legend').open") is True


def test_swap_columns_and_show_one_language(open_page, pages: Path) -> None:
    page = open_page()
    assert _box(page, "b2.s1")["x"] < _box(page, "b2.t1")["x"]
    page.click("#swap")
    assert page.get_attribute("#swap", "aria-pressed") == "true"
    assert _box(page, "b2.t1")["x"] < _box(page, "b2.s1")["x"], "the translation is now on the left"
    page.click('#shows label:has(input[value="tgt"])')
    assert not page.is_visible('[id="b2.s1"]') and page.is_visible('[id="b2.t1"]')
    assert not page.is_visible(".cols")
    again = page.context.new_page()  # remembered like the layout
    again.goto((pages / "reader.html").as_uri())
    assert again.get_attribute("#doc", "data-show") == "tgt" and again.get_attribute("#doc", "data-swap") == ""
    again.click('#shows label:has(input[value="both"])')
    again.click('#layouts label:has(input[value="translation"])')
    assert again.is_disabled('input[name="show"][value="src"]'), "translation only already hides the original"


def test_copy_link_to_a_sentence(open_page) -> None:
    page = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.hover('[id="b4.t1"]')
    button = page.locator("#cp")
    assert button.is_visible()
    sentence, near = _box(page, "b4.t1"), button.bounding_box()
    assert near is not None and abs(near["y"] - sentence["y"]) < sentence["height"]
    button.click()
    page.wait_for_function("document.getElementById('msg').textContent.length > 0")
    assert page.text_content("#msg") == "Link to this sentence copied"
    assert page.evaluate("navigator.clipboard.readText()").endswith(".html#b4.t1")
    assert page.evaluate("location.hash") == "#b4.t1"
    page.keyboard.press("j")  # the button gave focus back to the sentence
    assert _active(page) == "b5.t1"
    page.keyboard.press("c")
    page.wait_for_function("navigator.clipboard.readText().then(t => t.endsWith('#b5.t1'))")


def test_one_tab_stop_then_arrow_keys_and_a_skip_link(open_page) -> None:
    page = open_page("large")
    page.keyboard.press("Tab")
    assert _active(page) == "skip" and page.locator(".skip").is_visible()
    page.keyboard.press("Enter")
    assert _active(page) == "b1.s1"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("j")
    second = _active(page)
    assert second.startswith("b") and ".s" in second and second != "b1.s1"
    page.keyboard.press("k")
    page.keyboard.press("ArrowRight")
    assert ".t" in _active(page)
    page.keyboard.press("End")
    last = _active(page)
    assert last == page.evaluate("[...document.querySelectorAll('#doc .tgt .s')].pop().id")
    page.keyboard.press("Home")
    assert _active(page) == "b1.t1"
    # the text is one tab stop: Tab leaves it (to the copy-link button, then the footer), Shift+Tab comes back
    assert page.evaluate("document.querySelectorAll('#doc [tabindex=\"0\"]').length") == 1
    page.keyboard.press("Tab")
    assert _active(page) == "cp"
    page.keyboard.press("Shift+Tab")
    assert _active(page) == "b1.t1"
    page.keyboard.press("ArrowLeft")
    assert _active(page) == "b1.s1"
    page.click('#layouts label:has(input[value="translation"])')  # hides the original, and the tab stop with it
    page.focus(".skip")
    page.keyboard.press("Enter")
    assert _active(page) == "b1.t1", "the tab stop moved to a sentence that can be seen"


def test_print_keeps_the_layout_without_marks_and_with_margins(open_page) -> None:
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_page("marks", A4)
    margins = page.evaluate("""[...document.styleSheets].flatMap(s => [...s.cssRules])
        .filter(r => r.type === CSSRule.PAGE_RULE).map(r => r.style.margin)""")
    assert margins and all(m for m in margins), "an @page rule sets the paper margins"
    page.emulate_media(media="print")
    assert not page.is_visible(".bar") and not page.is_visible("#legend")
    deco = page.evaluate("getComputedStyle(document.getElementById('b4.s1')).textDecorationLine")
    assert deco == "none", "no review marks on paper"
    s, t = _box(page, "b2.s1"), _box(page, "b2.t1")
    assert abs(s["y"] - t["y"]) < 2 and t["x"] > s["x"], "side by side on screen, side by side on paper"
    page.screenshot(path=str(ARTIFACTS / "print-side-by-side.png"), full_page=False)
    page.emulate_media(media="screen")
    page.click('#layouts label:has(input[value="paragraphs"])')
    page.emulate_media(media="print")
    s, t = _box(page, "b2.s1"), _box(page, "b2.t1")
    assert t["y"] > s["y"] + s["height"] - 2, "paragraphs on screen, paragraphs on paper"
    page.screenshot(path=str(ARTIFACTS / "print-paragraphs.png"), full_page=False)


@pytest.mark.parametrize(("width", "viewport"), [(1280, DESKTOP), (375, PHONE)])
def test_screenshots_of_the_reader_edition(open_page, width: int, viewport: dict[str, int]) -> None:
    """Pictures for a person (tests/_artifacts/screenshots/); the check is that the edition has no marks."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    page = open_page("reader", viewport)
    assert page.locator("#doc .rv, #legend").count() == 0
    page.screenshot(path=str(ARTIFACTS / f"reader-{width}.png"))
    if width == 1280:
        marks = open_page("marks", viewport)
        marks.hover('[id="b4.t1"]')
        marks.screenshot(path=str(ARTIFACTS / "review-marks-1280.png"))
