"""The bead dynamic programme: the cheapest monotone path of beads through two sequences of units.

Why exact DP and not a beam (bertalign): an exact search cannot lose the right path to a pruning heuristic;
that matters most for deletions, which a pruned search tends to absorb into a neighbouring merge. Up to
``full_cells`` cells (every block group, every article) the DP runs over the whole matrix; a book-length
sequence (``--presplit``, or the block level of a long document) is searched coarse to fine in a band
(search.py), where the DP is still exact, and all costs are computed only for the band's cells, so time
and memory grow linearly with the length.

Cost of a bead covering ``a`` source and ``b`` target units (a, b >= 1)::

    (a + b) * emb + w_len * gale_church + w_anchor * unmatched anchors + prior(a, b)

where ``emb = (1 - cos) / d`` is about 0 for a translation and about 1 for an unrelated pair; ``d`` is the
mean distance of the bead's two windows to all units of the other side (Vecalign's normaliser, which keeps
"hub" sentences that resemble everything from attracting links).
A deletion (1:0 or 0:1) costs ``deletion`` plus its unmatched anchors. Every unit is paid once per bead, so
the total is comparable across paths with different bead counts.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

import numpy as np
from scipy import sparse

from pipeline.align.band import Band, band_path
from pipeline.align.search import search_path
from pipeline.align.signals import (
    Units,
    crossing,
    log_tail,
    shared_anchors,
    window_anchors,
    window_embeddings,
    window_sums,
)
from pipeline.errors import AlignmentError

Bead = tuple[list[int], list[int]]

SENTENCE_BEADS: tuple[tuple[int, int], ...] = ((1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 0), (0, 1))
BLOCK_BEADS: tuple[tuple[int, int], ...] = (
    (1, 1), (1, 2), (2, 1), (1, 3), (3, 1), (2, 2), (1, 4), (4, 1), (1, 0), (0, 1),
)


@dataclass
class BeadParams:
    """Weights of the cost; defaults were set on align-dev as a whole, not per document."""

    w_len: float = 0.1
    w_anchor: float = 0.3
    deletion: float = 1.05
    #: Extra cost per bead shape: many-to-one beads must earn their place.
    priors: dict[tuple[int, int], float] = field(
        default_factory=lambda: {(1, 1): 0.0, (1, 2): 0.6, (2, 1): 0.6, (1, 3): 1.1, (3, 1): 1.1,
                                 (2, 2): 4.0, (1, 4): 1.6, (4, 1): 1.6}
    )
    #: Normalise each bead's distance by its windows' mean distance to the other side (vecalign) instead of
    #: by one document-wide baseline.
    per_unit_norm: bool = True
    #: Gale–Church variance per character (the paper's 6.8).
    gc_variance: float = 6.8
    #: How much of a multi-unit window's normaliser comes from its units' own mean distances rather than
    #: from the window vector's (0 = vecalign's, 1 = the parts' only); see ``window_distance``.
    window_hub: float = 0.5
    #: Up to this many DP cells the whole matrix is searched (exact); above, a coarse-to-fine band.
    full_cells: int = 40_000
    #: Units searched on each side of the coarse path at every level of the coarse-to-fine search.
    band_width: int = 10


@dataclass
class Scored:
    """One bead of the chosen path with its cost and a confidence in [0, 1]."""

    src: list[int]
    tgt: list[int]
    cost: float
    score: float


def baseline_similarity(src: Units, tgt: Units) -> float:
    """Mean cosine of source-target pairs without each source unit's best match: 'unrelated' for this
    encoder and document.

    Why drop the best match: in a short document the true pairs would otherwise dominate the mean. With a
    single unit on one side there is nothing unrelated to measure, and the value is pushed down so that the
    only pair still reads as a match.
    """
    if src.n == 0 or tgt.n == 0:
        return 0.0
    if src.n * tgt.n > DENSE_CELLS and src.n > 1 and tgt.n > 1:
        return _baseline_linear(src, tgt)
    sims = src.emb @ tgt.emb.T
    if tgt.n < 2 or src.n < 2:
        return float(max(0.0, 2.0 * float(np.mean(sims)) - 1.0))
    rest = np.sort(sims, axis=1)[:, :-1]
    return float(np.mean(rest))


#: A long document's best matches are looked for this many units around each unit's diagonal position.
_NEAR = 32


def _baseline_linear(src: Units, tgt: Units) -> float:
    """``baseline_similarity`` without the n x m matrix: the sum over all pairs is the dot product of the two
    sums, and each source unit's best match is searched near its position on the diagonal. A best match
    found elsewhere changes the mean by less than 1/m of a cosine, nothing for a document this long."""
    n, m = src.n, tgt.n
    total = float(src.emb.sum(axis=0, dtype=np.float64) @ tgt.emb.sum(axis=0, dtype=np.float64))
    rows = np.arange(n)
    centre = np.rint(rows * (m - 1) / max(n - 1, 1)).astype(np.int64)
    lo, hi = np.clip(centre - _NEAR, 0, m - 1), np.clip(centre + _NEAR, 0, m - 1)
    s = np.repeat(rows, hi - lo + 1)
    t = np.arange(len(s)) - np.repeat(np.cumsum(hi - lo + 1) - (hi - lo + 1), hi - lo + 1) + np.repeat(lo, hi - lo + 1)
    sims = _band_similarity(src.emb, tgt.emb, s, t)
    best = float(np.maximum.reduceat(sims, np.r_[0, np.cumsum(hi - lo + 1)[:-1]]).astype(np.float64).sum())
    return (total - best) / (n * (m - 1))


def length_ratio(src: Units, tgt: Units) -> float:
    total_s, total_t = float(src.length.sum()), float(tgt.length.sum())
    return total_t / total_s if total_s > 0 and total_t > 0 else 1.0


def cost_matrices(src: Units, tgt: Units, params: BeadParams,
                  shapes: tuple[tuple[int, int], ...] = SENTENCE_BEADS, baseline: float | None = None,
                  ratio: float | None = None) -> dict[tuple[int, int], np.ndarray]:
    """Cost of every bead of every shape at every position: ``C[a, b][i, j]`` covers src[i:i+a], tgt[j:j+b].

    The dense view of ``band_costs`` over the whole matrix, for small inputs and inspection.
    """
    n, m = src.n, tgt.n
    flat = band_costs(src, tgt, params, shapes, Band.full(n, m), baseline, ratio)
    out: dict[tuple[int, int], np.ndarray] = {}
    for (a, b), c in flat.items():
        if a <= n and b <= m:
            out[(a, b)] = c.reshape(n + 1, m + 1)[a:, b:].copy()
    return out


class _Windows:
    """Per-window features of one side, computed once per window size and reused by every shape."""

    def __init__(self, u: Units, other: Units, params: BeadParams) -> None:
        self.u, self.other, self.params = u, other, params
        self.tot = np.asarray(u.anchors.sum(axis=1), dtype=np.float64).ravel()
        self._cache: dict[tuple[str, int], object] = {}

    def _get(self, kind: str, size: int, make: Callable[[], object]) -> Any:
        if (kind, size) not in self._cache:
            self._cache[(kind, size)] = make()
        return self._cache[(kind, size)]

    def emb(self, size: int) -> np.ndarray:
        return self._get("emb", size, lambda: window_embeddings(self.u, size))

    def dist(self, size: int) -> np.ndarray:
        return self._get("dist", size, lambda: window_distance(self.emb(size), self.u, self.other, size,
                                                                self.params.window_hub))

    def length(self, size: int) -> np.ndarray:
        return self._get("len", size, lambda: window_sums(self.u.length, size))

    def anchors(self, size: int) -> sparse.csr_array:
        return self._get("anc", size, lambda: window_anchors(self.u.anchors, size))

    def anchor_total(self, size: int) -> np.ndarray:
        return self._get("tot", size, lambda: window_sums(self.tot, size))

    def crossing(self, size: int) -> np.ndarray:
        return self._get("cross", size, lambda: crossing(self.u, size))

    def dense_anchors(self, size: int, other: _Windows) -> np.ndarray:
        """Window anchor counts as a dense array over the anchors both sides hold (small sides only)."""
        def make() -> np.ndarray:
            both = np.intersect1d(self.u.anchors.indices, other.u.anchors.indices)
            counts = np.zeros((self.u.n, len(both)))
            if len(both):
                coo = self.u.anchors.tocoo()
                keep = np.isin(coo.col, both)
                np.add.at(counts, (coo.row[keep], np.searchsorted(both, coo.col[keep])), coo.data[keep])
            return window_sums(counts, size)

        return self._get("dense", size, make)


#: Up to this many units on both sides (every block group), anchors are compared as small dense arrays:
#: sparse bookkeeping would cost more than the comparison itself.
_DENSE_UNITS = 256


def _shared(sw: _Windows, tw: _Windows, a: int, b: int, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """sum_k min(source window s, target window t) over the anchors both windows hold, per cell."""
    if sw.u.n > _DENSE_UNITS or tw.u.n > _DENSE_UNITS:
        return shared_anchors(sw.anchors(a), tw.anchors(b), s, t)
    x, y = sw.dense_anchors(a, tw), tw.dense_anchors(b, sw)
    if x.shape[1] == 0:
        return np.zeros(len(s))
    return np.minimum(x[s], y[t]).sum(axis=1)


#: Multiply-adds of one dense product when computing similarities inside a band. Small enough that BLAS
#: runs each product on one thread: on a busy machine a threaded product of this size waits for its threads
#: and is about ten times slower (measured: 0.35 s vs 0.035 s for 10,000 rows of a band).
_BLOCK_MACS = 200_000


def _band_similarity(ws: np.ndarray, wt: np.ndarray, s: np.ndarray, t: np.ndarray) -> np.ndarray:
    """ws[s[c]] . wt[t[c]] for each cell, from small dense products of row blocks (``s`` is sorted)."""
    out = np.empty(len(s), dtype=np.float32)
    if len(s) == 0:
        return out
    bounds = np.flatnonzero(np.r_[True, s[1:] != s[:-1], True])  # where each source window's cells start
    starts, ends = bounds[:-1], bounds[1:]
    per_row = max(1, int(np.max(ends - starts)))
    rows = max(1, _BLOCK_MACS // (2 * per_row * ws.shape[1]))
    for k in range(0, len(starts), rows):
        c0, c1 = int(starts[k]), int(ends[min(k + rows, len(starts)) - 1])
        ss, tt = s[c0:c1], t[c0:c1]
        s0, t0, t1 = int(ss[0]), int(tt.min()), int(tt.max())
        block = ws[s0:int(ss[-1]) + 1] @ wt[t0:t1 + 1].T
        out[c0:c1] = block[ss - s0, tt - t0]
    return out


def band_costs(src: Units, tgt: Units, params: BeadParams, shapes: tuple[tuple[int, int], ...],
               band: Band, baseline: float | None = None,
               ratio: float | None = None) -> dict[tuple[int, int], np.ndarray]:
    """Cost of the bead of each shape that ends at each cell of ``band`` (inf where none can).

    Only the band's cells are computed, so the work and memory follow the band, not n x m. ``baseline``
    and ``ratio`` default to this pair of sequences; pass the whole document's values when aligning a
    small group (a one-sentence group has no 'unrelated' pairs to measure).
    """
    n, m = src.n, tgt.n
    ratio = length_ratio(src, tgt) if ratio is None else ratio
    per_unit = params.per_unit_norm and n > 1 and m > 1
    base = 0.0 if per_unit else min(baseline_similarity(src, tgt) if baseline is None else baseline, 0.95)
    rows, cols = band.coords()
    sw, tw = _Windows(src, tgt, params), _Windows(tgt, src, params)
    out: dict[tuple[int, int], np.ndarray] = {}
    for a, b in shapes:
        cost = np.full(band.size, np.inf)
        out[(a, b)] = cost
        if a > n or b > m:
            continue
        s, t = rows - a, cols - b
        sel = np.flatnonzero((s >= 0) & (t >= 0) & (s <= n - a) & (t <= m - b))
        s, t = s[sel], t[sel]
        if a == 0 or b == 0:
            cost[sel] = _deletion_cost(sw, a, s) if b == 0 else _deletion_cost(tw, b, t)
        else:
            cost[sel] = _pair_cost(sw, tw, a, b, s, t, params, ratio, None if per_unit else base)
    return out


def _deletion_cost(w: _Windows, size: int, at: np.ndarray) -> np.ndarray:
    """A bead that leaves ``size`` units of one side unaligned: a fixed cost per unit plus its anchors."""
    per = w.params.deletion * size + w.params.w_anchor * w.anchor_total(size)
    return per[at]


def _pair_cost(sw: _Windows, tw: _Windows, a: int, b: int, s: np.ndarray, t: np.ndarray, params: BeadParams,
               ratio: float, base: float | None) -> np.ndarray:
    """An a:b bead at cells (s, t): embedding distance, length mismatch (Gale-Church), unmatched anchors and
    the shape's prior; inf where it would join units across a break. ``base`` None: the per-unit normaliser."""
    sim = _band_similarity(sw.emb(a), tw.emb(b), s, t)
    if base is None:
        # vecalign's normaliser: how far each window is, on average, from every unit of the other side
        denom = np.maximum((sw.dist(a)[s] + tw.dist(b)[t]) / 2.0, 1e-3)
        emb = np.clip((1.0 - sim) / denom, 0.0, 2.0)
    else:
        emb = np.clip((1.0 - sim) / (1.0 - base), 0.0, 2.0)
    ls, lt = sw.length(a)[s], tw.length(b)[t]
    delta = (lt - ratio * ls) / np.sqrt(params.gc_variance * np.maximum((ls * ratio + lt) / 2.0, 1.0))
    gc = log_tail(delta)
    shared = _shared(sw, tw, a, b, s, t)
    unmatched = np.maximum(sw.anchor_total(a)[s] + tw.anchor_total(b)[t] - 2.0 * shared, 0.0)
    c = (a + b) * emb + params.w_len * gc + params.w_anchor * unmatched + params.priors.get((a, b), 1.0)
    c[sw.crossing(a)[s] | tw.crossing(b)[t]] = np.inf
    return c


