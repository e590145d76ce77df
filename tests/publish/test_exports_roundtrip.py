"""Exports for translators' tools and the way back: status filter, XLIFF 1.2, spreadsheet TSV, apply-review.

XLIFF 1.2 is checked twice: read by translate-toolkit's XLIFF reader (what Pootle/Weblate-style tools use), and
validated against the OASIS ``xliff-core-1.2-strict.xsd`` with lxml wherever that schema file is available
(``BILINGUAL_XLIFF12_XSD``, or shipped inside translate-toolkit or lxml); the W3C ``xml.xsd`` it imports is
replaced by a local two-attribute stand-in so validation never touches the network.
"""

from __future__ import annotations

import csv
import io
import json
import os
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from pipeline.bitext.document import load_document, save_document
from pipeline.errors import ConfigError, ReviewError
from pipeline.config import PublishConfig
from pipeline.publish import FORMATS, PublishOptions, parse_statuses, publish
from pipeline.registry import PAIR_FORMATS
from pipeline.publish.pairs import iter_pairs, join_sentences
from pipeline.publish.tabular import read_tsv
from pipeline.publish.xliff import XLIFF_NS
from pipeline.publish.xliff12 import XLIFF12_NS
from pipeline.review.from_exports import apply_export_text
from helpers import assert_one_line_error, run_cli
from publish_samples import sample_document

XSD_NAME = "xliff-core-1.2-strict.xsd"
_XML_XSD_STUB = """<?xml version="1.0"?>
<xs:schema xmlns:xs="http://www.w3.org/2001/XMLSchema" targetNamespace="http://www.w3.org/XML/1998/namespace">
 <xs:attribute name="lang" type="xs:language"/>
 <xs:attribute name="space"><xs:simpleType><xs:restriction base="xs:NCName">
  <xs:enumeration value="default"/><xs:enumeration value="preserve"/></xs:restriction></xs:simpleType></xs:attribute>
</xs:schema>
"""


def _render(fmt: str, **options: object) -> str:
    return FORMATS[fmt].render(sample_document(), PublishOptions(**options))  # type: ignore[arg-type]


# ------------------------------------------------------------------ status filter


@pytest.mark.parametrize("fmt", PAIR_FORMATS)
def test_status_filter_keeps_only_reviewed_links(fmt: str) -> None:
    doc = sample_document()
    wanted = {p.id: p for p in iter_pairs(doc) if p.link.status in ("confirmed", "edited")}
    assert len(wanted) == 2
    text = FORMATS[fmt].render(doc, PublishOptions(statuses=("confirmed", "edited")))
    everything = FORMATS[fmt].render(doc, PublishOptions())
    for pid, pair in wanted.items():
        assert pair.target in text
    unreviewed = [p for p in iter_pairs(doc) if p.link.status not in ("confirmed", "edited")]
    assert all(p.target not in text for p in unreviewed if p.target)
    assert all(p.target in everything for p in unreviewed if p.target)


def test_status_names_are_checked() -> None:
    assert parse_statuses("confirmed, needs-review") == ("confirmed", "needs_review")
    with pytest.raises(ConfigError, match="unknown link status 'aproved'"):
        parse_statuses("aproved")
    with pytest.raises(ConfigError, match="filters the formats"):
        publish(sample_document(), PublishConfig(), formats=["html"], output="x.html", statuses=["confirmed"])


# ------------------------------------------------------------------ XLIFF 1.2


def _find_xsd() -> Path | None:
    env = os.environ.get("BILINGUAL_XLIFF12_XSD")
    if env and Path(env).is_file():
        return Path(env)
    for module in ("translate", "lxml"):
        try:
            package = __import__(module)
        except ImportError:
            continue
        hit = next(Path(package.__file__).parent.rglob(XSD_NAME), None)
        if hit is not None:
            return hit
    return None


