"""Splitting sentences that are longer than the model's input limit, at clause boundaries.

Why: a model truncates (or crashes on) input past its limit, silently dropping the end of a sentence.
Splitting where a clause ends (";", ":", ",", a dash, before a conjunction) keeps each part a meaningful unit
to translate; the translations of the parts are joined in order. Nothing is ever cut off: when no clause
boundary is left, a part is split between words, and as a last resort between characters.
"""

from __future__ import annotations

import re
from collections.abc import Callable

#: Places where a clause may end, best first: strong punctuation, then a comma or a dash, then the space
#: before an Indonesian conjunction.
_BOUNDARIES = (
    re.compile(r"[;:](?=\s)"),
    re.compile(r",(?=\s)|\s[-\u2013\u2014](?=\s)"),
    re.compile(
        r"\s(?=(?:dan|tetapi|namun|sedangkan|karena|sehingga|yang|serta|atau|bahwa|ketika|setelah|sebelum|"
        r"meskipun|walaupun|agar|supaya|untuk)\s)",
        re.IGNORECASE,
    ),
    re.compile(r"\s"),
)


def split_to_fit(text: str, count: Callable[[str], int], limit: int) -> list[str]:
    """Parts of ``text`` (joined with spaces they reproduce it, modulo spacing) each within ``limit`` tokens."""
    text = text.strip()
    if not text or count(text) <= limit:
        return [text] if text else []
    cut = _best_cut(text)
    if cut is None:  # no space at all: split between characters
        cut = len(text) // 2
    left, right = text[:cut].strip(), text[cut:].strip()
    if not left or not right:
        cut = max(1, len(text) // 2)
        left, right = text[:cut].strip(), text[cut:].strip()
    return split_to_fit(left, count, limit) + split_to_fit(right, count, limit)


def _best_cut(text: str) -> int | None:
    """The boundary of the strongest kind that lies nearest the middle, as an index after the boundary."""
    middle = len(text) / 2
    for pattern in _BOUNDARIES:
        cuts = [m.end() for m in pattern.finditer(text) if 0 < m.end() < len(text)]
        # a cut that leaves a tiny fragment is no clause boundary worth having
        cuts = [c for c in cuts if min(c, len(text) - c) >= max(8, len(text) // 10)] or (
            cuts if pattern.pattern == r"\s" else []
        )
        if cuts:
            return min(cuts, key=lambda c: abs(c - middle))
    return None
