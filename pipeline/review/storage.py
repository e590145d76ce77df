"""The reviewed bitext on disk: every save is atomic, keeps numbered backups, and refuses to overwrite foreign
changes.

Why the stamp: a person may rerun ``align`` or edit the file elsewhere while the editor is open; silently
overwriting that work would lose it, so a save first checks the file is still the one that was read.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.bitext.document import Document, html_path_for, load_document, now_iso
from pipeline.errors import ReviewError
from pipeline.fileio import DEFAULT_BACKUPS, atomic_write_bytes, backup_paths, keep_backup
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

    def __init__(self, path: str | Path, *, backups: int = DEFAULT_BACKUPS) -> None:
        self.path = Path(path)
        self.backups = max(backups, 1)
        #: The newest backup; older ones are ``.bak.2`` ... ``.bak.N``.
        self.backup_path = backup_paths(self.path, 1)[0]
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

    def check_unchanged(self) -> None:
        """Raise ConflictError if the file is no longer the version this session read or wrote."""
        self._check_unchanged()

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

    def save(self, doc: Document) -> Path:
        """Write ``doc`` over the file, after keeping the previous version as ``<file>.bak.1`` (older ones move
        up to ``.bak.N``); returns the newest backup."""
        self._check_unchanged()
        keep_backup(self.path, self.backups)  # a hard link where possible: no copy of megabytes per change
        doc.meta.updated = now_iso()
        data = self._json.dumps(doc)
        atomic_write_bytes(self.path, data)
        self.doc = doc
        self._seen, self._key = data, _stat_key(self.path)
        return self.backup_path

    def publish_html(self) -> Path:
        """Write the page of the document as it is on disk: refused if the file changed since it was read."""
        from pipeline.config import PublishConfig
        from pipeline.publish import publish

        self._check_unchanged()
        publish(self.doc, PublishConfig(), formats=["html"], output=self.html_path, protect=[self.path])
        return self.html_path