def test_xliff12_is_valid_against_the_oasis_schema(tmp_path: Path) -> None:
    etree = pytest.importorskip("lxml.etree")
    xsd = _find_xsd()
    if xsd is None:
        pytest.skip(f"{XSD_NAME} is not shipped by translate-toolkit or lxml here; set BILINGUAL_XLIFF12_XSD")
    (tmp_path / "xml.xsd").write_text(_XML_XSD_STUB, encoding="utf-8")
    text = xsd.read_text(encoding="utf-8").replace("http://www.w3.org/2001/xml.xsd", (tmp_path / "xml.xsd").as_uri())
    schema = etree.XMLSchema(etree.fromstring(text.encode("utf-8"), base_url=tmp_path.as_uri() + "/"))
    for options in ({}, {"statuses": ("confirmed",)}):
        doc = etree.fromstring(_render("xliff12", **options).encode("utf-8"))
        assert schema.validate(doc), schema.error_log


def test_xliff12_reads_in_translate_toolkit() -> None:
    from translate.storage.xliff import xlifffile

    doc = sample_document()
    store = xlifffile.parsestring(FORMATS["xliff12"].render(doc, PublishOptions()).encode("utf-8"))
    units = [u for u in store.units if not u.isheader()]
    pairs = iter_pairs(doc)
    assert [(u.source, u.target) for u in units] == [(p.source, p.target) for p in pairs]
    assert [u.getid().split("\x04")[-1] for u in units] == [p.id for p in pairs]  # after "<file>\x04"
    assert store.getsourcelanguage() == "id" and store.gettargetlanguage() == "en"
    root = ET.fromstring(FORMATS["xliff12"].render(doc, PublishOptions()))
    states = {u.get("id"): (u.find(f"{{{XLIFF12_NS}}}target").get("state"), u.get("approved"))
              for u in root.iter(f"{{{XLIFF12_NS}}}trans-unit")}
    assert states["b8.l1"] == ("final", "yes") and states["b12.l1"] == ("signed-off", "yes")
    assert states["b4.l1"] == ("needs-review-translation", None) and states["b2.l1"] == ("translated", None)


# ------------------------------------------------------------------ TSV


def test_tsv_quotes_what_spreadsheets_need_and_reads_back() -> None:
    doc = sample_document()
    doc.block("b2").target[0].text = '"No," he said; "not\tnow".'  # a sentence's whitespace is one space
    text = FORMATS["tsv"].render(doc, PublishOptions(bom=True))
    assert text.startswith("\ufeffsource\ttarget\t")
    rows = list(csv.reader(io.StringIO(text.removeprefix("\ufeff"), newline=""), dialect="excel-tab"))
    assert rows[2][1] == '"No," he said; "not now".'
    assert '\t"""No,"" he said; ""not now""."\t' in text
    assert [r["target"] for r in read_tsv(text)] == [p.target for p in iter_pairs(doc)]


# ------------------------------------------------------------------ apply-review from exports


def _edit_tsv(text: str, edit) -> str:  # type: ignore[no-untyped-def]
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))
    header = rows[0]
    records = [dict(zip(header, r)) for r in rows[1:]]
    edit(records)
    buf = io.StringIO()
    w = csv.writer(buf, dialect="excel-tab")
    w.writerow(header)
    for rec in records:
        w.writerow([rec[h] for h in header])
    return buf.getvalue()


def test_edited_tsv_comes_back() -> None:
    doc = sample_document()

    def edit(records: list[dict[str, str]]) -> None:
        by_ids = {r["source_ids"]: r for r in records}
        by_ids["b2.s1"]["target"] = "The border region declared an emergency. Kyiv's forces kept advancing."
        by_ids["b3.s1"]["status"] = "confirmed"

    new = apply_export_text(_edit_tsv(FORMATS["tsv"].render(doc, PublishOptions(bom=True)), edit), doc)
    b2 = new.block("b2")
    assert [t.text for t in b2.target] == ["The border region declared an emergency.", "Kyiv's forces kept advancing."]
    assert b2.links[0].tgt == [t.id for t in b2.target] and b2.links[0].status == "edited"
    assert new.block("b3").links[0].status == "confirmed"
    assert new.block("b5").links[0].status == doc.block("b5").links[0].status
    assert doc.block("b2").target[0].text.startswith("The Russian border")  # the input is not changed


