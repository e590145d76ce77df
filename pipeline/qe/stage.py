"""The quality-estimation stage: score every machine translation of a document and mark doubtful links.

Why after translation and before (or after) alignment: the estimate needs only the source sentence and its
machine translation, so it can run on a fresh translation or on a document already aligned and half
reviewed; a link a person confirmed or edited is never changed, a machine link with a flagged sentence is
put up for review with the flag as its reason.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.align.encoders import Encoder, encoder_for
from pipeline.config import Config
from pipeline.bitext.document import Document, Sentence, now_iso
from pipeline.qe.score import QE_VERSION, estimate

#: The flags this stage owns; a new estimate replaces them.
QE_FLAGS = ("qe_low", "omission")


@dataclass
class QEReport:
    estimated: int = 0
    flags: dict[str, int] = field(default_factory=dict)


def estimate_document(doc: Document, config: Config, *, encoder: Encoder | None = None,
                      only_missing: bool = False,
                      progress: Callable[[int, int], None] | None = None) -> QEReport:
    """Fill ``mt.qe`` and the QE flags of every translated source sentence (only unscored ones if asked)."""
    report = QEReport()
    todo = [s for _, s in doc.iter_source() if s.mt is not None and s.mt.text.strip()
            and not (only_missing and s.mt.qe is not None)]
    if not todo:
        return report
    enc = encoder or encoder_for(config)  # the persistent embedding cache, shared with align
    results = estimate([s.text for s in todo], [s.mt.text for s in todo if s.mt], enc,
                       low=config.qe.low_threshold, omission=config.qe.omission_threshold)
    for sent, res in zip(todo, results, strict=True):
        assert sent.mt is not None
        sent.mt.qe = res.score
        sent.mt.flags = [f for f in sent.mt.flags if f not in QE_FLAGS] + res.flags
        for f in res.flags:
            report.flags[f] = report.flags.get(f, 0) + 1
    report.estimated = len(todo)
    _mark_links(doc)
    doc.meta.stages["qe"] = now_iso()
    doc.meta.settings["qe"] = {"version": QE_VERSION, "encoder": enc.name, "low_threshold": config.qe.low_threshold,
                               "omission_threshold": config.qe.omission_threshold}
    return report


def _qe_flags(sent: Sentence) -> list[str]:
    return [f for f in sent.mt.flags if f in QE_FLAGS] if sent.mt else []


def _mark_links(doc: Document) -> None:
    """Machine links of an aligned document take their sentences' QE flags; a person's links stay as they are."""
    for block in doc.blocks:
        by_id = {s.id: s for s in block.source}
        for link in block.links:
            if link.status in ("confirmed", "edited"):
                continue
            qe_flags = sorted({f for sid in link.src if sid in by_id for f in _qe_flags(by_id[sid])})
            link.flags = [f for f in link.flags if f not in QE_FLAGS] + qe_flags
            if qe_flags:
                link.status = "needs_review"
