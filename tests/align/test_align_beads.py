"""The bead DP on small hand-made cases, with the fake encoder: its exact similarities make a wrong bead the
search's fault, never the encoder's (align_fakes.py)."""

from __future__ import annotations

import pytest
from align_fakes import FakeEncoder, sentence

from pipeline.align.beads import SENTENCE_BEADS, BeadParams, best_path
from pipeline.align.sentences import align_sentences, format_beads


def _beads(src: list[str], tgt: list[str]) -> list[tuple[list[int], list[int]]]:
    return [(b.src, b.tgt) for b in align_sentences(src, tgt, FakeEncoder())]


def _join(*ks: int) -> str:
    return " ".join(sentence(k) for k in ks)


def test_one_to_one_is_the_diagonal() -> None:
    src = [sentence(k) for k in range(6)]
    assert _beads(src, list(src)) == [([k], [k]) for k in range(6)]


def test_dropped_source_sentence_is_a_1_0_bead() -> None:
    src = [sentence(k) for k in range(6)]
    tgt = [s for k, s in enumerate(src) if k != 3]
    beads = _beads(src, tgt)
    assert ([3], []) in beads
    assert ([4], [3]) in beads and ([2], [2]) in beads


def test_added_target_sentence_is_a_0_1_bead() -> None:
    src = [sentence(k) for k in range(6)]
    tgt = src[:2] + [sentence(99)] + src[2:]
    beads = _beads(src, tgt)
    assert ([], [2]) in beads
    assert ([2], [3]) in beads


def test_one_source_sentence_translated_as_three() -> None:
    src = [sentence(0), _join(1, 2, 3), sentence(4), sentence(5)]
    tgt = [sentence(k) for k in range(6)]
    assert _beads(src, tgt) == [([0], [0]), ([1], [1, 2, 3]), ([2], [4]), ([3], [5])]


@pytest.mark.parametrize(("merged", "expect"), [((1, 2), ([1], [1, 2])), ((1, 2, 3), ([1], [1, 2, 3]))])
def test_merges_on_the_target_side_become_n_to_1(merged: tuple[int, ...], expect: tuple[list[int], list[int]]) -> None:
    tgt = [sentence(0), _join(*merged)] + [sentence(k) for k in range(max(merged) + 1, 7)]
    src = [sentence(k) for k in range(7)]
    beads = _beads(src, tgt)
    assert (expect[1], expect[0]) in beads  # src indices come first: 1:n from the target's point of view
    assert all(len(s) + len(t) > 0 for s, t in beads)


def test_every_sentence_is_covered_once_and_in_order() -> None:
    src = [sentence(0), _join(1, 2), sentence(3), sentence(4), sentence(50), sentence(5)]
    tgt = [sentence(k) for k in range(6)] + [sentence(60)]
    beads = _beads(src, tgt)
    assert [i for s, _ in beads for i in s] == list(range(len(src)))
    assert [j for _, t in beads for j in t] == list(range(len(tgt)))


def test_scores_are_in_unit_interval_and_deletions_score_low() -> None:
    src = [sentence(k) for k in range(6)]
    tgt = [s for k, s in enumerate(src) if k != 2]
    scored = align_sentences(src, tgt, FakeEncoder())
    assert all(0.0 <= b.score <= 1.0 for b in scored)
    assert next(b for b in scored if b.src == [2]).score < 0.5
    assert min(b.score for b in scored if b.src and b.tgt) > 0.5


def test_each_distinct_text_is_embedded_once() -> None:
    enc = FakeEncoder()
    src = [sentence(k) for k in range(4)]
    align_sentences(src, list(src), enc)
    assert len(enc.seen) == 8  # one batch, windows are never embedded


def test_best_path_follows_the_cheapest_beads() -> None:
    import numpy as np

    n = m = 2
    costs = {(a, b): np.full((n - a + 1, m - b + 1), 5.0) for a, b in SENTENCE_BEADS}
    costs[(2, 2)][0, 0] = 1.0
    assert [(i, a, j, b) for i, a, j, b, _ in best_path(n, m, costs)] == [(0, 2, 0, 2)]


def test_format_beads_is_vecalign_format() -> None:
    src = [sentence(k) for k in range(3)]
    out = format_beads(align_sentences(src, [src[0], src[2]], FakeEncoder(), BeadParams()))
    assert out == "[0]:[0]\n[1]:[]\n[2]:[1]\n"
