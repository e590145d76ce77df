"""What is recorded next to a model: its hub commit, the branch it was pulled as, its hub name, its conversion.

Why strict reading: the revision ends up in the bitext file and the translation memory's key. A marker that
cannot be read, or reads as nonsense, is an error naming the file, never "local" or "no marker": a silent
default would let the memory serve translations of another model.
"""

from __future__ import annotations

import json
from pathlib import Path

from pipeline.errors import ModelError, first_line

#: The default branch: a copy pulled from it (or without a recorded branch) serves a request for it.
DEFAULT_BRANCH = "main"
#: The exact hub commit of the files.
REVISION_MARKER = ".bilingual-revision"
#: The branch or tag the files were pulled as.
REF_MARKER = ".bilingual-ref"
#: The hub name of a pulled model.
SOURCE_MARKER = ".bilingual-source"
#: What ``bilingual models convert`` recorded next to a CTranslate2 model.
CT2_MARKER = ".bilingual-ct2.json"


def _read_line(path: Path) -> str | None:
    """The marker's one line; None when there is no marker; an unreadable one is a ModelError."""
    if not path.is_file():
        return None
    try:
        text = path.read_text(encoding="utf-8").strip()
    except (OSError, UnicodeDecodeError) as err:
        raise ModelError(f"{path}: cannot read this model marker ({type(err).__name__}: {first_line(err)})") from err
    if not text or len(text.split()) != 1:
        raise ModelError(f"{path}: corrupt model marker (expected one word, found {text[:60]!r}); "
                         "delete the model and pull or convert it again")
    return text


def read_revision(path: Path) -> str:
    """The hub commit of a model directory; "local" for a directory without a recorded one."""
    return _read_line(path / REVISION_MARKER) or "local"


def read_ref(path: Path) -> str:
    """The branch or tag the model was pulled as; "" when none was recorded."""
    return _read_line(path / REF_MARKER) or ""


def read_source(path: Path) -> str:
    """The hub name a model was pulled from; "" when none was recorded (a local directory)."""
    return _read_line(path / SOURCE_MARKER) or ""


def write_marker(path: Path, name: str, value: str) -> None:
    (path / name).write_text(value + "\n", encoding="utf-8")


def read_json_object(path: Path) -> dict[str, object] | None:
    """A JSON object file next to a model (a marker, config.json); None when the file does not exist."""
    if not path.is_file():
        return None
    try:
        data = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        raise ModelError(f"{path}: cannot read ({type(err).__name__}: {first_line(err)})") from err
    if not isinstance(data, dict):
        raise ModelError(f"{path}: expected a JSON object, found {type(data).__name__}")
    return data


def read_ct2_marker(path: Path) -> dict[str, object]:
    """Source, revision, quantization, position limit and suppressed tokens of a conversion ({} if none)."""
    return read_json_object(path / CT2_MARKER) or {}


def revision_matches(requested: str, commit: str, ref: str = "") -> bool:
    """Is a copy made from ``commit`` (pulled as ``ref``) the requested revision?

    Why not always: a pinned commit must never be served by a copy of another commit; a branch name can only
    be checked against the branch the copy was pulled from (offline nobody knows where a branch points now).
    """
    if not requested or requested in (commit, ref):
        return True
    if len(requested) >= 7 and all(c in "0123456789abcdef" for c in requested) and commit.startswith(requested):
        return True
    return requested == DEFAULT_BRANCH and not ref
