"""The one check every command makes before it works: no output may be one of its inputs, and every output
must be writable.

Why one place: each command used to guard (or forget to guard) its own outputs, comparing names relative to
the current folder, so ``segment a.txt -o a.txt`` turned the article into JSON and ``publish`` run from
another folder overwrote the article it protected. Here files are compared by identity (same inode, through
links and ``..``), and a bitext's own article is recognised by its content wherever it lies.
"""

from __future__ import annotations

import hashlib
import os
from collections.abc import Iterable, Mapping
from pathlib import Path

from pipeline.bitext.document import Document
from pipeline.errors import OutputError
from pipeline.fileio import MAX_INPUT_BYTES, check_folder_writable, check_writable, display


def same_file(a: str | Path, b: str | Path) -> bool:
    """True when ``a`` and ``b`` are one file (hard links and symbolic links included)."""
    try:
        return os.path.samefile(a, b)
    except OSError:
        return os.path.realpath(a) == os.path.realpath(b)


def _text_sha256(path: Path) -> str | None:
    """The hash ``segment`` records for an article, computed the way it reads one (newlines normalised)."""
    try:
        if not path.is_file() or path.stat().st_size > MAX_INPUT_BYTES:
            return None
        text = path.read_bytes().decode("utf-8")
    except (OSError, UnicodeDecodeError):
        return None
    text = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    return hashlib.sha256(text.encode("utf-8")).hexdigest()


def _origins(doc: Document, where: Path | None) -> list[tuple[str, Path]]:
    """Where the article and the human translation of ``doc`` may be: as recorded, and next to the bitext."""
    found = []
    for what, name in (("article", doc.meta.source_file), ("translation", doc.meta.target_file)):
        if not name or name == "-":
            continue
        found.append((what, Path(name)))
        if where is not None and not Path(name).is_absolute():
            found.append((what, where.parent / name))
    return found


def check_io(inputs: Mapping[str, str | Path] | Iterable[tuple[str, str | Path]],
             outputs: Iterable[str | Path], *, docs: Iterable[tuple[Document, Path | None]] = (),
             folders: Iterable[str | Path] = ()) -> None:
    """Refuse, before any work, outputs that are inputs or that cannot be written.

    ``inputs`` maps a role ("article", "translation", "bitext") to a path; ``docs`` are bitext documents
    read (with their file) whose own article and translation are protected too, by path and by content;
    ``folders`` are output folders to be created. Raises OutputError naming the file and what it is.
    """
    pairs = list(inputs.items()) if isinstance(inputs, Mapping) else list(inputs)
    protected = [(what, Path(p)) for what, p in pairs if str(p) != "-"]
    hashes: dict[str, str] = {}
    for doc, where in docs:
        protected += _origins(doc, where)
        if doc.meta.source_sha256:
            hashes[doc.meta.source_sha256] = "article"
    for out in outputs:
        out = Path(out)
        if out.exists():
            for what, p in protected:
                if p.exists() and same_file(out, p):
                    raise OutputError(f"{display(out)}: refusing to overwrite the input file (the {what} this "
                                      "command reads); choose another output with -o")
            if hashes and (digest := _text_sha256(out)) in hashes:
                raise OutputError(f"{display(out)}: refusing to overwrite the input file (it holds the "
                                  f"{hashes[digest]} this bitext was made from); choose another output with -o")
        check_writable(out)
    for folder in folders:
        check_folder_writable(folder)
