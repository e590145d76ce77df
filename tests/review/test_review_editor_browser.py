"""The review editor's navigation and operations, key by key, in headless Chromium.

Each test drives the real editor on a real server and checks what a person sees (selection, rows, message)
and what ends up in the file. Documents are small (the sample article, or a few hundred generated links);
the speed at 10,000 links is measured by bench/editor.py, never here. Screenshots of each navigation step go
to tests/_artifacts/screenshots/ for a human to look at.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest
from review_fixtures import belgorod_document, generated_document

from pipeline.bitext.document import Document, load_document, save_document
from pipeline.review.server import make_server

CHROMIUM = Path("/usr/bin/chromium")
SHOTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"
IDLE = "() => !document.body.classList.contains('busy')"

pytestmark = pytest.mark.skipif(not CHROMIUM.exists(), reason="needs Debian chromium at /usr/bin/chromium")

Opener = Callable[..., tuple[Any, Path]]


@pytest.fixture
def open_editor(tmp_path: Path, browser: Any) -> Iterator[Opener]:
    """Open a document in the editor: returns the page and the file; everything is closed afterwards."""
    opened: list[tuple[Any, Any]] = []

    def _open(doc: Document, height: int = 800, name: str = "doc") -> tuple[Any, Path]:
        path = tmp_path / f"{name}.bitext.json"
        save_document(doc, path)
        server, url = make_server(path, 0)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        page = browser.new_page(viewport={"width": 1280, "height": height})
        errors: list[str] = []
        page.on("pageerror", lambda e: errors.append(str(e)))
        page.goto(url)
        page.wait_for_selector(".link.selected")
        page.errors = errors
        opened.append((page, server))
        return page, path

    yield _open
    for page, server in opened:
        assert not page.errors, page.errors
        page.close()
        server.shutdown()
        server.server_close()


def _sel(page: Any) -> str:
    """The selected link as the editor names it (``b4·1``), from the status line: its row may be out of sight."""
    return page.locator("#where").inner_text().split(" ")[0]


def _select(page: Any, block: str, index: int) -> None:
    """Click the link's row; a row out of the drawn part of the list is reached with the jump box first."""
    row = page.locator(f'.link[data-block="{block}"][data-index="{index}"]')
    if row.count() == 0:
        page.keyboard.press("g")
        page.keyboard.type(f"{block}:{index + 1}")
        page.keyboard.press("Enter")
    row.locator(".lid").click()
    page.wait_for_selector(f'.link.selected[data-block="{block}"][data-index="{index}"]')


def _done(page: Any) -> str:
    page.wait_for_function(IDLE)
    assert page.locator("#message.error").count() == 0, page.locator("#message").inner_text()
    return page.locator("#message").inner_text()


def _shot(page: Any, name: str) -> None:
    SHOTS.mkdir(parents=True, exist_ok=True)
    page.screenshot(path=str(SHOTS / name))


def _mark_rows(page: Any) -> None:
    """Tag every row element now in the page; a row drawn again later has no tag."""
    page.evaluate("() => document.querySelectorAll('.link').forEach(e => { e.dataset.old = '1'; })")


def _new_rows(page: Any) -> list[str]:
    return page.evaluate("() => [...document.querySelectorAll('.link:not([data-old])')]"
                         ".map(e => e.dataset.block + ':' + e.dataset.index)")


def _links(path: Path, block: str) -> list[tuple[list[str], list[str], str]]:
    return [(x.src, x.tgt, x.status) for x in load_document(path).block(block).links]


def test_a_long_document_draws_only_the_rows_in_sight(open_editor: Opener) -> None:
    doc = generated_document(600, seed=3)
    page, _ = open_editor(doc)
    drawn = page.locator(".link").count()
    assert 5 < drawn < 80  # not 600
    height = page.evaluate("document.getElementById('viewport').scrollHeight")
    assert height > 600 * 40  # the spacers stand for the rows that are not drawn
    page.keyboard.press("End")  # scroll to the bottom: the last link is drawn, the selection stays
    page.wait_for_selector(f'.link[data-block="{doc.blocks[-1].id}"][data-index="{len(doc.blocks[-1].links) - 1}"]')
    assert page.locator(".link").count() < 80
    assert page.locator(".link[aria-setsize='600']").count() == page.locator(".link").count()


