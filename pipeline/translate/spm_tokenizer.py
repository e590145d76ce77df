"""Tokenizing for CTranslate2 with the model's own sentencepiece files: no torch, no transformers.

Why: importing torch and transformers costs a translating process 2-3 s before any work, while a converted
model loads in under 0.1 s; for a short article that is about half of the run. CTranslate2 reads and writes
token strings, so all it needs is the model's sentencepiece models and the rules around them, which
``bilingual models convert`` writes once (``bilingual-tokenizer.json``) from the model's transformers tokenizer.
The rules are checked against that tokenizer at conversion (``spec_from_tokenizer``), and a test compares the
token ids of both on the tiny models, so the output is that of the transformers tokenizer.
"""

from __future__ import annotations

import json
import shutil
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from pipeline.translate.languages import language_scheme

SPEC_FILE = "bilingual-tokenizer.json"
SPEC_VERSION = 1
SOURCE_LANG = "{src}"  # stands for the source language token in prefix/suffix

#: Sentencepiece files of the model families this covers: Marian (two), NLLB/M2M100/mBART-50 (one).
MARIAN_FILES = ("source.spm", "target.spm")
SHARED_FILE = "sentencepiece.bpe.model"

#: Texts the conversion checks the rules on: the rules are written only if both tokenizers agree on all.
PROBES = (
    "Harga beras naik 3,5 persen menjadi Rp15.850 per kilogram.",
    "  Dr. Budi   Santoso (55) berkata: “Kami siap!” — 100% 😀 ",
    "Zürich, São Paulo & Κύπρος; tab\there",
    "x ",
    "   ",
    "x",
)


@dataclass
class TokenizerSpec:
    scheme: str  # pipeline/translate/languages.py
    source_model: str
    target_model: str
    prefix: list[str]
    suffix: list[str]
    unk: str
    eos: str
    default_source_token: str = ""
    special: list[str] = field(default_factory=list)  # never output text (transformers' skip_special_tokens)
    unknown: list[str] = field(default_factory=list)  # in CTranslate2's vocabulary, unknown to the tokenizer
    model_max_length: int | None = None
    strip_language_code: bool = False  # Marian: a text opening with ">>xxx<<" reads that as one token
    trailing_space: bool = False  # tokenizers' Metaspace (NLLB): trailing whitespace is one more "▁" piece
    version: int = SPEC_VERSION


