"""The bead dynamic programme: the cheapest monotone path of beads through two sequences of units.

Why exact DP and not a beam or a two-pass search (bertalign): documents are aligned per block group, so the
sequences are short, and an exact search cannot lose the right path to a pruning heuristic; that matters
most for deletions, which a pruned search tends to absorb into a neighbouring merge.

Cost of a bead covering ``a`` source and ``b`` target units (a, b >= 1)::

    (a + b) * emb + w_len * gale_church + w_anchor * unmatched anchors + prior(a, b)

where ``emb = (1 - cos) / d`` is about 0 for a translation and about 1 for an unrelated pair; ``d`` is the
mean distance of the bead's two windows to all units of the other side (Vecalign's normaliser, which keeps
"hub" sentences that resemble everything from attracting links).
A deletion (1:0 or 0:1) costs ``deletion`` plus its unmatched anchors. Every unit is paid once per bead, so
the total is comparable across paths with different bead counts.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np

from pipeline.align.signals import Units, crossing, log_tail, window_embeddings, window_sums
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
    sims = src.emb @ tgt.emb.T
    if tgt.n < 2 or src.n < 2:
        return float(max(0.0, 2.0 * float(np.mean(sims)) - 1.0))
    rest = np.sort(sims, axis=1)[:, :-1]
    return float(np.mean(rest))


def length_ratio(src: Units, tgt: Units) -> float:
    total_s, total_t = float(src.length.sum()), float(tgt.length.sum())
    return total_t / total_s if total_s > 0 and total_t > 0 else 1.0


def cost_matrices(src: Units, tgt: Units, params: BeadParams,
                  shapes: tuple[tuple[int, int], ...] = SENTENCE_BEADS, baseline: float | None = None,
                  ratio: float | None = None) -> dict[tuple[int, int], np.ndarray]:
    """Cost of every bead of every shape at every position: ``C[a, b][i, j]`` covers src[i:i+a], tgt[j:j+b].

    ``baseline`` and ``ratio`` default to this pair of sequences; pass the whole document's values when
    aligning a small group (a one-sentence group has no 'unrelated' pairs to measure).
    """
    base = min(baseline_similarity(src, tgt) if baseline is None else baseline, 0.95)
    ratio = length_ratio(src, tgt) if ratio is None else ratio
    out: dict[tuple[int, int], np.ndarray] = {}
    emb_cache: dict[tuple[str, int], np.ndarray] = {}
    for a, b in shapes:
        if a > src.n or b > tgt.n:
            continue
        if a == 0 or b == 0:
            u, size = (src, a) if b == 0 else (tgt, b)
            anchors = window_sums(u.anchors, size).sum(axis=1)
            per = params.deletion * size + params.w_anchor * anchors
            cost = per[:, None] if b == 0 else per[None, :]
            out[(a, b)] = np.broadcast_to(cost, (src.n - a + 1, tgt.n - b + 1)).copy()
            continue
        if ("s", a) not in emb_cache:
            emb_cache[("s", a)] = window_embeddings(src, a)
        if ("t", b) not in emb_cache:
            emb_cache[("t", b)] = window_embeddings(tgt, b)
        sim = emb_cache[("s", a)] @ emb_cache[("t", b)].T
        if params.per_unit_norm and src.n > 1 and tgt.n > 1:
            # vecalign's normaliser: how far each window is, on average, from every unit of the other side
            row = window_distance(emb_cache[("s", a)], src, tgt, a, params.window_hub)
            col = window_distance(emb_cache[("t", b)], tgt, src, b, params.window_hub)
            denom = np.maximum((row[:, None] + col[None, :]) / 2.0, 1e-3)
            emb = np.clip((1.0 - sim) / denom, 0.0, 2.0)
        else:
            emb = np.clip((1.0 - sim) / (1.0 - base), 0.0, 2.0)
        ls = window_sums(src.length, a)[:, None]
        lt = window_sums(tgt.length, b)[None, :]
        delta = (lt - ratio * ls) / np.sqrt(params.gc_variance * np.maximum((ls * ratio + lt) / 2.0, 1.0))
        gc = log_tail(delta)
        sa = window_sums(src.anchors, a)
        ta = window_sums(tgt.anchors, b)
        unmatched = _unmatched(sa, ta)
        cost = (a + b) * emb + params.w_len * gc + params.w_anchor * unmatched + params.priors.get((a, b), 1.0)
        cross = crossing(src, a)[:, None] | crossing(tgt, b)[None, :]
        cost[cross] = np.inf
        out[(a, b)] = cost
    return out


def window_distance(win: np.ndarray, u: Units, other: Units, size: int, hub: float) -> np.ndarray:
    """Mean cosine distance of each window of ``u`` to all units of ``other``: the normaliser's half.

    Why not only the window vector's own distance: a normalised sum of several sentence vectors lies
    nearer the centre of the embedding space than any one sentence, so it is closer to everything; the
    normaliser then shrinks and every merge bead costs more than its similarity says. The bias is
    largest where a merge joins a very short line ("Ya," katanya. / a headline and its lead), whose
    vector adds little, and it tips such merges into a 1:1 plus a deletion. Blending in the mean of the
    units' own distances (hubness measured on the parts) removes part of that bias; ``hub`` = 0.5 is the
    midpoint, not a fitted value (1.0 over-corrects: real deletions then get absorbed into merges).
    """
    own = np.mean(1.0 - win @ other.emb.T, axis=1)
    if size <= 1 or hub <= 0.0:
        return own
    parts = window_sums(np.mean(1.0 - u.emb @ other.emb.T, axis=1), size) / size
    return (1.0 - hub) * own + hub * parts


def _unmatched(sa: np.ndarray, ta: np.ndarray) -> np.ndarray:
    """sum_k |sa[i, k] - ta[j, k]| for all i, j, one anchor column at a time (memory n*m, not n*m*K)."""
    out = sa.sum(axis=1)[:, None] + ta.sum(axis=1)[None, :]
    shared = np.flatnonzero((sa.sum(axis=0) > 0) & (ta.sum(axis=0) > 0))
    for k in shared:
        out -= 2.0 * np.minimum.outer(sa[:, k], ta[:, k])
    return np.maximum(out, 0.0)


#: Above this many DP cells, only a band around the diagonal is searched (long one-block inputs).
BAND_CELLS = 40_000


def best_path(n: int, m: int, costs: dict[tuple[int, int], np.ndarray]) -> list[tuple[int, int, int, int, float]]:
    """Exact DP; returns (i, a, j, b, cost) per bead in order."""
    inf = math.inf
    dp = np.full((n + 1, m + 1), inf)
    dp[0, 0] = 0.0
    shapes = [(a, b, c.tolist()) for (a, b), c in costs.items()]
    dpl = dp.tolist()
    backl = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    band = max(30, (n + m) // 10) if (n + 1) * (m + 1) > BAND_CELLS else n + m
    for i in range(n + 1):
        row = dpl[i]
        centre = i * m / n if n else 0
        for j in range(max(0, int(centre) - band), min(m, int(centre) + band) + 1):
            if i == 0 and j == 0:
                continue
            best, arg = inf, (0, 0)
            for a, b, c in shapes:
                if a <= i and b <= j:
                    prev = dpl[i - a][j - b]
                    if prev < inf:
                        v = prev + c[i - a][j - b]
                        if v < best:
                            best, arg = v, (a, b)
            row[j] = best
            backl[i][j] = arg
    if dpl[n][m] == inf:
        return []
    path = []
    i, j = n, m
    while i > 0 or j > 0:
        a, b = backl[i][j]
        path.append((i - a, a, j - b, b, dpl[i][j] - dpl[i - a][j - b]))
        i, j = i - a, j - b
    return path[::-1]


def align_units(src: Units, tgt: Units, params: BeadParams | None = None,
                shapes: tuple[tuple[int, int], ...] = SENTENCE_BEADS, baseline: float | None = None,
                ratio: float | None = None) -> list[Scored]:
    """Align two unit sequences; every unit of both sides appears in exactly one bead."""
    params = params or BeadParams()
    if src.n == 0 or tgt.n == 0:
        return [Scored([i], [], params.deletion, 0.0) for i in range(src.n)] + [
            Scored([], [j], params.deletion, 0.0) for j in range(tgt.n)
        ]
    costs = cost_matrices(src, tgt, params, shapes, baseline, ratio)
    path = best_path(src.n, tgt.n, costs)
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
