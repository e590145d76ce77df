"""Alignment of machine output: each source sentence is linked to the sentence(s) of its own translation.

Why the target is re-split: a model sometimes answers one source sentence with two English sentences; the
reader should still see each English sentence as its own element, linked 1:n to its source.
Links a person confirmed or edited are kept as they are.
"""

from __future__ import annotations

import math

from pipeline.bitext.document import Block, Document, Link, Sentence
from pipeline.bitext.marks import clip_marks, keep_marks_whole
from pipeline.segment.splitter import sentence_spans
from pipeline.bitext.status import REVIEW_FLAGS, REVIEWED_STATUSES


def _confidence(logprob: float | None) -> float | None:
    """The model's length-normalised log-probability as a 0..1 per-token probability: an honest link score."""
    if logprob is None:
        return None
    return round(math.exp(min(0.0, logprob)), 4)


def _keep_reviewed(block: Block) -> bool:
    return any(link.status in REVIEWED_STATUSES for link in block.links)


def _machine_link(block: Block, src: Sentence, target: list[Sentence], prefix: str = "t") -> Link:
    assert src.mt is not None
    spans = sentence_spans(src.mt.text, lang="en") or [(0, len(src.mt.text))]
    spans = keep_marks_whole(spans, src.mt.marks)
    ids = []
    for s, e in spans:
        tid = f"{block.id}.{prefix}{len(target) + 1}"
        target.append(Sentence(id=tid, text=src.mt.text[s:e], marks=clip_marks(src.mt.marks, s, e)))
        ids.append(tid)
    flags = list(src.mt.flags)
    status = "needs_review" if REVIEW_FLAGS.intersection(flags) else "auto"
    return Link(src=[src.id], tgt=ids, score=_confidence(src.mt.score), status=status, flags=flags)


def _fill_around_reviewed(block: Block) -> None:
    """Keep the block's (carried-over) reviewed links; link the other source sentences to their translation.

    Target sentences are renumbered in reading order, so ids stay ``<block>.t1`` ... whatever was carried.
    """
    owner = {sid: link for link in block.links for sid in link.src}
    texts = {s.id: s for s in block.target}
    order: list[Link] = []
    pending = [link for link in block.links if not link.src]  # a target-only link follows its neighbour
    emitted: set[int] = set()
    fresh: list[Sentence] = []
    for src in block.source:
        link = owner.get(src.id)
        if link is None:
            order.append(_machine_link(block, src, fresh, prefix="new"))
            continue
        if id(link) in emitted:
            continue
        emitted.add(id(link))
        order.append(link)
        at = block.links.index(link)
        order.extend(p for p in pending if block.links.index(p) == at + 1)
    order.extend(p for p in pending if p not in order)
    texts.update((s.id, s) for s in fresh)
    target: list[Sentence] = []
    for link in order:
        new_ids = []
        for tid in link.tgt:
            nid = f"{block.id}.t{len(target) + 1}"
            target.append(Sentence(id=nid, text=texts[tid].text, marks=texts[tid].marks))
            new_ids.append(nid)
        link.tgt = new_ids
    block.target, block.links = target, order


def link_machine_translation(doc: Document) -> None:
    """Link every translatable block's source sentences to their machine translations, in place.

    A block with a reviewed link keeps its links; only its unlinked source sentences (new since the review)
    get machine links, around the reviewed ones.
    """
    for block in doc.blocks:
        if not block.translate:
            continue
        if _keep_reviewed(block):
            linked = {sid for link in block.links for sid in link.src}
            if any(s.id not in linked for s in block.source):
                _fill_around_reviewed(block)
            continue
        target: list[Sentence] = []
        block.links = [_machine_link(block, src, target) for src in block.source]
        block.target = target
