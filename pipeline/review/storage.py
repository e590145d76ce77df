"""The reviewed bitext on disk: every save is atomic, keeps a backup, and refuses to overwrite foreign changes.

Why the stamp: a person may rerun ``align`` or edit the file elsewhere while the editor is open; silently
overwriting that work would lose it, so a save first checks the file is still the one that was read.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

from pipeline.document import Document, html_path_for, load_document, save_document
from pipeline.errors import ReviewError
from pipeline.fileio import atomic_write_bytes, atomic_write_text


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

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.html_path = html_path_for(self.path)
        self.doc = load_document(self.path)
        self._stamp, _ = _stamp(self.path)

    def reload(self) -> Document:
        self.doc = load_document(self.path)
        self._stamp, _ = _stamp(self.path)
        return self.doc

    def _unchanged_bytes(self) -> bytes:
        try:
            now, data = _stamp(self.path)
        except FileNotFoundError:
            raise ReviewError(f"{self.path} was deleted since it was opened; nothing was saved") from None
        if now.sha256 != self._stamp.sha256:
            raise ConflictError(f"{self.path} changed on disk since it was opened (another editor or a rerun?); "
                              "your change was not saved: reload the file to continue")
        return data

    def save(self, doc: Document) -> None:
        """Write ``doc`` over the file, after copying the previous version to ``<file>.bak``."""
        previous = self._unchanged_bytes()
        atomic_write_bytes(self.backup_path, previous)
        save_document(doc, self.path)
        self.doc = doc
        self._stamp, _ = _stamp(self.path)

    def publish_html(self) -> Path:
        from pipeline.publish import render_html

        atomic_write_text(self.html_path, render_html(self.doc))
        return self.html_path