#: Above this many cells (a short document's full DP), quantities defined over all n x m pairs are computed
#: in linear time (see below); up to it, exactly as they always were.
DENSE_CELLS = 40_000


def window_distance(win: np.ndarray, u: Units, other: Units, size: int, hub: float) -> np.ndarray:
    """Mean cosine distance of each window of ``u`` to all units of ``other``: the normaliser's half.

    Why not only the window vector's own distance: a normalised sum of several sentence vectors lies
    nearer the centre of the embedding space than any one sentence, so it is closer to everything; the
    normaliser then shrinks and every merge bead costs more than its similarity says. The bias is
    largest where a merge joins a very short line ("Ya," katanya. / a headline and its lead), whose
    vector adds little, and it tips such merges into a 1:1 plus a deletion. Blending in the mean of the
    units' own distances (hubness measured on the parts) removes part of that bias; ``hub`` = 0.5 is the
    midpoint, not a fitted value (1.0 over-corrects: real deletions then get absorbed into merges).

    A mean of dot products is the dot product with the mean vector, so a long document needs no n x m
    product (small ones keep the pairwise form, which rounds exactly as before).
    """
    if win.shape[0] * other.n <= DENSE_CELLS:
        own = np.mean(1.0 - win @ other.emb.T, axis=1)
        single = (lambda: np.mean(1.0 - u.emb @ other.emb.T, axis=1))
    else:
        centre = other.emb.mean(axis=0, dtype=np.float64)
        own = (1.0 - win.astype(np.float64) @ centre).astype(np.float32)
        single = (lambda: (1.0 - u.emb.astype(np.float64) @ centre).astype(np.float32))
    if size <= 1 or hub <= 0.0:
        return own
    parts = window_sums(single(), size) / size
    return (1.0 - hub) * own + hub * parts


