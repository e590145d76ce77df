"""Align an Indonesian article with an existing (human) English translation: blocks first, then sentences.

Why two levels: paragraphs are long and distinctive, so matching them first is reliable even when the
translator merged, split or dropped paragraphs; the sentence DP then only searches inside matched block
groups, which keeps it exact, fast, and unable to link a sentence to a far-away paragraph.

Every target sentence ends up in the source block of the sentences it is linked to; a target sentence with
no source (0:1) joins the block of its neighbour, and a source sentence with no translation (1:0) gets a
link with no target, marked for review.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np

from pipeline.align.beads import (
    BLOCK_BEADS,
    DELETION_SCORE,
    BeadParams,
    Scored,
    align_units,
    assign_scores,
    baseline_similarity,
    length_ratio,
)
from pipeline.align.checks import check_pair
from pipeline.align.encoders import Encoder
from pipeline.align.signals import Units, anchor_counts, group_units
from pipeline.config import AlignConfig
from pipeline.bitext.document import Block, Document, Link, Sentence, now_iso
from pipeline.errors import InputError
from pipeline.segment.markdown.frontmatter import translated_values, value_text
from pipeline.bitext.marks import clip_marks


@dataclass
class _Side:
    blocks: list[Block]  # translatable blocks that have sentences
    sents: list[Sentence]
    block_of: list[int]  # index into blocks, per sentence



def _side(doc: Document, skip: set[str] = frozenset()) -> _Side:
    blocks = [b for b in doc.blocks if b.translate and b.source and b.kind != "front_matter" and b.id not in skip]
    sents, block_of = [], []
    for k, b in enumerate(blocks):
        for s in b.source:  # a segmented target document keeps its sentences in .source too
            sents.append(s)
            block_of.append(k)
    return _Side(blocks, sents, block_of)


def _block_units(u: Units, block_of: list[int], n_blocks: int) -> Units:
    """Blocks as units: length-weighted sums of their sentence embeddings, summed lengths and anchors."""
    blocks = group_units(u, np.array(block_of, dtype=np.int64), n_blocks)
    blocks.breaks[:] = False
    return blocks


def _subset(u: Units, rows: list[int], block_of: list[int]) -> Units:
    breaks = [k == 0 or block_of[rows[k]] != block_of[rows[k - 1]] for k in range(len(rows))]
    return Units(u.emb[rows], u.length[rows], u.anchors[rows], np.array(breaks, dtype=bool))


def _rows_of(block_of: list[int], n_blocks: int) -> list[list[int]]:
    """The sentence rows of each block, in order (one pass, not one scan per bead)."""
    rows: list[list[int]] = [[] for _ in range(n_blocks)]
    for i, k in enumerate(block_of):
        rows[k].append(i)
    return rows


def align_sides(src: _Side, tgt: _Side, encoder: Encoder, params: BeadParams) -> list[Scored]:
    """Sentence beads (indices into src.sents / tgt.sents) for the whole document."""
    s_text = [" ".join(s.text.split()) for s in src.sents]
    t_text = [" ".join(s.text.split()) for s in tgt.sents]
    vecs = encoder.embed(s_text + t_text)
    sa, ta = anchor_counts(s_text, t_text)
    su = Units(vecs[: len(s_text)], np.array([len(t) for t in s_text], float), sa, np.zeros(len(s_text), bool))
    tu = Units(vecs[len(s_text):], np.array([len(t) for t in t_text], float), ta, np.zeros(len(t_text), bool))
    base, ratio = baseline_similarity(su, tu), length_ratio(su, tu)
    sb, tb = _block_units(su, src.block_of, len(src.blocks)), _block_units(tu, tgt.block_of, len(tgt.blocks))
    block_beads = align_units(sb, tb, params, BLOCK_BEADS, baseline=baseline_similarity(sb, tb), ratio=ratio)
    s_of, t_of = _rows_of(src.block_of, len(src.blocks)), _rows_of(tgt.block_of, len(tgt.blocks))
    out: list[Scored] = []
    for bead in block_beads:
        s_rows = [i for k in bead.src for i in s_of[k]]
        t_rows = [j for k in bead.tgt for j in t_of[k]]
        if not s_rows or not t_rows:
            out += [Scored([i], [], params.deletion, DELETION_SCORE) for i in s_rows]
            out += [Scored([], [j], params.deletion, DELETION_SCORE) for j in t_rows]
            continue
        sub = align_units(_subset(su, s_rows, src.block_of), _subset(tu, t_rows, tgt.block_of), params,
                          baseline=base, ratio=ratio)
        for s in sub:
            out.append(Scored([s_rows[i] for i in s.src], [t_rows[j] for j in s.tgt], s.cost, s.score))
    assign_scores(out, su, tu)
    return out


#: Written to ``meta.settings["align"]["method"]``: what produced the links, for a later reader of the file.
METHOD = "blocks+beads.v1"


def link_translation(source: Document, target: Document, section: AlignConfig, encoder: Encoder) -> Document:
    """Fill ``source`` (a segmented Indonesian article) with the sentences of ``target`` and links between them.

    Tables whose cells match are linked cell by cell and front matter key by key; everything else goes
    through the block-then-sentence search (module docstring). ``source`` is changed and returned.
    """
    paired = _pair_tables(source, target)
    src = _side(source, {a.id for a, _ in paired})
    tgt = _side(target, {b.id for _, b in paired})
    _check_sides(source, target, src, tgt, section.check_language)
    beads = align_sides(src, tgt, encoder, BeadParams(deletion=section.deletion_cost, band_width=section.band_width))
    home = _homes(beads, src, len(tgt.sents))
    new_id = _place_targets(src, tgt, home)
    for b in beads:
        blk = src.blocks[src.block_of[b.src[0]]] if b.src else src.blocks[home[b.tgt[0]]]
        blk.links.append(_bead_link(b, [src.sents[i].id for i in b.src], [new_id[j] for j in b.tgt],
                                    section.review_threshold))
    _align_front_matter(source, target)
    for a, b in paired:
        _align_cells(a, b)
    source.meta.target_origin = "human"
    source.meta.target_file = target.meta.source_file
    source.meta.settings["align"] = {"encoder": encoder.name, "review_threshold": section.review_threshold,
                                     "method": METHOD}
    source.meta.stages["align"] = now_iso()
    return source


def _check_sides(source: Document, target: Document, src: _Side, tgt: _Side, languages: bool) -> None:
    """One-line errors before any embedding: an empty side, or two texts that cannot be a translation pair."""
    src_name, tgt_name = source.meta.source_file or "source", target.meta.source_file or "translation"
    if not src.sents:
        raise InputError(f"{src_name}: has no text to align")
    if not tgt.sents:
        raise InputError(f"{tgt_name}: has no text to align")
    check_pair(" ".join(s.text for s in src.sents), " ".join(s.text for s in tgt.sents), src_name, tgt_name,
               languages)


def _homes(beads: list[Scored], src: _Side, n_target: int) -> list[int]:
    """The source block each target sentence goes to: that of its first source sentence, else its neighbour's.

    An added sentence (0:1) follows the sentence before it; one at the very start goes with the sentence after.
    """
    home: list[int | None] = [None] * n_target
    for b in beads:
        if b.src:
            for j in b.tgt:
                home[j] = src.block_of[b.src[0]]
    out: list[int] = []
    last = 0
    for j in range(n_target):
        h = home[j]
        if h is None:
            nxt = next((x for x in home[j + 1:] if x is not None), None)
            h = last if j > 0 or nxt is None else nxt
        out.append(h)
        last = h
    return out


def _place_targets(src: _Side, tgt: _Side, home: list[int]) -> dict[int, str]:
    """Replace the source blocks' targets with the translation's sentences in their home blocks; their new ids."""
    for b in src.blocks:
        b.target, b.links = [], []
    new_id: dict[int, str] = {}
    for j, s in enumerate(tgt.sents):
        blk = src.blocks[home[j]]
        sid = f"{blk.id}.t{len(blk.target) + 1}"
        blk.target.append(_target_sentence(sid, tgt.blocks[tgt.block_of[j]], s))
        new_id[j] = sid
    return new_id


def _bead_link(bead: Scored, src_ids: list[str], tgt_ids: list[str], threshold: float) -> Link:
    """A bead as a link: a 1:0 or 0:1 bead is flagged, and any link scoring under ``threshold`` needs review."""
    flags = ["dropped"] if not bead.tgt else ["added"] if not bead.src else []
    status = "needs_review" if bead.score < threshold or flags else "auto"
    return Link(src=src_ids, tgt=tgt_ids, score=round(bead.score, 3), status=status, flags=flags)


def _target_sentence(sid: str, block: Block, s: Sentence) -> Sentence:
    """A sentence of the human translation with its own inline marks (links, emphasis, code)."""
    marks = clip_marks(block.marks, s.start, s.end) if s.start is not None and s.end is not None else []
    return Sentence(id=sid, text=s.text, marks=marks)


def _align_front_matter(source: Document, target: Document) -> None:
    """Front matter values are metadata: each is linked to the value of the same key in the translation."""
    src = next((b for b in source.blocks if b.kind == "front_matter" and b.source), None)
    tgt = next((b for b in target.blocks if b.kind == "front_matter" and b.source), None)
    if src is None:
        return
    src.target, src.links = [], []
    if tgt is None:
        return
    theirs = {v.key: v for v in translated_values(tgt.text, [s.start for s in tgt.source if s.start is not None])}
    for v in translated_values(src.text, [s.start for s in src.source if s.start is not None]):
        other = theirs.get(v.key)
        ids = [s.id for s in src.source if s.start is not None and v.start <= s.start < v.end]
        if other is None or not ids:
            continue
        tid = f"{src.id}.t{len(src.target) + 1}"
        src.target.append(Sentence(id=tid, text=value_text(other, tgt.text)))
        src.links.append(Link(src=ids, tgt=[tid], score=1.0, status="auto"))


def _cells_of(block: Block) -> list[list[Sentence]]:
    out, pos = [], 0
    for line in block.text.split("\n"):
        out.append([s for s in block.source if s.start is not None and pos <= s.start < pos + len(line) + 1])
        pos += len(line) + 1
    return out


def _pair_tables(source: Document, target: Document) -> list[tuple[Block, Block]]:
    """The k-th table of the source with the k-th of the translation, when both have the same cells."""
    s_tables = [b for b in source.blocks if b.kind == "table" and b.source]
    t_tables = [b for b in target.blocks if b.kind == "table" and b.source]
    return [(a, b) for a, b in zip(s_tables, t_tables)
            if a.level == b.level and len(_cells_of(a)) == len(_cells_of(b))]


def _align_cells(src: Block, tgt: Block) -> None:
    """A table is aligned cell by cell: the sentences of a cell are linked to those of the same cell."""
    src.target, src.links = [], []
    for mine, theirs in zip(_cells_of(src), _cells_of(tgt), strict=True):
        ids = []
        for s in theirs:
            tid = f"{src.id}.t{len(src.target) + 1}"
            src.target.append(_target_sentence(tid, tgt, s))
            ids.append(tid)
        if mine or ids:
            src.links.append(Link(src=[s.id for s in mine], tgt=ids, score=1.0 if mine and ids else 0.0,
                                  status="auto" if mine and ids else "needs_review",
                                  flags=[] if mine and ids else ["dropped" if mine else "added"]))