def test_an_arrow_key_or_a_confirm_redraws_only_the_rows_it_changes(open_editor: Opener) -> None:
    page, path = open_editor(generated_document(300, seed=5))
    page.keyboard.press("Home")
    _select(page, "b2", 0)
    _mark_rows(page)
    page.keyboard.press("ArrowDown")
    assert _sel(page) == "b2·2"
    assert _new_rows(page) == []  # the selection moved; no row was drawn again
    # press C and look in the same task, before the server's answer can arrive: drawn at once, that row only
    at_once = page.evaluate("""() => {
        document.activeElement.dispatchEvent(new KeyboardEvent('keydown', {key: 'c', bubbles: true}));
        return [...document.querySelectorAll('.link:not([data-old])')].map(e => e.dataset.block + ':' + e.dataset.index);
    }""")
    assert at_once == ["b2:1"]
    assert page.locator(".link.selected .badge").inner_text() == "confirmed"
    _done(page)
    assert set(_new_rows(page)) <= {f"b2:{i}" for i in range(4)}  # the server's answer: that block only
    assert _links(path, "b2")[1][2] == "confirmed"


def test_next_review_non_one_to_one_and_unconfirmed(open_editor: Opener) -> None:
    doc = generated_document(120, seed=11)
    page, _ = open_editor(doc)
    flat = [(b.id, i, x) for b in doc.blocks for i, x in enumerate(b.links)]
    names = [f"{b}·{i + 1}" for b, i, _ in flat]

    def expect_next(start: str, pred: Callable[[Any], bool], direction: int = 1) -> str:
        k = names.index(start)
        for step in range(1, len(flat) + 1):
            j = (k + direction * step) % len(flat)
            if pred(flat[j][2]):
                return names[j]
        raise AssertionError("none")

    page.keyboard.press("Home")
    _select(page, "b1", 0)
    for key, pred in (("n", lambda x: x.status == "needs_review"),
                      ("o", lambda x: (len(x.src), len(x.tgt)) != (1, 1)),
                      ("w", lambda x: x.status in ("auto", "needs_review"))):
        for _ in range(3):
            want = expect_next(_sel(page), pred)
            page.keyboard.press(key)
            assert _sel(page) == want, key
        want = expect_next(_sel(page), pred, -1)
        page.keyboard.press(key.upper())  # Shift: the previous one
        assert _sel(page) == want, key.upper()
        _shot(page, f"nav-next-{ {'n': 'review', 'o': 'non-1-1', 'w': 'unconfirmed'}[key] }.png")


def test_home_end_page_keys_scroll_without_moving_the_selection(open_editor: Opener) -> None:
    page, _ = open_editor(generated_document(400, seed=2))
    _select(page, page.locator(".link").nth(2).get_attribute("data-block"), 0)
    chosen = _sel(page)
    top = "document.getElementById('viewport').scrollTop"
    page.keyboard.press("PageDown")
    after_one = page.evaluate(top)
    assert after_one > 300 and _sel(page) == chosen
    page.keyboard.press("PageDown")
    assert page.evaluate(top) > after_one and _sel(page) == chosen
    page.keyboard.press("PageUp")
    assert abs(page.evaluate(top) - after_one) < 5
    page.keyboard.press("End")
    assert page.evaluate(top) > 400 * 40 and _sel(page) == chosen
    _shot(page, "nav-end-keeps-selection.png")
    page.keyboard.press("Home")
    assert page.evaluate(top) == 0 and _sel(page) == chosen
    page.keyboard.press("ArrowDown")  # the next arrow key goes on from the selection, brought back into view
    assert page.locator(".link.selected").count() == 1 and _sel(page) != chosen


