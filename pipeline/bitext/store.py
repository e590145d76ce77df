"""The bitext a command is about to write, as it was when the command started.

Why: a command that replaces a bitext must not lose what a person did in it. ``BitextTarget`` reads the
file before the work starts, says whether it holds work (translations, reviewed links, a human
translation), refuses to replace such a file unless the command carries the work over or was given
``--force``, and at the end checks that nobody saved the file meanwhile (the review editor, another run).
If someone did, the command merges its result into their version, or keeps both files and says so.
Every replacement leaves numbered backups (``.bak.1`` newest ... ``.bak.N``).
"""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from pathlib import Path

from pipeline.bitext.document import Document, load_document, save_document
from pipeline.errors import BitextError, OutputError
from pipeline.fileio import DEFAULT_BACKUPS, display, keep_backup, real_path


def work_in(doc: Document, *, human: bool = True) -> str:
    """What a person would lose if ``doc`` were replaced, in words ("" when nothing).

    ``human=False``: a human translation does not count (``align SOURCE TRANSLATION`` makes it again from
    the translation file it reads).
    """
    translated = sum(1 for _, s in doc.iter_source() if s.mt is not None)
    reviewed = sum(1 for b in doc.blocks for link in b.links if link.status in ("confirmed", "edited"))
    parts = []
    if human and doc.meta.target_origin == "human" and any(b.target for b in doc.blocks):
        parts.append("a human translation")
    if translated:
        parts.append(f"{translated} translated sentences")
    if reviewed:
        parts.append(f"{reviewed} reviewed links")
    if doc.orphans:
        parts.append(f"{len(doc.orphans)} orphaned reviews")
    return ", ".join(parts)


def _sha(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


class BitextTarget:
    """One bitext file a command writes; see the module docstring."""

    def __init__(self, path: str | Path, *, backups: int = DEFAULT_BACKUPS, force: bool = False) -> None:
        self.path = Path(path)
        self.backups = backups
        self.doc: Document | None = None
        self._sha: str | None = None
        if self.path.exists():
            try:
                self.doc = load_document(self.path)  # a corrupt file stops the command: never overwrite it blind
            except BitextError:
                if not force or self.path.is_dir():
                    raise
                self.doc = None  # --force: replaced, and its bytes kept as the newest backup
            self._sha = _sha(real_path(self.path).read_bytes())

    def refuse_replacing(self, command: str, force: bool, *, human: bool = True) -> None:
        """Raise unless replacing the file loses nothing or ``force`` was given."""
        if self.doc is None or force:
            return
        work = work_in(self.doc, human=human)
        if work:
            raise OutputError(f"{display(self.path)}: holds {work}; {command} would replace them. Use --force to "
                              f"replace it (a backup is kept as {display(self.path)}.bak.1) or -o to write elsewhere")

    def refuse_human_translation(self, command: str, force: bool) -> None:
        """A machine translation must not silently take the place of a person's translation."""
        if self.doc is not None and not force and self.doc.meta.target_origin == "human" and \
                any(b.target for b in self.doc.blocks):
            raise OutputError(f"{display(self.path)}: holds a human translation (from `bilingual align SOURCE "
                              f"TRANSLATION`); {command} would replace it with a machine translation. Use --force "
                              "to replace it (a backup is kept) or -o to write elsewhere")

    def _current(self) -> tuple[bytes | None, str | None]:
        real = real_path(self.path)
        if not real.exists():
            return None, None
        data = real.read_bytes()
        return data, _sha(data)

    def save(self, doc: Document, remake: Callable[[Document], Document] | None = None) -> Document:
        """Write ``doc``; if the file changed since it was read, write ``remake(their version)`` instead.

        Without ``remake``, or when their version cannot be read, ``doc`` goes to a conflict file next to
        it and OutputError says where; the file on disk is left as it is. Returns what was written.
        """
        data, sha = self._current()
        if sha != self._sha and data is not None:
            theirs: Document | None
            try:
                theirs = load_document(self.path)
            except BitextError:
                theirs = None
            if remake is None or theirs is None:
                side = self._conflict_file(doc)
                raise OutputError(f"{display(self.path)}: changed on disk while this command ran; it was left as "
                                  f"it is and this command's result was written to {display(side)}")
            doc = remake(theirs)
        if data is not None and self.backups > 0:
            old = load_or_none(data)
            if old is None or _content(old) != _content(doc):
                keep_backup(self.path, self.backups, data)
        save_document(doc, self.path)
        self.doc = doc
        self._sha = _sha(real_path(self.path).read_bytes())
        return doc

    def _conflict_file(self, doc: Document) -> Path:
        real = real_path(self.path)
        name = real.name[: -len(".bitext.json")] if real.name.endswith(".bitext.json") else real.stem
        n = 1
        while (side := real.with_name(f"{name}.conflict-{n}.bitext.json")).exists():
            n += 1
        save_document(doc, side)
        return side


def load_or_none(data: bytes) -> Document | None:
    from pipeline.bitext.schema import parse_json

    try:
        return Document.from_dict(parse_json(data.decode("utf-8"), "bitext"))
    except (BitextError, UnicodeDecodeError):
        return None


def _content(doc: Document) -> object:
    """What a person cares about in a bitext: everything but the time stamps."""
    d = doc.to_dict()
    meta = dict(d["meta"])
    meta.pop("updated", None)
    meta.pop("stages", None)
    return meta, d["blocks"], d.get("orphans")


def take_translations(into: Document, done: Document) -> int:
    """Fill machine translations of ``into`` from ``done`` (same text, and newer than what ``into`` has).

    Why: when a person saved the file while a long command translated, the command's translations are
    moved into the person's version instead of their edits being dropped for the command's result.
    """
    by_text = {s.text: s.mt for _, s in done.iter_source() if s.mt is not None}
    signature = done.meta.model.get("signature")
    n = 0
    for _, s in into.iter_source():
        mt = by_text.get(s.text)
        if mt is not None and (s.mt is None or (signature and s.mt.model != signature)):
            s.mt = mt
            n += 1
    if n:
        into.meta.model = dict(done.meta.model)
        into.meta.settings.update({k: v for k, v in done.meta.settings.items() if k == "translate"})
    return n
