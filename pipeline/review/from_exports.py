"""Bring an edited export back: a TSV from a spreadsheet, or an XLIFF 1.2/2.1 file from a CAT tool.

Why these rules: a translator fixes translations and sets states in such a tool, but cannot merge or split
links there. So each record must name a link the bitext still has (the same source and target sentence ids,
the same source text); its target text and status are applied, and anything else is an error that names the
record. Applying is all or nothing, like the review file: the first mistake leaves the document as it was.

A changed translation makes its link ``edited`` (``confirmed`` stays ``confirmed``); an unchanged one takes
the status the file gives it. A translation of several sentences is split into sentences again.
"""

from __future__ import annotations

import copy
import xml.etree.ElementTree as ET
from dataclasses import dataclass

from pipeline.bitext.document import LINK_STATUSES, Block, Document, Link, Sentence
from pipeline.errors import ReviewError
from pipeline.bitext.filekind import sniff
from pipeline.bitext.marks import clean_text
from pipeline.publish.pairs import join_sentences
from pipeline.publish.tabular import read_tsv
from pipeline.publish.xliff import STATE_OF_STATUS as STATE_OF_STATUS_21
from pipeline.publish.xliff import SUBSTATE_PREFIX, XLIFF_NS
from pipeline.publish.xliff12 import STATUS_OF_STATE as STATUS_OF_STATE_12
from pipeline.publish.xliff12 import XLIFF12_NS
from pipeline.segment.splitter import sentence_spans

_STATUS_OF_STATE_21 = {"initial": "needs_review", "translated": "auto", "reviewed": "edited", "final": "confirmed"}


@dataclass
class Record:
    """One link as an export describes it; ``where`` names it in messages (``record 4``, ``unit b3.l1``)."""

    where: str
    block: str | None  # block id when the file says it (XLIFF), else found from the sentence ids
    index: int | None  # 1-based link position in the block (XLIFF), else found from the ids
    src_ids: list[str] | None
    tgt_ids: list[str] | None
    source: str | None
    target: str
    status: str | None


def is_export(text: str) -> bool:
    """Is this an XLIFF or TSV export (rather than a review file)?"""
    return sniff(text) in ("xliff", "tsv")


def apply_export_text(text: str, doc: Document) -> Document:
    """The document with the edits of an XLIFF or TSV export applied; ReviewError on the first mistake."""
    kind = sniff(text)
    if kind == "tsv":
        records = _tsv_records(text)
    elif kind == "xliff":
        records = _xliff_records(text)
    else:
        raise ReviewError("neither an XLIFF file nor a TSV export of bilingual")
    new = copy.deepcopy(doc)
    for record in records:
        _apply(new, record)
    return new


# ------------------------------------------------------------------ reading


def _ids(value: str) -> list[str]:
    return value.split()


def _tsv_records(text: str) -> list[Record]:
    out = []
    for n, row in enumerate(read_tsv(text), start=2):
        status = (row.get("status") or "").strip().lower().replace("-", "_") or None
        out.append(Record(f"record {n}", None, None, _ids(row["source_ids"]), _ids(row["target_ids"]),
                          row.get("source"), row["target"], status))
    return out


def _text(el: ET.Element | None) -> str:
    return "".join(el.itertext()) if el is not None else ""


def _note_fields(text: str) -> dict[str, str]:
    fields = {}
    for part in text.split(";"):
        key, sep, value = part.strip().partition("=")
        if sep:
            fields[key] = value
    return fields


def _parse_unit_id(unit_id: str, where: str) -> tuple[str, int]:
    block, sep, link = unit_id.rpartition(".l")
    if not sep or not block or not link.isdigit():
        raise ReviewError(f"{where}: the id is not of the form <block>.l<number> that bilingual writes")
    return block, int(link)


def _xliff_records(text: str) -> list[Record]:
    try:
        root = ET.fromstring(text.encode("utf-8"))
    except ET.ParseError as err:
        raise ReviewError(f"not well-formed XML ({err})") from None
    if root.tag == f"{{{XLIFF12_NS}}}xliff":
        return _xliff12_records(root)
    if root.tag == f"{{{XLIFF_NS}}}xliff":
        return _xliff21_records(root)
    raise ReviewError("an XLIFF file of an unknown version (bilingual reads 1.2 and 2.x)")


def _xliff12_records(root: ET.Element) -> list[Record]:
    ns = {"x": XLIFF12_NS}
    out = []
    for unit in root.iter(f"{{{XLIFF12_NS}}}trans-unit"):
        where = f"trans-unit {unit.get('id', '?')}"
        block, index = _parse_unit_id(unit.get("id", ""), where)
        target = unit.find("x:target", ns)
        state = target.get("state") if target is not None else None
        status = STATUS_OF_STATE_12.get(state or "", None) if state else None
        if unit.get("approved") == "yes" and status not in ("edited", "confirmed"):
            status = "confirmed"
        note = next((n for n in unit.findall("x:note", ns) if n.get("from") == "bilingual"), None)
        fields = _note_fields(_text(note))
        if status is None and fields.get("status") in LINK_STATUSES:
            status = fields["status"]
        out.append(Record(where, block, index, _ids(fields["source_ids"]) if "source_ids" in fields else None,
                          _ids(fields["target_ids"]) if "target_ids" in fields else None,
                          _text(unit.find("x:source", ns)), _text(target), status))
    return out