def best_path(n: int, m: int, costs: dict[tuple[int, int], np.ndarray]) -> list[tuple[int, int, int, int, float]]:
    """Exact DP over the whole matrix from dense ``cost_matrices``; returns (i, a, j, b, cost) per bead."""
    band = Band.full(n, m)
    rows, cols = band.coords()
    flat: dict[tuple[int, int], np.ndarray] = {}
    for (a, b), c in costs.items():
        f = np.full(band.size, np.inf)
        ok = (rows >= a) & (cols >= b)
        f[ok] = c[rows[ok] - a, cols[ok] - b]
        flat[(a, b)] = f
    order = [s for s in costs if s[0] > 0] + [s for s in costs if s[0] == 0]
    return band_path(band, order, flat)


def align_units(src: Units, tgt: Units, params: BeadParams | None = None,
                shapes: tuple[tuple[int, int], ...] = SENTENCE_BEADS, baseline: float | None = None,
                ratio: float | None = None) -> list[Scored]:
    """Align two unit sequences; every unit of both sides appears in exactly one bead."""
    params = params or BeadParams()
    if src.n == 0 or tgt.n == 0:
        return [Scored([i], [], params.deletion, 0.0) for i in range(src.n)] + [
            Scored([], [j], params.deletion, 0.0) for j in range(tgt.n)
        ]
    ratio = length_ratio(src, tgt) if ratio is None else ratio

    def costs(s: Units, t: Units, band: Band) -> dict[tuple[int, int], np.ndarray]:
        return band_costs(s, t, params, shapes, band, baseline, ratio)

    order = [s for s in shapes if s[0] > 0] + [s for s in shapes if s[0] == 0]
    path = search_path(src, tgt, order, costs, params.band_width, params.full_cells)
    if not path:
        raise AlignmentError(f"no alignment found between {src.n} and {tgt.n} units")
    out = []
    for i, a, j, b, c in path:
        out.append(Scored(list(range(i, i + a)), list(range(j, j + b)), c, confidence(a, b, c, params)))
    return out


