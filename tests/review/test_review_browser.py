"""The review editor in headless Chromium: a person's session of edits ends up, exactly, in the bitext file
and in the republished page. Screenshots go to tests/_artifacts/screenshots/ for a human to look at."""

from __future__ import annotations

import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from helpers import parse_page, text_in_lang
from review_fixtures import belgorod_document

from pipeline.bitext.document import Document, load_document, save_document
from pipeline.review import ops
from pipeline.review.server import make_server

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"
NEW_B2 = 'The Russian frontier region of Belgorod declared an emergency on Wednesday <b>as</b> "Ukraine" advanced & pushed on.'

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")


# `browser` is the session-wide Chromium from conftest.py (shared with the publish browser tests).


@pytest.fixture
def editor(tmp_path: Path, browser: Any) -> Iterator[tuple[Any, Path, Document]]:
    path = tmp_path / "belgorod.bitext.json"
    doc = belgorod_document()
    save_document(doc, path)
    server, url = make_server(path, 0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    page = browser.new_page(viewport={"width": 1280, "height": 900})
    page.goto(url)
    page.wait_for_selector(".link")
    try:
        yield page, path, load_document(path)
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def _row(page: Any, block: str, index: int) -> Any:
    return page.locator(f'.link[data-block="{block}"][data-index="{index}"]')


def _select(page: Any, block: str, index: int) -> None:
    _row(page, block, index).locator(".lid").click()
    page.wait_for_selector(f'.link.selected[data-block="{block}"][data-index="{index}"]')


def _done(page: Any, start: str = "") -> str:
    """Wait until every change sent is saved and its answer drawn; returns the message, which names it."""
    page.wait_for_function("() => !document.body.classList.contains('busy')")
    message = page.locator("#message").inner_text()
    assert message.startswith(start) and "#message.error" not in message, message
    assert page.locator("#message.error").count() == 0, message
    return message


def _shot(page: Any, name: str, full: bool = False) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    if full:
        page.evaluate("window.scrollTo(0, 0)")  # a sticky header is drawn where the page is scrolled to
    page.screenshot(path=str(SHOTS / name), full_page=full)


def test_review_session_ends_up_exactly_in_the_file_and_the_page(editor: tuple[Any, Path, Document]) -> None:
    page, path, original = editor
    counter = page.locator("#counter")
    assert counter.inner_text() == "2 of 24 links need review · 0 confirmed · 0 edited"
    assert page.locator(".link.review").count() == 2
    assert page.locator(".link.selected").get_attribute("data-block") == "b4"  # opens on the first doubtful link
    assert page.locator(".link.selected .side.src").get_attribute("lang") == "id"
    assert page.locator(".link.selected .side.tgt").get_attribute("lang") == "en"
    assert "merge with the next / previous link" in (page.locator("#keys").text_content() or "")
    _shot(page, "01-opened.png")

    page.keyboard.press("n")  # jump to the next doubtful link
    page.wait_for_selector('.link.selected[data-block="b10"]')

    _select(page, "b9", 0)
    page.keyboard.press("}")  # move b9.s1's last source sentence down: b9.s1 joins b9.s2
    assert _done(page) == "moved b9.s1 to b9·2"
    page.locator("[data-act=mergeNext]").click()  # then merge the two links back into one 2:2 link
    assert _done(page) == "merged b9·1 with b9·2 into b9·1 (2:2)"
    _select(page, "b4", 0)
    page.keyboard.press("s")  # split the 2:1 link
    assert _done(page) == "split b4·1 into b4·1 (1:1) and b4·2 (1:0)"
    assert counter.inner_text() == "1 of 24 links need review · 0 confirmed · 3 edited"

    _select(page, "b2", 0)
    page.keyboard.press("e")
    area = page.locator(".link.selected textarea")
    area.fill(NEW_B2)
    _shot(page, "02-editing-translation.png")
    area.press("Control+Enter")
    assert _done(page) == "edited the translation of b2·1 (b2.t1)"
    assert page.locator('.link[data-block="b2"] .side.tgt').inner_text().endswith(NEW_B2)
    assert page.locator('.link[data-block="b2"] .side.tgt b').count() == 0  # shown as text, never as markup

    _select(page, "b6", 0)
    page.keyboard.press("Shift+E")  # fix a typo in the source
    area = page.locator(".link.selected .side.src textarea")
    area.fill(area.input_value().replace("lokalitas", "lokasi"))
    page.locator(".link.selected [data-act=saveEdit]").click()
    assert _done(page) == "edited the source of b6·1 (b6.s1)"

    _select(page, "b3", 0)
    page.locator("[data-act=confirm]").click()
    assert _done(page) == "confirmed b3·1"
    _select(page, "b5", 0)
    page.keyboard.press("c")
    _done(page, "confirmed b5·1")
    assert counter.inner_text() == "1 of 24 links need review · 2 confirmed · 5 edited"
    page.keyboard.press("u")  # undo the last confirmation
    assert _done(page) == "undid: confirmed b5·1"
    assert counter.inner_text() == "1 of 24 links need review · 1 confirmed · 5 edited"
    page.locator("[data-act=publish]").click()
    assert _done(page) == "wrote belgorod.html"
    _shot(page, "03-after-edits.png", full=True)

    expected = ops.move(original, "b9", 0, "src", "next")
    expected = ops.merge(expected, "b9", 0, "next")
    expected = ops.split(expected, "b4", 0)
    expected = ops.edit_texts(expected, {"b2.t1": NEW_B2})
    expected = ops.edit_texts(expected, {"b6.s1": original.block("b6").source[0].text.replace("lokalitas", "lokasi")})
    expected = ops.set_confirmed(expected, "b3", 0, True)
    saved = load_document(path)
    saved.meta.updated = expected.meta.updated = ""
    assert saved.to_dict() == expected.to_dict()
    assert [x.status for b in saved.blocks for x in b.links if x.status in ("edited", "confirmed")] == \
        ["edited", "confirmed", "edited", "edited", "edited", "edited"]
    b6 = saved.block("b6")
    assert "lokasi Rusia" in b6.text and b6.text[b6.source[0].start:b6.source[0].end] == b6.source[0].text
    backup = load_document(path.with_name(path.name + ".bak.1"))
    assert backup.block("b5").links[0].status == "confirmed"  # the version before the undo

    html = path.with_name("belgorod.html").read_text(encoding="utf-8")
    english = text_in_lang(parse_page(html), "en")
    assert NEW_B2 in english and "border region of Belgorod" not in english
    assert "lokasi Rusia" in text_in_lang(parse_page(html), "id")
    assert "<b>as</b>" not in html


def test_a_file_changed_elsewhere_is_not_overwritten(editor: tuple[Any, Path, Document]) -> None:
    page, path, _ = editor
    other = load_document(path)
    other.block("b2").target[0].text = "Changed by another program."
    save_document(other, path)
    theirs = path.read_bytes()
    _select(page, "b2", 0)
    page.keyboard.press("c")
    page.wait_for_selector("#message.error")
    assert "changed on disk" in page.locator("#message").inner_text()
    _shot(page, "04-conflict-refused.png")
    assert path.read_bytes() == theirs
    page.locator("[data-act=reload]").click()
    page.wait_for_function("() => document.getElementById('message').textContent.startsWith('reloaded')")
    assert "Changed by another program." in page.locator('.link[data-block="b2"] .side.tgt').inner_text()
