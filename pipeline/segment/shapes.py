"""Token shapes the period rules ask about: a list item run into a sentence, a lower-case word that opens a
sentence, a letter that is a label and not an initial.

Why apart from ``boundary``: each answers one question about the text around a candidate by looking further
than the token and the next word (back to a colon, across the whole text for other lone capitals).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from functools import lru_cache

from pipeline.segment.rules import Abbreviations, word_list

def inline_list_item(text: str, marker: str, ts: int) -> bool:
    """Whether ``marker`` ("a", "2") at ``ts`` numbers an item of a list run into a sentence: it follows a
    colon (the list opens), or a semicolon after the previous item ("1. WNI; 2. berusia 17 tahun")."""
    before = text[max(0, ts - 400) : ts].rstrip()
    if before.endswith(":"):
        # only a first item opens a list: "QS. Al-Baqarah: 183." and "Yohanes 3:16." are references
        return marker in _FIRST_MARKERS
    if not before.endswith(";"):
        return False
    if marker.isdigit():
        prev = str(int(marker) - 1)
    elif len(marker) == 1 and marker not in "aA":
        prev = chr(ord(marker) - 1)
    else:
        return False
    return re.search(rf"(?:^|[\s:;]){prev}[.)]\s", before) is not None


_FIRST_MARKERS = frozenset(("1", "a", "A", "i", "I"))


def lower_opener(text: str, j: int, word: str, abbrevs: Abbreviations) -> bool:
    """Whether a lower-case word at ``j`` opens a sentence by its shape: a brand with an inner capital
    (iPhone, eFishery, mRNA), a title abbreviation (dr., drg.) or a common sentence opener (kemudian)."""
    if any(ch.isupper() for ch in word[1:]):
        return True
    if text.startswith(".", j + len(word)) and abbrevs.classify(word + ".") is not None:
        return True
    return word in word_list("sentence_starters_id.txt") and word not in _LINKING_WORDS


#: Openers that, in lower case after a short word and a period, more likely continue an abbreviation's
#: sentence ("Ingg. dan Bld.") than start a new one.
_LINKING_WORDS = frozenset("dan atau serta yang di ke dari dengan untuk pada dalam bagi oleh".split())


def after_label_noun(text: str, ts: int) -> bool:
    """Whether the word before position ``ts`` takes a letter as a label or a unit, not as an initial: a label
    noun ("Grup B", "vitamin C") or a number ("Rp 3,2 M", "kelas 3 B"); initials follow names and titles."""
    m = _PREV_WORD.search(text, max(0, ts - 40), ts)
    if not m:
        return False
    word = m.group(1)
    return word[-1].isdigit() or word.lower() in word_list("label_nouns_id.txt")


_PREV_WORD = re.compile(r"([^\W_]+)\s+$")


def is_label(text: str, letter: str, ts: int) -> bool:
    """Whether a letter is a label, not an initial: it stands alone elsewhere in the text ("kumpulan C"), or
    another lone capital letter is near ("kelompok A, B dan C.", "kelompok A. Kelompok B ...")."""
    if letter == "I":
        return False  # a Roman numeral (Perang Dunia I) says nothing about labels
    letters, positions = _lone_capitals(text)
    if letter in letters:
        return True
    k = bisect_right(positions, ts - 31)
    return k < len(positions) and positions[k] < ts + 32


@lru_cache(maxsize=4)
def _lone_capitals(text: str) -> tuple[frozenset[str], list[int]]:
    """Capital letters standing alone in ``text`` (not initials, not "I"), and where they are; once per text."""
    found = [(m.group(0), m.start()) for m in _LONE_CAPITAL.finditer(text)]
    return frozenset(ch for ch, _ in found), [pos for _, pos in found]


_LONE_CAPITAL = re.compile(r"(?<![\w.])[A-HJ-Z](?![\w.'’])")