def confidence(a: int, b: int, cost: float, params: BeadParams) -> float:
    """Provisional score from the cost alone; ``assign_scores`` replaces it once the whole path is known."""
    if a == 0 or b == 0:
        return DELETION_SCORE
    per_unit = max(0.0, cost - params.priors.get((a, b), 0.0)) / (a + b)
    return float(max(0.0, min(1.0, 1.0 - per_unit / params.deletion)))


#: Score of a 1:0 or 0:1 bead: a dropped or added sentence is always worth a person's look.
DELETION_SCORE = 0.25


def _bead_similarity(src: Units, tgt: Units, bead: Scored) -> float:
    def vec(u: Units, rows: list[int]) -> np.ndarray:
        v = (u.emb[rows] * np.sqrt(np.maximum(u.length[rows], 1.0))[:, None]).sum(axis=0)
        return v / max(float(np.linalg.norm(v)), 1e-9)

    return float(vec(src, bead.src) @ vec(tgt, bead.tgt))


def assign_scores(beads: list[Scored], src: Units, tgt: Units) -> None:
    """Confidence in [0, 1] from embedding similarity, scaled per document.

    Why per document: cosine values depend on the encoder and the text type, so a fixed threshold would
    flag everything in one document and nothing in another. 0 is the similarity of unrelated pairs (the mean
    over all pairs), 1 the median similarity of this document's 1:1 links; the review threshold (0.5) thus
    flags links less than halfway from 'unrelated' to 'typical'.
    """
    if not beads or src.n == 0 or tgt.n == 0:
        return
    base = baseline_similarity(src, tgt)
    sims = {id(b): _bead_similarity(src, tgt, b) for b in beads if b.src and b.tgt}
    ones = [sims[id(b)] for b in beads if len(b.src) == 1 and len(b.tgt) == 1]
    typical = float(np.median(ones)) if ones else max(sims.values(), default=base + 0.1)
    span = max(typical - base, 0.02)
    for b in beads:
        if b.src and b.tgt:
            b.score = float(max(0.0, min(1.0, (sims[id(b)] - base) / span)))
        else:
            b.score = DELETION_SCORE


def to_beads(scored: list[Scored]) -> list[Bead]:
    return [(s.src, s.tgt) for s in scored]
