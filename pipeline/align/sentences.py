"""Sentence-level alignment of two lists of sentences (the engine behind ``--presplit`` and each block group).

Why ``breaks``: inside a group of aligned blocks, a bead may join target sentences from two blocks but never
source sentences from two blocks, because a link lives in one source block of the bitext file.
"""

from __future__ import annotations

import numpy as np

from pipeline.align.beads import BeadParams, Scored, align_units, assign_scores
from pipeline.align.encoders import Encoder
from pipeline.align.signals import Units, anchor_counts


def build_units(src: list[str], tgt: list[str], encoder: Encoder, src_breaks: list[bool] | None = None,
                tgt_breaks: list[bool] | None = None) -> tuple[Units, Units]:
    """Embed both sides in one batch (each distinct text once) and compute lengths and anchors."""
    vecs = encoder.embed(src + tgt)
    sa, ta = anchor_counts(src, tgt)
    ls = np.array([len(s) for s in src], dtype=np.float64)
    lt = np.array([len(t) for t in tgt], dtype=np.float64)

    def brk(b: list[bool] | None, n: int) -> np.ndarray:
        return np.array(b if b is not None else [False] * n, dtype=bool)

    return (
        Units(vecs[: len(src)], ls, sa, brk(src_breaks, len(src))),
        Units(vecs[len(src):], lt, ta, brk(tgt_breaks, len(tgt))),
    )


def align_sentences(src: list[str], tgt: list[str], encoder: Encoder, params: BeadParams | None = None,
                    src_breaks: list[bool] | None = None) -> list[Scored]:
    if not src and not tgt:
        return []
    su, tu = build_units(src, tgt, encoder, src_breaks=src_breaks)
    beads = align_units(su, tu, params)
    assign_scores(beads, su, tu)
    return beads


def format_beads(scored: list[Scored]) -> str:
    """vecalign / bertalign text format: ``[0]:[0]``, ``[4, 5]:[3]``, ``[12]:[]``, one bead per line."""
    return "".join(f"{s.src}:{s.tgt}\n" for s in scored)
