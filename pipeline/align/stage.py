"""The align stage: link each source sentence to the sentence(s) that translate it.

Two entry points, because there are two kinds of translation. A machine translation is already in the
document, sentence by sentence (``mt``), so ``align`` needs nothing but the document: each source sentence
is linked to the sentence(s) of its own translation. A human translation is a second article with its own
paragraphs and sentences, so ``align_translation`` takes both documents and an encoder and searches for the
links (human.py). Both return the source document with a small report, as every stage does
(pipeline/stages.py).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.align.encoders import Encoder, encoder_for
from pipeline.align.from_mt import link_machine_translation
from pipeline.align.human import link_translation
from pipeline.bitext.document import Document, load_document, now_iso
from pipeline.bitext.status import ReviewSummary, review_summary
from pipeline.config import AlignConfig, SegmentConfig
from pipeline.stages import StageResult, require


@dataclass
class AlignReport:
    #: The links after aligning and those that need review ("3 of 40 links need review (...)").
    review: ReviewSummary = field(default_factory=ReviewSummary)


def align(doc: Document, section: AlignConfig, *, name: str = "") -> StageResult[AlignReport]:
    """Link the machine translations of ``doc`` (every source sentence must have one) to their sources.

    Links a person confirmed or edited are kept. ``name`` is the file named in the error when ``doc`` is not
    translated yet (default: its source file). ``section`` is taken for the one stage shape; machine links
    follow the translation itself, so none of its settings (thresholds, encoder) applies to them.
    """
    require(doc, "align", name or doc.meta.source_file)
    link_machine_translation(doc)
    doc.meta.stages["align"] = now_iso()
    return StageResult(doc, AlignReport(review_summary(doc)))


def align_translation(source: Document, target: Document, section: AlignConfig, *,
                      encoder: Encoder | None = None) -> StageResult[AlignReport]:
    """Align ``source`` (a segmented Indonesian article) with ``target`` (its segmented English translation).

    Why not ``align``'s shape: the translation is a document of its own, not part of ``source``, and finding
    its links needs the sentence encoder (``encoder``; default: ``[align] encoder`` behind the embedding
    cache). ``source``'s targets and links are replaced; the result is ``source``.
    """
    link_translation(source, target, section, encoder or encoder_for(section))
    return StageResult(source, AlignReport(review_summary(source)))


def read_pair(source: str, translation: str, section: SegmentConfig, *, encoding: str = "utf-8",
              fmt: str = "auto", fetch_options: object = None,
              report: Callable[[str], None] | None = None) -> tuple[Document, Document]:
    """The two documents ``align SOURCE TRANSLATION`` aligns, segmented with ``section`` (``[segment]``).

    A bitext file as ``source`` keeps its segmentation (and any reviewed source text); its targets are
    replaced. File names are stored as they can be printed (``fileio.display``).
    """
    from pipeline.fileio import display
    from pipeline.segment.sources import read_article
    from pipeline.segment.stage import segment

    src_doc = load_document(source) if is_bitext_name(source) else segment(
        read_article(source, encoding=encoding, fmt=fmt, fetch_options=fetch_options, report=report),
        section).doc
    tgt_doc = segment(read_article(translation, encoding=encoding, fmt=fmt, fetch_options=fetch_options,
                                   what="translation", report=report), section, lang="en").doc
    src_doc.meta.source_file = display(src_doc.meta.source_file)
    tgt_doc.meta.source_file = display(tgt_doc.meta.source_file)
    return src_doc, tgt_doc


def is_bitext_name(source: str) -> bool:
    """A SOURCE ending in .json is read as a bitext file, not segmented as an article."""
    return source.endswith(".json")
