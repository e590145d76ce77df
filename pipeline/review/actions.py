"""What the editor's buttons do: a table of operations, each with the arguments it takes and its label.

Why a table: the server answered every operation from one if-chain that also checked each argument in its
own words. Here each operation names the arguments it needs (checked, with the editor's error message,
before anything runs) and a handler that makes the change with ``pipeline.review.ops`` and says what it
did, naming the links as the editor shows them (``b4·2``). The session's own operations (undo, redo,
publish, reload) act on its history and file, not on the document, and stay in ``pipeline.review.server``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from pipeline.bitext.document import Document, Link
from pipeline.errors import ReviewError
from pipeline.review import ops

Request = dict[str, Any]
Handler = Callable[[Document, Request], tuple[Document, ops.Change]]


def _is_int(value: object) -> bool:
    return isinstance(value, int) and not isinstance(value, bool)


def _is_edits(value: object) -> bool:
    return isinstance(value, dict) and bool(value) and all(isinstance(v, str) for v in value.values())


@dataclass(frozen=True)
class Arg:
    """One argument of a request: the test it must pass, and what the editor is told when it does not."""

    name: str
    valid: Callable[[object], bool]
    error: str


#: The link an operation works on: ``block`` (coerced to text) and ``index``.
LINK = Arg("index", _is_int, "no link selected")


@dataclass(frozen=True)
class Operation:
    handler: Handler
    args: tuple[Arg, ...] = (LINK,)

    def run(self, doc: Document, req: Request) -> tuple[Document, ops.Change]:
        for arg in self.args:
            if not arg.valid(req.get(arg.name)):
                raise ReviewError(arg.error)
        return self.handler(doc, req)


def _spot(req: Request) -> tuple[str, int]:
    return str(req.get("block", "")), req["index"]


def _shape(link: Link) -> str:
    return f"{len(link.src)}:{len(link.tgt)}"


def _merge(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    block, index = here = _spot(req)
    direction = str(req.get("direction"))
    pair = ops.pair_spot(doc, block, index, direction)
    new = ops.merge(doc, block, index, direction)
    at = (pair.block, pair.index if direction == "next" else pair.index - 1)
    other = ops.link_label(block, index + 1) if direction == "next" else ops.link_label(block, index - 1)
    if pair.joined:
        other = ops.link_label(pair.joined, 0) if direction == "next" else ops.link_label(pair.block, pair.index - 1)
    joined = f"; joined paragraphs {pair.block} and {pair.joined}" if pair.joined else ""
    merged = new.block(at[0]).links[at[1]]
    return new, ops.Change(f"merged {ops.link_label(block, index)} with {other} into {ops.link_label(*at)} "
                           f"({_shape(merged)}){joined}", here, at)


def _move(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    block, index = here = _spot(req)
    direction, side = str(req.get("direction")), str(req.get("side"))
    pair = ops.pair_spot(doc, block, index, direction)
    new = ops.move(doc, block, index, side, direction)
    old = ops.link_at(doc, block, index)
    mine = getattr(old, side)
    sid = mine[-1] if direction == "next" else mine[0]
    rest = {*old.src, *old.tgt} - {sid}
    links = new.block(pair.block).links
    dest = next(i for i, x in enumerate(links) if sid in getattr(x, side))
    stays = next((i for i, x in enumerate(links) if rest & {*x.src, *x.tgt}), dest)
    joined = f"; joined paragraphs {pair.block} and {pair.joined}" if pair.joined else ""
    return new, ops.Change(f"moved {sid} to {ops.link_label(pair.block, dest)}{joined}", here, (pair.block, stays))


def _split(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    block, index = here = _spot(req)
    sid, offset = req.get("sid"), req.get("offset")
    cut = ""
    if sid is None:
        new = ops.split(doc, block, index)
    else:
        if not _is_int(offset):
            raise ReviewError("split at a cursor needs the character offset")
        new = ops.split_at(doc, block, index, str(sid), offset)
        born = ops.sentence_ids(new, block) - ops.sentence_ids(doc, block)
        cut = f"cut {sid} at the cursor (the rest is {born.pop()}); " if born else ""
    links = new.block(block).links
    name = ops.link_label(block, index)
    return new, ops.Change(f"{cut}split {name} into {name} ({_shape(links[index])}) and "
                           f"{ops.link_label(block, index + 1)} ({_shape(links[index + 1])})", here, here)


def _confirm(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    block, index = here = _spot(req)
    yes = req["confirmed"]
    new = ops.set_confirmed(doc, block, index, yes)
    name = ops.link_label(block, index)
    label = f"confirmed {name}" if yes else f"took back the confirmation of {name}: it needs review again"
    return new, ops.Change(label, here, here)


def _confirmed(doc: Document) -> int:
    return sum(x.status == "confirmed" for b in doc.blocks for x in b.links)


def _confirm_above(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    block, index = here = _spot(req)
    new = ops.confirm_upto(doc, block, index)
    n = _confirmed(new) - _confirmed(doc)
    return new, ops.Change(f"confirmed {n} link{'s' if n != 1 else ''} down to {ops.link_label(block, index)}",
                           here, here)


def _edit(doc: Document, req: Request) -> tuple[Document, ops.Change]:
    edits = req["edits"]
    new = ops.edit_texts(doc, {str(k): v for k, v in edits.items()})
    first = str(next(iter(edits)))
    block, _, side = ops.find_sentence(doc, first)
    index = next((i for i, x in enumerate(block.links) if first in x.src or first in x.tgt), None)
    changed = [str(k) for k in edits if ops.text_of(new, str(k)) != ops.text_of(doc, str(k))]
    what = "source" if side == "src" else "translation"
    where = ops.link_label(block.id, index) if index is not None else first
    label = (f"edited the {what} of {where} ({', '.join(changed)})" if changed
             else f"no change to the {what} of {where}")
    spot = None if index is None else (block.id, index)
    return new, ops.Change(label, spot, spot)


#: Every change the editor can ask for, by the ``op`` of its request.
OPERATIONS: dict[str, Operation] = {
    "edit": Operation(_edit, (Arg("edits", _is_edits, "edit needs {sentence id: text}"),)),
    "merge": Operation(_merge),
    "move": Operation(_move),
    "split": Operation(_split),
    # "false" is a true string: never guess
    "confirm": Operation(_confirm, (LINK, Arg("confirmed", lambda v: isinstance(v, bool),
                                              'confirm needs "confirmed": true or false'))),
    "confirm_above": Operation(_confirm_above),
}


def change(doc: Document, op: object, req: Request) -> tuple[Document, ops.Change]:
    """Make the change ``req`` asks for and say what it did; an unknown operation is a ReviewError."""
    operation = OPERATIONS.get(op) if isinstance(op, str) else None
    if operation is None:
        raise ReviewError(f"unknown operation {op!r}")
    return operation.run(doc, req)
