"""The sentence pairs every exchange format is built from: one pair per link, in reading order.

Why one shared view: TMX, XLIFF, TSV and JSONL must all agree on what a "pair" is (which sentences,
joined how, with which status), so a round trip through any of them yields the same pairs.
"""

from __future__ import annotations

import re
from collections.abc import Collection
from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Document, Link
from pipeline.bitext.status import link_flags

#: Characters XML 1.0 forbids even when escaped; a stray control code from a CMS export would
#: otherwise make the whole TMX/XLIFF file unreadable.
_XML_FORBIDDEN = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")


@dataclass
class Pair:
    block: Block
    index: int  # 1-based position of the link in its block
    link: Link
    source: str
    target: str
    flags: list[str] = field(default_factory=list)

    @property
    def id(self) -> str:
        return f"{self.block.id}.l{self.index}"


def xml_safe(text: str) -> str:
    return _XML_FORBIDDEN.sub("", text)


def join_sentences(block: Block, ids: list[str]) -> str:
    """Sentences of one side of a link, in document order, separated by one space."""
    return " ".join(" ".join(block.sentence(i).text.split()) for i in ids)


def iter_pairs(doc: Document, statuses: Collection[str] | None = None) -> list[Pair]:
    """Every link as a pair; with ``statuses``, only links of those statuses (``index`` stays the link's own)."""
    pairs: list[Pair] = []
    for block in doc.blocks:
        if not block.translate:
            continue
        for i, link in enumerate(block.links, start=1):
            if statuses is not None and link.status not in statuses:
                continue
            pairs.append(
                Pair(
                    block=block,
                    index=i,
                    link=link,
                    source=join_sentences(block, link.src),
                    target=join_sentences(block, link.tgt),
                    flags=link_flags(block, link),
                )
            )
    return pairs


def target_text(block: Block) -> str:
    """The translation of a block as running text: its target sentences, or nothing yet."""
    return " ".join(" ".join(s.text.split()) for s in block.target)


def source_text(block: Block) -> str:
    if not block.translate:
        return block.text
    return " ".join(" ".join(s.text.split()) for s in block.source) or block.text
