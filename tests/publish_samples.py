"""Test documents for the publish tests, built without any translation model.

The source side is segmented by the real segmenter; the target side comes from the human reference
translation (its paragraphs correspond one to one), split by the real splitter and linked in order.
A couple of links are marked ``needs_review`` or flagged so the marks appear in every format.
"""

from __future__ import annotations

import re
from pathlib import Path

from pipeline.bitext.document import Block, Document, Link, MachineTranslation, Sentence
from pipeline.segment.stage import segment_text
from pipeline.segment.splitter import sentence_spans

ROOT = Path(__file__).resolve().parent.parent
SEEDS = ROOT / "seeds"
FIXED_DATE = "2024-08-14T09:30:00+00:00"


def _split(text: str, bid: str) -> list[Sentence]:
    spans = sentence_spans(text) or [(0, len(text))]
    return [Sentence(id=f"{bid}.t{j}", text=text[s:e], start=s, end=e) for j, (s, e) in enumerate(spans, start=1)]


def link_in_order(block: Block) -> None:
    """1:1 links when both sides have as many sentences; otherwise one n:m link for the whole block."""
    if not block.source or not block.target:
        block.links = []
    elif len(block.source) == len(block.target):
        block.links = [Link(src=[s.id], tgt=[t.id], score=0.9) for s, t in zip(block.source, block.target)]
    else:
        block.links = [Link(src=[s.id for s in block.source], tgt=[t.id for t in block.target], score=0.6)]


def attach_translation(doc: Document, paragraphs: list[str]) -> Document:
    translatable = [b for b in doc.blocks if b.translate]
    assert len(translatable) == len(paragraphs), (len(translatable), len(paragraphs))
    for block, text in zip(translatable, paragraphs):
        block.target = _split(text, block.id)
        link_in_order(block)
    doc.meta.target_file = "human reference"
    doc.meta.target_origin = "human"
    doc.meta.created = doc.meta.updated = FIXED_DATE
    doc.meta.stages = {k: FIXED_DATE for k in doc.meta.stages}
    return doc


def paragraphs_of(text: str) -> list[str]:
    return [c.strip() for c in re.split(r"\n[ \t]*\n", text) if c.strip()]


def sample_document() -> Document:
    """The Belgorod article with its human translation; links of blocks b4 and b10 carry marks."""
    doc = segment_text((SEEDS / "belgorod.id.txt").read_text(encoding="utf-8"), source_file="seeds/belgorod.id.txt")
    attach_translation(doc, paragraphs_of((SEEDS / "belgorod.en.txt").read_text(encoding="utf-8")))
    doc.meta.model = {"name": "reference-translation", "revision": "test"}
    doc.block("b4").links[0].status = "needs_review"  # 2 source sentences -> 1 target sentence
    doc.block("b4").links[0].flags = ["numbers_missing"]
    doc.block("b10").links[0].status = "needs_review"  # 1 -> 2
    first = doc.block("b6").source[0]
    first.mt = MachineTranslation(text=doc.block("b6").target[0].text, score=-0.9, flags=["repetition"], model="test")
    doc.block("b8").links[0].status = "confirmed"
    doc.block("b12").links[0].status = "edited"
    return doc


MARKDOWN_ARTICLE = """\
# Judul artikel

Paragraf pertama. Kalimat kedua ada di sini.

## Bagian satu

- Butir pertama.
- Butir kedua dengan tautan https://example.com/sebuah/alamat/yang/sangat/panjang/sekali/tanpa/spasi/sama/sekali.
  1. Butir bertingkat.

> Kutipan dari seseorang. Lalu kalimat lain.

```python
print("kode tidak diterjemahkan")
```

Kata sangatpanjangsekalitanpaspasiyangharusdibungkusdenganbaikdilayarponsel di akhir.
"""

MARKDOWN_TRANSLATION = [
    "Article title",
    "First paragraph. The second sentence is here.",
    "Part one",
    "First item.",
    "Second item with a link https://example.com/sebuah/alamat/yang/sangat/panjang/sekali/tanpa/spasi/sama/sekali.",
    "Nested item.",
    "A quote from someone. Then another sentence.",
    "A verylongwordwithoutanyspacesthatmustwrapnicelyonaphonescreen at the end.",
]


def markdown_document() -> Document:
    doc = segment_text(MARKDOWN_ARTICLE, source_file="article.md")
    return attach_translation(doc, MARKDOWN_TRANSLATION)


HOSTILE_ARTICLE = """\
# Judul <script>window.__pwned = 1; alert(1)</script>

Paragraf dengan <img src=x onerror="window.__pwned = 2; alert(2)"> gambar jahat.

Tautan [klik di sini](javascript:window.__pwned=3) dan <a href="javascript:alert(4)">ini</a>.

<script>window.__pwned = 5; alert(5)</script>

<div onmouseover="window.__pwned = 6">html blok</div>

Teks "kutip" & 'apostrof' </span></p></main><script>window.__pwned=7</script> selesai.
"""


def hostile_document() -> Document:
    """A Markdown article full of markup that must show as text (or not at all) and never run."""
    doc = segment_text(HOSTILE_ARTICLE, source_file="hostile.md")
    translations = []
    for block in doc.blocks:
        if block.translate:
            translations.append(" ".join(s.text for s in block.source) + ' <script>window.__pwned=8</script>"><img src=x onerror=alert(9)>')
    attach_translation(doc, translations)
    doc.meta.title = '</title><script>window.__pwned=10</script>'
    doc.meta.model = {"name": '"><script>window.__pwned=11</script>', "revision": "<b>x</b>"}
    return doc


def large_document(n_sentences: int = 2000) -> Document:
    """About ``n_sentences`` source sentences (and as many targets), for the responsiveness test."""
    per_block = 5
    paragraphs_id, paragraphs_en = [], []
    for i in range(n_sentences // per_block):
        paragraphs_id.append(" ".join(f"Kalimat nomor {i * per_block + j} di paragraf {i}." for j in range(per_block)))
        paragraphs_en.append(" ".join(f"Sentence number {i * per_block + j} in paragraph {i}." for j in range(per_block)))
    doc = segment_text("\n\n".join(paragraphs_id), source_file="large.txt")
    return attach_translation(doc, paragraphs_en)


def publication_document() -> Document:
    """The sample as a web article run through machine translation: byline, date, site and address known."""
    doc = sample_document()
    doc.meta.author = "Rina Wulandari"
    doc.meta.date = "2024-08-14"
    doc.meta.site_name = "Kabar Contoh"
    doc.meta.source_url = "https://example.com/berita/belgorod-darurat"
    doc.meta.target_origin = "machine"
    doc.meta.target_file = ""
    doc.meta.model = {"name": "Helsinki-NLP/opus-mt-id-en", "revision": "0123456789abcdef0123456789abcdef01234567",
                      "path": "/home/someone/models/Helsinki-NLP__opus-mt-id-en"}
    return doc
