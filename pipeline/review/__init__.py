"""Review: a person checks and fixes links and translations (browser editor and plain-text round trip)."""

from pipeline.review.ops import History, edit_texts, merge, move, needs_review, set_confirmed, split
from pipeline.review.textfile import apply_review_text

__all__ = ["History", "apply_review_text", "edit_texts", "merge", "move", "needs_review", "set_confirmed", "split"]
