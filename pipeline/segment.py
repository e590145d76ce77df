"""Stage 1, segment: article text -> bitext document with blocks and source sentences.

Why a separate stage: segmentation is cheap and deterministic, so it is always redone from the article,
while the expensive translation already stored for unchanged sentences is carried over (see ``carry_over``).
"""

from __future__ import annotations

import hashlib
from pathlib import Path

from pipeline.config import Config
from pipeline.document import Block, Document, Meta, Sentence, now_iso
from pipeline.errors import InputError
from pipeline.ingest import detect_format, parse_article
from pipeline.markdown.frontmatter import front_matter_values, value_text
from pipeline.splitter import load_abbreviations, sentence_spans


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


def _reid(old_block: Block, new_id: str) -> Block:
    """The old block under the id of its new position (sentence ids carry the block id as prefix)."""
    import copy

    b = copy.deepcopy(old_block)
    if b.id == new_id:
        return b
    prefix = f"{b.id}."

    def fix(sid: str) -> str:
        return new_id + "." + sid[len(prefix):] if sid.startswith(prefix) else sid

    b.id = new_id
    for sent in (*b.source, *b.target):
        sent.id = fix(sent.id)
    for link in b.links:
        link.src = [fix(x) for x in link.src]
        link.tgt = [fix(x) for x in link.tgt]
    return b


def _readdress(old: Block, new: Block) -> None:
    """A link whose address changed in the article gets the new address on its translation too."""
    moved = {m.href: n.href for m, n in zip(old.marks, new.marks)
             if (m.start, m.end, m.kind) == (n.start, n.end, n.kind) and m.href != n.href and m.href}
    if not moved:
        return
    for sent in (*old.target, *old.source):
        for mark in (*sent.marks, *(sent.mt.marks if sent.mt else [])):
            if mark.href in moved:
                mark.href = moved[mark.href]


def _marks_in(block: Block, sent: Sentence) -> tuple[tuple[int, int, str, str | None], ...]:
    """The block's marks over one sentence, relative to it: what its translation's marks were made from."""
    s, e = sent.start or 0, sent.end or 0
    return tuple((max(m.start, s) - s, min(m.end, e) - s, m.kind, m.href) for m in block.marks
                 if m.start < e and m.end > s)


def carry_over(new: Document, old: Document) -> int:
    """Bring finished work from ``old`` into the freshly segmented ``new``; return sentences reused.

    Why: a rerun after a small edit of the article must neither lose a person's review nor pay again for
    translations. A block whose kind and text are unchanged is taken over whole (translations, target
    sentences, reviewed links) when its marks are unchanged too; elsewhere machine translations of
    identical sentences with identical marks are reused.
    """
    old_blocks: dict[tuple[str, str], list[Block]] = {}
    for b in old.blocks:
        old_blocks.setdefault((b.kind, b.text), []).append(b)
    by_text: dict[tuple[str, tuple[tuple[int, int, str, str | None], ...]], list] = {}
    for ob, s in old.iter_source():
        if s.mt is not None:
            by_text.setdefault((s.text, _marks_in(ob, s)), []).append(s.mt)
    n = 0
    for i, b in enumerate(new.blocks):
        same = old_blocks.get((b.kind, b.text))
        if same and [s.text for s in same[0].source] == [s.text for s in b.source]:
            new.blocks[i] = _reid(same.pop(0), b.id)
            _readdress(new.blocks[i], b)
            new.blocks[i].marks = b.marks  # same words, but a link's address may have changed in the article
            new.blocks[i].raw = b.raw
            n += sum(1 for s in new.blocks[i].source if s.mt is not None)
            continue
        for s in b.source:
            # a translation carries its source's marks (link addresses): reused only where those are the same;
            # elsewhere the translation memory answers for the same words and the new marks are placed anew
            key = (s.text, _marks_in(b, s))
            if s.mt is None and by_text.get(key):
                s.mt = by_text[key][0]
                n += 1
    if n:
        new.meta.model = dict(old.meta.model)
    if old.meta.stages.get("align"):
        new.meta.stages.setdefault("align", old.meta.stages["align"])
    return n
