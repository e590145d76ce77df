"""Alignment of machine output: each source sentence is linked to the sentence(s) of its own translation.

Why the target is re-split: a model sometimes answers one source sentence with two English sentences; the
reader should still see each English sentence as its own element, linked 1:n to its source.
Links a person confirmed or edited are kept as they are.
"""

from __future__ import annotations

import math

from pipeline.config import Config
from pipeline.document import Block, Document, Link, Sentence, now_iso
from pipeline.errors import AlignmentError
from pipeline.markspans import clip_marks, keep_marks_whole
from pipeline.splitter import sentence_spans
from pipeline.translate.quality import REVIEW

#: Flags that make a machine link doubtful enough for a person to look at: the quality check's own list.
REVIEW_FLAGS = frozenset(REVIEW)


def _confidence(logprob: float | None) -> float | None:
    """The model's length-normalised log-probability as a 0..1 per-token probability: an honest link score."""
    if logprob is None:
        return None
    return round(math.exp(min(0.0, logprob)), 4)


def _keep_reviewed(block: Block) -> bool:
    return any(link.status in ("confirmed", "edited") for link in block.links)


def align_machine_translation(doc: Document, config: Config) -> None:
    missing = [s.id for _, s in doc.iter_source() if s.mt is None]
    if missing:
        raise AlignmentError(f"{len(missing)} sentences have no translation yet (first: {missing[0]}); run translate first")
    for block in doc.blocks:
        if not block.translate or _keep_reviewed(block):
            continue
        target: list[Sentence] = []
        links: list[Link] = []
        for src in block.source:
            assert src.mt is not None
            spans = sentence_spans(src.mt.text, lang="en") or [(0, len(src.mt.text))]
            spans = keep_marks_whole(spans, src.mt.marks)
            ids = []
            for s, e in spans:
                tid = f"{block.id}.t{len(target) + 1}"
                target.append(Sentence(id=tid, text=src.mt.text[s:e], marks=clip_marks(src.mt.marks, s, e)))
                ids.append(tid)
            flags = list(src.mt.flags)
            status = "needs_review" if REVIEW_FLAGS.intersection(flags) else "auto"
            links.append(Link(src=[src.id], tgt=ids, score=_confidence(src.mt.score), status=status, flags=flags))
        block.target, block.links = target, links
    doc.meta.stages["align"] = now_iso()
