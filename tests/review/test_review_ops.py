"""Review operations: each is pure, keeps reading order, and marks what a person changed."""

from __future__ import annotations

import re

import pytest
from review_fixtures import belgorod_document

from pipeline.bitext.document import Document
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


def test_merge_across_blocks_joins_two_paragraphs(doc: Document) -> None:
    """"… media attention," / "in Kursk": a paragraph the source broke in two becomes one again."""
    for new in (ops.merge(doc, "b13", 0, "next"), ops.merge(doc, "b14", 0, "prev")):
        assert [b.id for b in new.blocks if b.id in ("b13", "b14")] == ["b13"]
        b = new.block("b13")
        assert b.text == "Peperangan di Kursk telah mendapat perhatian media, dalam Kursk"
        assert _links(new, "b13") == [(["b13.s1", "b14.s1"], ["b13.t1", "b14.t1"], "edited")]
        for s in b.source:
            assert s.start is not None and s.end is not None and b.text[s.start:s.end] == s.text
        assert len(new.blocks) == len(doc.blocks) - 1
    with pytest.raises(ReviewError, match="only two paragraphs"):
        ops.merge(doc, "b1", 0, "next")  # the title stays the title
    with pytest.raises(ReviewError, match="first link of the document"):
        ops.merge(doc, "b1", 0, "prev")
    with pytest.raises(ReviewError, match="last link of the document"):
        ops.merge(doc, "b23", 0, "next")


def test_joining_blocks_moves_their_inline_marks(doc: Document) -> None:
    import copy

    from pipeline.bitext.document import Mark

    marked = copy.deepcopy(doc)
    b14 = marked.blocks[13]
    assert b14.id == "b14"
    b14.marks = [Mark(6, 11, "em")]  # "Kursk"
    joined = ops.join_blocks(marked, "b13").block("b13")
    (mark,) = joined.marks
    assert joined.text[mark.start:mark.end] == "Kursk" and mark.start > 40


def test_only_the_changed_block_is_copied(doc: Document) -> None:
    new = ops.set_confirmed(doc, "b5", 0, True)
    shared = [a is b for a, b in zip(doc.blocks, new.blocks)]
    assert shared.count(False) == 1 and not shared[4]
    assert doc.block("b5").links[0].status == "auto"


def test_split_then_merge_restores_the_sentences(doc: Document) -> None:
    split = ops.split(doc, "b4", 0)
    assert _links(split, "b4") == [(["b4.s1"], ["b4.t1"], "edited"), (["b4.s2"], [], "edited")]
    back = ops.merge(split, "b4", 0, "next")
    assert [x[:2] for x in _links(back, "b4")] == [x[:2] for x in _links(doc, "b4")]
    with pytest.raises(ReviewError, match="nothing to split"):
        ops.split(doc, "b2", 0)


def test_move_keeps_order_and_drops_empty_links(doc: Document) -> None:
    with pytest.raises(ReviewError, match="last link of the document"):
        ops.move(doc, "b23", 0, "tgt", "next")
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


def test_move_across_blocks_joins_them(doc: Document) -> None:
    new = ops.move(doc, "b13", 0, "tgt", "next")
    assert _links(new, "b13") == [(["b13.s1"], [], "edited"), (["b14.s1"], ["b13.t1", "b14.t1"], "edited")]
    back = ops.move(new, "b13", 1, "tgt", "prev")
    assert _links(back, "b13")[0][:2] == (["b13.s1"], ["b13.t1"])


def test_split_at_a_sentence_boundary_chooses_the_cut(doc: Document) -> None:
    two = ops.merge(doc, "b9", 0, "next")  # (s1 s2 : t1 t2)
    at_end = ops.split_at(two, "b9", 0, "b9.s1", len(doc.block("b9").source[0].text))
    at_start = ops.split_at(two, "b9", 0, "b9.t2", 0)
    assert _links(at_end, "b9") == _links(at_start, "b9") == [
        (["b9.s1"], ["b9.t1"], "edited"), (["b9.s2"], ["b9.t2"], "edited")]
    with pytest.raises(ReviewError, match="start of b9"):
        ops.split_at(two, "b9", 0, "b9.s1", 0)
    with pytest.raises(ReviewError, match="not in b9"):
        ops.split_at(two, "b9", 0, "b4.s1", 0)


