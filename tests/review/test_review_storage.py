"""The reviewed file on disk: fast saves write exactly what a full save writes, and foreign changes are caught."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest
from review_fixtures import belgorod_document, generated_document

from pipeline.bitext.document import Mark, load_document, save_document
from pipeline.review import ops
from pipeline.review.snapshot_json import DocumentJson
from pipeline.review.storage import BitextFile, ConflictError


def test_saving_only_changed_blocks_writes_the_same_bytes_as_a_full_save() -> None:
    doc = belgorod_document()
    doc.blocks[3].marks = [Mark(0, 11, "link", "https://example.com/\"x\"\n"), Mark(12, 22, "em")]
    doc.meta.settings = {"nested": {"list": [1, 2.5, None, "é"]}}
    cache = DocumentJson()
    steps = [doc, ops.merge(doc, "b13", 0, "next"), ops.set_confirmed(doc, "b4", 0, True),
             ops.edit_texts(doc, {"b4.s1": "Kementerian berkata “ya”."}), ops.split(doc, "b4", 0)]
    for state in [*steps, doc]:
        assert cache.dumps(state) == state.to_json().encode("utf-8")
    many = generated_document(300, seed=1)
    assert cache.dumps(many) == many.to_json().encode("utf-8")


def test_every_save_keeps_the_previous_version_as_backup(tmp_path: Path) -> None:
    path = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), path)
    first = path.read_bytes()
    f = BitextFile(path)
    f.save(ops.set_confirmed(f.doc, "b2", 0, True))
    second = path.read_bytes()
    assert f.backup_path.read_bytes() == first
    f.save(ops.set_confirmed(f.doc, "b3", 0, True))
    assert f.backup_path.read_bytes() == second
    assert load_document(path).block("b3").links[0].status == "confirmed"
    assert not [p for p in tmp_path.iterdir() if p.name.endswith(".tmp")]


def test_a_foreign_change_of_the_same_size_is_caught_and_a_touch_is_not(tmp_path: Path) -> None:
    path = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), path)
    f = BitextFile(path)
    f.save(ops.set_confirmed(f.doc, "b2", 0, True))
    time.sleep(0.01)
    os.utime(path)  # touched, content unchanged: saving goes on
    f.save(ops.set_confirmed(f.doc, "b3", 0, True))
    data = path.read_bytes()
    stat = path.stat()
    foreign = data.replace(b'"confirmed"', b'"edited"   ', 1)
    assert len(foreign) == len(data)
    path.write_bytes(foreign)
    os.utime(path, ns=(stat.st_atime_ns, stat.st_mtime_ns))  # even with the old modification time
    with pytest.raises(ConflictError, match="changed on disk"):
        f.save(ops.set_confirmed(f.doc, "b5", 0, True))
    assert path.read_bytes() == foreign
