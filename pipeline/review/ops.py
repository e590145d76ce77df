"""Review operations on links, as pure functions: each takes a Document and returns a new one.

Why pure: the editor's undo/redo is then just a list of snapshots, the text round trip reuses the same
edits, and a failed operation can never leave a half-changed document behind.

A link is addressed by its block id and its 0-based position in ``block.links``. Links never cross blocks
(a paragraph is translated as a unit), so merging or moving across a block boundary is refused.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from pipeline.document import Block, Document, Link, Sentence
from pipeline import review_status
from pipeline.errors import ReviewError

DIRECTIONS = ("next", "prev")
SIDES = ("src", "tgt")


def needs_review(link: Link, block: Block | None = None) -> bool:
    """A link stands out until a person looked at it; the one definition is ``pipeline.review_status``.

    Without its block only the link's own flags are seen (not those of its machine translations).
    """
    return review_status.needs_review(block or Block(id="", kind="paragraph", text=""), link)


def _block(doc: Document, block_id: str) -> Block:
    try:
        return doc.block(block_id)
    except KeyError:
        raise ReviewError(f"no block {block_id!r} in the document") from None


def _link(block: Block, index: int) -> Link:
    if not 0 <= index < len(block.links):
        raise ReviewError(f"block {block.id} has no link {index + 1} (it has {len(block.links)})")
    return block.links[index]


def _neighbour(block: Block, index: int, direction: str) -> int:
    if direction not in DIRECTIONS:
        raise ReviewError(f"direction must be 'next' or 'prev', not {direction!r}")
    other = index + 1 if direction == "next" else index - 1
    if not 0 <= other < len(block.links):
        where = "last" if direction == "next" else "first"
        raise ReviewError(f"link {index + 1} is the {where} link of block {block.id}; links cannot cross blocks")
    return other


def _union(a: list[str], b: list[str]) -> list[str]:
    return [*a, *(x for x in b if x not in a)]


def merge(doc: Document, block_id: str, index: int, direction: str) -> Document:
    """Join a link with its next or previous neighbour into one n:m link."""
    new = copy.deepcopy(doc)
    block = _block(new, block_id)
    _link(block, index)
    other = _neighbour(block, index, direction)
    first, second = sorted((index, other))
    a, b = block.links[first], block.links[second]
    block.links[first:second + 1] = [Link(a.src + b.src, a.tgt + b.tgt, None, "edited", _union(a.flags, b.flags))]
    return new


def split(doc: Document, block_id: str, index: int, src_at: int | None = None, tgt_at: int | None = None) -> Document:
    """Cut a link in two: the first part keeps ``src[:src_at]`` and ``tgt[:tgt_at]``.

    By default the first sentence of each side stays and the rest goes to a new link, so repeated splits
    turn an n:m link into 1:1 links from the top.
    """
    new = copy.deepcopy(doc)
    block = _block(new, block_id)
    link = _link(block, index)
    n, m = len(link.src), len(link.tgt)
    src_at = min(1, n) if src_at is None else src_at
    tgt_at = min(1, m) if tgt_at is None else tgt_at
    if not (0 <= src_at <= n and 0 <= tgt_at <= m):
        raise ReviewError(f"cannot split link {index + 1} of block {block_id} at {src_at}/{tgt_at}")
    head = Link(link.src[:src_at], link.tgt[:tgt_at], None, "edited", list(link.flags))
    tail = Link(link.src[src_at:], link.tgt[tgt_at:], None, "edited", list(link.flags))
    if not (head.src or head.tgt) or not (tail.src or tail.tgt):
        raise ReviewError(f"link {index + 1} of block {block_id} has only one sentence per side; nothing to split")
    block.links[index:index + 1] = [head, tail]
    return new


def move(doc: Document, block_id: str, index: int, side: str, direction: str) -> Document:
    """Shift one sentence to the neighbouring link, keeping reading order.

    ``next`` moves the link's last sentence of ``side`` to the front of the next link; ``prev`` moves its first
    sentence to the end of the previous link. A link left with no sentence at all disappears.
    """
    if side not in SIDES:
        raise ReviewError(f"side must be 'src' or 'tgt', not {side!r}")
    new = copy.deepcopy(doc)
    block = _block(new, block_id)
    link = _link(block, index)
    other = block.links[_neighbour(block, index, direction)]
    mine: list[str] = getattr(link, side)
    theirs: list[str] = getattr(other, side)
    if not mine:
        raise ReviewError(f"link {index + 1} of block {block_id} has no {'source' if side == 'src' else 'target'} sentence to move")
    if direction == "next":
        theirs.insert(0, mine.pop())
    else:
        theirs.append(mine.pop(0))
    for changed in (link, other):
        changed.status, changed.score = "edited", None
    block.links = [x for x in block.links if x.src or x.tgt]
    return new


def set_confirmed(doc: Document, block_id: str, index: int, confirmed: bool) -> Document:
    """Confirm a link, or take a confirmation back (the link then needs review again, so it is not forgotten)."""
    new = copy.deepcopy(doc)
    link = _link(_block(new, block_id), index)
    link.status = "confirmed" if confirmed else "needs_review"
    return new


def find_sentence(doc: Document, sid: str) -> tuple[Block, Sentence, str]:
    """Return the block, the sentence and its side ('src' or 'tgt')."""
    for block in doc.blocks:
        for s in block.source:
            if s.id == sid:
                return block, s, "src"
        for s in block.target:
            if s.id == sid:
                return block, s, "tgt"
    raise ReviewError(f"no sentence {sid!r} in the document")


def clean_text(text: str) -> str:
    """Sentences are single lines: a person's line breaks inside one sentence become spaces."""
    return " ".join(text.split())


