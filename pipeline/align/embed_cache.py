"""Persistent embedding cache: sentence vectors kept across runs in one SQLite file in the cache directory.

Why: embedding is 90 % or more of aligning a human translation, and a rerun (a corrected translation, a
changed setting, the same book aligned from another command) asks for the same sentences again. Each
vector is stored under a hash of the encoder's name, its version and the exact text, so another encoder
or another release of it never reads a stale vector. SQLite in WAL mode lets several runs read and write
at once; every write is one transaction. The file is bounded: past ``max_mb`` the vectors used least
recently are dropped. A cache that cannot be opened or read is reported once and the run goes on without
it: it only ever saves time.
"""

from __future__ import annotations

import hashlib
import sqlite3
import sys
import time
from collections.abc import Iterable
from pathlib import Path

import numpy as np

_SCHEMA = """
CREATE TABLE IF NOT EXISTS embeddings (
    key BLOB PRIMARY KEY,
    vec BLOB NOT NULL,
    used REAL NOT NULL
) WITHOUT ROWID;
CREATE INDEX IF NOT EXISTS embeddings_used ON embeddings (used);
"""

#: Bytes a row costs besides its vector (key, timestamp, b-tree overhead), for the size bound.
_ROW_OVERHEAD = 64
_CHUNK = 500  # keys per SQL statement (well under SQLite's variable limit)


def text_key(encoder: str, version: str, text: str) -> bytes:
    return hashlib.sha256(f"{encoder}\0{version}\0{text}".encode("utf-8")).digest()


class EmbeddingStore:
    """Vectors by key in ``DIRECTORY/embeddings.sqlite3``; see the module docstring for why."""

    FILENAME = "embeddings.sqlite3"

    def __init__(self, directory: str | Path, max_mb: float = 1024) -> None:
        self.path = Path(directory).expanduser() / self.FILENAME
        self.max_bytes = int(max_mb * 2**20)
        self._db: sqlite3.Connection | None = None
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            db = sqlite3.connect(str(self.path), timeout=60)
            db.execute("PRAGMA journal_mode=WAL")
            db.execute("PRAGMA synchronous=NORMAL")
            db.executescript(_SCHEMA)
            self._db = db
        except (OSError, sqlite3.Error) as err:
            self._fail(err)

    @property
    def usable(self) -> bool:
        return self._db is not None

    def _fail(self, err: Exception) -> None:
        print(f"warning: {self.path}: embedding cache not used ({err}); "
              f"turn it off with [align] embedding_cache = false or --no-embedding-cache", file=sys.stderr)
        if self._db is not None:
            try:
                self._db.close()
            except sqlite3.Error:
                pass
        self._db = None

    def get_many(self, keys: Iterable[bytes], dim: int | None = None) -> dict[bytes, np.ndarray]:
        """The stored vectors among ``keys`` (of length ``dim`` when given); marks them as just used."""
        found: dict[bytes, np.ndarray] = {}
        if self._db is None:
            return found
        wanted = list(dict.fromkeys(keys))
        try:
            for start in range(0, len(wanted), _CHUNK):
                chunk = wanted[start:start + _CHUNK]
                marks = ",".join("?" * len(chunk))
                for key, blob in self._db.execute(f"SELECT key, vec FROM embeddings WHERE key IN ({marks})", chunk):
                    vec = np.frombuffer(blob, dtype=np.float32)
                    if dim is None or vec.shape[0] == dim:
                        found[bytes(key)] = vec
            if found:
                now = time.time()
                with self._db:
                    hits = list(found)
                    for start in range(0, len(hits), _CHUNK):
                        chunk = hits[start:start + _CHUNK]
                        self._db.execute(f"UPDATE embeddings SET used=? WHERE key IN ({','.join('?' * len(chunk))})",
                                         (now, *chunk))
        except sqlite3.Error as err:
            self._fail(err)
        return found

    def put_many(self, items: Iterable[tuple[bytes, np.ndarray]]) -> None:
        if self._db is None:
            return
        now = time.time()
        rows = [(key, np.ascontiguousarray(vec, dtype=np.float32).tobytes(), now) for key, vec in items]
        try:
            with self._db:  # one transaction: all of this batch or nothing
                self._db.executemany("INSERT OR REPLACE INTO embeddings (key, vec, used) VALUES (?, ?, ?)", rows)
            self._evict()
        except sqlite3.Error as err:
            self._fail(err)

    def _evict(self) -> None:
        """Drop the least recently used vectors until the stored data fits in ``max_bytes`` again."""
        assert self._db is not None
        count, data = self._db.execute("SELECT count(*), coalesce(sum(length(vec)), 0) FROM embeddings").fetchone()
        size = int(data) + _ROW_OVERHEAD * int(count)
        if size <= self.max_bytes or not count:
            return
        per_row = size / count
        # down to 90 % of the bound, so that a cache at its limit does not evict on every write
        excess = int(count - (0.9 * self.max_bytes) / per_row) + 1
        with self._db:
            self._db.execute("DELETE FROM embeddings WHERE key IN "
                             "(SELECT key FROM embeddings ORDER BY used LIMIT ?)", (excess,))

    def stats(self) -> tuple[int, int]:
        """(vectors stored, bytes of vector data)."""
        if self._db is None:
            return 0, 0
        count, data = self._db.execute("SELECT count(*), coalesce(sum(length(vec)), 0) FROM embeddings").fetchone()
        return int(count), int(data)

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None
