"""A deterministic stand-in for the sentence encoder, only for tests that must control the similarities exactly.

Each word gets a fixed pseudo-random vector (seeded by its MD5) and a text is the normalised sum of its
words, so a sentence is identical to itself, unrelated to any sentence without its words (near-orthogonal
in 128 dimensions) and a joined sentence is exactly the sum of its parts. Who uses it, and why not the real
encoder (which every test of alignment quality runs, tests/conftest.py ``real_encoder``):

- the bead search on hand-made cases (test_align_beads.py): a wrong bead there must mean the search is
  wrong, never that an encoder found two sentences alike;
- the embedding cache (test_align_encoders.py, test_embed_cache.py): the tests count the texts that reach
  the encoder (``seen``) and set its version, which the real one cannot report, and two spawned processes
  would each load the real model.
"""

from __future__ import annotations

import hashlib
import re

import numpy as np

DIM = 128


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
            words = re.findall(r"\w+", t.lower()) or ["<empty>"]
            v = sum(_word_vec(w) for w in words)
            out[i] = v / np.linalg.norm(v)
        return out


def sentence(k: int, n_words: int = 8) -> str:
    """A distinct sentence made of words nobody else uses: Wkx0 wkx1 ... (capitalised so the splitter sees it)."""
    return " ".join(f"w{k}x{i}" for i in range(n_words)).capitalize() + "."
