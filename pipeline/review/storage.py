"""The reviewed bitext on disk: every save is atomic, keeps a backup, and refuses to overwrite foreign changes.

Why the stamp: a person may rerun ``align`` or edit the file elsewhere while the editor is open; silently
overwriting that work would lose it, so a save first checks the file is still the one that was read.
"""

from __future__ import annotations

import os
from pathlib import Path

from pipeline.document import Document, html_path_for, load_document, now_iso
from pipeline.errors import ReviewError
from pipeline.fileio import atomic_write_bytes, atomic_write_text
from pipeline.review.snapshot_json import DocumentJson


class ConflictError(ReviewError):
    """The file (or the page) is not the version the change was made against; nothing was written."""


def _stat_key(path: Path) -> tuple[int, int, int, int]:
    """Modification and change time, size and inode: a write by any program changes at least the change
    time, which no program can set back, so equal keys mean the file is the one this session last saw."""
    st = path.stat()
    return st.st_mtime_ns, st.st_ctime_ns, st.st_size, st.st_ino


class BitextFile:
    """The one document file a review session may read and write (plus its backup and HTML page).

    Why the checks are cheap: at 10,000 links the file is megabytes and the editor saves after every change;
    the stat key answers "unchanged?" at once, and only when it differs are the bytes compared (so a mere
    ``touch`` is not taken for a foreign change).
    """

    def __init__(self, path: str | Path) -> None:
        self.path = Path(path)
        self.backup_path = self.path.with_name(self.path.name + ".bak")
        self.html_path = html_path_for(self.path)
        self._json = DocumentJson()
        self.doc = self.reload()

    def reload(self) -> Document:
        self.doc = load_document(self.path)
        self._seen = self.path.read_bytes()
        self._key = _stat_key(self.path)
        self._json = DocumentJson()
        return self.doc

    def prepare(self) -> None:
        """Serialise the document once now, so that the first save after a change is as quick as the rest."""
        self._json.dumps(self.doc)

    def _check_unchanged(self) -> None:
        try:
            key = _stat_key(self.path)
            if key == self._key:
                return
            same = self.path.read_bytes() == self._seen
        except FileNotFoundError:
            raise ReviewError(f"{self.path} was deleted since it was opened; nothing was saved") from None
        if not same:
            raise ConflictError(f"{self.path} changed on disk since it was opened (another editor or a rerun?); "
                                "your change was not saved: reload the file to continue")
        self._key = key

    def _keep_backup(self) -> None:
        """The version on disk becomes ``<file>.bak``: a hard link where the file system has them (no copy of
        megabytes per change), a copy where it has not."""
        tmp = self.backup_path.with_name(f".{self.backup_path.name}.{os.getpid()}.tmp")
        try:
            tmp.unlink(missing_ok=True)
            os.link(self.path, tmp)
            os.replace(tmp, self.backup_path)
        except OSError:
            tmp.unlink(missing_ok=True)
            atomic_write_bytes(self.backup_path, self._seen)

    def save(self, doc: Document) -> None:
        """Write ``doc`` over the file, after keeping the previous version as ``<file>.bak``."""
        self._check_unchanged()
        self._keep_backup()
        doc.meta.updated = now_iso()
        data = self._json.dumps(doc)
        atomic_write_bytes(self.path, data)
        self.doc = doc
        self._seen, self._key = data, _stat_key(self.path)

    def publish_html(self) -> Path:
        from pipeline.publish import render_html

        atomic_write_text(self.html_path, render_html(self.doc))
        return self.html_path
