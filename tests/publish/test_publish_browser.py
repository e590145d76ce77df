"""The reading page in a real browser: headless Debian Chromium driven by Playwright.

Playwright never downloads a browser here: it is pointed at /usr/bin/chromium, and the tests skip (with
the reason) where that binary is absent. One browser serves the whole session. Screenshots of every
layout at desktop and phone widths go to tests/_artifacts/screenshots/ for a person to look at.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.publish.html import render_html
from pipeline.registry import PAGE_LAYOUTS
from publish_samples import hostile_document, large_document, markdown_document, sample_document

ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"
DESKTOP = {"width": 1280, "height": 900}
PHONE = {"width": 375, "height": 740}

# `browser` is the session-wide Chromium from conftest.py: /usr/bin/chromium, never a downloaded one;
# every test here skips (with the reason) where it is absent.


@pytest.fixture(scope="session")
def pages_dir(tmp_path_factory: pytest.TempPathFactory) -> Path:
    folder = tmp_path_factory.mktemp("pages")
    for name, doc in (
        ("sample", sample_document()),
        ("sample-marks", sample_document()),
        ("markdown", markdown_document()),
        ("hostile", hostile_document()),
        ("large", large_document(2000)),
    ):
        (folder / f"{name}.html").write_text(render_html(doc, review_marks=name.endswith("-marks")), encoding="utf-8")
    return folder


@pytest.fixture()
def open_page(browser, pages_dir: Path):  # type: ignore[no-untyped-def]
    """Open a generated page in a fresh context (fresh localStorage), recording any network request."""
    contexts = []

    def _open(name: str, viewport: dict[str, int] = DESKTOP, **kw: object):  # type: ignore[no-untyped-def]
        ctx = browser.new_context(viewport=viewport, **kw)
        contexts.append(ctx)
        page = ctx.new_page()
        page.requests = []  # type: ignore[attr-defined]
        page.dialogs = []  # type: ignore[attr-defined]
        page.on("request", lambda r: page.requests.append(r.url))
        page.on("dialog", lambda d: (page.dialogs.append(d.message), d.dismiss()))
        page.goto((pages_dir / f"{name}.html").as_uri())
        return page

    yield _open
    for ctx in contexts:
        ctx.close()


def _classes(page, sid: str) -> list[str]:  # type: ignore[no-untyped-def]
    return page.evaluate("id => document.getElementById(id).className.split(' ')", sid)


def _set_layout(page, layout: str) -> None:  # type: ignore[no-untyped-def]
    page.click(f'#layouts label:has(input[value="{layout}"])')
    assert page.get_attribute("#doc", "data-layout") == layout


def test_page_loads_nothing_from_the_network(open_page) -> None:
    page = open_page("sample")
    assert [u for u in page.requests if not u.startswith("file:")] == []
    assert page.title().startswith("Wilayah Belgorod")
    assert page.evaluate("document.querySelector('.side.src').lang") == "id"
    assert page.evaluate("document.querySelector('.side.tgt').lang") == "en"


def test_hovering_a_source_sentence_highlights_its_link(open_page) -> None:
    page = open_page("sample")
    page.hover('[id="b2.s1"]')
    assert "hl" in _classes(page, "b2.t1")
    assert "hl" not in _classes(page, "b3.t1")
    # a 2:1 link lights every sentence of the link
    page.hover('[id="b4.s2"]')
    assert {"hl"} <= set(_classes(page, "b4.s1")) and "hl" in _classes(page, "b4.t1")
    assert "hl" not in _classes(page, "b2.t1"), "moving on clears the previous highlight"
    page.mouse.move(5, 890)
    assert "hl" not in _classes(page, "b4.t1")


def test_keyboard_focus_highlights_the_link(open_page) -> None:
    page = open_page("sample")
    page.click('[id="b10.s1"]')
    assert page.evaluate("document.activeElement.id") == "b10.s1"
    assert "hl" in _classes(page, "b10.t1") and "hl" in _classes(page, "b10.t2")
    page.keyboard.press("ArrowRight")  # to the linked translation
    assert page.evaluate("document.activeElement.id") == "b10.t1"
    assert "hl" in _classes(page, "b10.s1") and "on" in _classes(page, "b10.t1")
    page.keyboard.press("j")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.id") == "b11.t1"
    assert "hl" in _classes(page, "b11.s1")
    assert "hl" not in _classes(page, "b10.t1")


def test_tap_highlights_and_shows_original_in_translation_layout(open_page) -> None:
    page = open_page("sample", PHONE, has_touch=True, is_mobile=True)
    _set_layout(page, "translation")
    assert not page.is_visible('[id="b2.s1"]')
    page.tap('[id="b2.t1"]')
    assert "hl" in _classes(page, "b2.t1")
    pop = page.locator("#pop")
    assert pop.is_visible()
    assert pop.text_content() == page.text_content('[id="b2.s1"]')
    box = pop.bounding_box()
    assert box is not None and box["x"] >= 0 and box["x"] + box["width"] <= PHONE["width"]


def test_review_marks_are_explained(open_page) -> None:
    page = open_page("sample-marks")
    assert "rv" in _classes(page, "b4.t1") and "rv" in _classes(page, "b6.s1")
    assert set(_classes(page, "b2.s1")) == {"s"} and set(_classes(page, "b8.s1")) == {"s"}  # b8 is confirmed
    style = lambda sel, prop: page.evaluate(  # noqa: E731
        "([s, p]) => getComputedStyle(document.querySelector(s)).getPropertyValue(p)", [sel, prop]
    )
    assert style('[id="b10.s1"]', "text-decoration-style") == "wavy"
    assert style('[id="b2.s1"]', "text-decoration-style") != "wavy"
    assert "numbers missing (a number in the original" in page.get_attribute('[id="b4.s1"]', "title")
    legend = page.text_content(".legend") or ""
    assert "3 of 24 links need review" in legend and "repetition" in legend and "unsure link" in legend
    reader = open_page("sample")
    assert reader.locator(".legend").count() == 0 and reader.locator("#doc .rv").count() == 0


def test_every_layout_switches_without_reload_and_is_remembered(open_page, browser, pages_dir: Path) -> None:
    page = open_page("sample")
    page.evaluate("window.__marker = 'same page'")
    for layout in PAGE_LAYOUTS:
        _set_layout(page, layout)
        assert page.evaluate("window.__marker") == "same page"
        visible_src = page.is_visible('[id="b2.s1"]')
        assert visible_src == (layout != "translation")
        assert page.is_visible('[id="b2.t1"]')
    # the two sides of a block start on the same line side by side; stacked otherwise
    _set_layout(page, "side-by-side")
    top = lambda sid: page.locator(f'[id="{sid}"]').bounding_box()["y"]  # noqa: E731
    assert abs(top("b9.s1") - top("b9.t1")) < 2
    _set_layout(page, "paragraphs")
    assert top("b9.t1") > top("b9.s2"), "paragraph layout: the whole source paragraph, then its translation"
    _set_layout(page, "sentences")
    assert top("b9.s1") < top("b9.t1") < top("b9.s2") < top("b9.t2"), "sentence layout interleaves pairs"
    # remembered: a new page in the same context opens with the last choice
    again = page.context.new_page()
    again.goto((pages_dir / "sample.html").as_uri())
    assert again.get_attribute("#doc", "data-layout") == "sentences"
    assert again.is_checked('input[value="sentences"]')


@pytest.mark.parametrize("name", ["sample", "markdown", "hostile"])
def test_no_horizontal_scrolling_on_a_phone(open_page, name: str) -> None:
    page = open_page(name, PHONE)
    for layout in PAGE_LAYOUTS:
        _set_layout(page, layout)
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], f"{name} overflows horizontally in {layout}: {widths}"


def test_structure_is_kept(open_page) -> None:
    page = open_page("markdown")
    assert page.evaluate("document.querySelectorAll('h1').length") == 1, "one h1: the title in both languages"
    assert page.evaluate("document.querySelectorAll('h1#b1 > .side').length") == 2
    assert page.evaluate("document.querySelectorAll('#b3 h2').length") == 2
    assert page.text_content("#b4 .src .mk") == "-"
    assert page.text_content("#b6 .tgt .mk") == "1."
    assert page.evaluate("document.querySelectorAll('#b7 blockquote').length") == 2
    code = page.evaluate("[...document.querySelectorAll('#b8 pre code')].map(e => e.textContent)")
    assert code == ['print("kode tidak diterjemahkan")'] * 2
    _set_layout(page, "sentences")
    box = lambda sel: page.locator(sel).bounding_box()  # noqa: E731
    assert abs(box("#b4 .src .mk")["y"] - box('[id="b4.s1"]')["y"]) < 8, "a list marker stays on its item's line"
    assert box('[id="b7.s1"]')["y"] < box('[id="b7.t1"]')["y"] < box('[id="b7.s2"]')["y"], "quotes interleave too"
    assert page.locator("#b8 pre").count() == 2 and page.locator("#b8 .tgt pre").is_hidden(), "code shown once"


def test_hostile_article_runs_nothing(open_page) -> None:
    page = open_page("hostile")
    for layout in (*PAGE_LAYOUTS, "side-by-side"):
        _set_layout(page, layout)
    for el in page.query_selector_all("#doc .s"):
        el.hover()
    page.click('[id="b3.s1"]')
    assert page.evaluate("window.__pwned") is None
    assert page.dialogs == []
    # the markup is there as text, and only the page's own two script elements exist
    assert page.evaluate("document.scripts.length") == 2
    assert page.evaluate("document.querySelectorAll('img, a:not(.skip), iframe, [onerror], [onmouseover]').length") == 0
    assert "<script>" in (page.text_content("#b6") or "")
    assert "javascript:" in (page.text_content("#b3") or "")
    assert page.title().startswith("</title><script>")


def test_large_article_uses_event_delegation_and_responds(open_page) -> None:
    page = open_page("large")
    assert page.evaluate("document.querySelectorAll('#doc .s').length") == 4000
    cdp = page.context.new_cdp_session(page)
    obj = cdp.send("Runtime.evaluate", {"expression": "document.getElementById('b200.s3')"})["result"]
    listeners = cdp.send("DOMDebugger.getEventListeners", {"objectId": obj["objectId"]})["listeners"]
    assert listeners == [], "sentences must not carry their own listeners"
    page.hover('[id="b400.s5"]')
    assert "hl" in _classes(page, "b400.t5")
    _set_layout(page, "sentences")
    page.hover('[id="b1.t2"]')
    assert "hl" in _classes(page, "b1.s2")


def test_print_keeps_the_chosen_layout(open_page) -> None:
    page = open_page("sample")
    page.emulate_media(media="print")
    top = lambda sid: page.locator(f'[id="{sid}"]').bounding_box()  # noqa: E731
    s, t = top("b2.s1"), top("b2.t1")
    assert abs(s["y"] - t["y"]) < 2 and t["x"] > s["x"] + s["width"] / 2, "side by side prints side by side"
    assert not page.is_visible(".bar")
    _set_layout_while_printing(page, "translation")
    assert not page.is_visible('[id="b2.s1"]') and page.is_visible('[id="b2.t1"]'), "translation only prints so"


def _set_layout_while_printing(page, layout: str) -> None:  # type: ignore[no-untyped-def]
    page.emulate_media(media="screen")
    _set_layout(page, layout)
    page.emulate_media(media="print")


def test_dark_mode_follows_the_system(open_page) -> None:
    page = open_page("sample", color_scheme="dark")
    bg = page.evaluate("getComputedStyle(document.body).backgroundColor")
    assert bg == "rgb(21, 21, 21)"


@pytest.mark.parametrize("viewport_name", ["desktop", "phone"])
def test_screenshots_of_every_layout(open_page, viewport_name: str) -> None:
    """Not a check: pictures of each layout for a person to look at (tests/_artifacts/screenshots/)."""
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    viewport = DESKTOP if viewport_name == "desktop" else PHONE
    page = open_page("sample", viewport)
    for layout in PAGE_LAYOUTS:
        _set_layout(page, layout)
        page.hover('[id="b4.t1"]')  # a 2:1 link marked for review and flagged
        page.screenshot(path=str(ARTIFACTS / f"{layout}-{viewport_name}.png"))
        assert (ARTIFACTS / f"{layout}-{viewport_name}.png").stat().st_size > 0
    dark = open_page("markdown", viewport, color_scheme="dark")
    dark.screenshot(path=str(ARTIFACTS / f"markdown-dark-{viewport_name}.png"), full_page=True)