def test_confirm_and_next_and_confirm_all_above(open_editor: Opener) -> None:
    page, path = open_editor(belgorod_document(), name="belgorod")
    _select(page, "b2", 0)
    page.keyboard.press("Enter")  # confirm b2·1 and go on to the next unconfirmed link
    assert _sel(page) == "b3·1"
    page.keyboard.press("Enter")
    assert _sel(page) == "b4·1"
    assert _done(page) == "confirmed b3·1"
    assert [x[2] for b in ("b2", "b3", "b4") for x in _links(path, b)] == ["confirmed", "confirmed", "needs_review"]
    _shot(page, "nav-confirm-and-next.png")
    _select(page, "b6", 0)
    page.keyboard.press("Shift+A")
    assert _done(page) == "confirmed 4 links down to b6·1"  # b1, b4, b5, b6; b2 and b3 already were
    doc = load_document(path)
    assert [x.status for b in doc.blocks[:6] for x in b.links] == ["confirmed"] * 6
    assert doc.block("b7").links[0].status == "auto"
    assert page.locator("#counter").inner_text() == "1 of 24 links need review · 6 confirmed · 0 edited"
    _shot(page, "nav-confirm-all-above.png")


def test_filter_bar_type_counts_and_search(open_editor: Opener) -> None:
    doc = generated_document(200, seed=7)
    page, _ = open_editor(doc)
    links = [x for b in doc.blocks for x in b.links]
    shown = page.locator("#shown")
    page.select_option("#filter", "review")
    review = sum(x.status == "needs_review" for x in links)
    assert shown.inner_text().startswith(f"showing {review} of 200")
    assert page.locator(".link:not(.review)").count() <= 1  # only the selected link may stay in sight
    _shot(page, "filter-needs-review.png")
    page.select_option("#filter", "odd")
    odd = sum((len(x.src), len(x.tgt)) != (1, 1) for x in links)
    assert shown.inner_text().startswith(f"showing {odd} of 200")
    shapes = page.locator(".link .shape").all_inner_texts()
    assert sum(s != "1:1" for s in shapes) >= len(shapes) - 1
    page.select_option("#filter", "all")
    types = page.locator("#types button").all_inner_texts()
    one_one = sum((len(x.src), len(x.tgt)) == (1, 1) for x in links)
    assert types[0] == f"1:1 {one_one}"
    page.locator("#types button", has_text="2:1").click()
    assert shown.inner_text().startswith(f"showing {sum((len(x.src), len(x.tgt)) == (2, 1) for x in links)} of 200")
    page.locator("#types button", has_text="2:1").click()  # again: all
    assert shown.inner_text() == ""
    page.keyboard.press("/")
    needle = doc.blocks[30].source[0].text[:25]
    page.keyboard.type(needle)
    page.keyboard.press("Enter")
    assert shown.inner_text().startswith("showing ")
    assert page.locator(".link", has_text=needle).count() >= 1
    _shot(page, "filter-search.png")
    page.select_option("#filter", "unconfirmed")
    page.fill("#search", "")
    page.keyboard.press("Enter")
    unconf = sum(x.status in ("auto", "needs_review") for x in links)
    assert shown.inner_text().startswith(f"showing {unconf} of 200")


def test_edited_filter_and_jump_to_a_link_id(open_editor: Opener) -> None:
    page, _ = open_editor(belgorod_document(), name="belgorod")
    page.keyboard.press("g")
    page.keyboard.type("b9·2")
    page.keyboard.press("Enter")
    assert _sel(page) == "b9·2" and page.locator("#message").inner_text() == "went to b9·2"
    _shot(page, "nav-jump.png")
    page.keyboard.press("g")
    page.keyboard.type("b13.t1")  # a sentence id finds its link
    page.keyboard.press("Enter")
    assert _sel(page) == "b13·1"
    page.keyboard.press("g")
    page.keyboard.type("b99:1")
    page.keyboard.press("Enter")
    assert "no link b99:1" in page.locator("#message.error").inner_text()
    page.keyboard.press("Escape")
    page.keyboard.press("m")  # b13 + b14 (the paragraph the source broke in two)
    _done(page)
    page.keyboard.press("ArrowUp")
    page.select_option("#filter", "edited")
    assert page.locator("#shown").inner_text() == "showing 1 of 23 + selected"
    assert page.locator(".link.edited").count() == 1


