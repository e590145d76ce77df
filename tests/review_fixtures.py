"""Test-only: a bitext of the sample article built without any model.

Why: review tests need a realistic aligned document (several blocks, 1:1 and n:m links, a doubtful link)
in milliseconds. The reference translation's paragraphs correspond 1:1 to the article's blocks; sentences
are linked in order, surplus sentences go to the last link of the block.
"""

from __future__ import annotations

from pathlib import Path

from pipeline.bitext.document import Document, Link, Sentence
from pipeline.segment.stage import segment_text
from pipeline.segment.splitter import sentence_spans

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


_WORDS_ID = ("pemerintah", "wilayah", "perbatasan", "menyatakan", "keadaan", "darurat", "pasukan", "serangan",
             "warga", "kota", "pada", "hari", "Rabu", "setelah", "laporan", "kementerian", "pertahanan", "Rusia")
_WORDS_EN = ("the", "government", "region", "border", "declared", "emergency", "troops", "attack", "residents",
             "city", "on", "Wednesday", "after", "report", "ministry", "defence", "Russia", "said")


def generated_document(n_links: int, seed: int = 0, per_block: int = 4) -> Document:
    """A long aligned document of exactly ``n_links`` links, for editor tests and the editor bench.

    Why generated: review speed depends on the number of links, not on the words; a seeded mix of 1:1,
    2:1, 1:2 and 1:0 links, doubtful and confirmed ones, with sentences of varied length, looks to the
    editor like a long real document.
    """
    import random

    from pipeline.bitext.document import Block, Meta

    rng = random.Random(seed)

    def sentence(words: tuple[str, ...]) -> str:
        text = " ".join(rng.choice(words) for _ in range(rng.randint(4, 28)))
        return text[0].upper() + text[1:] + "."

    blocks: list[Block] = []
    made = 0
    while made < n_links:
        bid = f"b{len(blocks) + 1}"
        k = min(per_block, n_links - made)
        kinds = [rng.choices(("1:1", "2:1", "1:2", "1:0"), (85, 6, 6, 3))[0] for _ in range(k)]
        texts, spans, src, tgt, links = [], [], [], [], []
        pos = 0
        for kind in kinds:
            n_src, n_tgt = (int(x) for x in kind.split(":"))
            ids_s, ids_t = [], []
            for _ in range(n_src):
                text = sentence(_WORDS_ID)
                sid = f"{bid}.s{len(src) + 1}"
                src.append(Sentence(sid, text, pos, pos + len(text)))
                texts.append(text)
                pos += len(text) + 1
                ids_s.append(sid)
            for _ in range(n_tgt):
                tid = f"{bid}.t{len(tgt) + 1}"
                tgt.append(Sentence(tid, sentence(_WORDS_EN)))
                ids_t.append(tid)
            status = "needs_review" if kind != "1:1" and rng.random() < 0.7 else rng.choice(("auto",) * 8 + ("confirmed",))
            links.append(Link(ids_s, ids_t, round(rng.uniform(0.2, 1.0), 2), status))
        blocks.append(Block(bid, "paragraph", " ".join(texts), source=src, target=tgt, links=links))
        made += k
    return Document(Meta(title=f"Generated document of {n_links} links", source_file="generated.txt"), blocks)