def _shift_marks(block: Block, start: int, end: int, new_len: int) -> None:
    """Keep the inline marks valid after ``block.text[start:end]`` became ``new_len`` characters.

    Marks before the change stay, marks after it move, a mark around the whole change grows or shrinks
    with it (a typo fixed inside a link keeps the link); a mark the change cuts into is dropped, since
    nobody can tell which words it should now cover.
    """
    delta = new_len - (end - start)
    kept = []
    for mark in block.marks:
        if mark.end <= start:
            kept.append(mark)
        elif mark.start >= end:
            mark.start += delta
            mark.end += delta
            kept.append(mark)
        elif mark.start <= start and end <= mark.end and mark.end + delta > mark.start:
            mark.end += delta
            kept.append(mark)
    block.marks = kept


def _replace_source(block: Block, sent: Sentence, text: str) -> None:
    """Keep the invariant that source sentences are exact substrings of ``block.text`` at their offsets."""
    s, e = sent.start, sent.end
    if s is None or e is None or block.text[s:e] != sent.text:
        pos = block.text.find(sent.text)
        if pos < 0:
            sent.text = text
            return
        s, e = pos, pos + len(sent.text)
    old = block.text[s:e]
    # only the characters that really changed count as edited, so marks elsewhere in the sentence stay
    head = 0
    while head < min(len(old), len(text)) and old[head] == text[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(text)) - head and old[-1 - tail] == text[-1 - tail]:
        tail += 1
    _shift_marks(block, s + head, e - tail, len(text) - head - tail)
    block.text = block.text[:s] + text + block.text[e:]
    delta = len(text) - (e - s)
    for other in block.source:
        if other is not sent and other.start is not None and other.start >= e:
            other.start += delta
            other.end = None if other.end is None else other.end + delta
    sent.text, sent.start, sent.end = text, s, s + len(text)


def edit_texts(doc: Document, edits: dict[str, str]) -> Document:
    """Replace the text of sentences (target, or source for typos); their links become ``edited``."""
    new = copy.deepcopy(doc)
    for sid, raw in edits.items():
        text = clean_text(raw)
        if not text:
            raise ReviewError(f"sentence {sid} would be empty; merge its link instead of deleting the text")
        block, sent, side = find_sentence(new, sid)
        if text == clean_text(sent.text):
            continue
        if side == "src":
            _replace_source(block, sent, text)
        else:
            sent.text = text
        for link in block.links:
            if sid in link.src or sid in link.tgt:
                link.status = "edited"
    return new


@dataclass
class History:
    """Undo/redo over document snapshots; cheap because a bitext file is small."""

    states: list[Document] = field(default_factory=list)
    position: int = 0

    @classmethod
    def start(cls, doc: Document) -> History:
        return cls([doc], 0)

    @property
    def current(self) -> Document:
        return self.states[self.position]

    def push(self, doc: Document) -> None:
        del self.states[self.position + 1:]
        self.states.append(doc)
        self.position += 1

    def can_undo(self) -> bool:
        return self.position > 0

    def can_redo(self) -> bool:
        return self.position < len(self.states) - 1

    def undo(self) -> Document:
        if not self.can_undo():
            raise ReviewError("nothing to undo")
        self.position -= 1
        return self.current

    def redo(self) -> Document:
        if not self.can_redo():
            raise ReviewError("nothing to redo")
        self.position += 1
        return self.current
