"""A band of DP cells (one column range per row) and the bead DP restricted to it.

Why a band and not the n x m lattice: the cheapest path of a real translation stays near a line that a
coarse search finds, so a book needs only a strip of cells around it; time and memory then grow with the
length of the document, not with its square. A band covering every cell gives the exact full DP, which is
what short documents get.

Cells are stored row by row in flat arrays: row ``i`` holds columns ``lo[i]..hi[i]`` at flat positions
``off[i]..off[i+1]-1``.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

import numpy as np

Shape = tuple[int, int]
#: (i, a, j, b, cost): a bead covering src[i:i+a], tgt[j:j+b].
Step = tuple[int, int, int, int, float]


@dataclass
class Band:
    lo: np.ndarray  # (n+1,) first column of each row
    hi: np.ndarray  # (n+1,) last column of each row (inclusive)

    def __post_init__(self) -> None:
        self.lo = np.asarray(self.lo, dtype=np.int64)
        self.hi = np.asarray(self.hi, dtype=np.int64)
        self.off = np.concatenate([[0], np.cumsum(self.hi - self.lo + 1)]).astype(np.int64)

    @classmethod
    def full(cls, n: int, m: int) -> Band:
        return cls(np.zeros(n + 1, dtype=np.int64), np.full(n + 1, m, dtype=np.int64))

    @classmethod
    def from_ranges(cls, lo: np.ndarray, hi: np.ndarray, m: int) -> Band:
        """A valid band from rough ranges: clipped to the matrix, starting at (0, 0), ending at (n, m), and
        monotone (lo and hi never decrease), so that every row overlaps the next and a path exists."""
        lo = np.clip(np.asarray(lo, dtype=np.int64), 0, m)
        hi = np.clip(np.asarray(hi, dtype=np.int64), 0, m)
        lo[0], hi[-1] = 0, m
        lo = np.minimum.accumulate(lo[::-1])[::-1]
        hi = np.maximum.accumulate(hi)
        hi = np.maximum(hi, lo)
        # consecutive rows must share a column (a 1:0 step goes straight down)
        lo[1:] = np.minimum(lo[1:], hi[:-1])
        return cls(lo, hi)

    @property
    def n(self) -> int:
        return int(self.lo.shape[0]) - 1

    @property
    def m(self) -> int:
        return int(self.hi[-1])

    @property
    def size(self) -> int:
        return int(self.off[-1])

    def is_full(self) -> bool:
        return bool((self.lo == 0).all() and (self.hi == self.m).all())

    def coords(self) -> tuple[np.ndarray, np.ndarray]:
        """Row and column of every cell, in flat order."""
        widths = self.hi - self.lo + 1
        rows = np.repeat(np.arange(self.n + 1, dtype=np.int64), widths)
        cols = np.arange(self.size, dtype=np.int64) - self.off[rows] + self.lo[rows]
        return rows, cols

    def index(self, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
        """Flat position of each (row, col), or ``size`` (a sentinel) where the cell is outside the band."""
        r = np.clip(rows, 0, self.n)
        inside = (rows >= 0) & (rows <= self.n) & (cols >= self.lo[r]) & (cols <= self.hi[r])
        return np.where(inside, self.off[r] + cols - self.lo[r], self.size)

    def widen(self, rows: np.ndarray, by: int) -> Band:
        """The band widened by ``by`` columns on both sides in ``rows`` and the ``by`` rows around them."""
        mark = np.zeros(self.n + 1, dtype=bool)
        mark[rows] = True
        near = np.convolve(mark.astype(np.int64), np.ones(2 * by + 1, dtype=np.int64), mode="same") > 0
        return Band.from_ranges(np.where(near, self.lo - by, self.lo), np.where(near, self.hi + by, self.hi),
                                self.m)

    def edge_rows(self, path: list[Step], margin: int) -> np.ndarray:
        """Rows where the path runs within ``margin`` of an inner edge of the band: there the band may have
        cut off a cheaper path."""
        hits = []
        for i, a, j, b, _ in path:
            r, c = i + a, j + b
            if (self.lo[r] > 0 and c - self.lo[r] < margin) or (self.hi[r] < self.m and self.hi[r] - c < margin):
                hits.append(r)
        return np.array(sorted(set(hits)), dtype=np.int64)


def band_path(band: Band, shapes: list[Shape], costs: dict[Shape, np.ndarray]) -> list[Step]:
    """Cheapest monotone path from (0, 0) to (n, m) inside ``band``; [] when none exists.

    ``costs[shape]`` holds, per cell of the band, the cost of the bead of that shape that ends there (inf
    where it cannot). Ties go to the shape listed first, exactly as in a cell-by-cell DP: the shapes that
    consume source units are evaluated for a whole row at once, those that consume only target units
    (0:b, which depend on the same row) afterwards, cell by cell, and they must therefore come last in
    ``shapes``.
    """
    n, total = band.n, band.size
    rows, cols = band.coords()
    zero_a = [k for k, (a, _) in enumerate(shapes) if a == 0]
    if zero_a and zero_a != list(range(len(shapes) - len(zero_a), len(shapes))):
        raise ValueError("shapes with no source unit must come last")
    prev: list[np.ndarray] = [band.index(rows - a, cols - b) for a, b in shapes]
    n_src = len(shapes) - len(zero_a)
    src_prev = np.stack(prev[:n_src]) if n_src else np.zeros((0, total), dtype=np.int64)
    src_cost = np.stack([np.asarray(costs[s], dtype=np.float64) for s in shapes[:n_src]]) if n_src else None
    zero = [(k, shapes[k][1], np.asarray(costs[shapes[k]], dtype=np.float64)) for k in zero_a]
    dp = np.full(total + 1, math.inf)  # the last cell is the 'outside' sentinel, always inf
    back = np.full(total, -1, dtype=np.int8)
    for i in range(n + 1):
        s, e = int(band.off[i]), int(band.off[i + 1])
        if i > 0 and src_cost is not None:
            # every source-consuming shape at once; argmin keeps the first of equal values, as the
            # cell-by-cell DP (strict '<' in shape order) did
            v = dp[src_prev[:, s:e]] + src_cost[:, s:e]
            arg = np.argmin(v, axis=0).astype(np.int8)
            best = np.take_along_axis(v, arg[None, :].astype(np.int64), axis=0)[0]
            arg[~np.isfinite(best)] = -1
        else:
            best = np.full(e - s, math.inf)
            arg = np.full(e - s, -1, dtype=np.int8)
            if i == 0:
                best[0] = 0.0  # the start (0, 0)
        if zero:
            best, arg = _relax_row(best, arg, zero, s, e)
        dp[s:e] = best
        back[s:e] = arg
    return _trace(band, shapes, prev, dp, back)


def _trace(band: Band, shapes: list[Shape], prev: list[np.ndarray], dp: np.ndarray, back: np.ndarray) -> list[Step]:
    """The path ending at (n, m), followed back through the chosen shapes; [] when (n, m) is unreachable."""
    end = int(band.off[band.n] + band.m - band.lo[band.n])
    if not math.isfinite(dp[end]):
        return []
    path: list[Step] = []
    i, j, at = band.n, band.m, end
    while i > 0 or j > 0:
        a, b = shapes[int(back[at])]
        before = int(prev[int(back[at])][at])
        path.append((i - a, a, j - b, b, float(dp[at] - dp[before])))
        i, j, at = i - a, j - b, before
    return path[::-1]


def _relax_row(best: np.ndarray, arg: np.ndarray, zero: list[tuple[int, int, np.ndarray]], s: int,
               e: int) -> tuple[np.ndarray, np.ndarray]:
    """Add the 0:b beads of one row, whose cells depend on cells to their left in the same row: a scan
    from left to right (same sums and strict comparisons in shape order as the cell-by-cell DP).

    Why a plain loop: chains of 0:b beads run to the edge of the band in most rows, so a vectorised
    relaxation needs as many passes as the band is wide; the scan is one pass over a few dozen cells.
    """
    bl, al = best.tolist(), arg.tolist()
    zc = [(k, b, cost[s:e].tolist()) for k, b, cost in zero]
    for c in range(1, e - s):
        for k, b, cl in zc:
            if c >= b:
                v = bl[c - b] + cl[c]
                if v < bl[c]:
                    bl[c], al[c] = v, k
    return np.array(bl), np.array(al, dtype=np.int8)
