"""``bilingual models convert``: a transformers model as a CTranslate2 model, with what its engine needs next to it.

Why named steps: a conversion is four jobs that fail differently: CTranslate2's converter (unsupported
architectures), the tokenizer files the engine reads (torch-free), the marker that says what was converted
(revision, position limit, the model's never-generate rules), and putting the finished directory in place
only at the end, so an interrupted conversion never leaves a half-written model where the engine looks.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from typing import Any

from pipeline.errors import ModelError, first_line
from pipeline.translate.hf_tokenizer import load_tokenizer
from pipeline.translate.hub.markers import (
    CT2_MARKER,
    DEFAULT_BRANCH,
    REVISION_MARKER,
    read_json_object,
    read_ref,
    write_marker,
)
from pipeline.translate.hub.resolve import ResolvedModel, ct2_dir, exact_revision, resolve_model
from pipeline.translate.hub.store import StoredModel, describe


def convert_model(name: str, revision: str = DEFAULT_BRANCH, quantization: str = "int8",
                  models_dir: Path | None = None) -> StoredModel:
    """Convert a transformers model to CTranslate2 once, keeping its tokenizer files next to it."""
    converter = converter_class()  # before the model is looked for: without the extra nothing can be done
    resolved = resolve_model(name, revision, models_dir)
    out = ct2_dir(name, models_dir)
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    run_converter(converter, resolved, tmp, quantization, name)
    copy_tokenizer(resolved.path, tmp)
    write_conversion_markers(resolved, tmp, quantization)
    if out.exists():
        shutil.rmtree(out)
    tmp.rename(out)
    return describe(out)


def converter_class() -> Any:
    """CTranslate2's converter of transformers models (a ModelError without the ``ct2`` extra)."""
    try:
        from ctranslate2.converters import TransformersConverter
    except ImportError as err:
        raise ModelError("converting needs the optional extra: pip install 'bilingual[ct2]'") from err
    return TransformersConverter


def run_converter(converter: Any, resolved: ResolvedModel, target: Path, quantization: str, name: str) -> None:
    """CTranslate2's own converter, into ``target``; a failure leaves nothing behind."""
    try:
        converter(str(resolved.path)).convert(str(target), quantization=quantization, force=True)
    except Exception as err:  # noqa: BLE001 - unsupported architecture, bad files
        shutil.rmtree(target, ignore_errors=True)
        raise ModelError(f"cannot convert {name!r} for CTranslate2 ({type(err).__name__}: {first_line(err)})") from err


def copy_tokenizer(model_path: Path, target: Path) -> None:
    """The model's tokenizer files, and the rules of the torch-free tokenizer the CTranslate2 engine reads."""
    from pipeline.translate.spm_tokenizer import spec_from_tokenizer, write_spec

    tokenizer = load_tokenizer(model_path)
    tokenizer.save_pretrained(str(target))
    spec = spec_from_tokenizer(tokenizer, model_path, target)
    if spec is not None:
        write_spec(spec, target)


def _pulled_ref(resolved: ResolvedModel, requested: str) -> str:
    """The branch or tag a conversion's source was taken as: a request for it can be served offline."""
    if resolved.source == "local":
        return ""
    if resolved.source == "store":
        return read_ref(resolved.path)
    return requested


def write_conversion_markers(resolved: ResolvedModel, target: Path, quantization: str) -> None:
    """What the engine and ``models list`` read about a conversion: source, revision, limits, suppressed tokens."""
    hf_config = read_json_object(resolved.path / "config.json") or {}
    revision = exact_revision(resolved)
    marker = {"source": resolved.name, "source_path": str(resolved.path.resolve()), "revision": revision,
              "ref": _pulled_ref(resolved, revision), "quantization": quantization,
              "max_position_embeddings": hf_config.get("max_position_embeddings"),
              "suppress_sequences": suppressed_sequences(resolved.path, target)}
    (target / CT2_MARKER).write_text(json.dumps(marker, indent=1) + "\n", encoding="utf-8")
    write_marker(target, REVISION_MARKER, revision)


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
    A config file that exists but cannot be read is an error: its rules would be silently lost.
    """
    gen: dict[str, object] = {}
    for name in ("config.json", "generation_config.json"):  # the second wins, as in transformers
        gen.update(read_json_object(model_path / name) or {})
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