def test_split_at_the_cursor_placed_with_the_mouse(open_editor: Opener) -> None:
    page, path = open_editor(belgorod_document(), name="belgorod")
    _select(page, "b4", 0)
    t1 = load_document(path).block("b4").target[0].text
    cut = t1.index("and a Russian")
    box = page.evaluate("""([cut]) => {
        const txt = document.querySelector('.link.selected .side.tgt .txt');
        const r = document.createRange(); r.setStart(txt.firstChild, cut); r.setEnd(txt.firstChild, cut + 1);
        const b = r.getBoundingClientRect(); return [b.left + 1, b.top + b.height / 2]; }""", [cut])
    page.mouse.click(box[0], box[1])
    page.wait_for_selector(".link.selected .caret")
    assert "cursor in b4.t1 before “and a Russian" in page.locator("#message").inner_text()
    _shot(page, "split-cursor.png")
    page.keyboard.press("s")
    assert _done(page) == "cut b4.t1 at the cursor (the rest is b4.t2); split b4·1 into b4·1 (1:1) and b4·2 (1:1)"
    assert _links(path, "b4") == [(["b4.s1"], ["b4.t1"], "edited"), (["b4.s2"], ["b4.t2"], "edited")]
    assert [t.text for t in load_document(path).block("b4").target] == [t1[:cut].rstrip(), t1[cut:]]


def test_split_at_the_cursor_moved_with_arrow_keys_and_in_the_editor(open_editor: Opener) -> None:
    page, path = open_editor(belgorod_document(), name="belgorod")
    _select(page, "b9", 0)
    page.keyboard.press("m")  # b9·1 is now 2:2
    _done(page)
    s1 = load_document(path).block("b9").source[0].text
    for _ in range(len(s1.split()) + 1):  # word by word to the end of b9.s1
        page.keyboard.press("ArrowRight")
    assert "at the end of b9.s1" in page.locator("#message").inner_text()
    page.keyboard.press("s")
    assert _done(page) == "split b9·1 into b9·1 (1:1) and b9·2 (1:1)"  # the other side cut in proportion
    assert [x[:2] for x in _links(path, "b9")] == [(["b9.s1"], ["b9.t1"]), (["b9.s2"], ["b9.t2"])]
    _select(page, "b10", 0)  # 1:2; its source sentence holds two clauses
    page.keyboard.press("Shift+E")
    area = page.locator(".link.selected textarea")
    text = area.input_value()
    at = text.index(", di mana") + 1
    area.evaluate("(ta, at) => { ta.focus(); ta.setSelectionRange(at, at); }", at)
    area.press("Alt+Enter")
    message = _done(page)
    assert message.startswith("cut b10.s1 at the cursor (the rest is b10.s2); split b10·1 into b10·1 (1:1)")
    src = load_document(path).block("b10").source
    assert [s.text for s in src] == [text[:at], text[at:].lstrip()]


def test_merge_and_move_across_paragraphs(open_editor: Opener) -> None:
    page, path = open_editor(belgorod_document(), name="belgorod")
    _select(page, "b13", 0)
    page.keyboard.press("m")
    assert _done(page) == "merged b13·1 with b14·1 into b13·1 (2:2); joined paragraphs b13 and b14"
    doc = load_document(path)
    assert "b14" not in [b.id for b in doc.blocks]
    assert doc.block("b13").text == "Peperangan di Kursk telah mendapat perhatian media, dalam Kursk"
    assert page.locator('.link[data-block="b14"]').count() == 0
    _shot(page, "merge-across-paragraphs.png")
    page.keyboard.press("u")
    assert _done(page) == "undid: merged b13·1 with b14·1 into b13·1 (2:2); joined paragraphs b13 and b14"
    assert _sel(page) == "b13·1" and page.locator('.link[data-block="b14"]').count() == 1
    page.keyboard.press("]")  # the translation's last sentence goes down, across the paragraph edge
    assert _done(page) == "moved b13.t1 to b13·2; joined paragraphs b13 and b14"
    assert _links(path, "b13") == [(["b13.s1"], [], "edited"), (["b14.s1"], ["b13.t1", "b14.t1"], "edited")]
    empty = page.locator('.link[data-block="b13"][data-index="0"] .side.tgt .empty')
    assert empty.inner_text() == "no translation" and empty.is_visible()  # an empty side says so
    _select(page, "b1", 0)
    page.keyboard.press("m")
    page.wait_for_selector("#message.error")
    assert "only two paragraphs, list items or quotes can be joined" in page.locator("#message").inner_text()


