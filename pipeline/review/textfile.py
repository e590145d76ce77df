"""Applying a plain-text review file (written by ``pipeline.publish.review_file``) to the bitext.

Why a line format and not JSON: merging is deleting a blank line, splitting is adding one, moving a sentence
is moving its line. Applying is all or nothing: the first mistake is reported with its line number and the
document is left as it was.
"""

from __future__ import annotations

import copy
import re
from dataclasses import dataclass, field

from pipeline.bitext.document import LINK_STATUSES, Block, Document, Link
from pipeline.bitext.marks import clean_text
from pipeline.errors import ReviewError
from pipeline.publish.review_file import FINGERPRINT, fingerprint
from pipeline.review.ops import edit_texts

_SENTENCE = re.compile(r"^(src|tgt)\s+(\S+)\s*\|(.*)$")
_STATUS = re.compile(r"^@\s*(\S+)")

#: Where a document remembers the last review file applied to it: {"export": fingerprint, "result": fingerprint}.
APPLIED_KEY = "review_applied"


@dataclass
class _Para:
    line: int
    block: str = ""
    status: str | None = None
    status_line: int = 0
    src: list[str] = field(default_factory=list)
    tgt: list[str] = field(default_factory=list)


def _parse(text: str, doc: Document) -> tuple[list[_Para], dict[str, str]]:
    where: dict[str, tuple[Block, str]] = {}
    for block in doc.blocks:
        for link in block.links:
            for sid in link.src:
                where[sid] = (block, "src")
            for tid in link.tgt:
                where[tid] = (block, "tgt")
    paras: list[_Para] = []
    texts: dict[str, str] = {}
    seen: dict[str, int] = {}
    cur: _Para | None = None
    for no, raw in enumerate(text.splitlines(), start=1):
        line = raw.strip()
        if line.startswith("#"):
            continue
        if not line:
            cur = None
            continue
        if cur is None:
            cur = _Para(no)
            paras.append(cur)
        if m := _STATUS.match(line):
            if cur.status is not None:
                raise ReviewError(f"line {no}: a second '@' line in one link (line {cur.status_line}); "
                                  "to merge two links delete the blank line and the second '@' line")
            if m.group(1) not in LINK_STATUSES:
                raise ReviewError(f"line {no}: unknown status {m.group(1)!r}; use one of {', '.join(LINK_STATUSES)}")
            cur.status, cur.status_line = m.group(1), no
            continue
        m = _SENTENCE.match(line)
        if not m:
            raise ReviewError(f"line {no}: expected 'src ID | text', 'tgt ID | text', '@ STATUS' or a blank line")
        side, sid, body = m.group(1), m.group(2), m.group(3).strip()
        if sid not in where:
            raise ReviewError(f"line {no}: unknown sentence id {sid!r}")
        block, real_side = where[sid]
        if side != real_side:
            raise ReviewError(f"line {no}: {sid} is a {'source' if real_side == 'src' else 'target'} sentence; "
                              f"write '{real_side} {sid} | ...'")
        if sid in seen:
            raise ReviewError(f"line {no}: {sid} appears twice (first on line {seen[sid]})")
        if not body:
            raise ReviewError(f"line {no}: the text of {sid} is empty; merge its link instead of deleting the text")
        if cur.block and cur.block != block.id:
            raise ReviewError(f"line {no}: {sid} belongs to block {block.id} but its link to block {cur.block}; "
                              "links cannot cross blocks")
        cur.block = block.id
        seen[sid] = no
        texts[sid] = body
        getattr(cur, side).append(sid)
    for p in paras:
        if not p.block:
            raise ReviewError(f"line {p.line}: a link without sentences; delete this '@' line")
    missing = [sid for sid in where if sid not in seen]
    if missing:
        raise ReviewError(f"line {len(text.splitlines())}: sentence {missing[0]} is missing "
                          f"({len(missing)} missing); every sentence line must stay in the file")
    return paras, texts


