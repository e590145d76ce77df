"""Carry a person's work from the bitext on disk into a freshly segmented article.

Why sentence level: a rerun after an edit of one paragraph used to drop every correction in that paragraph,
since only unchanged blocks were taken over. Here an unchanged block is still taken over whole; in a changed
block each reviewed link whose source sentences are still there, unchanged and next to each other, keeps
its reviewed translation and status; machine translations of identical sentences are reused anywhere. A
reviewed link whose sentences changed is kept in ``Document.orphans`` and reported: never dropped.
"""

from __future__ import annotations

import copy
from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Document, Link, MachineTranslation, Orphan, Sentence, now_iso

#: Statuses that mean a person looked at or changed the link.
REVIEWED = ("confirmed", "edited")


@dataclass
class CarryReport:
    reused: int = 0  # source sentences that keep a translation
    links: int = 0  # reviewed links put back on changed paragraphs
    orphans: list[Orphan] = field(default_factory=list)  # new orphans of this carry-over


def _norm(text: str) -> str:
    return " ".join(text.split())


def _reid(old_block: Block, new_id: str) -> Block:
    """The old block under the id of its new position (sentence ids carry the block id as prefix)."""
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


def _find_run(block: Block, texts: list[str], claimed: set[str]) -> list[Sentence] | None:
    """Unclaimed consecutive source sentences of ``block`` with exactly ``texts``."""
    n = len(texts)
    for i in range(len(block.source) - n + 1):
        run = block.source[i:i + n]
        if all(_norm(s.text) == t and s.id not in claimed for s, t in zip(run, texts, strict=True)):
            return run
    return None


def _similarity(a: Block, b: Block) -> int:
    words = {_norm(s.text) for s in a.source}
    return sum(1 for s in b.source if _norm(s.text) in words)


def _carry_links(new: Document, old_block: Block, candidates: list[int], claimed: set[str],
                 report: CarryReport) -> None:
    """Put ``old_block``'s reviewed links on sentences of the new blocks at ``candidates``, else orphan them."""
    texts = {s.id: s for s in [*old_block.source, *old_block.target]}
    ranked = sorted(candidates, key=lambda i: -_similarity(old_block, new.blocks[i]))
    last_home: Block | None = None
    for link in old_block.links:
        if link.status not in REVIEWED:
            continue
        src_texts = [_norm(texts[s].text) for s in link.src]
        home, run = None, None
        if src_texts:
            for i in ranked:
                run = _find_run(new.blocks[i], src_texts, claimed)
                if run is not None:
                    home = new.blocks[i]
                    break
        elif last_home is not None:  # a reviewed target sentence with no source: stays after its neighbour
            home, run = last_home, []
        if home is None or run is None:
            report.orphans.append(Orphan(
                src=[texts[s].text for s in link.src], tgt=[texts[t].text for t in link.tgt], status=link.status,
                block=old_block.id, reason="its source sentences changed or were removed from the article",
                date=now_iso()))
            continue
        for old_sid, sent in zip(link.src, run, strict=True):
            claimed.add(sent.id)
            if sent.mt is None and texts[old_sid].mt is not None:
                sent.mt = copy.deepcopy(texts[old_sid].mt)
        tgt_ids = []
        for t in link.tgt:
            tid = f"{home.id}.c{len(home.target) + 1}"
            home.target.append(Sentence(id=tid, text=texts[t].text))
            tgt_ids.append(tid)
        home.links.append(Link([s.id for s in run], tgt_ids, link.score, link.status, list(link.flags)))
        last_home = home
        report.links += 1


def carry_work(new: Document, old: Document) -> CarryReport:
    """Bring finished work from ``old`` into the freshly segmented ``new`` (see the module docstring)."""
    report = CarryReport()
    old_blocks: dict[tuple[str, str], list[Block]] = {}
    for b in old.blocks:
        old_blocks.setdefault((b.kind, b.text), []).append(b)
    # a translation carries its source's marks (link addresses): reused only where those are the same;
    # elsewhere the translation memory answers for the same words and the new marks are placed anew
    by_text: dict[tuple[str, tuple[tuple[int, int, str, str | None], ...]], list[MachineTranslation]] = {}
    for ob, s in old.iter_source():
        if s.mt is not None:
            by_text.setdefault((s.text, _marks_in(ob, s)), []).append(s.mt)
    taken: set[int] = set()
    changed: list[int] = []
    for i, b in enumerate(new.blocks):
        same = old_blocks.get((b.kind, b.text))
        if same and [s.text for s in same[0].source] == [s.text for s in b.source]:
            old_b = same.pop(0)
            taken.add(id(old_b))
            new.blocks[i] = _reid(old_b, b.id)
            _readdress(new.blocks[i], b)
            new.blocks[i].marks = b.marks  # same words, but a link's address may have changed in the article
            new.blocks[i].raw = b.raw
            report.reused += sum(1 for s in new.blocks[i].source if s.mt is not None)
        else:
            changed.append(i)
    claimed: set[str] = set()
    for old_b in old.blocks:
        if id(old_b) not in taken and any(link.status in REVIEWED for link in old_b.links):
            _carry_links(new, old_b, changed, claimed, report)
    for i in changed:
        for s in new.blocks[i].source:
            key = (s.text, _marks_in(new.blocks[i], s))
            if s.mt is None and by_text.get(key):
                s.mt = copy.deepcopy(by_text[key][0])
            report.reused += s.mt is not None
    if report.reused:
        new.meta.model = dict(old.meta.model)
    if old.meta.stages.get("align"):
        new.meta.stages.setdefault("align", old.meta.stages["align"])
    seen = {(tuple(o.src), tuple(o.tgt)) for o in new.orphans}
    for o in [*old.orphans, *report.orphans]:
        if (tuple(o.src), tuple(o.tgt)) not in seen:
            seen.add((tuple(o.src), tuple(o.tgt)))
            new.orphans.append(o)
    return report


def carry_over(new: Document, old: Document) -> int:
    """:func:`carry_work`, returning the number of source sentences that keep a translation."""
    return carry_work(new, old).reused
