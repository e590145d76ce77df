"""Coarse-to-fine search for the bead path (vecalign's idea): align a downsampled version of both sides,
then run the exact DP only in a band around the path found there, widening the band where the path
touches its edge.

Why it is safe: halving both sides keeps the shape of the path (a 2:1 merge stays a near-diagonal step),
and the band is wide enough (``width`` units each side at every level) that the fine DP is free to place
every bead; a path that still presses against the band's edge is re-run with the band widened there, so a
coarse mistake cannot fix the result. Small problems (``full_cells``) get the whole matrix, so short
documents are aligned by the exact full DP, as before.
"""

from __future__ import annotations

from collections.abc import Callable

import numpy as np
from scipy import sparse

from pipeline.align.band import Band, Shape, Step, band_path
from pipeline.align.signals import Units, group_units

#: Cost of every bead shape at every cell of a band (see beads.band_costs).
CostFn = Callable[[Units, Units, Band], dict[Shape, np.ndarray]]

#: A side shorter than this is not downsampled (its pairs would say little).
MIN_COARSE = 8
#: The coarsest level gets the full DP from this many cells down: it only guides, and a smaller top level
#: is cheaper (a short document is never coarsened: its own full_cells applies).
COARSE_FULL_CELLS = 10_000
#: Rounds of widening (each doubles the extra width) before the path found is accepted as it is.
MAX_WIDEN = 6


def downsample(u: Units) -> Units:
    """Pairs of consecutive units joined into one (the last unit alone when ``n`` is odd).

    Without anchors, as in vecalign's coarse levels: a joined unit carries the anchors of all its parts, so
    their cost would double at every level while the embeddings and lengths already find the path.
    """
    coarse = group_units(u, np.arange(u.n) // 2, (u.n + 1) // 2)
    coarse.anchors = sparse.csr_array((coarse.n, 1), dtype=np.float32)
    return coarse


def band_around(path: list[Step], fs: int, ft: int, n: int, m: int, width: int) -> Band:
    """The fine band around a coarse path: every cell its beads cover, scaled up by (fs, ft), plus ``width``
    columns on each side, and every row within ``width`` rows of such a cell."""
    lo = np.full(n + 1, m + 1, dtype=np.int64)
    hi = np.full(n + 1, -1, dtype=np.int64)
    for i, a, j, b, _ in path:
        r0, r1 = min(fs * i, n), min(fs * (i + a), n)
        c0, c1 = min(ft * j, m), min(ft * (j + b), m)
        lo[r0:r1 + 1] = np.minimum(lo[r0:r1 + 1], c0)
        hi[r0:r1 + 1] = np.maximum(hi[r0:r1 + 1], c1)
    lo = _sliding(lo, width, np.minimum) - width
    hi = _sliding(hi, width, np.maximum) + width
    return Band.from_ranges(lo, hi, m)


def _sliding(x: np.ndarray, w: int, op: np.ufunc) -> np.ndarray:
    """op over the window [i - w, i + w] of each position (edges padded with the end values)."""
    padded = np.concatenate([np.full(w, x[0]), x, np.full(w, x[-1])])
    out = x.copy()
    for k in range(2 * w + 1):
        out = op(out, padded[k:k + len(x)])
    return out


def search_path(src: Units, tgt: Units, shapes: list[Shape], cost_fn: CostFn, width: int,
                full_cells: int) -> list[Step]:
    """The cheapest bead path, searched in a band when the matrix has more than ``full_cells`` cells."""
    n, m = src.n, tgt.n
    fs, ft = int(n >= MIN_COARSE), int(m >= MIN_COARSE)
    if (n + 1) * (m + 1) <= full_cells or not (fs or ft):
        band = Band.full(n, m)
    else:
        cs = downsample(src) if fs else src
        ct = downsample(tgt) if ft else tgt
        coarse = search_path(cs, ct, shapes, cost_fn, width, min(full_cells, COARSE_FULL_CELLS))
        band = band_around(coarse, fs + 1, ft + 1, n, m, width) if coarse else Band.full(n, m)
    margin = max(max(a, b) for a, b in shapes)
    by = width
    for _ in range(MAX_WIDEN):
        path = band_path(band, shapes, cost_fn(src, tgt, band))
        if band.is_full():
            return path
        hits = band.edge_rows(path, margin) if path else np.arange(n + 1)
        if len(hits) == 0:
            return path
        band = band.widen(hits, by)
        by *= 2
    # still at an edge after widening 2^MAX_WIDEN-fold: keep this path rather than fall back to n x m cells
    return band_path(band, shapes, cost_fn(src, tgt, band))