def _check_order(paras: list[_Para], doc: Document) -> None:
    order = {b.id: i for i, b in enumerate(doc.blocks)}
    rank = {s.id: i for b in doc.blocks for i, s in enumerate([*b.source, *b.target])}
    last_block = -1
    last: dict[tuple[str, str], str] = {}
    for p in paras:
        if order[p.block] < last_block:
            raise ReviewError(f"line {p.line}: a link of block {p.block} after a later block; keep blocks in order")
        last_block = order[p.block]
        for side in ("src", "tgt"):
            for sid in getattr(p, side):
                prev = last.get((p.block, side))
                if prev is not None and rank[sid] < rank[prev]:
                    raise ReviewError(f"line {p.line}: {sid} comes after {prev}; sentences must stay in reading "
                                      "order (move a line only to the neighbouring link)")
                last[(p.block, side)] = sid


def apply_review_text(text: str, doc: Document) -> Document:
    """Return a new document with the review file's edits; raise ReviewError naming the line of a mistake.

    A file exported from this very version is applied as written. A file this document already took in
    (and that nothing changed since) is applied again without undoing reviews: applying the same file
    twice changes nothing. Any other file is stale: refused if it would change anything.
    """
    printed, at = _printed(text)
    current = fingerprint(doc)
    applied = doc.meta.settings.get(APPLIED_KEY) if isinstance(doc.meta.settings.get(APPLIED_KEY), dict) else {}
    fresh = bool(printed) and printed == current
    continued = bool(printed) and applied.get("export") == printed and applied.get("result") == current
    where = f"line {at}: " if at else ""
    stale = ReviewError(f"{where}the review file was written from another version of the document "
                        "(changed since the export, or another article); nothing was applied: export it "
                        "again with `bilingual publish BITEXT --format review`")
    try:
        new = _apply(text, doc, keep_reviewed=not fresh)
    except ReviewError:
        if fresh or continued:
            raise
        raise stale from None
    if fingerprint(new) == current and [b.target for b in new.blocks] == [b.target for b in doc.blocks]:
        return doc
    if not (fresh or continued):
        raise stale
    return new


def _printed(text: str) -> tuple[str, int]:
    """The fingerprint a review file was exported with, and its line (0: none)."""
    printed, at = "", 0
    for no, line in enumerate(text.splitlines(), start=1):
        if line.strip().startswith(FINGERPRINT):
            printed, at = line.strip()[len(FINGERPRINT):].strip(), no
    return printed, at


def remember_applied(text: str, new: Document) -> None:
    """Record in ``new`` which export it took in, so applying the same (or a further edited) file again is
    told apart from applying a stale one."""
    new.meta.settings[APPLIED_KEY] = {"export": _printed(text)[0], "result": fingerprint(new)}


def _apply(text: str, doc: Document, *, keep_reviewed: bool) -> Document:
    """The review file's edits on ``doc``; with ``keep_reviewed`` a status word never undoes a review."""
    paras, texts = _parse(text, doc)
    _check_order(paras, doc)
    new = copy.deepcopy(doc)
    originals = {(b.id, tuple(x.src), tuple(x.tgt)): x for b in doc.blocks for x in b.links}
    owner = {sid: x for b in doc.blocks for x in b.links for sid in [*x.src, *x.tgt]}
    by_block: dict[str, list[Link]] = {}
    written: list[str | None] = []
    for p in paras:
        old = originals.get((p.block, tuple(p.src), tuple(p.tgt)))
        flags = sorted({f for sid in p.src + p.tgt for f in owner[sid].flags})
        link = copy.deepcopy(old) if old else Link(list(p.src), list(p.tgt), None, "edited", flags)
        by_block.setdefault(p.block, []).append(link)
        # The status word counts when the person changed it from what was exported for this link (or, for a
        # merged/split link, for the link its first sentence came from).
        base = old or owner[(p.src or p.tgt)[0]]
        written.append(p.status if p.status is not None and p.status != base.status else None)
    for block in new.blocks:
        if block.id in by_block:
            block.links = by_block[block.id]
    changed = {sid: body for sid, body in texts.items() if body != clean_text(_text(doc, sid))}
    new = edit_texts(new, changed)
    final = [link for b in new.blocks if b.id in by_block for link in b.links]
    for link, status in zip(final, written, strict=True):
        if status is not None:
            if keep_reviewed and status in ("auto", "needs_review") and link.status in ("confirmed", "edited"):
                continue
            link.status = status
    return new


def _text(doc: Document, sid: str) -> str:
    for b in doc.blocks:
        for s in [*b.source, *b.target]:
            if s.id == sid:
                return s.text
    raise KeyError(sid)
