"""Test-only: a bitext of the sample article built without any model.

Why: review tests need a realistic aligned document (several blocks, 1:1 and n:m links, a doubtful link)
in milliseconds. The reference translation's paragraphs correspond 1:1 to the article's blocks; sentences
are linked in order, surplus sentences go to the last link of the block.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.document import Document, Link, Sentence
from pipeline.segment import segment_text
from pipeline.splitter import sentence_spans

ROOT = Path(__file__).resolve().parent.parent


def _paragraphs(text: str) -> list[str]:
    return [p.strip() for p in text.replace("\r\n", "\n").split("\n\n") if p.strip()]


def belgorod_document() -> Document:
    src = (ROOT / "seeds" / "belgorod.id.txt").read_text(encoding="utf-8")
    tgt = _paragraphs((ROOT / "seeds" / "belgorod.en.txt").read_text(encoding="utf-8"))
    doc = segment_text(src, source_file="seeds/belgorod.id.txt")
    blocks = [b for b in doc.blocks if b.source]
    assert len(blocks) == len(tgt), (len(blocks), len(tgt))
    for block, para in zip(blocks, tgt):
        block.target = [Sentence(f"{block.id}.t{j}", para[s:e], s, e)
                        for j, (s, e) in enumerate(sentence_spans(para), start=1)]
        n = min(len(block.source), len(block.target))
        links = [Link([block.source[i].id], [block.target[i].id], 0.9, "auto") for i in range(n)]
        links[-1].src += [s.id for s in block.source[n:]]
        links[-1].tgt += [t.id for t in block.target[n:]]
        if len(links[-1].src) != len(links[-1].tgt):
            links[-1].status, links[-1].score = "needs_review", 0.3
        block.links = links
    doc.meta.target_origin = "human"
    return doc
