"""A merge that joins a very short line must stay a merge, not become a 1:1 plus a deletion.

Why this class: a short line ('"Ya," katanya.', a headline before its lead) barely moves the window vector
of a merge, and the window's normaliser used to be measured on that central, averaged vector alone, so
the merge cost more than a 1:1 plus a deletion. ``window_hub`` blends in the parts' own distances.
"""

from __future__ import annotations

import sys
from pathlib import Path

import numpy as np

from pipeline.align.beads import BeadParams, window_distance
from pipeline.align.signals import Units, window_embeddings

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "data" / "align_hard"))
from texts_a import DIALOGUE  # noqa: E402  (our own text)


def _units(vecs: np.ndarray) -> Units:
    n = vecs.shape[0]
    vecs = vecs / np.linalg.norm(vecs, axis=1, keepdims=True)
    return Units(vecs.astype(np.float32), np.full(n, 40.0), np.zeros((n, 1), np.float32), np.zeros(n, bool))


def test_window_normaliser_blends_the_parts_distances() -> None:
    rng = np.random.default_rng(7)
    u, other = _units(rng.normal(size=(6, 16))), _units(rng.normal(size=(5, 16)))
    win = window_embeddings(u, 2)
    own = window_distance(win, u, other, 2, 0.0)
    assert np.array_equal(own, np.mean(1.0 - win @ other.emb.T, axis=1))  # 0 = vecalign's normaliser, unchanged
    parts = window_distance(win, u, other, 2, 1.0)
    single = np.mean(1.0 - u.emb @ other.emb.T, axis=1)
    assert np.allclose(parts, (single[:-1] + single[1:]) / 2)
    assert np.allclose(window_distance(win, u, other, 2, 0.5), (own + parts) / 2)
    assert np.allclose(window_distance(u.emb, u, other, 1, 0.5), single)  # single units are untouched


def test_short_quoted_line_merged_with_its_neighbour_is_one_bead(real_encoder) -> None:  # type: ignore[no-untyped-def]
    """'"Ya," katanya.' + '"Bawa bekalmu."' against one English line: with the vecalign normaliser alone
    the real encoder links the first to the joined line and drops the second."""
    from pipeline.align.sentences import align_sentences

    src = [p[0] for p in DIALOGUE]
    tgt = [p[1] for p in DIALOGUE[:3]] + [f"{DIALOGUE[3][1]} {DIALOGUE[4][1]}"] + [p[1] for p in DIALOGUE[5:]]
    assert DIALOGUE[3][0] == '"Ya," katanya.'
    encoder = real_encoder
    beads = [(b.src, b.tgt) for b in align_sentences(src, tgt, encoder, BeadParams())]
    assert ([3, 4], [3]) in beads
    assert all(b[0] and b[1] for b in beads)  # no deletion invented
    old = [(b.src, b.tgt) for b in align_sentences(src, tgt, encoder, BeadParams(window_hub=0.0))]
    assert ([3, 4], [3]) not in old  # the case really exercises the change
