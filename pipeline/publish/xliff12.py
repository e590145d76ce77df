"""XLIFF 1.2 (strict): the version OmegaT, Okapi and most older CAT tools read without a plug-in.

One ``<group>`` per translatable block (a paragraph stays together as context) and one ``<trans-unit>`` per
link, with the id ``<block>.l<n>`` that ``apply-review`` uses to bring an edited file back. The link status
becomes the 1.2 ``state`` (and ``approved``), the exact status and the sentence ids travel in a note:

==============  ==========================  =========  ==================================================
link status     state                       approved   why
==============  ==========================  =========  ==================================================
auto            translated (mt-suggestion)  no         a machine made it, nobody has checked it yet
needs_review    needs-review-translation    no         doubtful: a translator must look before it counts
edited          signed-off                  yes        a person changed it
confirmed       final                       yes        a person agreed with it
==============  ==========================  =========  ==================================================
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from collections.abc import Collection

from pipeline import __version__
from pipeline.bitext.document import Document
from pipeline.publish.pairs import Pair, iter_pairs, xml_safe

XLIFF12_NS = "urn:oasis:names:tc:xliff:document:1.2"
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
STATE_OF_STATUS = {"auto": "translated", "needs_review": "needs-review-translation", "edited": "signed-off",
                   "confirmed": "final"}
#: Reading a file back: a CAT tool may set any 1.2 state; the ones not listed mean "not done yet".
STATUS_OF_STATE = {"translated": "auto", "needs-review-translation": "needs_review", "signed-off": "edited",
                   "final": "confirmed", "new": "needs_review", "needs-translation": "needs_review",
                   "needs-adaptation": "needs_review", "needs-l10n": "needs_review",
                   "needs-review-adaptation": "needs_review", "needs-review-l10n": "needs_review"}
NOTE_FROM = "bilingual"


def _unit(group: ET.Element, pair: Pair, doc: Document, machine: bool) -> None:
    status = pair.link.status
    attrs = {"id": pair.id}
    if status in ("confirmed", "edited"):
        attrs["approved"] = "yes"
    unit = ET.SubElement(group, "trans-unit", attrs)
    ET.SubElement(unit, "source", {XML_LANG: doc.meta.source_lang}).text = xml_safe(pair.source)
    if pair.target:
        target = {XML_LANG: doc.meta.target_lang, "state": STATE_OF_STATUS.get(status, "needs-review-translation")}
        if machine and status in ("auto", "needs_review"):
            target["state-qualifier"] = "mt-suggestion"
        ET.SubElement(unit, "target", target).text = xml_safe(pair.target)
    parts = [f"status={status}"]
    if pair.link.score is not None:
        parts.append(f"score={pair.link.score:.4g}")
    if pair.flags:
        parts.append("flags=" + ",".join(pair.flags))
    parts.append("source_ids=" + " ".join(pair.link.src))
    parts.append("target_ids=" + " ".join(pair.link.tgt))
    ET.SubElement(unit, "note", {"from": NOTE_FROM}).text = xml_safe("; ".join(parts))


def render_xliff12(doc: Document, statuses: Collection[str] | None = None) -> str:
    m = doc.meta
    root = ET.Element("xliff", {"version": "1.2"})
    root.set("xmlns", XLIFF12_NS)  # a plain attribute: every element below is in it
    file = ET.SubElement(root, "file", {"original": m.source_file or "article", "source-language": m.source_lang,
                                        "target-language": m.target_lang, "datatype": "plaintext",
                                        "tool-id": "bilingual"})
    header = ET.SubElement(file, "header")
    ET.SubElement(header, "tool", {"tool-id": "bilingual", "tool-name": "bilingual", "tool-version": __version__})
    body = ET.SubElement(file, "body")
    by_block: dict[str, list[Pair]] = {}
    for pair in iter_pairs(doc, statuses):
        by_block.setdefault(pair.block.id, []).append(pair)
    machine = m.target_origin != "human"
    for block in doc.blocks:
        pairs = by_block.get(block.id)
        if not pairs:
            continue
        group = ET.SubElement(body, "group", {"id": block.id, "restype": f"x-{block.kind.replace('_', '-')}"})
        for pair in pairs:
            _unit(group, pair, doc, machine)
    ET.indent(root, space=" ")
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(root, encoding="unicode") + "\n"