def test_split_inside_a_sentence_cuts_it_at_the_cursor(doc: Document) -> None:
    """b4 is 2:1 because the translation made one sentence of two: cut it where the second one starts."""
    t1 = doc.block("b4").target[0].text
    cut = t1.index(", and a Russian") + 1
    new = ops.split_at(doc, "b4", 0, "b4.t1", cut)
    b = new.block("b4")
    assert [t.id for t in b.target] == ["b4.t1", "b4.t2"]
    assert [t.text for t in b.target] == [t1[:cut], t1[cut:].lstrip()]
    assert _links(new, "b4") == [(["b4.s1"], ["b4.t1"], "edited"), (["b4.s2"], ["b4.t2"], "edited")]
    src = doc.block("b4").source[0].text
    cut_src = ops.split_at(doc, "b4", 0, "b4.s1", src.index(" pasukannya"))
    s = cut_src.block("b4").source
    assert [x.id for x in s] == ["b4.s1", "b4.s3", "b4.s2"]
    for x in s:
        assert cut_src.block("b4").text[x.start:x.end] == x.text
    assert _links(cut_src, "b4")[0] == (["b4.s1"], [], "edited")  # the 1-sentence target stays with the longer part


def test_confirm_upto_keeps_edited_links(doc: Document) -> None:
    edited = ops.edit_texts(doc, {"b3.t1": "Edited."})
    new = ops.confirm_upto(edited, "b4", 0)
    statuses = [x.status for b in new.blocks[:4] for x in b.links]
    assert statuses == ["confirmed", "confirmed", "edited", "confirmed"]
    assert new.block("b5").links[0].status == "auto"
    with pytest.raises(ReviewError, match="already confirmed"):
        ops.confirm_upto(new, "b3", 0)


def test_history_remembers_what_each_step_did(doc: Document) -> None:
    h = ops.History.start(doc)
    change = ops.Change("merged b9·1 with b9·2", ("b9", 0), ("b9", 0))
    h.push(ops.merge(doc, "b9", 0, "next"), change)
    assert h.next_undo() == change and h.next_redo() is None
    h.undo()
    assert h.next_redo() == change and h.next_undo() is None


def test_cutting_a_sentence_gives_the_rest_a_new_id_that_is_free(doc: Document) -> None:
    from pipeline.bitext.document import MachineTranslation

    joined = ops.merge(doc, "b13", 0, "next")  # block b13 now also holds b14.s1 and b14.t1
    joined.block("b13").source[0].mt = MachineTranslation("The fighting in Kursk has drawn media attention,")
    new, rest = ops.cut_sentence(joined, "b13.s1", len("Peperangan di Kursk"))
    b = new.block("b13")
    assert rest == "b13.s2" and [s.id for s in b.source] == ["b13.s1", "b13.s2", "b14.s1"]
    assert b.links[0].src == ["b13.s1", "b13.s2", "b14.s1"]
    assert b.source[0].mt is not None and b.source[1].mt is None  # the machine translation stays with the first half
    again, rest2 = ops.cut_sentence(new, "b13.s2", 5)
    assert rest2 == "b13.s3"
    ids = [s.id for blk in again.blocks for s in [*blk.source, *blk.target]]
    assert len(ids) == len(set(ids))
    for bad in (0, len(b.source[0].text), -1, 10_000):
        with pytest.raises(ReviewError):
            ops.cut_sentence(new, "b13.s1", bad)


@pytest.mark.parametrize(("req", "message"), [
    ({"op": "zap", "block": "b2", "index": 0}, "unknown operation 'zap'"),
    ({"op": 7}, "unknown operation 7"),
    ({"op": "merge", "block": "b2", "index": "0", "direction": "next"}, "no link selected"),
    ({"op": "confirm", "block": "b2", "index": 0, "confirmed": "false"}, 'confirm needs "confirmed": true or false'),
    ({"op": "confirm", "block": "b2", "confirmed": True}, "no link selected"),
    ({"op": "edit", "edits": {"b2.t1": 5}}, "edit needs {sentence id: text}"),
    ({"op": "split", "block": "b2", "index": 0, "sid": "b2.t1", "offset": "3"}, "split at a cursor needs the character offset"),
])
def test_each_operation_checks_its_arguments_before_it_runs(req: dict, message: str) -> None:
    from pipeline.review import actions

    doc = belgorod_document()
    with pytest.raises(ReviewError, match="^" + re.escape(message)):
        actions.change(doc, req["op"], req)


def test_the_operation_table_makes_the_change_and_names_it() -> None:
    from pipeline.review import actions

    doc = belgorod_document()
    block = next(b for b in doc.blocks if b.links)
    new, change = actions.change(doc, "confirm", {"block": block.id, "index": 0, "confirmed": True})
    assert new.block(block.id).links[0].status == "confirmed" and doc.block(block.id).links[0].status != "confirmed"
    assert change.label == f"confirmed {ops.link_label(block.id, 0)}" and change.after == (block.id, 0)
