"""The project's model store (``models/``): pull from the hub, list, describe, remove.

Why a store of our own: a directory you can see, copy to an offline machine and delete, with the exact hub
commit of every model recorded next to it (``.bilingual-revision``), so a bitext file can say which model
revision produced it.
"""

from __future__ import annotations

import os
import shutil
from dataclasses import dataclass
from pathlib import Path

from pipeline.errors import ModelError, ModelNotAvailableError, first_line
from pipeline.translate.hub.download import download
from pipeline.translate.hub.markers import (
    DEFAULT_BRANCH,
    REF_MARKER,
    REVISION_MARKER,
    SOURCE_MARKER,
    read_ct2_marker,
    read_revision,
    read_source,
    write_marker,
)
from pipeline.translate.hub.resolve import CT2_SUFFIX, default_models_dir, store_dir


@dataclass
class StoredModel:
    name: str
    path: Path
    size: int
    source: str
    revision: str
    kind: str  # an engine name, with the quantization of a conversion: "transformers", "ctranslate2 int8"


def _dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += (Path(root) / f).stat().st_size
            except OSError:  # removed while we walk (a download finishing): it no longer takes space
                pass
    return total


def human_size(n: int) -> str:
    size = float(n)
    for unit in ("B", "KB", "MB", "GB"):
        if size < 1024 or unit == "GB":
            return f"{size:.0f} {unit}" if unit == "B" else f"{size:.1f} {unit}"
        size /= 1024
    return f"{n} B"  # pragma: no cover


def pull_model(name: str, revision: str = DEFAULT_BRANCH, models_dir: Path | None = None) -> StoredModel:
    """Download a hub model into ``models/`` and record the exact commit; interrupted downloads resume.

    The same file filter as the download of ``bilingual run`` (pipeline/translate/hub/download.py).
    """
    target = store_dir(name, models_dir)
    partial = target.with_name(target.name + ".partial")
    try:
        got = download(name, revision, local_dir=partial)
    except ModelNotAvailableError as err:
        raise ModelNotAvailableError(f"cannot pull {name!r}: {err}") from err
    write_marker(partial, REVISION_MARKER, got.commit)
    write_marker(partial, REF_MARKER, revision)
    write_marker(partial, SOURCE_MARKER, name)
    shutil.rmtree(partial / ".cache", ignore_errors=True)
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return describe(target)


def describe(path: Path) -> StoredModel:
    marker = read_ct2_marker(path)
    if marker:
        kind = f"ctranslate2 {marker.get('quantization', '')}".strip()
        source = f"converted from {marker.get('source', '?')}"
    else:
        kind = "transformers"
        pulled = read_source(path)
        source = f"hub:{pulled}" if pulled and pulled != "local" else "local"
    name = path.name
    if not marker and not name.endswith(CT2_SUFFIX) and read_source(path):
        name = read_source(path)
    return StoredModel(name=name, path=path, size=_dir_size(path), source=source,
                       revision=read_revision(path), kind=kind)


def list_models(models_dir: Path | None = None) -> list[StoredModel]:
    root = models_dir or default_models_dir()
    if not root.is_dir():
        return []
    found = []
    for d in sorted(root.iterdir()):
        if d.is_dir() and not d.name.endswith(".partial") and (
            (d / "config.json").is_file() or (d / "model.bin").is_file()
        ):
            found.append(describe(d))
    return found


def list_cached_models() -> list[StoredModel]:
    """Translation-like models in the Hugging Face hub cache (usable offline too); none without a cache."""
    from huggingface_hub import constants, scan_cache_dir
    from huggingface_hub.errors import CacheNotFound, CorruptedCacheException

    try:
        info = scan_cache_dir()
    except CacheNotFound:  # no cache yet: nothing to list
        return []
    except (CorruptedCacheException, OSError) as err:
        raise ModelError(f"{constants.HF_HUB_CACHE}: cannot read the Hugging Face cache "
                         f"({type(err).__name__}: {first_line(err)}); use `models list --no-cache`") from err
    out = []
    for repo in sorted(info.repos, key=lambda r: r.repo_id):
        if repo.repo_type != "model":
            continue
        for rev in repo.revisions:
            out.append(StoredModel(name=repo.repo_id, path=rev.snapshot_path, size=rev.size_on_disk,
                                   source="hf-cache", revision=rev.commit_hash, kind="transformers"))
    return out


def remove_model(name: str, models_dir: Path | None = None) -> Path:
    root = models_dir or default_models_dir()
    candidates = [root / name, store_dir(name, models_dir)]
    for c in candidates:
        if c.is_dir() and c.resolve().parent == root.resolve() and c.name not in ("", ".", ".."):
            shutil.rmtree(c)
            return c
    names = ", ".join(m.name for m in list_models(models_dir)) or "none"
    raise ModelError(f"no model {name!r} in {root}; local models: {names}")
