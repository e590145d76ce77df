"""Translation memory: every finished translation, in SQLite, keyed by model, revision, settings and source.

Why: translation is the slow stage. Writing each batch as soon as it is finished means a Ctrl-C, a crash or a
closed laptop loses at most the batch in progress, a rerun translates nothing again, and an edited article
only pays for its changed sentences. SQLite (standard library) gives atomic commits and safe concurrent use.
"""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline.errors import MemoryStoreError

_SCHEMA = """
CREATE TABLE IF NOT EXISTS translations (
    model TEXT NOT NULL,
    revision TEXT NOT NULL,
    settings TEXT NOT NULL,
    source TEXT NOT NULL,
    target TEXT NOT NULL,
    score REAL,
    flags TEXT NOT NULL DEFAULT '[]',
    created TEXT NOT NULL DEFAULT (datetime('now')),
    PRIMARY KEY (model, revision, settings, source)
) WITHOUT ROWID;
"""


@dataclass
class Entry:
    target: str
    score: float | None = None
    flags: list[str] = field(default_factory=list)


class TranslationMemory:
    """One SQLite file; ``put_many`` commits at once so finished work survives an interrupt."""

    FILENAME = "translation-memory.sqlite3"

    def __init__(self, directory: str | Path, model: str, revision: str, settings: str) -> None:
        self.path = Path(directory).expanduser() / self.FILENAME
        self.key = (model, revision, settings)
        try:
            self.path.parent.mkdir(parents=True, exist_ok=True)
            self._db = sqlite3.connect(str(self.path), timeout=30)
            self._db.execute("PRAGMA journal_mode=WAL")
            self._db.execute("PRAGMA synchronous=NORMAL")
            self._db.executescript(_SCHEMA)
        except (OSError, sqlite3.Error) as err:
            raise MemoryStoreError(f"{self.path}: cannot use the translation memory ({err}); "
                              f"set [translate] memory_dir or use --no-memory") from err

    def get_many(self, sources: Iterable[str]) -> dict[str, Entry]:
        wanted = list(dict.fromkeys(sources))
        found: dict[str, Entry] = {}
        for start in range(0, len(wanted), 500):
            chunk = wanted[start:start + 500]
            marks = ",".join("?" * len(chunk))
            rows = self._db.execute(
                f"SELECT source, target, score, flags FROM translations WHERE model=? AND revision=? AND settings=?"
                f" AND source IN ({marks})", (*self.key, *chunk),
            )
            for source, target, score, flags in rows:
                found[source] = Entry(target, score, json.loads(flags))
        return found

    def put_many(self, items: Sequence[tuple[str, Entry]]) -> None:
        with self._db:  # one transaction: the whole batch or nothing
            self._db.executemany(
                "INSERT OR REPLACE INTO translations (model, revision, settings, source, target, score, flags)"
                " VALUES (?, ?, ?, ?, ?, ?, ?)",
                [(*self.key, s, e.target, e.score, json.dumps(e.flags)) for s, e in items],
            )

    def close(self) -> None:
        self._db.close()