def test_undo_and_redo_bring_the_changed_link_back_into_view(open_editor: Opener) -> None:
    page, path = open_editor(generated_document(300, seed=9))
    page.keyboard.press("Home")
    _select(page, "b3", 0)
    page.keyboard.press("c")
    _done(page)
    page.keyboard.press("g")
    page.keyboard.type("b70")
    page.keyboard.press("Enter")
    assert _sel(page) == "b70·1"
    assert page.locator('.link[data-block="b3"]').count() == 0  # far out of the drawn rows
    undo_title = page.locator("[data-act=undo]").get_attribute("title")
    assert undo_title == "Undo: confirmed b3·1 (U or Ctrl+Z)"
    page.keyboard.press("u")
    assert _done(page) == "undid: confirmed b3·1"
    assert _sel(page) == "b3·1"
    assert page.locator(".link.selected").is_visible()
    box = page.locator(".link.selected").bounding_box()
    assert box is not None and 0 <= box["y"] < 800
    _shot(page, "undo-selects-the-link.png")
    page.keyboard.press("g")
    page.keyboard.type("b70")
    page.keyboard.press("Enter")
    page.keyboard.press("Shift+U")
    assert _done(page) == "redid: confirmed b3·1" and _sel(page) == "b3·1"
    assert load_document(path).block("b3").links[0].status == "confirmed"


def test_toolbar_fits_and_colours_and_shortcut_list(open_editor: Opener) -> None:
    page, _ = open_editor(belgorod_document(), name="belgorod")
    assert page.evaluate("document.querySelector('header').offsetHeight") <= 100  # was 180 px
    for bar in (".toolbar", ".filterbar"):
        assert page.evaluate(f"document.querySelector('{bar}').offsetHeight") < 40, bar  # one line, no wrap
    assert "(M)" in (page.locator("[data-act=mergeNext]").get_attribute("title") or "")
    assert page.locator("[data-act=mergeNext] kbd").inner_text() == "M"
    _select(page, "b3", 0)
    page.keyboard.press("c")
    _done(page)
    _select(page, "b5", 0)
    page.keyboard.press("e")
    page.locator(".link.selected textarea").fill("The war goes on.")
    page.keyboard.press("Control+Enter")
    _done(page)
    _select(page, "b6", 0)
    style = """s => { const e = document.querySelector(s), c = getComputedStyle(e);
                      return [c.backgroundColor, c.borderLeftColor, c.outlineColor, c.outlineStyle]; }"""
    review = page.evaluate(style, '.link.review:not(.selected)')
    confirmed = page.evaluate(style, '.link.confirmed:not(.selected)')
    edited = page.evaluate(style, '.link.edited:not(.selected)')
    selected = page.evaluate(style, '.link.selected')
    backgrounds = {review[0], confirmed[0], edited[0]}
    assert len(backgrounds) == 3 and len({review[1], confirmed[1], edited[1]}) == 3
    assert selected[3] == "solid" and selected[2] not in (review[1], confirmed[1], edited[1])
    _shot(page, "colours.png")
    page.keyboard.press("?")
    dialog = page.locator("#keys")
    assert dialog.is_visible() and "confirm and go to the next unconfirmed link" in dialog.inner_text()
    _shot(page, "shortcuts.png")
    page.keyboard.press("c")  # keys go to the dialog, not to the list
    page.keyboard.press("Escape")
    assert not dialog.is_visible()


