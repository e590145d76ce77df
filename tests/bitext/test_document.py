"""The bitext document: JSON round trip, validation with clear messages, atomic writes."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pipeline.bitext.document import Link, MachineTranslation, Sentence, load_document, save_document
from pipeline.errors import BitextError
from pipeline.bitext.carry import carry_over
from pipeline.segment.stage import segment_text

ARTICLE = "Judul\n\nDr. Ani datang. Dia senang.\n\nHarga naik 3,5 persen.\n"


def _doc():  # type: ignore[no-untyped-def]
    doc = segment_text(ARTICLE, source_file="a.txt")
    b = doc.blocks[1]
    b.source[0].mt = MachineTranslation("Dr. Ani came.", -0.2, ["too_short"], "m@1")
    b.target = [Sentence("b2.t1", "Dr. Ani came.")]
    b.links = [Link(["b2.s1"], ["b2.t1"], 0.9, "confirmed")]
    return doc


def test_round_trip(tmp_path: Path) -> None:
    doc = _doc()
    p = tmp_path / "d.bitext.json"
    save_document(doc, p)
    again = load_document(p)
    assert again.to_dict() == doc.to_dict()
    assert again.blocks[1].source[0].mt == MachineTranslation("Dr. Ani came.", -0.2, ["too_short"], "m@1")
    assert json.loads(p.read_text(encoding="utf-8"))["schema"] == 1


def test_ids_are_stable_and_offsets_exact() -> None:
    doc = segment_text(ARTICLE, source_file="a.txt")
    assert [b.id for b in doc.blocks] == ["b1", "b2", "b3"]
    assert [s.id for s in doc.blocks[1].source] == ["b2.s1", "b2.s2"]
    for b in doc.blocks:
        for s in b.source:
            assert b.text[s.start:s.end] == s.text


@pytest.mark.parametrize(("mutate", "message"), [
    (lambda d: d.pop("schema"), "no 'schema'"),
    (lambda d: d.update(schema="1"), "schema should be int"),
    (lambda d: d.update(schema=2), "newer"),
    (lambda d: d.update(blocks={}), "blocks should be list"),
    (lambda d: d["blocks"][0].update(kind="figure"), "unknown kind 'figure'"),
    (lambda d: d["blocks"][1]["links"][0].update(status="great"), "status is 'great'"),
    (lambda d: d["blocks"][1]["links"][0].update(tgt=["b9.t1"]), "unknown sentence 'b9.t1'"),
    (lambda d: d["blocks"][1]["source"][0].pop("text"), "has no 'text'"),
    (lambda d: d["blocks"].append(dict(d["blocks"][0])), "duplicate block ids"),
])
def test_invalid_documents_are_named(tmp_path: Path, mutate, message: str) -> None:  # type: ignore[no-untyped-def]
    data = _doc().to_dict()
    mutate(data)
    p = tmp_path / "bad.bitext.json"
    p.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BitextError, match="bad.bitext.json") as info:
        load_document(p)
    assert message in str(info.value)


def test_truncated_file(tmp_path: Path) -> None:
    p = tmp_path / "t.bitext.json"
    p.write_text(_doc().to_json()[:200], encoding="utf-8")
    with pytest.raises(BitextError, match="truncated"):
        load_document(p)


def test_save_is_atomic_when_serialisation_fails(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    p = tmp_path / "d.bitext.json"
    save_document(_doc(), p)
    before = p.read_bytes()
    import pipeline.fileio as fileio

    def boom(*a, **k):  # type: ignore[no-untyped-def]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(fileio.os, "replace", boom)
    from pipeline.errors import OutputError

    with pytest.raises(OutputError, match="No space left on device"):
        save_document(_doc(), p)
    assert p.read_bytes() == before
    assert [f.name for f in tmp_path.iterdir()] == ["d.bitext.json"]  # no temporary file left behind


def test_carry_over_keeps_translations_of_unchanged_sentences() -> None:
    old = _doc()
    new = segment_text(ARTICLE.replace("Dia senang.", "Dia sangat senang."), source_file="a.txt")
    assert carry_over(new, old) == 1
    assert new.blocks[1].source[0].mt is not None and new.blocks[1].source[1].mt is None


def test_carry_over_keeps_reviewed_blocks_even_when_they_move() -> None:
    old = _doc()
    new = segment_text("Judul\n\nParagraf baru di depan.\n\n" + ARTICLE.split("\n\n", 1)[1], source_file="a.txt")
    carry_over(new, old)
    moved = new.blocks[2]
    assert moved.id == "b3" and moved.text == old.blocks[1].text
    assert [s.id for s in moved.source] == ["b3.s1", "b3.s2"]
    assert moved.links == [Link(["b3.s1"], ["b3.t1"], 0.9, "confirmed")]
    assert moved.source[0].mt is not None and new.blocks[1].source[0].mt is None


def test_the_shipped_schema_names_every_kind_the_document_model_knows() -> None:
    import json
    from importlib import resources

    from pipeline.bitext.document import BLOCK_KINDS, LINK_STATUSES, MARK_KINDS

    schema = json.loads(resources.files("pipeline.bitext").joinpath("bitext.schema.json").read_text("utf-8"))
    defs = schema["definitions"]
    assert defs["block"]["properties"]["kind"]["enum"] == list(BLOCK_KINDS)
    assert defs["mark"]["properties"]["kind"]["enum"] == list(MARK_KINDS)
    assert defs["status"]["enum"] == list(LINK_STATUSES)
