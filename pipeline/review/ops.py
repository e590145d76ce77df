"""Review operations on links, as pure functions: each takes a Document and returns a new one.

Why pure: the editor's undo/redo is then just a list of snapshots, the text round trip reuses the same
edits, and a failed operation can never leave a half-changed document behind.

Why an operation copies only the blocks it changes: at 10,000 links a deep copy of the whole document
takes most of a second, and a person presses keys faster than that. Untouched blocks are shared between
snapshots, which is safe because no operation changes a block it did not copy first; the editor also uses
the sharing to send only the blocks that changed.

A link is addressed by its block id and its 0-based position in ``block.links``. Links never cross blocks
(a paragraph is translated as a unit); merging or moving a sentence across the boundary of two adjacent
blocks of the same kind joins the two blocks into one, which repairs a paragraph the source broke in two.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field
from typing import NamedTuple

from pipeline.bitext.document import Block, Document, Link, Sentence
from pipeline.bitext import status as review_status
from pipeline.bitext.marks import clean_text
from pipeline.errors import ReviewError

DIRECTIONS = ("next", "prev")
SIDES = ("src", "tgt")
#: Blocks that can be joined with a neighbour of the same kind (a title, a heading or code cannot).
JOINABLE_KINDS = ("paragraph", "list_item", "quote")
#: Statuses "confirm all above" turns into ``confirmed``; an edited link was already looked at and stays edited.
UNREVIEWED = ("auto", "needs_review")


def needs_review(link: Link, block: Block | None = None) -> bool:
    """A link stands out until a person looked at it; the one definition is ``pipeline.bitext.status``.

    Without its block only the link's own flags are seen (not those of its machine translations).
    """
    return review_status.needs_review(block or Block(id="", kind="paragraph", text=""), link)


def link_label(block_id: str, index: int) -> str:
    """How a person names a link: ``b4·2`` is the second link of block b4 (the editor's jump box reads it)."""
    return f"{block_id}\u00b7{index + 1}"


def _position(doc: Document, block_id: str) -> int:
    for i, b in enumerate(doc.blocks):
        if b.id == block_id:
            return i
    raise ReviewError(f"no block {block_id!r} in the document")


def _block(doc: Document, block_id: str) -> Block:
    return doc.blocks[_position(doc, block_id)]


def _link(block: Block, index: int) -> Link:
    if not isinstance(index, int) or not 0 <= index < len(block.links):
        raise ReviewError(f"block {block.id} has no link {index + 1 if isinstance(index, int) else index!r} "
                          f"(it has {len(block.links)})")
    return block.links[index]


def _check(direction: str, side: str | None = None) -> None:
    if direction not in DIRECTIONS:
        raise ReviewError(f"direction must be 'next' or 'prev', not {direction!r}")
    if side is not None and side not in SIDES:
        raise ReviewError(f"side must be 'src' or 'tgt', not {side!r}")


def _edit(doc: Document, *block_ids: str) -> tuple[Document, list[Block]]:
    """A new document that shares every block with ``doc`` except ``block_ids``, which are fresh copies."""
    new = Document(meta=copy.deepcopy(doc.meta), blocks=list(doc.blocks), schema=doc.schema)
    copies = []
    for bid in block_ids:
        i = _position(new, bid)
        new.blocks[i] = copy.deepcopy(new.blocks[i])
        copies.append(new.blocks[i])
    return new, copies


def _shift(sentences: list[Sentence], delta: int) -> None:
    for s in sentences:
        s.start = None if s.start is None else s.start + delta
        s.end = None if s.end is None else s.end + delta


def join_blocks(doc: Document, block_id: str) -> Document:
    """Join a block with the block right after it: one paragraph, its sentences and links in reading order.

    Why: a source that broke a paragraph in two ("… media attention," / "in Kursk") leaves two links that
    belong together in different blocks. Sentence ids stay as they were, so nothing that names them breaks.
    """
    i = _position(doc, block_id)
    if i + 1 >= len(doc.blocks):
        raise ReviewError(f"block {block_id} is the last block; there is no block after it to join")
    a, b = doc.blocks[i], doc.blocks[i + 1]
    if a.kind != b.kind or a.kind not in JOINABLE_KINDS or a.translate != b.translate:
        raise ReviewError(f"cannot join {a.id} (a {a.kind.replace('_', ' ')}) with {b.id} "
                          f"(a {b.kind.replace('_', ' ')}): only two paragraphs, list items or quotes can be joined")
    new = Document(meta=copy.deepcopy(doc.meta), blocks=list(doc.blocks), schema=doc.schema)
    joined, tail = copy.deepcopy(a), copy.deepcopy(b)
    sep = "" if not a.text or a.text[-1].isspace() or b.text[:1].isspace() else " "
    shift = len(a.text) + len(sep)
    _shift(tail.source, shift)
    ends = [t.end for t in joined.target]
    if tail.target and ends and all(e is not None for e in ends):
        _shift(tail.target, max(e for e in ends if e is not None) + 1)
    for mark in tail.marks:
        mark.start += shift
        mark.end += shift
    joined.text = a.text + sep + b.text
    joined.source += tail.source
    joined.target += tail.target
    joined.links += tail.links
    joined.marks += tail.marks
    new.blocks[i:i + 2] = [joined]
    return new


def _across(doc: Document, block_id: str, index: int, direction: str) -> tuple[Document, str, int]:
    """Join the block with its neighbour in ``direction``; returns the document, the joined block and the
    link's new index in it. A link that is not at the block's edge has its neighbour inside the block."""
    i = _position(doc, block_id)
    if direction == "next":
        if i + 1 >= len(doc.blocks):
            raise ReviewError(f"{link_label(block_id, index)} is the last link of the document")
        return join_blocks(doc, block_id), block_id, index
    if i == 0:
        raise ReviewError(f"{link_label(block_id, index)} is the first link of the document")
    prev = doc.blocks[i - 1]
    return join_blocks(doc, prev.id), prev.id, index + len(prev.links)


def _neighbour(doc: Document, block_id: str, index: int, direction: str) -> tuple[Document, str, int]:
    """The document where the link and its neighbour share a block (joining two blocks if needed)."""
    _check(direction)
    block = _block(doc, block_id)
    _link(block, index)
    other = index + 1 if direction == "next" else index - 1
    if 0 <= other < len(block.links):
        return doc, block_id, index
    return _across(doc, block_id, index, direction)


class PairSpot(NamedTuple):
    """Where a link and its neighbour will sit once they share a block."""

    block: str  #: the block holding both
    index: int  #: the link's index in it
    joined: str | None  #: the block joined into ``block`` to get there, None if they already shared one


def pair_spot(doc: Document, block_id: str, index: int, direction: str) -> PairSpot:
    """Where a merge or move with the neighbour in ``direction`` happens (raises as the operation would)."""
    joined, bid, idx = _neighbour(doc, block_id, index, direction)
    if joined is doc:
        return PairSpot(bid, idx, None)
    gone = {b.id for b in doc.blocks} - {b.id for b in joined.blocks}
    return PairSpot(bid, idx, gone.pop())


def link_at(doc: Document, block_id: str, index: int) -> Link:
    return _link(_block(doc, block_id), index)


def sentence_ids(doc: Document, block_id: str) -> set[str]:
    b = _block(doc, block_id)
    return {s.id for s in [*b.source, *b.target]}


def text_of(doc: Document, sid: str) -> str:
    return find_sentence(doc, sid)[1].text


def _union(a: list[str], b: list[str]) -> list[str]:
    return [*a, *(x for x in b if x not in a)]


def merge(doc: Document, block_id: str, index: int, direction: str) -> Document:
    """Join a link with its next or previous neighbour into one n:m link (joining two blocks at their edge)."""
    doc, block_id, index = _neighbour(doc, block_id, index, direction)
    new, (block,) = _edit(doc, block_id)
    first, second = sorted((index, index + 1 if direction == "next" else index - 1))
    a, b = block.links[first], block.links[second]
    block.links[first:second + 1] = [Link(a.src + b.src, a.tgt + b.tgt, None, "edited", _union(a.flags, b.flags))]
    return new


def split(doc: Document, block_id: str, index: int, src_at: int | None = None, tgt_at: int | None = None) -> Document:
    """Cut a link in two: the first part keeps ``src[:src_at]`` and ``tgt[:tgt_at]``.

    By default the first sentence of each side stays and the rest goes to a new link, so repeated splits
    turn an n:m link into 1:1 links from the top.
    """
    new, (block,) = _edit(doc, block_id)
    link = _link(block, index)
    n, m = len(link.src), len(link.tgt)
    src_at = min(1, n) if src_at is None else src_at
    tgt_at = min(1, m) if tgt_at is None else tgt_at
    if not (0 <= src_at <= n and 0 <= tgt_at <= m):
        raise ReviewError(f"cannot split {link_label(block_id, index)} at {src_at}/{tgt_at}")
    head = Link(link.src[:src_at], link.tgt[:tgt_at], None, "edited", list(link.flags))
    tail = Link(link.src[src_at:], link.tgt[tgt_at:], None, "edited", list(link.flags))
    if not (head.src or head.tgt) or not (tail.src or tail.tgt):
        raise ReviewError(f"{link_label(block_id, index)} has only one sentence per side; nothing to split")
    block.links[index:index + 1] = [head, tail]
    return new


def _fresh_id(doc: Document, block_id: str, side: str) -> str:
    used = {s.id for b in doc.blocks for s in [*b.source, *b.target]}
    letter = "s" if side == "src" else "t"
    n = 1 + max((int(x.rsplit(letter, 1)[1]) for x in used
                 if x.startswith(f"{block_id}.{letter}") and x.rsplit(letter, 1)[1].isdigit()), default=0)
    while f"{block_id}.{letter}{n}" in used:
        n += 1
    return f"{block_id}.{letter}{n}"


def cut_sentence(doc: Document, sid: str, offset: int) -> tuple[Document, str]:
    """Cut one sentence in two at character ``offset`` of its text; returns the document and the new id.

    The second half gets a new id and follows the first in its side and in its link. A source sentence
    stays an exact substring of the block text; its machine translation stays with the first half.
    """
    block, sent, side = find_sentence(doc, sid)
    text = sent.text
    if not isinstance(offset, int) or not 0 <= offset <= len(text):
        raise ReviewError(f"cannot cut {sid} at {offset!r}: it has {len(text)} characters")
    head, tail = text[:offset].rstrip(), text[offset:].lstrip()
    if not head or not tail:
        raise ReviewError(f"the cursor is at the {'start' if not head else 'end'} of {sid}; nothing to cut")
    new_id = _fresh_id(doc, block.id, side)
    new, (blk,) = _edit(doc, block.id)
    sentences = blk.source if side == "src" else blk.target
    j = next(k for k, s in enumerate(sentences) if s.id == sid)
    first = sentences[j]
    lead = len(text) - offset - len(tail)
    second = Sentence(new_id, tail, None if first.start is None else first.start + offset + lead, first.end)
    first.text, first.end = head, None if first.start is None else first.start + len(head)
    sentences.insert(j + 1, second)
    for link in blk.links:
        ids: list[str] = getattr(link, side)
        if sid in ids:
            ids.insert(ids.index(sid) + 1, new_id)
    return new, new_id


def _proportional_cut(lengths: list[int], fraction: float) -> int:
    """Where to cut the other side of a link: the sentence boundary closest to the same share of its text."""
    total = sum(lengths) or 1
    best, best_gap, cum = 0, abs(fraction), 0
    for k, n in enumerate(lengths, start=1):
        cum += n
        if abs(cum / total - fraction) < best_gap:
            best, best_gap = k, abs(cum / total - fraction)
    return best


def split_at(doc: Document, block_id: str, index: int, sid: str, offset: int) -> Document:
    """Split a link at a cursor: at character ``offset`` of sentence ``sid``.

    Inside a sentence the sentence itself is cut in two first; at a sentence's start or end the link is cut
    at that boundary. The link's other side is cut at the boundary closest to the same share of its text,
    which is right for most 2:2 and 1:2 links and is one move away from right for the rest.
    """
    block = _block(doc, block_id)
    link = _link(block, index)
    side = "src" if sid in link.src else "tgt" if sid in link.tgt else None
    if side is None:
        raise ReviewError(f"sentence {sid!r} is not in {link_label(block_id, index)}")
    text = block.sentence(sid).text
    if not isinstance(offset, int) or not 0 <= offset <= len(text):
        raise ReviewError(f"cannot split at character {offset!r} of {sid}: it has {len(text)} characters")
    if text[:offset].strip() and text[offset:].strip():
        doc, _ = cut_sentence(doc, sid, offset)
        block = _block(doc, block_id)
        link = block.links[index]
        cut = getattr(link, side).index(sid) + 1
    else:
        cut = getattr(link, side).index(sid) + (0 if not text[:offset].strip() else 1)
    ids: list[str] = getattr(link, side)
    if not 0 < cut < len(ids):
        where = "start" if cut == 0 else "end"
        raise ReviewError(f"the cursor is at the {where} of {link_label(block_id, index)}; "
                          "put it between two sentences or inside one")
    texts = {s.id: s.text for s in [*block.source, *block.target]}
    lengths = [len(texts[i]) for i in ids]
    fraction = sum(lengths[:cut]) / (sum(lengths) or 1)
    other = "tgt" if side == "src" else "src"
    other_cut = _proportional_cut([len(texts[i]) for i in getattr(link, other)], fraction)
    cuts = {side: cut, other: other_cut}
    return split(doc, block_id, index, src_at=cuts["src"], tgt_at=cuts["tgt"])


def move(doc: Document, block_id: str, index: int, side: str, direction: str) -> Document:
    """Shift one sentence to the neighbouring link, keeping reading order (joining two blocks at their edge).

    ``next`` moves the link's last sentence of ``side`` to the front of the next link; ``prev`` moves its first
    sentence to the end of the previous link. A link left with no sentence at all disappears.
    """
    _check(direction, side)
    link = _link(_block(doc, block_id), index)
    if not getattr(link, side):
        raise ReviewError(f"{link_label(block_id, index)} has no {'source' if side == 'src' else 'target'} "
                          "sentence to move")
    doc, block_id, index = _neighbour(doc, block_id, index, direction)
    new, (block,) = _edit(doc, block_id)
    link = block.links[index]
    other = block.links[index + 1 if direction == "next" else index - 1]
    mine: list[str] = getattr(link, side)
    theirs: list[str] = getattr(other, side)
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
    new, (block,) = _edit(doc, block_id)
    link = _link(block, index)
    link.status = "confirmed" if confirmed else "needs_review"
    return new


def confirm_upto(doc: Document, block_id: str, index: int) -> Document:
    """Confirm every link not yet reviewed from the start of the document down to this one (included).

    Edited links stay ``edited``: a person already changed them, and that is worth more to know.
    """
    last = _position(doc, block_id)
    _link(doc.blocks[last], index)
    touched = [b.id for i, b in enumerate(doc.blocks[:last + 1])
               if any(x.status in UNREVIEWED for x in (b.links if i < last else b.links[:index + 1]))]
    if not touched:
        raise ReviewError(f"every link down to {link_label(block_id, index)} is already confirmed or edited")
    new, copies = _edit(doc, *touched)
    for blk in copies:
        limit = index + 1 if blk.id == block_id else len(blk.links)
        for link in blk.links[:limit]:
            if link.status in UNREVIEWED:
                link.status = "confirmed"
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


def _unchanged_ends(old: str, text: str) -> tuple[int, int]:
    """Lengths of the common start and end of two texts (never overlapping)."""
    head = 0
    while head < min(len(old), len(text)) and old[head] == text[head]:
        head += 1
    tail = 0
    while tail < min(len(old), len(text)) - head and old[-1 - tail] == text[-1 - tail]:
        tail += 1
    return head, tail


def _replace_target(sent: Sentence, text: str) -> None:
    """A translation's own marks (links carried from the source) follow an edit as a source's marks do."""
    if sent.marks:
        head, tail = _unchanged_ends(sent.text, text)
        holder = Block(id="", kind="paragraph", text=sent.text, marks=sent.marks)
        _shift_marks(holder, head, len(sent.text) - tail, len(text) - head - tail)
        sent.marks = holder.marks
    sent.text = text


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
    head, tail = _unchanged_ends(old, text)
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
    where = {s.id: b.id for b in doc.blocks for s in [*b.source, *b.target]}
    for sid in edits:
        if sid not in where:
            raise ReviewError(f"no sentence {sid!r} in the document")
    cleaned = {sid: clean_text(raw) for sid, raw in edits.items()}
    for sid, text in cleaned.items():
        if not text:
            raise ReviewError(f"sentence {sid} would be empty; merge its link instead of deleting the text")
    changed = {sid: text for sid, text in cleaned.items()
               if text != clean_text(_block(doc, where[sid]).sentence(sid).text)}
    new, _ = _edit(doc, *dict.fromkeys(where[sid] for sid in changed))
    for sid, text in changed.items():
        block, sent, side = find_sentence(new, sid)
        if side == "src":
            _replace_source(block, sent, text)
        else:
            _replace_target(sent, text)
        for link in block.links:
            if sid in link.src or sid in link.tgt:
                link.status = "edited"
    return new


#: Where a change happened: (block id, link index), as it reads in the document the change applies to.
Spot = tuple[str, int]


@dataclass(frozen=True)
class Change:
    """What one history step did, in words for the person, and which link to show before and after it."""

    label: str
    before: Spot | None = None
    after: Spot | None = None


@dataclass
class History:
    """Undo/redo over document snapshots; cheap because snapshots share every block a change did not touch."""

    states: list[Document] = field(default_factory=list)
    position: int = 0
    #: ``changes[i]`` led from ``states[i - 1]`` to ``states[i]`` (``changes[0]`` is the opening, None).
    changes: list[Change | None] = field(default_factory=list)

    @classmethod
    def start(cls, doc: Document) -> History:
        return cls([doc], 0, [None])

    @property
    def current(self) -> Document:
        return self.states[self.position]

    def push(self, doc: Document, change: Change | None = None) -> None:
        del self.states[self.position + 1:]
        del self.changes[self.position + 1:]
        self.states.append(doc)
        self.changes.append(change)
        self.position += 1

    def can_undo(self) -> bool:
        return self.position > 0

    def can_redo(self) -> bool:
        return self.position < len(self.states) - 1

    def next_undo(self) -> Change | None:
        """The change an undo would take back."""
        return self.changes[self.position] if self.can_undo() else None

    def next_redo(self) -> Change | None:
        """The change a redo would make again."""
        return self.changes[self.position + 1] if self.can_redo() else None

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
