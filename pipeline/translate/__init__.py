"""Stage 2, translate: machine translation of source sentences with an open MT model."""

from pipeline.translate.stage import translate_document

__all__ = ["translate_document"]