def read_spec(path: Path) -> TokenizerSpec | None:
    try:
        data = json.loads((path / SPEC_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.get("version") != SPEC_VERSION:
        return None
    try:
        return TokenizerSpec(**data)
    except TypeError:
        return None


def _ct2_vocabulary(path: Path) -> list[str]:
    for name in ("source_vocabulary", "shared_vocabulary"):
        if (path / f"{name}.json").is_file():
            return [str(t) for t in json.loads((path / f"{name}.json").read_text(encoding="utf-8"))]
        if (path / f"{name}.txt").is_file():
            return (path / f"{name}.txt").read_text(encoding="utf-8").split("\n")
    return []


class SpmTokenizer:
    """Encode text into the token strings CTranslate2 reads, and its output tokens back into text."""

    def __init__(self, path: Path, spec: TokenizerSpec) -> None:
        import sentencepiece as spm

        self.spec = spec
        self.source = spm.SentencePieceProcessor(model_file=str(path / spec.source_model))
        self.target = (self.source if spec.target_model == spec.source_model
                       else spm.SentencePieceProcessor(model_file=str(path / spec.target_model)))
        self.vocabulary = set(_ct2_vocabulary(path)) - set(spec.unknown)
        self.special = set(spec.special) | {spec.unk, spec.eos}
        self.source_token = spec.default_source_token
        self.unk = spec.unk
        self.eos_token = spec.eos
        self.model_max_length = spec.model_max_length

    def known(self, token: str) -> bool:
        return token in self.vocabulary and token != self.unk

    def _pieces(self, text: str) -> list[str]:
        code: list[str] = []
        if self.spec.strip_language_code and text.startswith(">>") and (end := text.find("<<")) != -1:
            code, text = [text[: end + 2]], text[end + 2:]
        pieces = self.source.encode(text, out_type=str) if text else []
        if self.spec.trailing_space and text[-1:].isspace():
            pieces.append("\u2581")
        return code + [p if p in self.vocabulary else self.unk for p in pieces]

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        src = self.source_token
        around = [[src if t == SOURCE_LANG else t for t in part] for part in (self.spec.prefix, self.spec.suffix)]
        return [[*around[0], *self._pieces(text), *around[1]] for text in texts]

    def decode(self, tokens: Sequence[str]) -> str:
        """The text of output tokens: special tokens and unknown pieces dropped, as transformers does."""
        kept = [t for t in tokens if t not in self.special and t in self.vocabulary]
        return str(self.target.decode_pieces(kept)).replace("\u2581", " ").strip()


def decode_options(tokenizer: Any) -> dict[str, Any]:
    """Marian decodes with its *source* sentencepiece model unless told otherwise (transformers' default when
    both sides share one vocabulary file, as every opus-mt model does): the output is target text."""
    return {"use_source_tokenizer": False} if hasattr(tokenizer, "spm_target") else {}


def spec_from_tokenizer(tokenizer: Any, model_path: Path, ct2_path: Path) -> TokenizerSpec | None:
    """The rules of ``tokenizer`` for the sentencepiece path, or None if it is not covered or they disagree.

    Copies the model's sentencepiece files into ``ct2_path``. Called by ``bilingual models convert``.
    """
    if all((model_path / f).is_file() for f in MARIAN_FILES):
        source_model, target_model = MARIAN_FILES
    elif (model_path / SHARED_FILE).is_file():
        source_model = target_model = SHARED_FILE
    else:
        return None
    for name in {source_model, target_model}:
        shutil.copyfile(model_path / name, ct2_path / name)
    vocab = _ct2_vocabulary(ct2_path)
    unk_id = tokenizer.unk_token_id
    unknown = [t for t in vocab if tokenizer.convert_tokens_to_ids(t) == unk_id and t != tokenizer.unk_token]
    limit = getattr(tokenizer, "model_max_length", None)
    spec = TokenizerSpec(
        scheme=language_scheme(tokenizer), source_model=source_model, target_model=target_model, prefix=[],
        suffix=[], unk=str(tokenizer.unk_token), eos=str(tokenizer.eos_token),
        special=sorted({str(t) for t in tokenizer.all_special_tokens}), unknown=unknown,
        model_max_length=limit if isinstance(limit, int) and 0 < limit < 100_000 else None,
        strip_language_code=hasattr(tokenizer, "remove_language_code"),
    )
    probe = SpmTokenizer(ct2_path, spec)
    spaced = tokenizer.convert_ids_to_tokens(tokenizer("x ")["input_ids"])
    spec.trailing_space = spaced[:-1] != tokenizer.convert_ids_to_tokens(tokenizer("x")["input_ids"])[:-1]
    tokens = tokenizer.convert_ids_to_tokens(tokenizer(PROBES[-1])["input_ids"])
    pieces = probe.encode([PROBES[-1]])[0]
    at = next((i for i in range(len(tokens) - len(pieces) + 1) if tokens[i:i + len(pieces)] == pieces), None)
    if at is None:
        return None
    src = getattr(tokenizer, "src_lang", None)
    src_token = str(tokenizer.convert_ids_to_tokens(tokenizer.get_lang_id(src))) if spec.scheme == "m2m100" and src \
        else (str(src) if src else "")
    spec.default_source_token = src_token
    spec.prefix = [SOURCE_LANG if src_token and t == src_token else t for t in tokens[:at]]
    spec.suffix = [SOURCE_LANG if src_token and t == src_token else t for t in tokens[at + len(pieces):]]
    probe = SpmTokenizer(ct2_path, spec)
    options = decode_options(tokenizer)
    for text in PROBES:
        ids = tokenizer(text)["input_ids"]
        if probe.encode([text])[0] != tokenizer.convert_ids_to_tokens(ids):
            return None
        out = tokenizer.convert_ids_to_tokens(ids)
        if probe.decode(out) != tokenizer.decode(ids, skip_special_tokens=True, **options).strip():
            return None
    return spec


def write_spec(spec: TokenizerSpec, ct2_path: Path) -> None:
    from dataclasses import asdict

    (ct2_path / SPEC_FILE).write_text(json.dumps(asdict(spec), ensure_ascii=False, indent=1) + "\n", encoding="utf-8")
