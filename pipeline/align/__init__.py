"""Stage 3, align: link source sentences to target sentences."""

from pipeline.align.from_mt import align_machine_translation

__all__ = ["align_machine_translation"]
