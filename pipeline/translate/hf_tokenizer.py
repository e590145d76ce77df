"""The model's own transformers tokenizer: loading it, its language codes, and its SpmTokenizer-shaped wrapper.

Why a module of its own: the transformers engine tokenizes with it, the CTranslate2 engine falls back to it
for conversions without ``bilingual-tokenizer.json``, and the conversion copies it next to the converted
model; none of the three needs the others' code.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import TranslateConfig
from pipeline.errors import ModelError, first_line
from pipeline.translate import languages
from pipeline.translate.languages import language_scheme
from pipeline.translate.spm_tokenizer import decode_options


def load_tokenizer(path: Path) -> Any:
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path))
    except Exception as err:  # noqa: BLE001 - missing or corrupt tokenizer files
        raise ModelError(f"{path}: cannot load the tokenizer ({type(err).__name__}: {first_line(err)})") from err


def known_token(tokenizer: Any) -> Callable[[str], bool]:
    """Does the tokenizer's vocabulary hold this token (not ``<unk>``)?"""
    unk = tokenizer.unk_token_id

    def known(token: str) -> bool:
        tid = tokenizer.convert_tokens_to_ids(token)
        return tid is not None and tid != unk

    return known


def language_codes(tokenizer: Any, config: TranslateConfig) -> tuple[str, str]:
    """The (source, target) language codes: each configured one, or else Indonesian/English for this model.

    Why a default: this tool translates Indonesian into English, so an NLLB or M2M100 model should just work;
    without codes such a model reads the input as its default language and answers in any language.
    """
    scheme = language_scheme(tokenizer)
    if scheme == "none":
        return config.source_lang_code, config.target_lang_code
    return languages.codes(scheme, known_token(tokenizer), config)


def setup_languages(tokenizer: Any, path: Path, config: TranslateConfig) -> languages.Languages:
    """Check the codes, set the source language on the tokenizer and say where the language tokens go.

    Why one place: both engines must read the same codes and reject the same unknown ones; transformers
    forces the target token (forced_bos_token_id), CTranslate2 takes it as a target prefix.
    """
    plan = languages.plan(language_scheme(tokenizer), known_token(tokenizer), config, str(path))
    if plan.source_code:
        tokenizer.src_lang = plan.source_code
    return plan


class TransformersTokens:
    """The model's transformers tokenizer in the shape of SpmTokenizer: for conversions made before
    ``bilingual-tokenizer.json`` existed, or of tokenizers the sentencepiece path does not cover."""

    def __init__(self, path: Path, config: TranslateConfig) -> None:
        self.tokenizer = load_tokenizer(path)
        self.languages = setup_languages(self.tokenizer, path, config)
        self.options = decode_options(self.tokenizer)
        self.eos_token = str(self.tokenizer.eos_token)
        self.model_max_length = getattr(self.tokenizer, "model_max_length", None)

    def encode(self, texts: Sequence[str]) -> list[list[str]]:
        rows = self.tokenizer(list(texts), add_special_tokens=True)["input_ids"] if texts else []
        return [self.tokenizer.convert_ids_to_tokens(row) for row in rows]

    def decode(self, tokens: Sequence[str]) -> str:
        ids = self.tokenizer.convert_tokens_to_ids(list(tokens))
        return str(self.tokenizer.decode(ids, skip_special_tokens=True, **self.options)).strip()
