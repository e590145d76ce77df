"""Block-then-sentence alignment of a whole article, with the fake encoder: paragraphs merged, dropped, split."""

from __future__ import annotations

from align_fakes import FakeEncoder, sentence

from pipeline.align import align_translation
from pipeline.config import Config
from pipeline.segment.stage import segment_text


def _para(*ks: int) -> str:
    return " ".join(sentence(k) for k in ks)


def _align(src_paras: list[str], tgt_paras: list[str]):  # type: ignore[no-untyped-def]
    src = segment_text("\n\n".join(src_paras) + "\n", source_file="a.id.txt")
    tgt = segment_text("\n\n".join(tgt_paras) + "\n", source_file="a.en.txt")
    return align_translation(src, tgt, Config().align, encoder=FakeEncoder()).doc


def _pairs(doc) -> list[tuple[list[str], list[str], list[str]]]:  # type: ignore[no-untyped-def]
    out = []
    for b in doc.blocks:
        for link in b.links:
            out.append(([b.sentence(i).text for i in link.src], [b.sentence(j).text for j in link.tgt], link.flags))
    return out


def test_merged_dropped_and_split_paragraphs() -> None:
    src = [_para(0, 1), _para(2, 3), _para(4, 5), _para(6, 7, 8), _para(9, 10)]
    tgt = [_para(0, 1, 2, 3), _para(6, 7), _para(8), _para(9, 10)]  # 1+2 merged, 3 dropped, 4 split
    doc = _align(src, tgt)
    pairs = _pairs(doc)
    for k in (0, 1, 2, 3, 6, 7, 8, 9, 10):
        assert ([sentence(k)], [sentence(k)], []) in pairs
    assert ([sentence(4)], [], ["dropped"]) in pairs and ([sentence(5)], [], ["dropped"]) in pairs
    # each target sentence sits in the block of its source sentence
    assert [s.text for s in doc.blocks[1].target] == [sentence(2), sentence(3)]
    assert [s.text for s in doc.blocks[3].target] == [sentence(6), sentence(7), sentence(8)]
    assert doc.meta.target_origin == "human" and doc.meta.target_file == "a.en.txt"


def test_added_paragraph_joins_its_neighbour_and_is_flagged() -> None:
    src = [_para(0, 1), _para(2, 3)]
    tgt = [_para(0, 1), _para(50, 51), _para(2, 3)]
    doc = _align(src, tgt)
    added = [link for b in doc.blocks for link in b.links if link.flags == ["added"]]
    assert len(added) == 2 and all(link.status == "needs_review" and not link.src for link in added)
    assert [s.text for s in doc.blocks[0].target] == [sentence(0), sentence(1), sentence(50), sentence(51)]
    doc_links = {lid for b in doc.blocks for link in b.links for lid in link.tgt}
    assert doc_links == {s.id for b in doc.blocks for s in b.target}


def test_result_is_a_valid_bitext_file(tmp_path) -> None:  # type: ignore[no-untyped-def]
    from pipeline.bitext.document import load_document, save_document

    doc = _align([_para(0, 1), _para(2, 3), _para(4)], [_para(0), _para(1, 2), _para(60), _para(3, 4)])
    save_document(doc, tmp_path / "d.bitext.json")
    again = load_document(tmp_path / "d.bitext.json")
    assert [len(b.links) for b in again.blocks] == [len(b.links) for b in doc.blocks]
    assert sum(len(b.target) for b in again.blocks) == 6
