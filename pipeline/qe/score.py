"""One trust score per translation: the features combined by a logistic model fitted on known errors.

Why logistic: the score reads as the probability that a translation is wrong, so one threshold means the
same thing whatever mix of signals fired, and the weights say how much each signal counts. They were fitted
by ``bench/qe.py --fit`` on corruptions of human translations (see that bench), never on a single sentence.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np

from pipeline.align.encoders import Encoder
from pipeline.qe.features import FEATURES, pair_features

#: Logistic weights by feature name, and the intercept: ``bench/qe.py --fit`` prints them.
WEIGHTS: dict[str, float] = {
    "similarity": -27.9494,
    "length_deficit": 6.1719,
    "length_excess": 7.7305,
    "numbers_missing": 0.0908,
    "numbers_added": -0.2005,
    "anchors_missing": -0.2829,
    "anchors_added": 0.3777,
    "numbers_swapped": 2.4224,
    "names_swapped": 0.5196,
    "negation_mismatch": 2.0893,
    "repetition": 11.6886,
    "copy": 14.9840,
}
INTERCEPT = 22.7196
#: Version of the features and weights; part of what a stored score means.
QE_VERSION = 1


@dataclass
class QEResult:
    """``score``: estimated probability that the translation is wrong (0..1); ``flags``: qe_low, omission."""

    score: float
    similarity: float
    flags: list[str] = field(default_factory=list)


def _embed_all(encoder: Encoder, texts: list[str]) -> dict[str, np.ndarray]:
    unique = list(dict.fromkeys(texts))
    vecs = encoder.embed(unique) if unique else np.zeros((0, 1), dtype=np.float32)
    return dict(zip(unique, vecs))


def combine(features: np.ndarray) -> np.ndarray:
    """Probability of a wrong translation for rows of FEATURES."""
    z = features @ np.array([WEIGHTS[name] for name in FEATURES]) + INTERCEPT
    return 1.0 / (1.0 + np.exp(-z))


def measure(sources: Sequence[str], targets: Sequence[str], encoder: Encoder) -> np.ndarray:
    """Feature rows (FEATURES order) for each pair; one encoder call for all of them."""
    vec = _embed_all(encoder, [*sources, *targets])
    rows = [pair_features(s, t, float(vec[s] @ vec[t])) for s, t in zip(sources, targets)]
    return np.vstack(rows) if rows else np.zeros((0, len(FEATURES)))


def score_pairs(sources: Sequence[str], targets: Sequence[str], encoder: Encoder, *, low: float,
                omission: float) -> list[QEResult]:
    """Scores and flags for each pair: ``low`` is the score, ``omission`` the length deficit that flags."""
    feats = measure(sources, targets, encoder)
    probs = combine(feats)
    deficit = FEATURES.index("length_deficit")
    out = []
    for row, p in zip(feats, probs):
        flags = (["qe_low"] if p >= low else []) + (["omission"] if row[deficit] >= omission else [])
        out.append(QEResult(score=round(float(p), 4), similarity=round(float(row[0]), 4), flags=flags))
    return out
