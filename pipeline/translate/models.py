"""Finding a model: a local directory, the project's ``models/`` store, the Hugging Face cache, or the hub.

Why this order: offline users (and tests) must never touch the network, and users online get the real
download with a pinned revision that is recorded in the bitext file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ModelError, ModelNotAvailableError


def default_models_dir() -> Path:
    """``$BILINGUAL_MODELS_DIR`` or ``./models``: read at call time so tests and users can point elsewhere."""
    return Path(os.environ.get("BILINGUAL_MODELS_DIR") or Path.cwd() / "models")


@dataclass
class ResolvedModel:
    name: str
    path: Path
    revision: str
    source: str  # "local", "store", "cache" or "hub"


def store_dir(name: str, models_dir: Path | None = None) -> Path:
    return (models_dir or default_models_dir()) / name.replace("/", "__")


#: The default branch: a copy pulled from it (or without a recorded branch) serves a request for it.
DEFAULT_BRANCH = "main"
REF_MARKER = ".bilingual-ref"


def read_revision(path: Path) -> str:
    marker = path / ".bilingual-revision"
    if marker.is_file():
        return marker.read_text(encoding="utf-8").strip()
    return "local"


def read_ref(path: Path) -> str:
    marker = path / REF_MARKER
    return marker.read_text(encoding="utf-8").strip() if marker.is_file() else ""


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


def resolve_model(name: str, revision: str = "main", models_dir: Path | None = None) -> ResolvedModel:
    """Return a local directory holding the model, downloading it only when allowed and needed."""
    from pipeline.translate.download import download, find_in_cache, offline

    p = Path(name).expanduser()
    if p.is_dir():
        if not (p / "config.json").is_file():
            raise ModelError(f"{p}: not a model directory (no config.json)")
        return ResolvedModel(name=str(p), path=p, revision=read_revision(p), source="local")
    if name.startswith((".", "/", "~")) or (os.sep in name and name.count("/") != 1):
        raise ModelNotAvailableError(f"{name}: model directory not found")
    stored = store_dir(name, models_dir)
    other = ""
    if (stored / "config.json").is_file():
        have = read_revision(stored)
        if revision_matches(revision, have, read_ref(stored)):
            return ResolvedModel(name=name, path=stored, revision=have, source="store")
        other = f" ({stored} holds revision {have})"
    try:
        import huggingface_hub  # noqa: F401
    except ImportError as err:  # pragma: no cover - huggingface_hub comes with transformers
        raise ModelNotAvailableError("huggingface_hub is not installed; pass --model with a local directory") from err
    cached = find_in_cache(name, revision)
    if cached is not None:
        return ResolvedModel(name=name, path=cached.path, revision=cached.commit, source="cache")
    how = (
        f"get it on a machine that is online with `bilingual models pull {name} --revision {revision}` and copy "
        f"models/ here, or pass --model with a local model directory"
    )
    if offline():
        raise ModelNotAvailableError(f"model {name!r} at revision {revision!r} is not in models/{other} or the "
                                     f"Hugging Face cache and HF_HUB_OFFLINE is set; {how}")
    try:
        got = download(name, revision)
    except ModelNotAvailableError as err:
        raise ModelNotAvailableError(f"model {name!r} is not available locally{other} and {err}; {how}") from err
    return ResolvedModel(name=name, path=got.path, revision=got.commit, source="hub")


def exact_revision(resolved: ResolvedModel) -> str:
    """A hub commit, or for a local directory without a recorded one a fingerprint of its files.

    Why: the translation memory must never serve translations of another model that happens to live at the
    same path.
    """
    if resolved.revision != "local":
        return resolved.revision
    h = hashlib.sha256()
    for f in sorted(resolved.path.iterdir()):
        if f.is_file() and not f.name.startswith(".bilingual"):
            st = f.stat()
            h.update(f"{f.name}:{st.st_size}:{st.st_mtime_ns}".encode())
    return "local-" + h.hexdigest()[:12]
