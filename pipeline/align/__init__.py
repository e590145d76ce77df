"""Stage 3, align: link source sentences to target sentences (stage.py: ``align`` for machine translations,
``align_translation`` for a human one)."""

from pipeline.align.stage import AlignReport, align, align_translation

__all__ = ["AlignReport", "align", "align_translation"]
