"""Downloading a model from the Hugging Face hub: one list of wanted files for `run` and `models pull`.

Why one list: the hub repositories carry weights for other frameworks (opus-mt-id-en: a 292 MB
``tf_model.h5`` next to its ``pytorch_model.bin``; others ``rust_model.ot``, ``flax_model.msgpack``, ONNX
exports). A download without a filter fetches all of them; both commands must fetch exactly what the
engines read, and a single weight format when two are published.
"""

from __future__ import annotations

import fnmatch
import os
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from pipeline.errors import ModelError, ModelNotAvailableError, first_line

#: What transformers and the converters read: configs, tokenizer and sentencepiece files, weights.
WANTED_FILES = ("*.json", "*.spm", "*.model", "*.txt", "*.safetensors", "*.bin")
#: Weights of other frameworks and exports, never read here (some match WANTED_FILES, e.g. onnx/*.json).
IGNORED_FILES = ("*.h5", "*.msgpack", "*.ot", "*.onnx", "*.onnx_data", "*.tflite", "*.gguf",
                 "onnx/*", "openvino/*", "coreml/*", "tf_model*", "rust_model*", "flax_model*", "training_args.bin")
#: With safetensors published, the pickled .bin copy of the same weights is skipped.
PICKLED_WEIGHTS = ("pytorch_model*.bin",)


def offline() -> bool:
    return os.environ.get("HF_HUB_OFFLINE", "").strip().lower() in ("1", "true", "yes", "on")


def ignore_patterns(repo_files: Iterable[str] = ()) -> list[str]:
    """The ignore list for a repository with these files (all weight formats unknown: the base list)."""
    files = list(repo_files)
    extra = list(PICKLED_WEIGHTS) if any(f.endswith(".safetensors") and "/" not in f for f in files) else []
    return [*IGNORED_FILES, *extra]


def wanted(path: str, repo_files: Iterable[str] = ()) -> bool:
    """Would a download keep ``path``? (The same rule huggingface_hub applies to the patterns.)"""
    return (any(fnmatch.fnmatch(path, p) for p in WANTED_FILES)
            and not any(fnmatch.fnmatch(path, p) for p in ignore_patterns(repo_files)))


def progress_bar_class() -> type:
    """A progress bar on stderr, shown only on a terminal (a log file gets no bar lines).

    Plain tqdm, not huggingface_hub's: transformers switches the hub's bars off globally when it loads a
    model, and a download in the same process must still show its progress.
    """
    from tqdm import tqdm

    class DownloadProgress(tqdm):  # type: ignore[misc, valid-type]
        def __init__(self, *args: Any, **kwargs: Any) -> None:
            kwargs.pop("name", None)
            stream = kwargs.setdefault("file", sys.stderr)
            kwargs["disable"] = not getattr(stream, "isatty", lambda: False)()
            super().__init__(*args, **kwargs)

    return DownloadProgress


@dataclass
class Download:
    path: Path
    commit: str


def find_in_cache(name: str, revision: str) -> Download | None:
    """The hub cache's snapshot of ``name`` at ``revision`` with every wanted file, without any network.

    None only when the cache does not hold it (or holds it partly: a download completes it); a cache that
    cannot be read is a ModelError naming it, never "not cached" (that would send a user to download again
    what is there, or offline, say a model is missing that is only unreadable).
    """
    from huggingface_hub import constants, snapshot_download
    from huggingface_hub.errors import HFValidationError, LocalEntryNotFoundError

    try:
        path = Path(snapshot_download(name, revision=revision, local_files_only=True,
                                      allow_patterns=list(WANTED_FILES), ignore_patterns=ignore_patterns()))
    except (LocalEntryNotFoundError, HFValidationError):  # not cached, partly (an interrupted download), or
        return None  # a name the hub cannot have (the download then says why)
    except (OSError, ValueError) as err:  # unreadable folders or refs, a corrupt tree listing
        where = getattr(err, "filename", None) or constants.HF_HUB_CACHE
        raise ModelError(f"{where}: cannot read the Hugging Face cache for {name!r} "
                         f"({type(err).__name__}: {first_line(err)})") from err
    commit = path.name if path.parent.name == "snapshots" and len(path.name) == 40 else revision
    return Download(path, commit)


def download(name: str, revision: str, local_dir: Path | None = None) -> Download:
    """Fetch the wanted files of ``name`` at ``revision`` (into the hub cache, or ``local_dir``).

    The revision is resolved to its commit first, so the files all come from one commit, and that commit is
    what the bitext file and the translation memory record.
    """
    if offline():
        raise ModelNotAvailableError(f"cannot download {name!r}: HF_HUB_OFFLINE is set")
    from huggingface_hub import HfApi, snapshot_download

    try:
        info = HfApi().model_info(name, revision=revision)
        commit = str(info.sha or revision)
        files = [s.rfilename for s in (info.siblings or [])]
        path = snapshot_download(name, revision=commit, local_dir=str(local_dir) if local_dir else None,
                                 allow_patterns=list(WANTED_FILES), ignore_patterns=ignore_patterns(files),
                                 tqdm_class=progress_bar_class())  # type: ignore[arg-type]
    except Exception as err:  # noqa: BLE001 - network, auth and 404 errors all end the same way for the user
        raise ModelNotAvailableError(f"cannot download {name!r} at revision {revision!r} "
                                     f"({type(err).__name__}: {first_line(err, 160)})") from err
    if local_dir is None and revision != commit:
        _remember_branch(name, revision, commit)
    return Download(Path(path), commit)


def _remember_branch(name: str, revision: str, commit: str) -> None:
    """Record in the hub cache which commit ``revision`` named (``refs/<revision>``, the cache's documented layout),
    so the next run, offline too, finds the snapshot by the same branch or tag name."""
    from huggingface_hub import constants

    refs = Path(constants.HF_HUB_CACHE) / f"models--{name.replace('/', '--')}" / "refs" / revision
    try:
        refs.parent.mkdir(parents=True, exist_ok=True)
        tmp = refs.with_name(refs.name + ".tmp")
        tmp.write_text(commit, encoding="utf-8")
        tmp.replace(refs)
    except OSError:
        pass  # only a later lookup by name is lost; the files are there