def test_wrong_token_shows_a_page_that_explains(browser: Any, tmp_path: Path) -> None:
    path = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), path)
    server, url = make_server(path, 0)
    threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
    page = browser.new_page(viewport={"width": 1000, "height": 600})
    try:
        response = page.goto(url.split("?")[0])
        assert response is not None and response.status == 403
        assert page.locator("h1").inner_text() == "This review address has no session token"
        assert "bilingual review FILE.bitext.json" in page.locator("main").inner_text()
        _shot(page, "token-missing.png")
        page.goto(url[:-3] + "xyz")
        assert page.locator("h1").inner_text() == "This review address has a wrong or outdated session token"
    finally:
        page.close()
        server.shutdown()
        server.server_close()


def test_low_qe_first_shows_estimated_links_worst_first(open_editor: Opener) -> None:
    from pipeline.bitext.document import MachineTranslation

    doc = generated_document(60, seed=3)
    estimated = 0
    for n, block in enumerate(doc.blocks):
        for k, s in enumerate(block.source):
            if (n + k) % 3:  # a third of the sentences have no estimate and are not shown by the filter
                s.mt = MachineTranslation(text="x", qe=round(((n * 7 + k * 13) % 97) / 97, 4))
    links = [(b, x) for b in doc.blocks for x in b.links]
    worst = []
    for b, x in links:
        qes = [s.mt.qe for s in b.source if s.id in x.src and s.mt is not None]
        if qes:
            estimated += 1
            worst.append(max(q for q in qes if q is not None))
    page, _ = open_editor(doc)
    page.select_option("#filter", "lowqe")
    assert page.locator("#shown").inner_text().startswith(f"showing {estimated} of 60")
    page.keyboard.press("Home")  # the list scrolls to its top; the selection stays where it was
    page.wait_for_function("() => document.getElementById('viewport').scrollTop === 0")
    shown = [float(t.split()[1]) for t in page.locator(".link .meta .score", has_text="QE").all_inner_texts()]
    assert len(shown) >= 5 and shown == sorted(shown, reverse=True)
    assert shown[0] == pytest.approx(max(worst), abs=0.005)
    _shot(page, "filter-low-qe-first.png")


def test_the_other_keys_j_k_shift_m_brackets_ctrl_z_y_left_escape_p(open_editor: Opener) -> None:
    page, path = open_editor(belgorod_document(), name="belgorod")
    _select(page, "b9", 0)
    page.keyboard.press("j")
    assert _sel(page) == "b9·2"
    page.keyboard.press("k")
    page.keyboard.press("j")
    page.keyboard.press("Shift+M")  # merge b9·2 with b9·1
    assert _done(page) == "merged b9·2 with b9·1 into b9·1 (2:2)" and _sel(page) == "b9·1"
    page.keyboard.press("[")  # the first target sentence of b9·1 up: across the edge, into b8
    assert _done(page) == "moved b9.t1 to b8·1; joined paragraphs b8 and b9"
    page.keyboard.press("Control+z")
    assert _done(page) == "undid: moved b9.t1 to b8·1; joined paragraphs b8 and b9"
    page.keyboard.press("Control+y")
    assert _done(page).startswith("redid: moved b9.t1")
    page.keyboard.press("Control+z")
    _done(page)
    page.keyboard.press("{")
    assert _done(page) == "moved b9.s1 to b8·1; joined paragraphs b8 and b9"
    assert [x[:2] for x in _links(path, "b8")] == [(["b8.s1", "b9.s1"], ["b8.t1"]), (["b9.s2"], ["b9.t1", "b9.t2"])]
    page.keyboard.press("ArrowLeft")  # the cursor appears at the end of the link, then steps back a word
    page.keyboard.press("ArrowLeft")
    assert page.locator(".link.selected .caret").count() == 1
    page.keyboard.press("Escape")
    assert page.locator(".link.selected .caret").count() == 0 and _done(page) == "cursor removed"
    page.keyboard.press("p")
    assert _done(page) == "wrote belgorod.html" and path.with_name("belgorod.html").exists()
