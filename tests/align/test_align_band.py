"""Book-length alignment: the banded DP, the coarse-to-fine search and the costs computed inside a band.

The oracle is the cell-by-cell DP the aligner used before (copied here): on a full band the new DP must
choose the same path, ties included; on long inputs the coarse-to-fine search must find the path of the
full DP while computing only a strip of cells, and its memory must not grow with n x m.
"""

from __future__ import annotations

import math

import numpy as np
import pytest
from scipy import sparse

from pipeline.align import beads as beads_mod
from pipeline.align.band import Band, band_path
from pipeline.align.beads import (
    BLOCK_BEADS,
    SENTENCE_BEADS,
    BeadParams,
    align_units,
    band_costs,
    baseline_similarity,
    cost_matrices,
)
from pipeline.align.search import search_path
from pipeline.align.signals import Units, log_tail, shared_anchors, window_anchors


def _cell_dp(n: int, m: int, costs: dict[tuple[int, int], np.ndarray]) -> list[tuple[int, int, int, int]]:
    """The previous aligner's DP, cell by cell, first shape wins ties."""
    dp = [[math.inf] * (m + 1) for _ in range(n + 1)]
    back = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    shapes = [(a, b, c.tolist()) for (a, b), c in costs.items()]
    for i in range(n + 1):
        for j in range(m + 1):
            if i == 0 and j == 0:
                continue
            best, arg = math.inf, (0, 0)
            for a, b, c in shapes:
                if a <= i and b <= j and dp[i - a][j - b] < math.inf:
                    v = dp[i - a][j - b] + c[i - a][j - b]
                    if v < best:
                        best, arg = v, (a, b)
            dp[i][j], back[i][j] = best, arg
    path, i, j = [], n, m
    while i or j:
        a, b = back[i][j]
        path.append((i - a, a, j - b, b))
        i, j = i - a, j - b
    return path[::-1]


def _flat(band: Band, costs: dict[tuple[int, int], np.ndarray]) -> dict[tuple[int, int], np.ndarray]:
    rows, cols = band.coords()
    out = {}
    for (a, b), c in costs.items():
        f = np.full(band.size, np.inf)
        ok = (rows >= a) & (cols >= b) & (rows - a < c.shape[0]) & (cols - b < c.shape[1])
        f[ok] = c[rows[ok] - a, cols[ok] - b]
        out[(a, b)] = f
    return out


@pytest.mark.parametrize("seed", range(12))
def test_full_band_dp_is_the_cell_by_cell_dp(seed: int) -> None:
    rng = np.random.default_rng(seed)
    n, m = int(rng.integers(1, 14)), int(rng.integers(1, 14))
    shapes = BLOCK_BEADS if seed % 2 else SENTENCE_BEADS
    costs = {}
    for a, b in shapes:
        # few distinct values, so that ties are common and the tie rule is tested too
        c = rng.integers(0, 4, size=(n - a + 1, m - b + 1)).astype(float) if a <= n and b <= m else None
        if c is not None:
            c[rng.random(c.shape) < 0.1] = np.inf
            costs[(a, b)] = c
    band = Band.full(n, m)
    got = [(i, a, j, b) for i, a, j, b, _ in band_path(band, list(costs), _flat(band, costs))]
    assert got == _cell_dp(n, m, costs)


def _parallel(n: int, seed: int = 0, d: int = 48) -> tuple[Units, Units, list[tuple[list[int], list[int]]]]:
    """A synthetic translation with 2:1 merges and deletions (random unit vectors as embeddings)."""
    rng = np.random.default_rng(seed)
    base = rng.normal(size=(n, d))
    src, tgt, ls, lt, gold = [], [], [], [], []
    i = 0
    while i < n:
        r = rng.random()
        if r < 0.05 and i + 1 < n:
            gold.append(([len(src), len(src) + 1], [len(tgt)]))
            src += [base[i], base[i + 1]]
            tgt.append(base[i] + base[i + 1])
            ls += [40.0, 50.0]
            lt.append(99.0)
            i += 2
        elif r < 0.08:
            gold.append(([len(src)], []))
            src.append(base[i])
            ls.append(30.0)
            i += 1
        else:
            gold.append(([len(src)], [len(tgt)]))
            src.append(base[i])
            tgt.append(base[i] + 0.5 * rng.normal(size=d))
            length = float(rng.integers(20, 150))
            ls.append(length)
            lt.append(1.1 * length)
            i += 1

    def units(v: list[np.ndarray], lengths: list[float]) -> Units:
        a = np.array(v)
        a /= np.linalg.norm(a, axis=1, keepdims=True)
        k = len(lengths)
        return Units(a.astype(np.float32), np.array(lengths), np.zeros((k, 1), np.float32), np.zeros(k, bool))

    return units(src, ls), units(tgt, lt), gold


def test_coarse_to_fine_finds_the_full_dp_path_on_a_long_input() -> None:
    src, tgt, gold = _parallel(300)
    assert (src.n + 1) * (tgt.n + 1) > BeadParams().full_cells  # really searched in a band
    banded = [(b.src, b.tgt) for b in align_units(src, tgt, BeadParams())]
    full = [(b.src, b.tgt) for b in align_units(src, tgt, BeadParams(full_cells=10**9))]
    assert banded == full
    assert sum(b in set(map(str, banded)) for b in map(str, gold)) >= 0.95 * len(gold)


