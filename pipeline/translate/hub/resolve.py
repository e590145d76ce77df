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
from pipeline.translate.hub.download import download, find_in_cache, offline
from pipeline.translate.hub.markers import (
    DEFAULT_BRANCH,
    read_ct2_marker,
    read_ref,
    read_revision,
    revision_matches,
)

#: The ending of a CTranslate2 conversion's directory in models/.
CT2_SUFFIX = ".ct2"


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


def ct2_dir(name: str, models_dir: Path | None = None) -> Path:
    """Where the CTranslate2 conversion of a model lives: ``models/<owner>__<name>.ct2`` for a hub model.

    A local directory gets its name and a hash of its absolute path: two directories called ``model`` in
    different places must not share (and overwrite) one conversion.
    """
    p = Path(name).expanduser()
    if p.is_dir():
        resolved = p.resolve()
        root = (models_dir or default_models_dir()).resolve()
        if resolved.parent == root:  # a model of the store itself keeps its store name
            base = resolved.name
        else:
            base = f"{resolved.name}-{hashlib.sha256(str(resolved).encode()).hexdigest()[:8]}"
    else:
        base = name.replace("/", "__")
    return (models_dir or default_models_dir()) / (base + CT2_SUFFIX)


def resolve_model(name: str, revision: str = DEFAULT_BRANCH, models_dir: Path | None = None) -> ResolvedModel:
    """Return a local directory holding the model, downloading it only when allowed and needed."""
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


def resolve_ct2(name: str, revision: str = DEFAULT_BRANCH, models_dir: Path | None = None) -> ResolvedModel:
    """The converted model for ``name``: a CTranslate2 directory given directly, or ``models/<name>.ct2``.

    A conversion of a hub model serves only the revision it was converted from: a pinned commit is never
    answered by a conversion of another one.
    """
    p = Path(name).expanduser()
    if p.is_dir() and (p / "model.bin").is_file():
        path = p
    else:
        path = ct2_dir(name, models_dir)
        if not (path / "model.bin").is_file():
            raise ModelNotAvailableError(f"no CTranslate2 conversion of {name!r} in {path.parent}; run `bilingual "
                                         f"models convert {name}` once (or use --engine transformers)")
    marker = read_ct2_marker(path)
    rev = str(marker.get("revision") or read_revision(path))
    if path != p and not p.is_dir() and not revision_matches(revision, rev, str(marker.get("ref") or "")):
        raise ModelNotAvailableError(f"{path} was converted from revision {rev} of {name!r}, not {revision!r}; run "
                                     f"`bilingual models convert {name} --revision {revision}`")
    return ResolvedModel(name=str(marker.get("source") or name), path=path, revision=rev, source="store")


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
