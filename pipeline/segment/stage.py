"""Stage 1, segment: an article -> a bitext document with blocks and source sentences.

Why a separate stage: segmentation is cheap and deterministic, so it is always redone from the article,
while the expensive translation already stored for unchanged sentences is carried over
(``pipeline.bitext.carry``).

Two ways in, one stage: :func:`segment` takes an :class:`~pipeline.segment.sources.Article` (what
``read_article`` gives for a file, standard input or a URL, with the page's provenance) and the
``[segment]`` section, like every stage; :func:`segment_text` is for a text already in memory (tests,
benchmarks, a library caller), which has no file to read and no provenance, and returns the document itself.
"""

from __future__ import annotations

import time
from dataclasses import dataclass
from pathlib import Path

from pipeline.bitext.document import Block, Document, Meta, Sentence, now_iso
from pipeline.config import Config, SegmentConfig
from pipeline.errors import InputError
from pipeline.segment.ingest import parse_article
from pipeline.segment.markdown.frontmatter import front_matter_values, value_text
from pipeline.segment.rules import load_abbreviations
from pipeline.segment.sources import PROVENANCE, Article
from pipeline.segment.splitter import sentence_spans
from pipeline.stages import StageResult


@dataclass(frozen=True)
class SegmentReport:
    """What ``bilingual segment`` prints: how many blocks and sentences, and how long it took."""

    blocks: int
    sentences: int
    seconds: float


def segment(article: Article, section: SegmentConfig, *, lang: str = "id") -> StageResult[SegmentReport]:
    """Parse and split an article; ``lang="en"`` is used for the English side of a human translation."""
    started = time.perf_counter()
    try:
        raw_blocks = parse_article(article.text, article.ingest, section.front_matter_keys)
    except InputError as err:
        raise InputError(f"{article.name}: {err}" if article.name not in ("", "-") else str(err)) from err
    abbrevs = load_abbreviations(tuple(section.abbreviations) if lang == "id" else (), lang=lang)
    blocks: list[Block] = []
    for i, rb in enumerate(raw_blocks, start=1):
        bid = f"b{i}"
        block = Block(id=bid, kind=rb.kind, text=rb.text, level=rb.level, marker=rb.marker, translate=rb.translate,
                      marks=list(rb.marks), raw=rb.raw)
        if rb.translate:
            regions = rb.regions if rb.regions is not None else [(0, len(rb.text))]
            spans = [(a + s, a + e) for a, b in regions for s, e in sentence_spans(rb.text[a:b], abbrevs, lang=lang)]
            block.source = [
                Sentence(id=f"{bid}.s{j}", text=rb.text[s:e], start=s, end=e) for j, (s, e) in enumerate(spans, start=1)
            ]
        blocks.append(block)
    doc = Document(meta=_meta(article, blocks, section), blocks=blocks)
    report = SegmentReport(len(doc.blocks), len(doc.iter_source()), time.perf_counter() - started)
    return StageResult(doc, report)


def segment_text(
    text: str, *, source_file: str = "-", fmt: str = "auto", config: Config | None = None, lang: str = "id"
) -> Document:
    """Segment a text held in memory; ``fmt`` ``txt``/``md``/``auto`` (from ``source_file``'s extension)."""
    article = Article.from_text(text, name=source_file, fmt=fmt)
    return segment(article, (config or Config()).segment, lang=lang).doc


def _meta(article: Article, blocks: list[Block], section: SegmentConfig) -> Meta:
    """The document's provenance: the page's own (title, byline, date ...) where it states it."""
    name = article.name
    title = article.provenance.get("title", "") or _front_matter_title(blocks) or next(
        (b.text for b in blocks if b.kind == "title"), Path(name).stem if name != "-" else "")
    meta = Meta(
        title=title,
        source_file=name,
        source_sha256=article.sha256,
        settings={"segment": {"format": {"text": "txt", "markdown": "md"}.get(article.input_format,
                                                                             article.input_format),
                              "abbreviations": list(section.abbreviations)}},
    )
    for key in PROVENANCE:
        value = article.provenance.get(key, "")
        if value:
            setattr(meta, key, value)
    meta.stages["segment"] = now_iso()
    return meta


def _front_matter_title(blocks: list[Block]) -> str:
    """The page's ``title:`` from its front matter, as a reader sees it; "" when there is none."""
    front = next((b for b in blocks if b.kind == "front_matter"), None)
    if front is None:
        return ""
    for value in front_matter_values(front.text, ("title",)):
        return " ".join(value_text(value, front.text).split())
    return ""

