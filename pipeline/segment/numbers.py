"""Numbers across writing conventions: the same quantity in Indonesian and English spelling compares equal.

Used by the aligner (numbers as anchors) and by the translation quality check (numbers missing from a
translation). Why: numbers survive translation almost always, but their spelling does not. Indonesian writes
``120.000`` and ``3,5`` where English writes ``120,000`` and ``3.5``; currency codes stick to the digits
(``Rp15.850``). Normalising both sides to one canonical string turns numbers into exact anchors.

Ambiguity (``1.500`` is 1500 in Indonesian but 1.5 in English) is resolved by the language of the side:
a single separator followed by exactly three digits is a thousands separator in ``id`` when it is a dot and
in ``en`` when it is a comma.
"""

from __future__ import annotations

import re
from collections import Counter

#: A number token: digits with optional . , separators; currency letters and % around it are ignored.
_NUMBER = re.compile(r"(?<![\d.,])\d+(?:[.,]\d+)*")
#: Thousands groups: 1.234.567 / 1,234,567 (at least one group of exactly three digits).
_GROUPED = re.compile(r"^\d{1,3}(?:([.,])\d{3})(?:\1\d{3})*$")

#: Small number words; translations often spell out what the other side writes in digits.
NUMBER_WORDS = {
    "id": {"satu": "1", "dua": "2", "tiga": "3", "empat": "4", "lima": "5", "enam": "6", "tujuh": "7",
           "delapan": "8", "sembilan": "9", "sepuluh": "10", "sebelas": "11", "seratus": "100",
           "seribu": "1000"},
    "en": {"one": "1", "two": "2", "three": "3", "four": "4", "five": "5", "six": "6", "seven": "7",
           "eight": "8", "nine": "9", "ten": "10", "eleven": "11", "hundred": "100", "thousand": "1000"},
}
_WORD = re.compile(r"[^\W\d_]+")


def _canonical(value: str) -> str:
    """Strip insignificant zeros so 3.50 == 3.5 and 007 == 7."""
    if "." in value:
        whole, frac = value.split(".", 1)
        frac = frac.rstrip("0")
        whole = whole.lstrip("0") or "0"
        return f"{whole}.{frac}" if frac else whole
    return value.lstrip("0") or "0"


def normalize_number(token: str, lang: str = "id") -> str:
    """Canonical form of one number token: no thousands separators, '.' as the decimal mark.

    >>> normalize_number("120.000", "id"), normalize_number("120,000", "en")
    ('120000', '120000')
    >>> normalize_number("3,5", "id"), normalize_number("3.5", "en")
    ('3.5', '3.5')
    """
    token = token.strip(".,")
    if not token:
        return ""
    dots, commas = token.count("."), token.count(",")
    if dots and commas:
        # both marks: the last one is the decimal mark (1.234,5 / 1,234.5)
        dec = "," if token.rfind(",") > token.rfind(".") else "."
        thou = "." if dec == "," else ","
        return _canonical(token.replace(thou, "").replace(dec, "."))
    mark = "." if dots else "," if commas else ""
    if not mark:
        return _canonical(token)
    if token.count(mark) > 1:
        return _canonical(token.replace(mark, ""))  # 1.234.567: only thousands separators repeat
    if _GROUPED.match(token):
        thousands_mark = "." if lang == "id" else ","
        if mark == thousands_mark:
            return _canonical(token.replace(mark, ""))
    return _canonical(token.replace(mark, "."))


def extract_numbers(text: str, lang: str = "id", words: bool = True) -> Counter[str]:
    """Multiset of canonical numbers in ``text`` (and small number words when ``words``)."""
    found: Counter[str] = Counter()
    for m in _NUMBER.finditer(text):
        n = normalize_number(m.group(0), lang)
        if n:
            found[n] += 1
    if words:
        table = NUMBER_WORDS.get(lang, {})
        for w in _WORD.findall(text.lower()):
            if w in table:
                found[table[w]] += 1
    return found


def number_readings(token: str) -> set[float]:
    """Every value ``token`` can have under Indonesian (1.250,5) or English (1,250.5) conventions.

    Why both: a machine translation may convert the source's convention (120.000 -> 120,000) or copy it,
    so a check of the output must accept either reading. Times such as ``10:30`` have no numeric reading.
    """
    if ":" in token:
        return set()
    return {float(v) for v in (normalize_number(token, "id"), normalize_number(token, "en")) if v}
