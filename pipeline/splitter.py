"""Indonesian sentence splitter (first version): rules over a block's text.

Why spans and not strings: the invariant that sentences are exact, ordered, non-overlapping substrings of
the block is what lets every later stage (and a reviewer) trust that nothing was lost or reordered.
"""

from __future__ import annotations

import re
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.errors import ConfigError

_CANDIDATE = re.compile(r"(?:\.{3}|…|[.!?])+[\"”’»)\]]*(?=\s+|$)")


@lru_cache(maxsize=8)
def load_abbreviations(extra: tuple[str, ...] = ()) -> frozenset[str]:
    """Built-in list plus user files (one abbreviation per line, '#' starts a comment)."""
    words: set[str] = set()
    texts = [resources.files("pipeline.data").joinpath("abbreviations_id.txt").read_text(encoding="utf-8")]
    for path in extra:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"abbreviation file not found: {p}")
        texts.append(p.read_text(encoding="utf-8"))
    for text in texts:
        for line in text.splitlines():
            line = line.strip()
            if line and not line.startswith("#"):
                words.add(line)
    return frozenset(words)


def sentence_spans(text: str, abbreviations: frozenset[str] | None = None) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences of ``text``, stripped of surrounding whitespace."""
    abbrevs = abbreviations if abbreviations is not None else load_abbreviations()
    cuts: list[int] = []
    for m in _CANDIDATE.finditer(text):
        end = m.end()
        rest = text[end:].lstrip()
        if not rest:
            continue
        punct = m.group(0)
        if punct.startswith(".") and not punct.startswith("..."):
            word_start = text.rfind(" ", 0, m.start()) + 1
            token = text[word_start : m.start() + 1]
            if token in abbrevs or token.lower() in abbrevs or re.fullmatch(r"[A-Z]\.", token):
                continue
            if re.fullmatch(r"\d+\.", token) and word_start == 0:
                continue  # "81. selama satu hari": a number opening the block is not a sentence
        nxt = rest[0]
        if not (nxt.isupper() or nxt.isdigit() or nxt in "\"“‘'«(["):
            continue
        cuts.append(end)
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in [*cuts, len(text)]:
        seg = text[start:cut]
        s = start + (len(seg) - len(seg.lstrip()))
        e = start + len(seg.rstrip())
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


def split_sentences(text: str, abbreviations: frozenset[str] | None = None) -> list[str]:
    return [text[s:e] for s, e in sentence_spans(text, abbreviations)]
