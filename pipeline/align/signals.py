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
from dataclasses import dataclass

import numpy as np

from pipeline.numbers import extract_numbers

#: A capitalised word (names, places, acronyms) that translations usually keep.
_CAPWORD = re.compile(r"\b[A-Z][\w'’-]*[A-Za-z0-9]")
_QUOTES = re.compile(r"[\"“”«»„]")
_PUNCT = ("?", "!", ":", ";", "(", "%")


@dataclass
class Units:
    """The units of one side: normalised embeddings, lengths in characters and anchor counts."""

    emb: np.ndarray  # (n, d) float32, rows L2-normalised
    length: np.ndarray  # (n,) float64, characters
    anchors: np.ndarray  # (n, K) float32 counts over a vocabulary shared by both sides
    breaks: np.ndarray  # (n,) bool: True where a new block starts before this unit (windows may not cross)

    @property
    def n(self) -> int:
        return int(self.length.shape[0])


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
    """Count vectors over one shared vocabulary of anchors for both sides.

    Numbers are normalised per language (see numbers.py). Capitalised tokens are matched across sides when
    equal or sharing a 5-letter prefix (Kasčiūnas = Kasciunas, Lituania ~ Lithuania is not matched and
    does no harm). Quote marks and marked punctuation count as anchors too (per occurrence), with lower weight.
    """
    vocab: dict[str, int] = {}

    def key(k: str) -> int:
        if k not in vocab:
            vocab[k] = len(vocab)
        return vocab[k]

    src_caps = {c for t in src_texts for c in _cap_tokens(t)}
    prefix_map: dict[str, str] = {}
    for c in src_caps:
        if len(c) >= 5:
            prefix_map.setdefault(c[:5], c)

    def cap_key(c: str) -> str:
        if c in src_caps:
            return c
        if len(c) >= 5 and c[:5] in prefix_map:
            return prefix_map[c[:5]]
        return c

    rows: list[list[tuple[int, float]]] = []
    for side, texts, lang in (("s", src_texts, src_lang), ("t", tgt_texts, tgt_lang)):
        for text in texts:
            feats: list[tuple[int, float]] = []
            for num, cnt in extract_numbers(text, lang).items():
                feats.append((key("#" + num), 1.0 * cnt))
            for c in _cap_tokens(text):
                feats.append((key("@" + (cap_key(c) if side == "t" else c)), 0.5))
            # counted, not capped: a line that joins two quoted or two questioning sentences must carry
            # twice the marks of one, or the anchors cannot tell a merge from a 1:1 plus a deletion
            q = len(_QUOTES.findall(text))
            if q:
                feats.append((key("\"q"), 0.15 * q))
            for p in _PUNCT:
                c = text.count(p)
                if c:
                    feats.append((key("p" + p), 0.2 * c))
            rows.append(feats)
    k = max(1, len(vocab))
    mat = np.zeros((len(rows), k), dtype=np.float32)
    for r, feats in enumerate(rows):
        for c, v in feats:
            mat[r, c] += v
    return mat[: len(src_texts)], mat[len(src_texts):]


def window_sums(x: np.ndarray, size: int) -> np.ndarray:
    """Sums over windows of ``size`` consecutive rows: result[i] = x[i] + ... + x[i+size-1]."""
    n = x.shape[0]
    if size > n:
        return np.zeros((0, *x.shape[1:]), dtype=x.dtype)
    c = np.concatenate([np.zeros((1, *x.shape[1:]), dtype=np.float64), np.cumsum(x, axis=0, dtype=np.float64)])
    return (c[size:] - c[: n - size + 1]).astype(x.dtype)


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
    erfc = np.vectorize(math.erfc, otypes=[np.float64])(z)
    return -np.log(np.maximum(erfc, 1e-12))
