"""Per-unit features and bead cost matrices: embedding similarity, length (Gale–Church) and lexical anchors.

Why window features are sums: a bead that joins two or three sentences needs a representation of the joined
text. Embedding every window costs an encoder call per window (too slow on a CPU); a length-weighted sum of
the sentence embeddings approximates the embedding of the concatenation well, because the encoder
mean-pools over tokens. Lengths and anchor counts of a window are exact sums.

The "units" are sentences when aligning sentences and whole blocks when aligning blocks: the same code
scores both.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass

import numpy as np
from scipy import sparse
from scipy.special import erfc

from pipeline.segment.numbers import extract_numbers

#: A capitalised word (names, places, acronyms) that translations usually keep.
_CAPWORD = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z0-9]")
_QUOTES = re.compile(r"[\"“”«»„]")
_PUNCT = ("?", "!", ":", ";", "(", "%")


@dataclass
class Units:
    """The units of one side: normalised embeddings, lengths in characters and anchor counts.

    ``anchors`` is kept sparse (a dense array is converted): the anchor vocabulary grows with the document
    (every new number and name), so a dense n x K matrix would grow quadratically with a book.
    """

    emb: np.ndarray  # (n, d) float32, rows L2-normalised
    length: np.ndarray  # (n,) float64, characters
    anchors: sparse.csr_array  # (n, K) float32 counts over a vocabulary shared by both sides
    breaks: np.ndarray  # (n,) bool: True where a new block starts before this unit (windows may not cross)

    def __post_init__(self) -> None:
        if not isinstance(self.anchors, sparse.csr_array):
            self.anchors = sparse.csr_array(self.anchors, dtype=np.float32)
        self.anchors.sum_duplicates()
        self.anchors.sort_indices()

    @property
    def n(self) -> int:
        return int(self.length.shape[0])


def group_units(u: Units, group_of: np.ndarray, n_groups: int) -> Units:
    """Consecutive units joined into groups (blocks, or pairs for the coarse search): length-weighted sums of
    the embeddings, summed lengths and anchors; a group starts a block where its first unit does."""
    idx = np.asarray(group_of, dtype=np.int64)
    w = np.sqrt(np.maximum(u.length, 1.0))[:, None]
    emb = np.zeros((n_groups, u.emb.shape[1]))
    np.add.at(emb, idx, u.emb * w)
    emb /= np.maximum(np.linalg.norm(emb, axis=1, keepdims=True), 1e-9)
    length = np.bincount(idx, weights=u.length, minlength=n_groups)
    join = sparse.csr_array((np.ones(u.n, dtype=np.float32), (idx, np.arange(u.n))), shape=(n_groups, u.n))
    breaks = np.zeros(n_groups, dtype=bool)
    first = np.r_[True, idx[1:] != idx[:-1]] if u.n else np.zeros(0, dtype=bool)
    breaks[idx[first]] = u.breaks[first]
    return Units(emb.astype(np.float32), length, join @ u.anchors, breaks)


def _fold(word: str) -> str:
    word = unicodedata.normalize("NFKD", word)
    return "".join(c for c in word if not unicodedata.combining(c)).lower()


def _cap_tokens(text: str) -> list[str]:
    """Capitalised tokens except the first word (which is capitalised anyway), folded to lower case."""
    out = []
    for m in _CAPWORD.finditer(text):
        if m.start() == 0 or len(m.group(0)) < 3:
            continue
        out.append(_fold(m.group(0)))
    return out


def anchor_matrices(src_texts: list[str], tgt_texts: list[str], src_lang: str = "id",
                    tgt_lang: str = "en") -> tuple[np.ndarray, np.ndarray]:
    """``anchor_counts`` as dense arrays (small inputs, inspection)."""
    sa, ta = anchor_counts(src_texts, tgt_texts, src_lang, tgt_lang)
    return sa.toarray(), ta.toarray()


def anchor_counts(src_texts: list[str], tgt_texts: list[str], src_lang: str = "id",
                  tgt_lang: str = "en") -> tuple[sparse.csr_array, sparse.csr_array]:
    """Sparse count vectors over one shared vocabulary of anchors for both sides.

    Numbers are normalised per language (see numbers.py). Capitalised tokens are matched across sides when
    equal or sharing a 5-letter prefix (Kasčiūnas = Kasciunas, Lituania ~ Lithuania is not matched and
    does no harm). Quote marks and marked punctuation count as anchors too (per occurrence), with lower weight.
    """
    vocab: dict[str, int] = {}
    same_name = _source_name_matcher(src_texts)
    rows: list[list[tuple[int, float]]] = []
    for side, texts, lang in (("s", src_texts, src_lang), ("t", tgt_texts, tgt_lang)):
        for text in texts:
            names = same_name if side == "t" else None
            rows.append([(vocab.setdefault(name, len(vocab)), weight)
                         for name, weight in _anchor_features(text, lang, names)])
    k = max(1, len(vocab))
    r_idx = [r for r, feats in enumerate(rows) for _ in feats]
    c_idx = [c for feats in rows for c, _ in feats]
    vals = [v for feats in rows for _, v in feats]
    mat = sparse.csr_array((np.array(vals, dtype=np.float32), (np.array(r_idx, dtype=np.int64),
                           np.array(c_idx, dtype=np.int64))), shape=(len(rows), k))
    mat.sum_duplicates()
    return mat[: len(src_texts)], mat[len(src_texts):]


def _source_name_matcher(src_texts: list[str]) -> Callable[[str], str]:
    """A target name -> the source name it matches: itself when equal, else one sharing its first 5 letters."""
    src_caps = {c for t in src_texts for c in _cap_tokens(t)}
    prefix_map: dict[str, str] = {}
    for c in src_caps:
        if len(c) >= 5:
            prefix_map.setdefault(c[:5], c)

    def match(c: str) -> str:
        if c in src_caps:
            return c
        if len(c) >= 5 and c[:5] in prefix_map:
            return prefix_map[c[:5]]
        return c

    return match


def _anchor_features(text: str, lang: str, same_name: Callable[[str], str] | None) -> list[tuple[str, float]]:
    """The anchors of one text with their weights: numbers, names (``same_name`` maps a target's names to
    the source's spelling), quote marks and marked punctuation."""
    feats = [("#" + num, 1.0 * cnt) for num, cnt in extract_numbers(text, lang).items()]
    feats += [("@" + (same_name(c) if same_name else c), 0.5) for c in _cap_tokens(text)]
    # counted, not capped: a line that joins two quoted or two questioning sentences must carry
    # twice the marks of one, or the anchors cannot tell a merge from a 1:1 plus a deletion
    q = len(_QUOTES.findall(text))
    if q:
        feats.append(("\"q", 0.15 * q))
    for p in _PUNCT:
        c = text.count(p)
        if c:
            feats.append(("p" + p, 0.2 * c))
    return feats


def window_sums(x: np.ndarray, size: int) -> np.ndarray:
    """Sums over windows of ``size`` consecutive rows: result[i] = x[i] + ... + x[i+size-1]."""
    n = x.shape[0]
    if size > n:
        return np.zeros((0, *x.shape[1:]), dtype=x.dtype)
    c = np.concatenate([np.zeros((1, *x.shape[1:]), dtype=np.float64), np.cumsum(x, axis=0, dtype=np.float64)])
    return (c[size:] - c[: n - size + 1]).astype(x.dtype)


def window_anchors(a: sparse.csr_array, size: int) -> sparse.csr_array:
    """Anchor counts of every window of ``size`` consecutive units, still sparse."""
    n = a.shape[0]
    if size > n:
        return sparse.csr_array((0, a.shape[1]), dtype=np.float32)
    out = a[: n - size + 1]
    for k in range(1, size):
        out = out + a[k: n - size + 1 + k]
    out = sparse.csr_array(out, dtype=np.float32)
    out.sum_duplicates()
    out.sort_indices()
    return out


#: Anchor look-ups per pass of ``shared_anchors``: bounds its memory whatever the band and window sizes.
_LOOKUPS = 1 << 20


def shared_anchors(sa: sparse.csr_array, ta: sparse.csr_array, rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """sum_k min(sa[rows[c], k], ta[cols[c], k]) for each pair c, without forming any n x m matrix.

    Why this shape: only the anchors of ``sa[rows[c]]`` are looked up in ``ta[cols[c]]`` (a sorted key
    search), so the work is proportional to the pairs times the anchors of one window, however large the
    vocabulary and however many anchors both sides share; the pairs go in passes of bounded size.
    """
    out = np.zeros(len(rows), dtype=np.float64)
    if len(rows) == 0 or sa.nnz == 0 or ta.nnz == 0:
        return out
    k = np.int64(sa.shape[1])
    t_rows = np.repeat(np.arange(ta.shape[0], dtype=np.int64), np.diff(ta.indptr))
    t_keys = t_rows * k + ta.indices.astype(np.int64)  # sorted: rows in order, indices sorted per row
    counts_all = (sa.indptr[rows + 1] - sa.indptr[rows]).astype(np.int64)
    ends = np.cumsum(counts_all)
    c0 = 0
    while c0 < len(rows):
        c1 = max(c0 + 1, int(np.searchsorted(ends, (ends[c0 - 1] if c0 else 0) + _LOOKUPS, side="right")))
        c1 = min(c1, len(rows))
        out[c0:c1] = _shared_pass(sa, ta, t_keys, k, rows[c0:c1], cols[c0:c1], counts_all[c0:c1])
        c0 = c1
    return out


def _shared_pass(sa: sparse.csr_array, ta: sparse.csr_array, t_keys: np.ndarray, k: np.int64, rows: np.ndarray,
                 cols: np.ndarray, counts: np.ndarray) -> np.ndarray:
    total = int(counts.sum())
    if total == 0:
        return np.zeros(len(rows))
    starts = sa.indptr[rows].astype(np.int64)
    pair = np.repeat(np.arange(len(rows), dtype=np.int64), counts)
    first = np.cumsum(counts) - counts
    pos = starts[pair] + (np.arange(total, dtype=np.int64) - first[pair])
    keys = cols[pair].astype(np.int64) * k + sa.indices[pos].astype(np.int64)
    at = np.minimum(np.searchsorted(t_keys, keys), len(t_keys) - 1)
    vals = np.where(t_keys[at] == keys, np.minimum(sa.data[pos], ta.data[at]), 0.0)
    return np.bincount(pair, weights=vals, minlength=len(rows))


def window_embeddings(u: Units, size: int) -> np.ndarray:
    w = np.sqrt(np.maximum(u.length, 1.0))[:, None].astype(np.float32)
    s = window_sums(u.emb * w, size)
    norms = np.linalg.norm(s, axis=1, keepdims=True)
    return s / np.maximum(norms, 1e-9)


def crossing(u: Units, size: int) -> np.ndarray:
    """True for windows of ``size`` that would join units across a block boundary."""
    if size <= 1:
        return np.zeros(max(0, u.n - size + 1), dtype=bool)
    b = u.breaks.astype(np.int32).copy()
    b[0] = 0
    inner = window_sums(b[:, None], size)[:, 0] - b[: u.n - size + 1]
    return inner > 0


def log_tail(delta: np.ndarray) -> np.ndarray:
    """-log of the two-sided normal tail probability, the Gale–Church length cost."""
    z = np.abs(delta) / math.sqrt(2.0)
    return -np.log(np.maximum(erfc(z), 1e-12))
