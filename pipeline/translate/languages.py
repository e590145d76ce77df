"""Language codes of multilingual models: which token opens the input, and which one the output starts with.

Why one module: the transformers engine (through the model's tokenizer) and the torch-free CTranslate2 path
(through the model's sentencepiece files) must read the same codes, fill the same defaults and reject the same
unknown codes. The schemes differ per model family:

- ``m2m100``: codes ``id``/``en`` stand for tokens ``__id__``/``__en__``; source token first in the input, target
  token first in the output.
- ``tokens`` (NLLB, mBART-50): the codes are the tokens (``ind_Latn``, ``eng_Latn``); same places.
- ``opus-multi`` (OPUS models whose vocabulary has ``>>xxx<<`` tokens, e.g. opus-mt-en-mul): the *target*
  token opens the *source* text, and counts in its length; the output starts with no language token.
- ``none``: a one-direction model takes no codes.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass

from pipeline.config import TranslateConfig
from pipeline.errors import ModelError

#: Indonesian and English in each scheme, in order of preference (NLLB first, then mBART-50; OPUS 3 then 2 letters).
DEFAULT_CODES = {
    "m2m100": (("id",), ("en",)),
    "tokens": (("ind_Latn", "id_ID"), ("eng_Latn", "en_XX")),
    "opus-multi": ((), ("eng", "en")),
    "none": ((), ()),
}


@dataclass(frozen=True)
class Languages:
    source_code: str = ""  # what the tokenizer's src_lang is set to (m2m100/tokens)
    source_token: str = ""  # the token opening every input (m2m100/tokens), "" for none
    source_prefix: str = ""  # text put before every input (opus-multi: ">>eng<< ")
    target_token: str = ""  # the token every output starts with (m2m100/tokens), "" for none


def token_of(scheme: str, code: str) -> str:
    if scheme == "m2m100":
        return f"__{code}__"
    if scheme == "opus-multi":
        return code if code.startswith(">>") and code.endswith("<<") else f">>{code}<<"
    return code


def codes(scheme: str, known: Callable[[str], bool], config: TranslateConfig) -> tuple[str, str]:
    """The (source, target) codes: each one configured, or else the first default this model knows.

    Why separately: with only ``target_lang_code`` set, the source must still be Indonesian; a tokenizer left
    at its own default (``eng_Latn``, ``__en__``) would read the Indonesian input as English.
    """
    src_defaults, tgt_defaults = DEFAULT_CODES.get(scheme, ((), ()))
    src = config.source_lang_code or next((c for c in src_defaults if known(token_of(scheme, c))), "")
    tgt = config.target_lang_code or next((c for c in tgt_defaults if known(token_of(scheme, c))), "")
    return src, tgt


def plan(scheme: str, known: Callable[[str], bool], config: TranslateConfig, where: str) -> Languages:
    """Check the codes against the model's vocabulary and say where each language token goes."""
    src, tgt = codes(scheme, known, config)
    if scheme == "none":
        if src or tgt:
            raise ModelError(f"{where}: this model translates one language pair and takes no language codes; "
                             f"leave source_lang_code and target_lang_code empty")
        return Languages()
    if scheme == "opus-multi":
        if src:
            raise ModelError(f"{where}: a multi-target OPUS model reads any source language; leave "
                             f"source_lang_code empty and set target_lang_code (e.g. \"eng\")")
        token = token_of(scheme, tgt) if tgt else ""
        if token and not known(token):
            raise ModelError(f"unknown target language code {tgt!r} for this model")
        return Languages(source_prefix=f"{token} " if token else "")
    for role, code in (("source", src), ("target", tgt)):
        if code and not known(token_of(scheme, code)):
            raise ModelError(f"unknown {role} language code {code!r} for this model")
    return Languages(source_code=src, source_token=token_of(scheme, src) if src else "",
                     target_token=token_of(scheme, tgt) if tgt else "")
