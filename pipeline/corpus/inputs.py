"""Which documents a ``bilingual run PATH...`` covers, and the folder under OUTDIR each one's results go to.

Why decided up front, in one place: the output tree must mirror the input tree (a site generator's
``content/id/a/b.md`` becomes ``OUT/a/b/``) and two inputs must never share an output folder, which can only
be checked with every input known; the order is sorted so that reruns and the index are stable.
"""

from __future__ import annotations

import fnmatch
import re
import sys
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path, PurePosixPath
from urllib.parse import urlsplit

from pipeline.errors import InputError
from pipeline.fileio import doc_name
from pipeline.registry import OUTPUT_LAYOUTS

DEFAULT_GLOB = "*.md,*.txt,*.html"


@dataclass(frozen=True)
class DocumentInput:
    """One document: where it is read from and its name relative to its root (``a/b`` for ``ROOT/a/b.md``)."""

    source: str
    rel: PurePosixPath

    @property
    def stem(self) -> str:
        return self.rel.name


def _url_rel(url: str) -> PurePosixPath:
    parts = urlsplit(url)
    words = [p for p in parts.path.split("/") if p]
    name = doc_name(words[-1]) if words else "index"
    slug = re.sub(r"[^A-Za-z0-9._-]+", "-", "-".join([parts.hostname or "url", *words[:-1], name])).strip("-.")
    return PurePosixPath(slug or "url")


def _patterns(glob: str) -> list[str]:
    pats = [p.strip() for p in glob.split(",") if p.strip()]
    if not pats:
        raise InputError(f"--glob {glob!r}: no pattern given (example: --glob '*.md,*.txt')")
    return pats


def _folder(root: Path, patterns: list[str]) -> list[DocumentInput]:
    found = []
    for path in sorted(root.rglob("*")):
        rel = path.relative_to(root)
        if any(part.startswith(".") for part in rel.parts):  # .git, editors' swap files, our temp files
            continue
        if path.is_file() and any(fnmatch.fnmatch(path.name.lower(), p.lower()) for p in patterns):
            found.append(DocumentInput(str(path), PurePosixPath(*rel.parent.parts, doc_name(path.name))))
    return found


def read_list(list_file: str) -> list[str]:
    """Paths or URLs, one a line; blank lines and lines starting with ``#`` are skipped."""
    if list_file == "-":
        text = sys.stdin.read()
    else:
        try:
            text = Path(list_file).read_text(encoding="utf-8")
        except FileNotFoundError as err:
            raise InputError(f"{list_file}: no such file (--from-list)") from err
        except (OSError, UnicodeDecodeError) as err:
            raise InputError(f"{list_file}: cannot read the list of documents ({err})") from err
    return [ln.strip() for ln in text.splitlines() if ln.strip() and not ln.lstrip().startswith("#")]


def collect_inputs(paths: Sequence[str], *, glob: str = DEFAULT_GLOB, from_list: str | None = None,
                   layout: str = "tree") -> list[DocumentInput]:
    """Every document named by ``paths`` (files, folders searched recursively with ``glob``, URLs) and the list.

    A path that does not exist is kept: reading it fails for that document alone, reported with the others.
    """
    from pipeline.segment.web.fetch import is_url  # the one test of an address (not at import: the CLI loads us)

    if layout not in OUTPUT_LAYOUTS:
        raise InputError(f"unknown layout {layout!r}; use {' or '.join(OUTPUT_LAYOUTS)}")
    patterns = _patterns(glob)
    specs = list(paths) + (read_list(from_list) if from_list else [])
    folders = [s for s in specs if not is_url(s) and s != "-" and Path(s).is_dir()]
    docs: list[DocumentInput] = []
    for spec in specs:
        if is_url(spec):
            docs.append(DocumentInput(spec, _url_rel(spec)))
        elif spec in folders:
            found = _folder(Path(spec), patterns)
            if not found:
                raise InputError(f"{spec}: no files matching {','.join(patterns)} in this folder")
            prefix = PurePosixPath(Path(spec).resolve().name) if len(folders) > 1 else PurePosixPath()
            docs += [DocumentInput(d.source, prefix / d.rel) for d in found]
        else:
            docs.append(DocumentInput(spec, PurePosixPath(doc_name(Path(spec).name))))
    if not docs:
        raise InputError("no documents given: name files, folders, or --from-list FILE")
    unique = list({(str(Path(d.source).resolve()) if not is_url(d.source) and d.source != "-" else d.source): d
                   for d in docs}.values())
    return _distinct([DocumentInput(d.source, PurePosixPath("-".join(d.rel.parts))) for d in unique]
                     if layout == "flat" else unique)


def _distinct(docs: list[DocumentInput]) -> list[DocumentInput]:
    """Two inputs with the same name (``a/x.md`` and ``a/x.txt``) get ``x``, ``x-2``...: never one folder."""
    seen: set[str] = set()
    out = []
    for d in docs:
        rel, n = d.rel, 1
        while str(rel).lower() in seen:
            n += 1
            rel = d.rel.with_name(f"{d.rel.name}-{n}")
        seen.add(str(rel).lower())
        out.append(DocumentInput(d.source, rel))
    return out