def _xliff21_records(root: ET.Element) -> list[Record]:
    ns = {"x": XLIFF_NS}
    out = []
    for unit in root.iter(f"{{{XLIFF_NS}}}unit"):
        for seg in unit.findall("x:segment", ns):
            seg_id = seg.get("id", "")
            where = f"unit {unit.get('id', '?')} segment {seg_id or '?'}"
            if not seg_id.startswith("l") or not seg_id[1:].isdigit():
                raise ReviewError(f"{where}: the segment id is not of the form l<number> that bilingual writes")
            state = seg.get("state")
            status = _STATUS_OF_STATE_21.get(state or "translated")
            sub = (seg.get("subState") or "").removeprefix(SUBSTATE_PREFIX)
            if sub in LINK_STATUSES and STATE_OF_STATUS_21.get(sub) == state:
                status = sub  # the tool left our exact status alone
            out.append(Record(where, unit.get("id"), int(seg_id[1:]), None, None, _text(seg.find("x:source", ns)),
                              _text(seg.find("x:target", ns)), status))
    return out


# ------------------------------------------------------------------ applying


def _find(doc: Document, r: Record) -> tuple[Block, Link]:
    if r.block is not None and r.index is not None:
        try:
            block = doc.block(r.block)
        except KeyError:
            raise ReviewError(f"{r.where}: the bitext has no block {r.block}") from None
        if not 1 <= r.index <= len(block.links):
            raise ReviewError(f"{r.where}: block {r.block} has no link {r.index} (merged or split since the export?)")
        link = block.links[r.index - 1]
        if (r.src_ids is not None and link.src != r.src_ids) or (r.tgt_ids is not None and link.tgt != r.tgt_ids):
            raise ReviewError(f"{r.where}: link {r.index} of block {r.block} now links other sentences "
                              "(merged or split since the export?)")
        return block, link
    first = (r.src_ids or r.tgt_ids or [""])[0]
    for block in doc.blocks:
        for link in block.links:
            if link.src == r.src_ids and link.tgt == r.tgt_ids:
                return block, link
    raise ReviewError(f"{r.where}: the bitext has no link of exactly these sentences ({first}...); "
                      "was it merged or split since the export?")


def _set_target(block: Block, link: Link, text: str, where: str) -> None:
    """Replace the target sentences of ``link`` with ``text``, split into sentences; ids are kept in order."""
    others = {t for other in block.links if other is not link for t in other.tgt}
    if others.intersection(link.tgt):
        raise ReviewError(f"{where}: a target sentence of this link is shared with another link; edit it in review")
    spans = sentence_spans(text, lang="en") or [(0, len(text))]
    pieces = [clean_text(text[s:e]) for s, e in spans]
    pieces = [p for p in pieces if p]
    used = {s.id for s in [*block.source, *block.target]}
    ids = list(link.tgt)
    n = len(block.target) + 1
    while len(ids) < len(pieces):
        while f"{block.id}.t{n}" in used:
            n += 1
        ids.append(f"{block.id}.t{n}")
        used.add(ids[-1])
    ids = ids[: len(pieces)]
    new = [Sentence(id=i, text=p) for i, p in zip(ids, pieces, strict=True)]
    old = set(link.tgt)
    positions = [k for k, s in enumerate(block.target) if s.id in old]
    if positions:
        at = positions[0]
    else:  # a link without a translation gets one: after the targets of the links before it
        before = {t for other in block.links[: block.links.index(link)] for t in other.tgt}
        at = max((k + 1 for k, s in enumerate(block.target) if s.id in before), default=0)
    rest = [s for s in block.target if s.id not in old]
    at = min(at, len(rest))
    block.target = rest[:at] + new + rest[at:]
    link.tgt = ids


def _apply(doc: Document, r: Record) -> None:
    block, link = _find(doc, r)
    if r.source is not None and clean_text(r.source) != clean_text(join_sentences(block, link.src)):
        raise ReviewError(f"{r.where}: its source text differs from the bitext's; fix a source sentence in "
                          "`bilingual review` or the review file, not in an export")
    if r.status is not None and r.status not in LINK_STATUSES:
        raise ReviewError(f"{r.where}: status {r.status!r} is not one of {', '.join(LINK_STATUSES)}")
    target = clean_text(r.target)
    if target != clean_text(join_sentences(block, link.tgt)):
        if not target:
            raise ReviewError(f"{r.where}: the translation was emptied; unlink sentences in `bilingual review` instead")
        _set_target(block, link, target, r.where)
        link.status = "confirmed" if r.status == "confirmed" else "edited"
    elif r.status is not None:
        link.status = r.status

