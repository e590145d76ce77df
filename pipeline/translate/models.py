"""Finding a model: a local directory, the project's ``models/`` store, the Hugging Face cache, or the hub.

Why this order: offline users (and tests) must never touch the network, and users online get the real
download with a pinned revision that is recorded in the bitext file.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ModelError


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


def _offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def _read_revision(path: Path) -> str:
    marker = path / ".bilingual-revision"
    if marker.is_file():
        return marker.read_text(encoding="utf-8").strip()
    return "local"


def resolve_model(name: str, revision: str = "main", models_dir: Path | None = None) -> ResolvedModel:
    """Return a local directory holding the model, downloading it only when allowed and needed."""
    p = Path(name).expanduser()
    if p.is_dir():
        if not (p / "config.json").is_file():
            raise ModelError(f"{p}: not a model directory (no config.json)")
        return ResolvedModel(name=str(p), path=p, revision=_read_revision(p), source="local")
    if name.startswith((".", "/", "~")) or (os.sep in name and name.count("/") != 1):
        raise ModelError(f"{name}: model directory not found")
    stored = store_dir(name, models_dir)
    if (stored / "config.json").is_file():
        return ResolvedModel(name=name, path=stored, revision=_read_revision(stored), source="store")
    try:
        from huggingface_hub import snapshot_download
    except ImportError as err:  # pragma: no cover - huggingface_hub comes with transformers
        raise ModelError("huggingface_hub is not installed; pass --model with a local directory") from err
    try:
        path = snapshot_download(name, revision=revision, local_files_only=True)
        return ResolvedModel(name=name, path=Path(path), revision=_commit_of(path, revision), source="cache")
    except Exception:  # noqa: BLE001 - any failure here means "not in the cache"; we try the hub next
        pass
    how = (
        f"get it on a machine that is online with `bilingual models pull {name}` and copy models/ here, "
        f"or pass --model with a local model directory"
    )
    if _offline():
        raise ModelError(f"model {name!r} is not in models/ or the Hugging Face cache and HF_HUB_OFFLINE is set; {how}")
    try:
        path = snapshot_download(name, revision=revision)
    except Exception as err:  # noqa: BLE001 - network, auth and 404 errors all end the same way for the user
        reason = type(err).__name__
        raise ModelError(f"model {name!r} is not available locally and could not be downloaded ({reason}); {how}") from err
    return ResolvedModel(name=name, path=Path(path), revision=_commit_of(path, revision), source="hub")


def _commit_of(path: str | Path, fallback: str) -> str:
    """The hub cache stores snapshots under their commit hash: that is the exact revision used."""
    p = Path(path)
    if p.parent.name == "snapshots" and len(p.name) == 40:
        return p.name
    return fallback


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
