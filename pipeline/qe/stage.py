"""The quality-estimation stage: score every machine translation of a document and mark doubtful links.

Why after translation and before (or after) alignment: the estimate needs only the source sentence and its
machine translation, so it can run on a fresh translation or on a document already aligned and half
reviewed; a link a person confirmed or edited is never changed, a machine link with a flagged sentence is
put up for review with the flag as its reason.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.align.encoders import Encoder
from pipeline.bitext.document import Document, Sentence, now_iso
from pipeline.bitext.status import REVIEWED_STATUSES, link_translations
from pipeline.config import QEConfig
from pipeline.qe.score import QE_VERSION, score_pairs
from pipeline.stages import StageResult, require

#: The flags this stage owns; a new estimate replaces them.
QE_FLAGS = ("qe_low", "omission")


@dataclass
class QEReport:
    estimated: int = 0
    flags: dict[str, int] = field(default_factory=dict)


def to_estimate(doc: Document, only_missing: bool = False) -> list[Sentence]:
    """The source sentences ``estimate`` scores: those with a non-empty translation (and no estimate yet)."""
    return [s for _, s in doc.iter_source() if s.mt is not None and s.mt.text.strip()
            and not (only_missing and s.mt.qe is not None)]


def estimate(doc: Document, section: QEConfig, *, encoder: Encoder, only_missing: bool = False,
             name: str = "") -> StageResult[QEReport]:
    """Fill ``mt.qe`` and the QE flags of every translated source sentence (only unscored ones if asked).

    ``encoder`` compares the two sides; pass the aligner's (``encoder_for(config.align)``), so both stages
    share the embedding cache. ``name`` is the file named when ``doc`` has no machine translation.
    """
    require(doc, "qe", name or doc.meta.source_file)
    report = QEReport()
    todo = to_estimate(doc, only_missing)
    if not todo:
        return StageResult(doc, report)
    results = score_pairs([s.text for s in todo], [s.mt.text for s in todo if s.mt], encoder,
                          low=section.low_threshold, omission=section.omission_threshold)
    for sent, res in zip(todo, results, strict=True):
        assert sent.mt is not None
        sent.mt.qe = res.score
        sent.mt.flags = [f for f in sent.mt.flags if f not in QE_FLAGS] + res.flags
        for f in res.flags:
            report.flags[f] = report.flags.get(f, 0) + 1
    report.estimated = len(todo)
    _mark_links(doc)
    doc.meta.stages["qe"] = now_iso()
    doc.meta.settings["qe"] = {"version": QE_VERSION, "encoder": encoder.name, "low_threshold": section.low_threshold,
                               "omission_threshold": section.omission_threshold}
    return StageResult(doc, report)


def _mark_links(doc: Document) -> None:
    """Machine links of an aligned document take their sentences' QE flags; a person's links stay as they are."""
    for block in doc.blocks:
        for link in block.links:
            if link.status in REVIEWED_STATUSES:
                continue
            qe_flags = sorted({f for mt in link_translations(block, link) for f in mt.flags if f in QE_FLAGS})
            link.flags = [f for f in link.flags if f not in QE_FLAGS] + qe_flags
            if qe_flags:
                link.status = "needs_review"
