"""TMX 1.4b: the translation-memory format every CAT tool (OmegaT, Trados, memoQ) imports.

One translation unit per link, so a 1:2 link stays one unit instead of being cut into guesses. The link
status, score, flags and sentence ids travel as ``<prop type="x-...">`` (the standard's place for
tool-specific data), so nothing a reviewer decided is lost.
"""

from __future__ import annotations

import datetime as _dt
from collections.abc import Collection
import xml.etree.ElementTree as ET

from pipeline import __version__
from pipeline.bitext.document import Document
from pipeline.publish.pairs import iter_pairs, xml_safe

XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"


def tmx_date(iso: str) -> str | None:
    """ISO 8601 (``2024-08-14T10:00:00+00:00``) to TMX's basic UTC form (``20240814T100000Z``).

    None when ``iso`` is not a date (a hand-edited bitext): the creation date is optional in TMX, and a
    missing one is honest where the moment of export would claim a date the translation does not have.
    """
    try:
        moment = _dt.datetime.fromisoformat(iso)
    except (TypeError, ValueError):
        return None
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=_dt.timezone.utc)
    return moment.astimezone(_dt.timezone.utc).strftime("%Y%m%dT%H%M%SZ")


def _prop(parent: ET.Element, kind: str, value: str) -> None:
    ET.SubElement(parent, "prop", {"type": kind}).text = xml_safe(value)


def render_tmx(doc: Document, statuses: Collection[str] | None = None) -> str:
    m = doc.meta
    date = tmx_date(m.updated)
    root = ET.Element("tmx", {"version": "1.4"})
    header = ET.SubElement(
        root,
        "header",
        {
            # the seven attributes TMX 1.4b requires, then the optional creation date
            "creationtool": "bilingual",
            "creationtoolversion": __version__,
            "segtype": "sentence",
            "o-tmf": "bilingual-bitext",
            "adminlang": "en",
            "srclang": m.source_lang,
            "datatype": "plaintext",
            **({"creationdate": date} if date else {}),
        },
    )
    if m.source_file:
        _prop(header, "x-source-file", m.source_file)
    if m.model.get("name"):
        _prop(header, "x-model", str(m.model["name"]))
    body = ET.SubElement(root, "body")
    for pair in iter_pairs(doc, statuses):
        tu = ET.SubElement(body, "tu", {"tuid": pair.id, **({"creationdate": date} if date else {})})
        _prop(tu, "x-status", pair.link.status)
        if pair.link.score is not None:
            _prop(tu, "x-score", f"{pair.link.score:.4g}")
        if pair.flags:
            _prop(tu, "x-flags", " ".join(pair.flags))
        _prop(tu, "x-source-ids", " ".join(pair.link.src))
        _prop(tu, "x-target-ids", " ".join(pair.link.tgt))
        for lang, text in ((m.source_lang, pair.source), (m.target_lang, pair.target)):
            tuv = ET.SubElement(tu, "tuv", {XML_LANG: lang})
            ET.SubElement(tuv, "seg").text = xml_safe(text)
    ET.indent(root, space=" ")
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<!DOCTYPE tmx SYSTEM "tmx14.dtd">\n' + ET.tostring(root, encoding="unicode") + "\n"
    )
