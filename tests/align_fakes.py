"""A deterministic stand-in for the sentence encoder, for fast alignment tests.

Each word gets a fixed pseudo-random vector (seeded by its MD5), a text is the normalised sum of its words,
and a small dictionary maps Indonesian test words to English ones so "translations" embed alike. Joined
sentences embed close to the sum of their parts, as with a real mean-pooling encoder.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

DIM = 128
SAME = {"kucing": "cat", "anjing": "dog", "rumah": "house", "makan": "eat", "besar": "big", "merah": "red"}


def _word_vec(word: str) -> np.ndarray:
    seed = int.from_bytes(hashlib.md5(word.encode("utf-8")).digest()[:4], "little")
    return np.random.default_rng(seed).standard_normal(DIM)


class FakeEncoder:
    name = "fake"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        for i, t in enumerate(texts):
            words = [SAME.get(w, w) for w in re.findall(r"\w+", t.lower())] or ["<empty>"]
            v = sum(_word_vec(w) for w in words)
            out[i] = v / np.linalg.norm(v)
        return out


def sentence(k: int, n_words: int = 8) -> str:
    """A distinct sentence made of words nobody else uses: Wkx0 wkx1 ... (capitalised so the splitter sees it)."""
    return " ".join(f"w{k}x{i}" for i in range(n_words)).capitalize() + "."
