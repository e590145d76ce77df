"""Quality estimation: how far to trust each machine translation, judged without a reference.

Why a stage of its own: it needs the aligner's sentence encoder and anchors and the translator's rule checks,
and it runs after translation, before alignment marks links for review; as its own sub-package it can use
both without making the translate and align stages depend on each other.
"""

from pipeline.qe.features import FEATURES, pair_features
from pipeline.qe.score import QEResult, score_pairs
from pipeline.qe.stage import QEReport, estimate

__all__ = ["FEATURES", "QEReport", "QEResult", "estimate", "pair_features", "score_pairs"]
