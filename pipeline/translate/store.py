"""The project's model store (``models/``): pull from the hub, convert for CTranslate2, list, remove.

Why a store of our own: a directory you can see, copy to an offline machine and delete, with the exact hub
commit of every model recorded next to it (``.bilingual-revision``), so a bitext file can say which model
revision produced it.
"""

from __future__ import annotations

import hashlib
import json
import os
import shutil
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ModelError, ModelNotAvailableError
from pipeline.translate.conversion import CT2_MARKER, read_ct2_marker
from pipeline.translate.download import download
from pipeline.translate.models import (
    DEFAULT_BRANCH,
    REF_MARKER,
    ResolvedModel,
    default_models_dir,
    exact_revision,
    read_ref,
    read_revision,
    resolve_model,
    revision_matches,
    store_dir,
)

REVISION_MARKER = ".bilingual-revision"
SOURCE_MARKER = ".bilingual-source"
CT2_SUFFIX = ".ct2"


@dataclass
class StoredModel:
    name: str
    path: Path
    size: int
    source: str
    revision: str
    kind: str  # "transformers" or "ctranslate2 int8" etc.


def _dir_size(path: Path) -> int:
    total = 0
    for root, _dirs, files in os.walk(path):
        for f in files:
            try:
                total += (Path(root) / f).stat().st_size
            except OSError:
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

    The same file filter as the download of ``bilingual run`` (pipeline/translate/download.py).
    """
    target = store_dir(name, models_dir)
    partial = target.with_name(target.name + ".partial")
    try:
        got = download(name, revision, local_dir=partial)
    except ModelNotAvailableError as err:
        raise ModelNotAvailableError(f"cannot pull {name!r}: {err}") from err
    (partial / REVISION_MARKER).write_text(got.commit + "\n", encoding="utf-8")
    (partial / REF_MARKER).write_text(revision + "\n", encoding="utf-8")
    (partial / SOURCE_MARKER).write_text(name + "\n", encoding="utf-8")
    shutil.rmtree(partial / ".cache", ignore_errors=True)
    if target.exists():
        shutil.rmtree(target)
    partial.rename(target)
    return describe(target)


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


def _pulled_ref(resolved: ResolvedModel, requested: str) -> str:
    """The branch or tag a conversion's source was taken as: a request for it can be served offline."""
    if resolved.source == "local":
        return ""
    if resolved.source == "store":
        return read_ref(resolved.path)
    return requested


def convert_model(name: str, revision: str = DEFAULT_BRANCH, quantization: str = "int8",
                  models_dir: Path | None = None) -> StoredModel:
    """Convert a transformers model to CTranslate2 once, keeping its tokenizer files next to it."""
    try:
        import ctranslate2  # noqa: F401
        from ctranslate2.converters import TransformersConverter
    except ImportError as err:
        raise ModelError("converting needs the optional extra: pip install 'bilingual[ct2]'") from err
    resolved = resolve_model(name, revision, models_dir)
    out = ct2_dir(name, models_dir)
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    from pipeline.translate.hf_tokenizer import load_tokenizer, quiet_transformers

    quiet_transformers()
    try:
        TransformersConverter(str(resolved.path)).convert(str(tmp), quantization=quantization, force=True)
    except Exception as err:  # noqa: BLE001 - unsupported architecture, bad files
        shutil.rmtree(tmp, ignore_errors=True)
        raise ModelError(f"cannot convert {name!r} for CTranslate2 ({type(err).__name__}: "
                         f"{(str(err).splitlines() or [''])[0][:200]})") from err
    tokenizer = load_tokenizer(resolved.path)
    tokenizer.save_pretrained(str(tmp))
    from pipeline.translate.spm_tokenizer import spec_from_tokenizer, write_spec

    spec = spec_from_tokenizer(tokenizer, resolved.path, tmp)  # the torch-free tokenizer of the CT2 engine
    if spec is not None:
        write_spec(spec, tmp)
    hf_config = json.loads((resolved.path / "config.json").read_text(encoding="utf-8"))
    revision = exact_revision(resolved)
    marker = {"source": resolved.name, "source_path": str(resolved.path.resolve()), "revision": revision,
              "ref": _pulled_ref(resolved, revision), "quantization": quantization,
              "max_position_embeddings": hf_config.get("max_position_embeddings"),
              "suppress_sequences": suppressed_sequences(resolved.path, tmp)}
    (tmp / CT2_MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
    (tmp / REVISION_MARKER).write_text(revision + "\n", encoding="utf-8")
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return describe(out)


def _ct2_vocabulary(path: Path) -> list[str]:
    """The target vocabulary of a converted model, in id order (CTranslate2 writes .json, older versions .txt)."""
    for name in ("target_vocabulary", "shared_vocabulary"):
        if (path / f"{name}.json").is_file():
            return [str(t) for t in json.loads((path / f"{name}.json").read_text(encoding="utf-8"))]
        if (path / f"{name}.txt").is_file():
            return (path / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return []


def suppressed_sequences(model_path: Path, ct2_path: Path) -> list[list[str]]:
    """The model's own never-generate rules (``suppress_tokens``, ``bad_words_ids``) as CTranslate2 tokens.

    Why: transformers applies them from generation_config.json, CTranslate2 ignores that file; without them
    the two engines would not give the same output for the same model. Ids are mapped through the converted
    vocabulary (the tokenizer may not name padding rows); ids the converter dropped cannot be generated anyway.
    """
    gen: dict[str, object] = {}
    for name in ("config.json", "generation_config.json"):  # the second wins, as in transformers
        try:
            gen.update(json.loads((model_path / name).read_text(encoding="utf-8")))
        except (OSError, ValueError):
            pass
    vocab = _ct2_vocabulary(ct2_path)
    suppress, bad = gen.get("suppress_tokens"), gen.get("bad_words_ids")
    rules: list[list[Any]] = [[i] for i in suppress] if isinstance(suppress, list) else []
    if isinstance(bad, list):
        rules += [seq for seq in bad if isinstance(seq, list)]
    out: list[list[str]] = []
    for seq in rules:
        if seq and all(isinstance(i, int) and 0 <= i < len(vocab) for i in seq):
            tokens = [vocab[i] for i in seq]
            if tokens not in out:
                out.append(tokens)
    return out


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


def describe(path: Path) -> StoredModel:
    marker = read_ct2_marker(path)
    if marker:
        kind = f"ctranslate2 {marker.get('quantization', '')}".strip()
        source = f"converted from {marker.get('source', '?')}"
    else:
        kind = "transformers"
        src = path / SOURCE_MARKER
        source = src.read_text(encoding="utf-8").strip() if src.is_file() else "local"
        if source != "local":
            source = f"hub:{source}"
    name = path.name
    if not marker and not name.endswith(CT2_SUFFIX) and (path / SOURCE_MARKER).is_file():
        name = (path / SOURCE_MARKER).read_text(encoding="utf-8").strip()
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
    """Translation-like models in the Hugging Face hub cache (usable offline too)."""
    try:
        from huggingface_hub import scan_cache_dir

        info = scan_cache_dir()
    except Exception:  # noqa: BLE001 - no cache yet, or an unreadable one: nothing to list
        return []
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
