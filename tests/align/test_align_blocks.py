"""Block-then-sentence alignment of a whole article with the real encoder: paragraphs merged, dropped, added."""

from __future__ import annotations

import pytest
from align_texts import ADDED, source, target

from pipeline.align import align_translation
from pipeline.config import Config
from pipeline.segment.stage import segment_text


def _src(*ks: int) -> str:
    return " ".join(source(k) for k in ks)


def _tgt(*ks: int) -> str:
    return " ".join(target(k) for k in ks)


@pytest.fixture
def align(real_encoder):  # type: ignore[no-untyped-def]
    def run(src_paras: list[str], tgt_paras: list[str]):  # type: ignore[no-untyped-def]
        src = segment_text("\n\n".join(src_paras) + "\n", source_file="a.id.txt")
        tgt = segment_text("\n\n".join(tgt_paras) + "\n", source_file="a.en.txt")
        return align_translation(src, tgt, Config().align, encoder=real_encoder).doc
    return run


def _pairs(doc) -> list[tuple[list[str], list[str], list[str]]]:  # type: ignore[no-untyped-def]
    out = []
    for b in doc.blocks:
        for link in b.links:
            out.append(([b.sentence(i).text for i in link.src], [b.sentence(j).text for j in link.tgt], link.flags))
    return out


def test_merged_dropped_and_split_paragraphs(align) -> None:  # type: ignore[no-untyped-def]
    src = [_src(0, 1), _src(2, 3), _src(4, 5), _src(6, 7, 8), _src(9, 10)]
    tgt = [_tgt(0, 1, 2, 3), _tgt(6, 7), _tgt(8), _tgt(9, 10)]  # 1+2 merged, 3 dropped, 4 split
    doc = align(src, tgt)
    pairs = _pairs(doc)
    for k in (0, 1, 2, 3, 6, 7, 8, 9, 10):
        assert ([source(k)], [target(k)], []) in pairs
    assert ([source(4)], [], ["dropped"]) in pairs and ([source(5)], [], ["dropped"]) in pairs
    # each target sentence sits in the block of its source sentence
    assert [s.text for s in doc.blocks[1].target] == [target(2), target(3)]
    assert [s.text for s in doc.blocks[3].target] == [target(6), target(7), target(8)]
    assert doc.meta.target_origin == "human" and doc.meta.target_file == "a.en.txt"


def test_added_paragraph_joins_its_neighbour_and_is_flagged(align) -> None:  # type: ignore[no-untyped-def]
    src = [_src(0, 1), _src(2, 3)]
    tgt = [_tgt(0, 1), " ".join(ADDED[:2]), _tgt(2, 3)]
    doc = align(src, tgt)
    added = [link for b in doc.blocks for link in b.links if link.flags == ["added"]]
    assert len(added) == 2 and all(link.status == "needs_review" and not link.src for link in added)
    assert [s.text for s in doc.blocks[0].target] == [target(0), target(1), *ADDED[:2]]
    doc_links = {lid for b in doc.blocks for link in b.links for lid in link.tgt}
    assert doc_links == {s.id for b in doc.blocks for s in b.target}


def test_result_is_a_valid_bitext_file(align, tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.bitext.document import load_document, save_document

    doc = align([_src(0, 1), _src(2, 3), _src(4)], [_tgt(0), _tgt(1, 2), ADDED[2], _tgt(3, 4)])
    save_document(doc, tmp_path / "d.bitext.json")
    again = load_document(tmp_path / "d.bitext.json")
    assert [len(b.links) for b in again.blocks] == [len(b.links) for b in doc.blocks]
    assert sum(len(b.target) for b in again.blocks) == 6
