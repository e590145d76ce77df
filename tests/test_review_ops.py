"""Review operations: each is pure, keeps reading order, and marks what a person changed."""

from __future__ import annotations

import pytest
from review_fixtures import belgorod_document

from pipeline.document import Document
from pipeline.errors import ReviewError
from pipeline.review import ops


@pytest.fixture(scope="module")
def doc() -> Document:
    return belgorod_document()


def _links(doc: Document, bid: str) -> list[tuple[list[str], list[str], str]]:
    return [(x.src, x.tgt, x.status) for x in doc.block(bid).links]


def test_operations_do_not_touch_their_input(doc: Document) -> None:
    before = doc.to_json()
    ops.merge(doc, "b9", 0, "next")
    ops.split(doc, "b4", 0)
    ops.edit_texts(doc, {"b2.t1": "New."})
    assert doc.to_json() == before


def test_merge_next_and_prev_give_the_same_link(doc: Document) -> None:
    a = ops.merge(doc, "b9", 0, "next")
    b = ops.merge(doc, "b9", 1, "prev")
    assert _links(a, "b9") == _links(b, "b9") == [(["b9.s1", "b9.s2"], ["b9.t1", "b9.t2"], "edited")]


def test_merge_refuses_to_cross_blocks(doc: Document) -> None:
    with pytest.raises(ReviewError, match="cannot cross blocks"):
        ops.merge(doc, "b2", 0, "next")


def test_split_then_merge_restores_the_sentences(doc: Document) -> None:
    split = ops.split(doc, "b4", 0)
    assert _links(split, "b4") == [(["b4.s1"], ["b4.t1"], "edited"), (["b4.s2"], [], "edited")]
    back = ops.merge(split, "b4", 0, "next")
    assert [x[:2] for x in _links(back, "b4")] == [x[:2] for x in _links(doc, "b4")]
    with pytest.raises(ReviewError, match="nothing to split"):
        ops.split(doc, "b2", 0)


def test_move_keeps_order_and_drops_empty_links(doc: Document) -> None:
    with pytest.raises(ReviewError, match="last link of block b10"):
        ops.move(doc, "b10", 0, "tgt", "next")
    two = ops.split(doc, "b10", 0)
    assert _links(two, "b10") == [(["b10.s1"], ["b10.t1"], "edited"), ([], ["b10.t2"], "edited")]
    up = ops.move(two, "b10", 1, "tgt", "prev")
    assert _links(up, "b10") == [(["b10.s1"], ["b10.t1", "b10.t2"], "edited")]
    down = ops.move(doc, "b9", 0, "src", "next")
    assert _links(down, "b9") == [([], ["b9.t1"], "edited"), (["b9.s1", "b9.s2"], ["b9.t2"], "edited")]


def test_confirm_and_unconfirm(doc: Document) -> None:
    c = ops.set_confirmed(doc, "b4", 0, True)
    assert c.block("b4").links[0].status == "confirmed" and not ops.needs_review(c.block("b4").links[0])
    u = ops.set_confirmed(c, "b4", 0, False)
    assert u.block("b4").links[0].status == "needs_review" and ops.needs_review(u.block("b4").links[0])


def test_edit_source_keeps_offsets_exact(doc: Document) -> None:
    new = ops.edit_texts(doc, {"b4.s1": "Kementerian Pertahanan Rusia berkata.", "b4.t1": "  The ministry\n said. "})
    b = new.block("b4")
    assert b.target[0].text == "The ministry said."
    for s in b.source:
        assert s.start is not None and s.end is not None
        assert b.text[s.start:s.end] == s.text
    assert b.source[0].text == "Kementerian Pertahanan Rusia berkata."
    assert b.links[0].status == "edited"
    with pytest.raises(ReviewError, match="empty"):
        ops.edit_texts(doc, {"b4.t1": "   "})
    assert ops.edit_texts(doc, {"b4.t1": doc.block("b4").target[0].text}).to_json() == doc.to_json()


def test_history_undo_redo(doc: Document) -> None:
    h = ops.History.start(doc)
    a = ops.merge(doc, "b9", 0, "next")
    h.push(a)
    assert h.undo() is doc and h.redo() is a
    h.undo()
    h.push(ops.split(doc, "b4", 0))  # a new change drops the redo branch
    assert not h.can_redo()
    with pytest.raises(ReviewError, match="nothing to redo"):
        h.redo()