def test_tsv_of_a_changed_document_is_refused_and_changes_nothing() -> None:
    doc = sample_document()
    text = FORMATS["tsv"].render(doc, PublishOptions())

    def edit(records: list[dict[str, str]]) -> None:
        records[0]["target"] = "A new title"
        records[3]["target_ids"] = "b4.t9"

    with pytest.raises(ReviewError, match="record 5: the bitext has no link of exactly these sentences"):
        apply_export_text(_edit_tsv(text, edit), doc)

    def edit_source(records: list[dict[str, str]]) -> None:
        records[1]["source"] = "Teks lain."

    with pytest.raises(ReviewError, match="record 3: its source text differs"):
        apply_export_text(_edit_tsv(text, edit_source), doc)


@pytest.mark.parametrize("fmt", ["xliff12", "xliff"])
def test_edited_xliff_comes_back(fmt: str) -> None:
    doc = sample_document()
    root = ET.fromstring(FORMATS[fmt].render(doc, PublishOptions()))
    ns = XLIFF12_NS if fmt == "xliff12" else XLIFF_NS
    ET.register_namespace("", ns)
    if fmt == "xliff12":
        units = {u.get("id"): u for u in root.iter(f"{{{ns}}}trans-unit")}
        units["b2.l1"].find(f"{{{ns}}}target").text = "Belgorod declared an emergency on Wednesday."
        units["b3.l1"].find(f"{{{ns}}}target").set("state", "final")
    else:
        segs = {(u.get("id"), s.get("id")): s for u in root.iter(f"{{{ns}}}unit") for s in u.iter(f"{{{ns}}}segment")}
        segs[("b2", "l1")].find(f"{{{ns}}}target").text = "Belgorod declared an emergency on Wednesday."
        segs[("b3", "l1")].set("state", "final")
    text = ET.tostring(root, encoding="unicode", xml_declaration=True)
    new = apply_export_text(text, doc)
    assert join_sentences(new.block("b2"), new.block("b2").links[0].tgt) == "Belgorod declared an emergency on Wednesday."
    assert new.block("b2").links[0].status == "edited"
    assert new.block("b3").links[0].status == "confirmed"
    assert new.block("b4").links[0].status == "needs_review"  # untouched units keep their status


def test_cli_apply_review_reads_an_export(tmp_path: Path) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(sample_document(), bitext)
    proc = run_cli("publish", str(bitext), "--format", "xliff12", "--status", "auto,needs_review",
                   "--output", str(tmp_path / "doc.xlf"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    text = (tmp_path / "doc.xlf").read_text(encoding="utf-8")
    assert "b8.l1" not in text and "b4.l1" in text  # confirmed b8 is filtered out
    (tmp_path / "doc.xlf").write_text(text.replace('state="needs-review-translation"', 'state="final"', 1),
                                      encoding="utf-8")
    proc = run_cli("apply-review", str(tmp_path / "doc.xlf"), str(bitext), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert "applied" in proc.stderr and (tmp_path / "doc.bitext.json.bak.1").exists()
    assert load_document(bitext).block("b4").links[0].status == "confirmed"
    broken = text.replace('id="b4.l1"', 'id="b99.l1"')
    (tmp_path / "bad.xlf").write_text(broken, encoding="utf-8")
    before = bitext.read_bytes()
    assert_one_line_error(run_cli("apply-review", str(tmp_path / "bad.xlf"), str(bitext), cwd=tmp_path),
                          "bad.xlf", "no block b99")
    assert bitext.read_bytes() == before


def test_jsonl_status_filter_through_the_cli(tmp_path: Path) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(sample_document(), bitext)
    proc = run_cli("publish", str(bitext), "--format", "jsonl", "--status", "confirmed,edited",
                   "--output", str(tmp_path / "reviewed.jsonl"), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    records = [json.loads(line) for line in (tmp_path / "reviewed.jsonl").read_text(encoding="utf-8").splitlines()]
    assert sorted(r["status"] for r in records) == ["confirmed", "edited"]


def test_the_stage_refuses_a_document_without_sentences_and_names_the_file(tmp_path: Path) -> None:
    from pipeline.bitext.document import Document, Meta
    from pipeline.stages import NotReadyError

    empty = Document(meta=Meta(), blocks=[])
    with pytest.raises(NotReadyError, match=r"^empty\.bitext\.json: has no sentences; run `bilingual segment` first$"):
        publish(empty, PublishConfig(), formats=["html"], output=tmp_path / "x.html", bitext_name="empty.bitext.json")
    assert not (tmp_path / "x.html").exists()
