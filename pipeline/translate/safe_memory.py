"""The translation memory as an optional help: when it fails, translation goes on without it.

Why: the memory only saves time. A read-only or full disk, a table of another shape or malformed rows
used to end the run with an internal error, and the run's finished translations never reached the
bitext. Here the first failure prints one warning and turns the memory off for the rest of the run.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Iterable, Sequence
from pathlib import Path

from pipeline.errors import MemoryStoreError
from pipeline.translate.memory import Entry, TranslationMemory

#: What a broken memory raises: the database, the file system, or rows that are not what we wrote.
FAILURES = (sqlite3.Error, OSError, ValueError, TypeError, json.JSONDecodeError)


class GuardedMemory:
    """``TranslationMemory``'s interface; every failure becomes one warning and a memory that is off."""

    def __init__(self, directory: str | Path, model: str, revision: str, settings: str) -> None:
        self.path = Path(directory).expanduser() / TranslationMemory.FILENAME
        self._tm: TranslationMemory | None = None
        try:
            self._tm = TranslationMemory(directory, model, revision, settings)
        except MemoryStoreError as err:  # it wraps the cause: an unusable file, folder or disk
            self._off(err)

    @property
    def working(self) -> bool:
        return self._tm is not None

    def _off(self, err: BaseException) -> None:
        cause = err.__cause__ or err
        print(f"bilingual: warning: translation memory {self.path} cannot be used ({type(cause).__name__}: "
              f"{cause}); going on without it", file=sys.stderr, flush=True)
        if self._tm is not None:
            try:
                self._tm.close()
            except FAILURES:
                pass
        self._tm = None

    def get_many(self, sources: Iterable[str]) -> dict[str, Entry]:
        if self._tm is None:
            return {}
        try:
            found = self._tm.get_many(sources)
            for entry in found.values():  # malformed rows: flags that are not a list of words, a non-text target
                if not isinstance(entry.target, str) or not isinstance(entry.flags, list) or \
                        not all(isinstance(f, str) for f in entry.flags) or \
                        not (entry.score is None or isinstance(entry.score, (int, float))):
                    raise ValueError("a stored translation is malformed")
            return found
        except FAILURES as err:
            self._off(err)
            return {}

    def put_many(self, items: Sequence[tuple[str, Entry]]) -> None:
        if self._tm is None:
            return
        try:
            self._tm.put_many(items)
        except FAILURES as err:
            self._off(err)

    def close(self) -> None:
        if self._tm is not None:
            try:
                self._tm.close()
            except FAILURES:
                pass