def test_a_too_narrow_band_is_widened_until_the_path_is_free() -> None:
    """Width 1 leaves the fine DP almost no room: the path presses against the edge and the band grows."""
    src, tgt, _ = _parallel(200, seed=3)
    params = BeadParams()
    seen: list[int] = []

    def costs(s: Units, t: Units, band: Band) -> dict[tuple[int, int], np.ndarray]:
        if s.n == src.n:
            seen.append(band.size)
        return band_costs(s, t, params, SENTENCE_BEADS, band)

    got = search_path(src, tgt, list(SENTENCE_BEADS), costs, width=1, full_cells=2_000)
    want = search_path(src, tgt, list(SENTENCE_BEADS), costs, width=1, full_cells=10**9)
    assert [p[:4] for p in got] == [p[:4] for p in want]
    assert len(seen) > 2 and seen[0] < seen[1]  # widened at least once, and not at once to everything


def test_cells_and_cost_tables_grow_linearly() -> None:
    """The cost tables were eight dense n x m matrices (4,000 lines: 1 GB); now they cover the band only."""
    params = BeadParams()
    sizes = {}
    for n in (500, 2000):
        src, tgt, _ = _parallel(n, seed=1)
        fine: list[tuple[int, int]] = []

        def costs(s: Units, t: Units, band: Band) -> dict[tuple[int, int], np.ndarray]:
            out = band_costs(s, t, params, SENTENCE_BEADS, band)
            if s.n == src.n:
                fine.append((band.size, sum(c.nbytes for c in out.values())))
            return out

        search_path(src, tgt, list(SENTENCE_BEADS), costs, params.band_width, params.full_cells)
        sizes[n] = fine[-1]
    (c1, b1), (c4, b4) = sizes[500], sizes[2000]
    assert c4 < 5 * c1 and c4 < 60 * 2000  # a strip, not 2000 x 2000 cells
    assert b4 < 5 * b1 and b4 < 8 * 8 * 60 * 2000


def test_band_costs_equal_the_dense_matrices() -> None:
    rng = np.random.default_rng(5)
    texts_anchor = sparse.random(30, 12, density=0.2, random_state=1, dtype=np.float32)
    tgt_anchor = sparse.random(27, 12, density=0.2, random_state=2, dtype=np.float32)

    def units(n: int, anchors: sparse.csr_array) -> Units:
        e = rng.normal(size=(n, 16))
        e /= np.linalg.norm(e, axis=1, keepdims=True)
        brk = rng.random(n) < 0.2
        return Units(e.astype(np.float32), rng.integers(10, 90, n).astype(float), anchors, brk)

    src, tgt = units(30, texts_anchor), units(27, tgt_anchor)
    params = BeadParams()
    dense = cost_matrices(src, tgt, params)
    band = Band.from_ranges(np.arange(31) * 27 // 30 - 4, np.arange(31) * 27 // 30 + 4, 27)
    flat = band_costs(src, tgt, params, SENTENCE_BEADS, band)
    rows, cols = band.coords()
    sa, ta = src.anchors.toarray(), tgt.anchors.toarray()
    for (a, b), c in dense.items():
        ok = (rows >= a) & (cols >= b) & (rows - a < c.shape[0]) & (cols - b < c.shape[1])
        assert np.allclose(flat[(a, b)][ok], c[rows[ok] - a, cols[ok] - b], equal_nan=True)
        assert np.isinf(flat[(a, b)][~ok]).all()
        if a and b:  # the anchor term of the dense matrices, recomputed the slow way
            wa = sum(sa[k:len(sa) - a + 1 + k] for k in range(a))
            wb = sum(ta[k:len(ta) - b + 1 + k] for k in range(b))
            want = np.abs(wa[:, None, :] - wb[None, :, :]).sum(axis=2)
            got = (wa.sum(1)[:, None] + wb.sum(1)[None, :]
                   - 2 * shared_anchors(window_anchors(src.anchors, a), window_anchors(tgt.anchors, b),
                                        *np.indices(want.shape).reshape(2, -1)).reshape(want.shape))
            assert np.allclose(got, want, atol=1e-5)


def test_shared_anchors_in_bounded_passes_equal_one_pass(monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.align import signals

    sa = sparse.csr_array(sparse.random(40, 30, density=0.3, random_state=3, dtype=np.float32))
    ta = sparse.csr_array(sparse.random(35, 30, density=0.3, random_state=4, dtype=np.float32))
    sa.sort_indices()
    ta.sort_indices()
    rows, cols = np.repeat(np.arange(40), 35), np.tile(np.arange(35), 40)
    one = shared_anchors(sa, ta, rows, cols)
    want = np.minimum(sa.toarray()[rows], ta.toarray()[cols]).sum(axis=1)
    assert np.allclose(one, want, atol=1e-6)
    monkeypatch.setattr(signals, "_LOOKUPS", 7)
    assert np.allclose(shared_anchors(sa, ta, rows, cols), one, atol=1e-12)


def test_log_tail_is_the_gale_church_term() -> None:
    delta = np.linspace(-9, 9, 101)
    want = [-math.log(max(math.erfc(abs(x) / math.sqrt(2)), 1e-12)) for x in delta]
    assert np.allclose(log_tail(delta), want, rtol=1e-12)


def test_baseline_of_a_long_document_needs_no_full_matrix(monkeypatch: pytest.MonkeyPatch) -> None:
    src, tgt, _ = _parallel(400, seed=2)
    exact = baseline_similarity(src, tgt)
    monkeypatch.setattr(beads_mod, "DENSE_CELLS", 1000)
    assert abs(baseline_similarity(src, tgt) - exact) < 1e-3
    e = beads_mod.window_embeddings(src, 2)
    linear = beads_mod.window_distance(e, src, tgt, 2, 0.5)
    monkeypatch.setattr(beads_mod, "DENSE_CELLS", 10**9)
    assert np.allclose(linear, beads_mod.window_distance(e, src, tgt, 2, 0.5), atol=1e-5)
