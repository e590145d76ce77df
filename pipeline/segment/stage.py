"""Stage 1, segment: article text -> bitext document with blocks and source sentences.

Why a separate stage: segmentation is cheap and deterministic, so it is always redone from the article,
while the expensive translation already stored for unchanged sentences is carried over (see ``carry_over``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.config import Config
from pipeline.bitext.document import Block, Document, Meta, Sentence, now_iso
from pipeline.errors import InputError
from pipeline.segment.ingest import detect_format, parse_article
from pipeline.segment.markdown.frontmatter import front_matter_values, value_text
from pipeline.segment.rules import load_abbreviations
from pipeline.segment.splitter import sentence_spans


def segment_text(
    text: str, *, source_file: str = "-", fmt: str = "auto", config: Config | None = None, lang: str = "id"
) -> Document:
    """Parse and split an article; ``lang="en"`` is used for the English side of a human translation."""
    config = config or Config()
    kind = detect_format(source_file, text, fmt)
    try:
        raw_blocks = parse_article(text, kind, config.segment.front_matter_keys)
    except InputError as err:
        raise InputError(f"{source_file}: {err}" if source_file not in ("", "-") else str(err)) from err
    abbrevs = load_abbreviations(tuple(config.segment.abbreviations) if lang == "id" else (), lang=lang)
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
    title = _front_matter_title(blocks, config) or next(
        (b.text for b in blocks if b.kind == "title"), Path(source_file).stem if source_file != "-" else "")
    meta = Meta(
        title=title,
        source_file=source_file,
        source_sha256=hashlib.sha256(text.encode("utf-8")).hexdigest(),
        settings={"segment": {"format": kind, "abbreviations": list(config.segment.abbreviations)}},
    )
    meta.stages["segment"] = now_iso()
    return Document(meta=meta, blocks=blocks)


def _front_matter_title(blocks: list[Block], config: Config) -> str:
    """The page's ``title:`` from its front matter, as a reader sees it; "" when there is none."""
    front = next((b for b in blocks if b.kind == "front_matter"), None)
    if front is None:
        return ""
    for value in front_matter_values(front.text, ("title",)):
        return " ".join(value_text(value, front.text).split())
    return ""


from pipeline.bitext.carry import carry_over, carry_work  # noqa: E402 - re-exported: callers know it from here

__all__ = ["carry_over", "carry_work", "segment_text"]
