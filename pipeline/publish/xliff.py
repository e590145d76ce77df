"""XLIFF 2.1: the OASIS exchange format for handing a translation to a CAT tool and back.

One ``<unit>`` per translatable block (so the tool shows a paragraph as context) and one ``<segment>``
per link. The segment ``state`` is derived from the link status, with the exact status kept in
``subState`` so a round trip loses nothing:

==============  ===========  ==================================================
link status     state        why
==============  ===========  ==================================================
auto            translated   a machine made it, nobody has checked it yet
needs_review    initial      doubtful: a translator must look before it counts
edited          reviewed     a person changed it
confirmed       final        a person agreed with it
==============  ===========  ==================================================
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection

from pipeline.bitext.document import Document
from pipeline.publish.pairs import Pair, iter_pairs, xml_safe

XLIFF_NS = "urn:oasis:names:tc:xliff:document:2.0"  # XLIFF 2.1 keeps the 2.0 core namespace
STATE_OF_STATUS = {"auto": "translated", "needs_review": "initial", "edited": "reviewed", "confirmed": "final"}
SUBSTATE_PREFIX = "bilingual:"


def _note(notes: ET.Element, category: str, text: str) -> None:
    ET.SubElement(notes, "note", {"category": category}).text = xml_safe(text)


def _segment(unit: ET.Element, pair: Pair) -> None:
    status = pair.link.status
    seg = ET.SubElement(
        unit,
        "segment",
        {"id": f"l{pair.index}", "state": STATE_OF_STATUS.get(status, "initial"), "subState": SUBSTATE_PREFIX + status},
    )
    ET.SubElement(seg, "source").text = xml_safe(pair.source)
    if pair.target:
        ET.SubElement(seg, "target").text = xml_safe(pair.target)


def render_xliff(doc: Document, statuses: Collection[str] | None = None) -> str:
    m = doc.meta
    root = ET.Element("xliff", {"version": "2.1", "srcLang": m.source_lang, "trgLang": m.target_lang})
    root.set("xmlns", XLIFF_NS)  # written as a plain attribute: every element below is in it
    file = ET.SubElement(root, "file", {"id": "f1", "original": m.source_file or "article"})
    by_block: dict[str, list[Pair]] = {}
    for pair in iter_pairs(doc, statuses):
        by_block.setdefault(pair.block.id, []).append(pair)
    for block in doc.blocks:
        pairs = by_block.get(block.id)
        if not pairs:
            continue
        unit = ET.SubElement(file, "unit", {"id": block.id, "type": f"{SUBSTATE_PREFIX}{block.kind}"})
        notes = ET.Element("notes")
        for pair in pairs:
            _note(notes, f"l{pair.index}", _describe(pair))
        unit.append(notes)
        for pair in pairs:
            _segment(unit, pair)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"


def _describe(pair: Pair) -> str:
    parts = [f"status={pair.link.status}"]
    if pair.link.score is not None:
        parts.append(f"score={pair.link.score:.4g}")
    if pair.flags:
        parts.append("flags=" + ",".join(pair.flags))
    parts.append("ids=" + " ".join([*pair.link.src, *pair.link.tgt]))
    return "; ".join(parts)
