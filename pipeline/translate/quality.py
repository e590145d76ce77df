"""Quality flags for a machine translation, judged against its own source.

Why: MT models fail in a few recognisable ways (loops such as "I'm sorry I'm sorry ...", empty output,
copying the source, dropping or garbling numbers). Each failure gets a flag stored in the bitext file so a
person reviews exactly those sentences; which flags put a link up for review is the document model's
``pipeline.bitext.status.REVIEW_FLAGS``.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from pipeline.bitext.status import REVIEW_FLAGS
from pipeline.segment.numbers import number_readings

#: Target/source length ratios (in characters) outside which a translation is suspicious. Indonesian and
#: English texts of the same content have about the same length.
TOO_SHORT_RATIO = 0.4
TOO_LONG_RATIO = 2.5
#: Sources shorter than this (characters) are not judged on length: "Jakarta -" may well become "Jakarta -".
MIN_CHARS_FOR_LENGTH = 20

#: Raise whenever a rule below changes: it is part of the translation memory's key, so flags stored by older
#: rules are not served as if today's checks had made them.
CHECKS_VERSION = 1


_WORD = re.compile(r"\w+", re.UNICODE)
_LETTER = re.compile(r"[^\W\d_]", re.UNICODE)
#: A number with internal separators: 120.000, 3,5, 1.250.000,75, 10:30.
_NUMBER = re.compile(r"\d+(?:[.,:]\d+)*")
_SMALL_NUMBERS = {
    "zero": 0, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6, "seven": 7, "eight": 8,
    "nine": 9, "ten": 10, "eleven": 11, "twelve": 12, "first": 1, "second": 2, "third": 3, "fourth": 4,
    "fifth": 5, "sixth": 6, "seventh": 7, "eighth": 8, "ninth": 9, "tenth": 10, "eleventh": 11, "twelfth": 12,
    "once": 1, "twice": 2, "single": 1, "double": 2, "dozen": 12, "half": 0.5,
}

#: A day/month date, optionally with a year: 17/3, 17/3/2007 (not part of a longer number such as 1/2/3/4).
_DAY_MONTH = re.compile(r"(?<![\d/])(\d{1,2})/(\d{1,2})(?:/\d{2,4})?(?![\d/])")
#: English month names and their usual abbreviations, January first.
_MONTHS = [{full, full[:3]} | extra for full, extra in (
    ("january", set()), ("february", set()), ("march", set()), ("april", set()), ("may", set()),
    ("june", set()), ("july", set()), ("august", set()), ("september", {"sept"}), ("october", set()),
    ("november", set()), ("december", set()))]


def _number_keys(text: str) -> tuple[set[float], set[str]]:
    values: set[float] = set()
    digit_strings: set[str] = set()
    for m in _NUMBER.finditer(text):
        values |= number_readings(m.group())
        digit_strings.add(re.sub(r"\D", "", m.group()))
    for w in _WORD.findall(text.lower()):
        if w in _SMALL_NUMBERS:
            values.add(float(_SMALL_NUMBERS[w]))
    return values, digit_strings


def _named_month_spans(source: str, target: str) -> set[tuple[int, int]]:
    """Spans of month numbers in ``source`` dates such as ``(17/3)`` whose month ``target`` writes as a name.

    Why: Indonesian news dates its events as day/month ("Jakarta, Sabtu (17/3)"); a good translation often
    writes "March 17", and the 3 is then present as a word, not as a digit.
    """
    words = {w.lower() for w in _WORD.findall(target)}
    months = {i for i, names in enumerate(_MONTHS, start=1) if words & names}
    days = {int(d) for d in re.findall(r"(?<!\d)\d{1,2}(?!\d)", target)}
    spans = set()
    for m in _DAY_MONTH.finditer(source):  # the day must be there too: "may" alone is not May
        day, month = int(m.group(1)), int(m.group(2))
        if 1 <= day <= 31 and day in days and month in months:
            spans.add(m.span(2))
    return spans


def missing_numbers(source: str, target: str) -> list[str]:
    """Numbers written in ``source`` that appear in ``target`` under no convention."""
    tvalues, tdigits = _number_keys(target)
    named_months = _named_month_spans(source, target)
    missing = []
    for m in _NUMBER.finditer(source):
        tok = m.group()
        if number_readings(tok) & tvalues or re.sub(r"\D", "", tok) in tdigits or m.span() in named_months:
            continue
        missing.append(tok)
    return missing


def has_repetition(text: str) -> bool:
    """True for a loop: one word four times in a row, or a phrase of 2-8 words three times in a row."""
    words = [w.lower() for w in _WORD.findall(text)]
    n_words = len(words)
    for size in range(1, 9):
        need = 4 if size == 1 else 3
        if n_words < size * need:
            break
        for start in range(n_words - size * need + 1):
            block = words[start:start + size]
            if all(words[start + k * size:start + (k + 1) * size] == block for k in range(1, need)):
                return True
    if n_words >= 12 and len(set(words)) / n_words < 0.25:
        return True
    return False


def _content_words(text: str) -> list[str]:
    return [w for w in _WORD.findall(text.lower()) if len(w) >= 3 and not w.isdigit()]


def is_copy(source: str, target: str) -> bool:
    """The model returned (most of) its input instead of a translation."""
    norm_s = " ".join(_WORD.findall(source.lower()))
    norm_t = " ".join(_WORD.findall(target.lower()))
    if norm_t and norm_s == norm_t and _LETTER.search(norm_s) and len(_content_words(source)) >= 2:
        return True
    tw = _content_words(target)
    if len(tw) < 4:
        return False
    sw = set(_content_words(source))
    return sum(w in sw for w in tw) / len(tw) >= 0.8


def quality_flags(source: str, target: str, *, hit_length_cap: bool = False) -> list[str]:
    """Flags for one translation; an empty list means nothing suspicious was found."""
    flags: list[str] = []
    src, tgt = source.strip(), target.strip()
    if not _LETTER.search(tgt) and not _NUMBER.search(tgt):
        if _LETTER.search(src) or _NUMBER.search(src):
            return ["empty"]
        return []
    if has_repetition(tgt):
        flags.append("repetition")
    if len(src) >= MIN_CHARS_FOR_LENGTH:
        ratio = len(tgt) / len(src)
        if ratio < TOO_SHORT_RATIO:
            flags.append("too_short")
        elif ratio > TOO_LONG_RATIO:
            flags.append("too_long")
    if hit_length_cap and "too_long" not in flags:
        flags.append("truncated")
    if is_copy(src, tgt):
        flags.append("untranslated")
    if missing_numbers(src, tgt):
        flags.append("numbers_missing")
    return flags


def review_count(flags: Iterable[str]) -> int:
    return sum(f in REVIEW_FLAGS for f in flags)


def better(first: tuple[list[str], float | None], second: tuple[list[str], float | None]) -> bool:
    """Is ``second`` (flags, score) better than ``first``? Fewer review flags win, then the model's score."""
    a, b = review_count(first[0]), review_count(second[0])
    if a != b:
        return b < a
    sa = first[1] if first[1] is not None else float("-inf")
    sb = second[1] if second[1] is not None else float("-inf")
    return sb > sa
