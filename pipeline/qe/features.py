"""Reference-free signals of one translation against its source.

Why these: cross-lingual embedding similarity is among the strongest reference-free detectors of
hallucinated translations, but it is blind to what embeddings average away: a changed number, a swapped
name, a flipped negation, a loop, a copied source. Each of those has a cheap exact signal (the aligner's
anchors, the translator's rule checks), and a dropped clause shows as a length and coverage deficit. The
score combines them; this module only measures.
"""

from __future__ import annotations

import math
import re

import numpy as np

from pipeline.align.signals import anchor_matrices
from pipeline.segment.numbers import extract_numbers
from pipeline.translate.checks import has_repetition, is_copy

#: Order of the feature vector; the weights in score.py follow it.
FEATURES = (
    "similarity",  # cosine of the two sentence embeddings
    "length_deficit",  # how much shorter the translation is than expected (log ratio, 0 when not shorter)
    "length_excess",  # how much longer (log ratio, 0 when not longer)
    "numbers_missing",  # source numbers the translation lacks
    "numbers_added",  # numbers in the translation the source lacks
    "anchors_missing",  # names, quotes and marked punctuation of the source the translation lacks (weighted)
    "anchors_added",
    "numbers_swapped",  # a source number is missing and another stands in the translation
    "names_swapped",  # the same for capitalised names
    "negation_mismatch",  # the source negates and the translation does not, or the reverse
    "repetition",
    "copy",
)

_NEG_ID = re.compile(r"\b(?:tidak|tak|bukan|belum|jangan|tanpa|tiada|enggak|nggak|gak|ndak)\b", re.IGNORECASE)
_NEG_EN = re.compile(r"\b(?:not|no|never|without|none|nobody|nothing|neither|nor|cannot|unable)\b|n't\b",
                     re.IGNORECASE)
#: A capitalised word after the first: names, places, acronyms, which translations keep.
_NAME = re.compile(r"(?<!^)(?<![.!?] )\b[A-Z][\w'’-]*[A-Za-z0-9]")


def _names(text: str) -> set[str]:
    return {m.group().lower() for m in _NAME.finditer(text.strip()) if len(m.group()) >= 3}


def _name_gap(a: set[str], b: set[str]) -> int:
    """Names of ``a`` that ``b`` lacks, matching a shared 5-letter prefix too (Jepang ~ Japan does not)."""
    prefixes = {n[:5] for n in b if len(n) >= 5}
    return sum(1 for n in a if n not in b and not (len(n) >= 5 and n[:5] in prefixes))


def _count_gap(a: dict[str, int], b: dict[str, int]) -> int:
    return sum(max(0, n - b.get(k, 0)) for k, n in a.items())


def _log_length_ratio(source: str, target: str) -> float:
    # Indonesian and English renderings of the same content are about equally long in characters
    return math.log((len(target) + 10.0) / (len(source) + 10.0))


#: Log length ratios within this of the expected count as normal: translations vary that much by style.
LENGTH_SLACK = 0.15


def pair_features(source: str, target: str, similarity: float) -> np.ndarray:
    """The feature vector (in FEATURES order) for one pair, given its embedding similarity."""
    ratio = _log_length_ratio(source, target)
    sn, tn = extract_numbers(source, "id"), extract_numbers(target, "en")
    sa, ta = anchor_matrices([source], [target])
    gap = sa[0] - ta[0]
    n_miss, n_add = _count_gap(sn, tn), _count_gap(tn, sn)
    s_names, t_names = _names(source), _names(target)
    neg = bool(_NEG_ID.search(source)) != bool(_NEG_EN.search(target))
    return np.array([
        similarity,
        max(0.0, -ratio - LENGTH_SLACK),
        max(0.0, ratio - LENGTH_SLACK),
        math.log1p(n_miss),
        math.log1p(n_add),
        math.log1p(float(np.maximum(gap, 0).sum())),
        math.log1p(float(np.maximum(-gap, 0).sum())),
        float(n_miss > 0 and n_add > 0),
        float(_name_gap(s_names, t_names) > 0 and _name_gap(t_names, s_names) > 0),
        float(neg),
        float(has_repetition(target)),
        float(is_copy(source, target)),
    ], dtype=np.float64)
