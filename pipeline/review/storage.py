"""The reviewed bitext on disk: every save is atomic, keeps numbered backups, and refuses to overwrite foreign
changes.

Why the stamp: a person may rerun ``align`` or edit the file elsewhere while the editor is open; silently
overwriting that work would lose it, so a save first checks the file is still the one that was read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document, html_path_for, load_document, save_document
from pipeline.errors import ReviewError
from pipeline.fileio import DEFAULT_BACKUPS, atomic_write_text, backup_paths, keep_backup


class ConflictError(ReviewError):
    """The file (or the page) is not the version the change was made against; nothing was written."""


@dataclass(frozen=True)
class _Stamp:
    mtime_ns: int
    size: int
    sha256: str


def _stamp(path: Path) -> tuple[_Stamp, bytes]:
    data = path.read_bytes()
    st = path.stat()
    return _Stamp(st.st_mtime_ns, st.st_size, hashlib.sha256(data).hexdigest()), data


class BitextFile:
    """The one document file a review session may read and write (plus its backup and HTML page)."""

    def __init__(self, path: str | Path, *, backups: int = DEFAULT_BACKUPS) -> None:
        self.path = Path(path)
        self.backups = backups
        #: The newest backup; older ones are ``.bak.2`` ... ``.bak.N``.
        self.backup_path = backup_paths(self.path, 1)[0]
        self.html_path = html_path_for(self.path)
        self.doc = load_document(self.path)
        self._stamp, _ = _stamp(self.path)

    def reload(self) -> Document:
        self.doc = load_document(self.path)
        self._stamp, _ = _stamp(self.path)
        return self.doc

    def check_unchanged(self) -> bytes:
        """The file's bytes, if it is still the version that was read; else ConflictError."""
        return self._unchanged_bytes()

    def _unchanged_bytes(self) -> bytes:
        try:
            now, data = _stamp(self.path)
        except FileNotFoundError:
            raise ReviewError(f"{self.path} was deleted since it was opened; nothing was saved") from None
        if now.sha256 != self._stamp.sha256:
            raise ConflictError(f"{self.path} changed on disk since it was opened (another editor or a rerun?); "
                              "your change was not saved: reload the file to continue")
        return data

    def save(self, doc: Document) -> Path:
        """Write ``doc`` over the file, after copying the previous version to ``<file>.bak.1``; returns that."""
        previous = self._unchanged_bytes()
        keep_backup(self.path, max(self.backups, 1), previous)
        save_document(doc, self.path)
        self.doc = doc
        self._stamp, _ = _stamp(self.path)
        return self.backup_path

    def publish_html(self) -> Path:
        """Write the page of the document as it is on disk: refused if the file changed since it was read."""
        from pipeline.publish import render_html

        self._unchanged_bytes()
        atomic_write_text(self.html_path, render_html(self.doc))
        return self.html_path
