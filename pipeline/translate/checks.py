"""Quality checks of a machine translation against its own source: each check is a small class with one flag.

Why: MT models fail in a few recognisable ways (loops such as "I'm sorry I'm sorry ...", empty output,
copying the source, dropping or garbling numbers). Each failure gets a flag stored in the bitext file so a
person reviews exactly those sentences. As in OpusFilter, a check is a named object whose thresholds are
given when it is made (from ``[translate]``: too_short_ratio, too_long_ratio, min_chars_for_length), so a
threshold is a setting, not a constant to patch. The flag names, and which of them put a link up for
review, are the document model's (``pipeline.bitext.status.FLAGS`` and ``REVIEW_FLAGS``).
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import ClassVar

from pipeline.bitext.status import FLAGS, REVIEW_FLAGS
from pipeline.config import TranslateConfig
from pipeline.segment.numbers import number_readings

#: Target/source length ratios (in characters) outside which a translation is suspicious. Indonesian and
#: English texts of the same content have about the same length. The defaults of ``[translate]``.
TOO_SHORT_RATIO = 0.4
TOO_LONG_RATIO = 2.5
#: Sources shorter than this (characters) are not judged on length: "Jakarta -" may well become "Jakarta -".
MIN_CHARS_FOR_LENGTH = 20

#: Raise whenever a rule below changes: it is part of the translation memory's key, so flags stored by older
#: rules are not served as if today's checks had made them (changed thresholds enter the key by themselves).
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


def has_content(text: str) -> bool:
    """A letter or a number: something a translation could say."""
    return bool(_LETTER.search(text) or _NUMBER.search(text))


@dataclass(frozen=True)
class Candidate:
    """One translation as the checks see it: source and target stripped, and whether the length cap ended it."""

    source: str
    target: str
    hit_length_cap: bool = False


@dataclass(frozen=True)
class Check:
    """A check raises its ``flag`` when ``fails``; its dataclass fields are its thresholds.

    ``unless``: flags that, raised by an earlier check, make this one say nothing new.
    """

    name: ClassVar[str]
    flag: ClassVar[str]
    unless: ClassVar[frozenset[str]] = frozenset()

    def __init_subclass__(cls, **kwargs: object) -> None:
        super().__init_subclass__(**kwargs)
        if cls.flag not in FLAGS:  # one vocabulary: the review page must be able to explain every flag
            raise TypeError(f"{cls.__name__}: flag {cls.flag!r} is not in pipeline.bitext.status.FLAGS")

    def fails(self, c: Candidate) -> bool:
        raise NotImplementedError

    def changed_thresholds(self) -> list[str]:
        """``key=value`` for each threshold that differs from its default, for the memory's key."""
        return [f"{f.name}={getattr(self, f.name):g}" for f in dataclasses.fields(self)
                if getattr(self, f.name) != f.default]


@dataclass(frozen=True)
class Empty(Check):
    """No word and no number in the translation of a source that has some."""

    name: ClassVar[str] = "empty"
    flag: ClassVar[str] = "empty"

    def fails(self, c: Candidate) -> bool:
        return not has_content(c.target) and has_content(c.source)


@dataclass(frozen=True)
class Repetition(Check):
    name: ClassVar[str] = "repetition"
    flag: ClassVar[str] = "repetition"

    def fails(self, c: Candidate) -> bool:
        return has_repetition(c.target)


@dataclass(frozen=True)
class TooShort(Check):
    name: ClassVar[str] = "too_short"
    flag: ClassVar[str] = "too_short"
    too_short_ratio: float = TOO_SHORT_RATIO
    min_chars_for_length: int = MIN_CHARS_FOR_LENGTH

    def fails(self, c: Candidate) -> bool:
        return len(c.source) >= self.min_chars_for_length and len(c.target) / len(c.source) < self.too_short_ratio


@dataclass(frozen=True)
class TooLong(Check):
    name: ClassVar[str] = "too_long"
    flag: ClassVar[str] = "too_long"
    too_long_ratio: float = TOO_LONG_RATIO
    min_chars_for_length: int = MIN_CHARS_FOR_LENGTH

    def fails(self, c: Candidate) -> bool:
        return len(c.source) >= self.min_chars_for_length and len(c.target) / len(c.source) > self.too_long_ratio


@dataclass(frozen=True)
class Truncated(Check):
    """The model stopped at its length cap; a translation already flagged too long needs no second flag."""

    name: ClassVar[str] = "truncated"
    flag: ClassVar[str] = "truncated"
    unless: ClassVar[frozenset[str]] = frozenset({"too_long"})

    def fails(self, c: Candidate) -> bool:
        return c.hit_length_cap


@dataclass(frozen=True)
class Untranslated(Check):
    name: ClassVar[str] = "untranslated"
    flag: ClassVar[str] = "untranslated"

    def fails(self, c: Candidate) -> bool:
        return is_copy(c.source, c.target)


@dataclass(frozen=True)
class NumbersMissing(Check):
    name: ClassVar[str] = "numbers_missing"
    flag: ClassVar[str] = "numbers_missing"

    def fails(self, c: Candidate) -> bool:
        return bool(missing_numbers(c.source, c.target))


class Checks:
    """The checks of a run, in the order their flags are listed."""

    def __init__(self, checks: Sequence[Check]) -> None:
        self.checks = tuple(checks)

    @classmethod
    def from_config(cls, section: TranslateConfig) -> Checks:
        length = {"min_chars_for_length": section.min_chars_for_length}
        return cls([Repetition(), TooShort(section.too_short_ratio, **length),
                    TooLong(section.too_long_ratio, **length), Truncated(), Untranslated(), NumbersMissing()])

    def flags(self, source: str, target: str, *, hit_length_cap: bool = False) -> list[str]:
        """Flags for one translation; an empty list means nothing suspicious was found."""
        c = Candidate(source.strip(), target.strip(), hit_length_cap)
        if not has_content(c.target):  # nothing to judge: an empty answer is only "empty" (if it should say something)
            return [Empty.flag] if Empty().fails(c) else []
        found: list[str] = []
        for check in self.checks:
            if not check.unless & set(found) and check.fails(c):
                found.append(check.flag)
        return found

    def signature(self) -> str:
        """The rules' version, and the thresholds that differ from the defaults (none: the key of before)."""
        changed = [t for check in self.checks for t in check.changed_thresholds()]
        return ";".join([str(CHECKS_VERSION), *dict.fromkeys(changed)])


def quality_flags(source: str, target: str, *, hit_length_cap: bool = False) -> list[str]:
    """Flags for one translation under the default thresholds (what bench/qe.py measures)."""
    return Checks.from_config(TranslateConfig()).flags(source, target, hit_length_cap=hit_length_cap)


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
