"""Stage 2, translate: machine translation of source sentences with an open MT model."""

from pipeline.translate.stage import translate, translate_documents

__all__ = ["translate", "translate_documents"]
