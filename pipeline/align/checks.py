"""Cheap sanity checks before aligning: is each side in the expected language, and are they comparable?

Why: given the arguments in the wrong order, or a file that is not a translation of the other, an aligner
still produces a confident-looking alignment. A function-word count and a length ratio catch the common
mistakes offline, in microseconds, with a message that says what to do.
"""

from __future__ import annotations

import re

from pipeline.errors import AlignmentError, InputError

_ID_WORDS = frozenset(
    "yang dan di ini itu dengan untuk dari dalam tidak akan pada adalah ke oleh juga telah sebagai tersebut "
    "bahwa atau karena mereka kami kita saat bisa sudah lebih dapat ada secara para belum".split()
)
_EN_WORDS = frozenset(
    "the and of to in is that for with was on as by it be are from at this which have has had were an "
    "not but their they its been would will".split()
)
_WORD = re.compile(r"[^\W\d_]+")
#: Fewer words than this on a side: too little text to tell its language.
MIN_WORDS = 12
#: Character ratio target/source beyond which the texts cannot be translations of each other.
MAX_LENGTH_RATIO = 3.0


def language_scores(text: str) -> tuple[float, float]:
    """Share of Indonesian and of English function words among the words of ``text``."""
    words = [w.lower() for w in _WORD.findall(text)]
    if not words:
        return 0.0, 0.0
    return (sum(w in _ID_WORDS for w in words) / len(words), sum(w in _EN_WORDS for w in words) / len(words))


def guess_language(text: str) -> str | None:
    """'id', 'en' or None when there is too little text or no clear winner."""
    if len(_WORD.findall(text)) < MIN_WORDS:
        return None
    id_share, en_share = language_scores(text)
    if max(id_share, en_share) < 0.05:
        return None
    if id_share > 1.5 * en_share:
        return "id"
    if en_share > 1.5 * id_share:
        return "en"
    return None


def check_pair(source: str, target: str, source_name: str = "source", target_name: str = "translation",
               languages: bool = True) -> None:
    """Raise a one-line error when the inputs cannot be an Indonesian text and its English translation."""
    if not source.strip():
        raise InputError(f"{source_name}: has no text to align")
    if not target.strip():
        raise InputError(f"{target_name}: has no text to align")
    src_lang, tgt_lang = (guess_language(source), guess_language(target)) if languages else (None, None)
    if src_lang == "en" and tgt_lang == "id":
        raise AlignmentError(
            f"{source_name} looks English and {target_name} Indonesian; give the Indonesian text first"
        )
    if src_lang == "en":
        raise AlignmentError(f"{source_name} looks like English text; the source must be the Indonesian article")
    if tgt_lang == "id":
        raise AlignmentError(f"{target_name} looks like Indonesian text; the translation must be in English")
    ls, lt = len(" ".join(source.split())), len(" ".join(target.split()))
    ratio = lt / ls
    if ratio > MAX_LENGTH_RATIO or ratio < 1 / MAX_LENGTH_RATIO:
        longer, shorter = (target_name, source_name) if ratio > 1 else (source_name, target_name)
        raise AlignmentError(
            f"{longer} is {max(ratio, 1 / ratio):.1f} times as long as {shorter} "
            f"({lt} vs {ls} characters); it cannot be a translation of the whole text"
        )
