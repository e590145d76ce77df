"""Plain-text review round trip: unchanged files change nothing, each edit kind applies as written, and a
mistake names its line and leaves the bitext file byte for byte as it was."""

from __future__ import annotations

from pathlib import Path

import pytest
from helpers import assert_one_line_error, run_cli
from review_fixtures import belgorod_document

from pipeline.bitext.document import Document, load_document, save_document
from pipeline.errors import ReviewError
from pipeline.review import ops
from pipeline.publish.review_file import write_review_text
from pipeline.review.textfile import apply_review_text


@pytest.fixture(scope="module")
def doc() -> Document:
    return belgorod_document()


@pytest.fixture(scope="module")
def text(doc: Document) -> str:
    return write_review_text(doc, "doc.bitext.json")


def _para(text: str, first_id: str) -> tuple[int, int]:
    """Line range [start, end) of the paragraph holding the sentence line of ``first_id``."""
    lines = text.split("\n")
    i = next(n for n, ln in enumerate(lines) if ln.split(" ")[1:2] == [first_id])
    start = i
    while lines[start - 1].strip():
        start -= 1
    end = i
    while lines[end].strip():
        end += 1
    return start, end


def test_unchanged_file_changes_nothing(doc: Document, text: str) -> None:
    assert apply_review_text(text, doc).to_dict() == doc.to_dict()
    assert "merge" in text and "split" in text and "move" in text and "confirm" in text
    assert "tgt b4.t1 | The Russian Defence Ministry" in text
    assert "@ needs_review" in text


def test_confirm(doc: Document, text: str) -> None:
    lines = text.split("\n")
    start, _ = _para(text, "b4.s1")
    assert lines[start].startswith("@ needs_review")
    lines[start] = "@ confirmed"
    new = apply_review_text("\n".join(lines), doc)
    assert new.to_dict() == ops.set_confirmed(doc, "b4", 0, True).to_dict()


def test_merge_by_deleting_the_blank_and_status_line(doc: Document, text: str) -> None:
    lines = text.split("\n")
    start, _ = _para(text, "b9.s2")
    del lines[start - 1:start + 1]  # the blank line and "@ auto"
    new = apply_review_text("\n".join(lines), doc)
    assert new.to_dict() == ops.merge(doc, "b9", 0, "next").to_dict()


def test_split_by_inserting_a_blank_line(doc: Document, text: str) -> None:
    lines = text.split("\n")
    i = lines.index(next(ln for ln in lines if ln.startswith("src b4.s2 ")))
    # the split keeps b4.s1 with b4.t1: move the target line up, then cut before b4.s2
    t = lines.pop(i + 1)
    lines.insert(i, t)
    lines.insert(i + 1, "")
    new = apply_review_text("\n".join(lines), doc)
    assert new.to_dict() == ops.split(doc, "b4", 0).to_dict()


def test_move_a_line_to_the_neighbouring_link(doc: Document, text: str) -> None:
    lines = text.split("\n")
    i = lines.index(next(ln for ln in lines if ln.startswith("src b9.s1 ")))
    moved = lines.pop(i)
    j = lines.index(next(ln for ln in lines if ln.startswith("src b9.s2 ")))
    lines.insert(j, moved)
    new = apply_review_text("\n".join(lines), doc)
    assert new.to_dict() == ops.move(doc, "b9", 0, "src", "next").to_dict()


def test_edit_texts_and_written_status_wins(doc: Document, text: str) -> None:
    t = text.replace("tgt b2.t1 | The Russian border region", "tgt b2.t1 | The Russian frontier region")
    t = t.replace("src b3.s1 | Gubernur Belgorod", "src b3.s1 | Gubernur  Belgorod,")
    new = apply_review_text(t, doc)
    expected = ops.edit_texts(doc, {
        "b2.t1": doc.block("b2").target[0].text.replace("border region", "frontier region"),
        "b3.s1": doc.block("b3").source[0].text.replace("Gubernur Belgorod", "Gubernur Belgorod,"),
    })
    assert new.to_dict() == expected.to_dict()
    assert new.block("b2").links[0].status == "edited"
    b3 = new.block("b3")
    assert b3.text[b3.source[0].start:b3.source[0].end] == b3.source[0].text
    lines = t.split("\n")
    start, _ = _para(t, "b2.s1")
    lines[start] = "@ confirmed"
    assert apply_review_text("\n".join(lines), doc).block("b2").links[0].status == "confirmed"


@pytest.mark.parametrize(("edit", "offset", "needle"), [
    (lambda ls, i: ls.__setitem__(i, "tgt b2.t1 no bar here"), 0, "expected 'src ID | text'"),
    (lambda ls, i: ls.__setitem__(i, "tgt b2.t9 | Nope."), 0, "unknown sentence id 'b2.t9'"),
    (lambda ls, i: ls.__setitem__(i, "src b2.t1 | Side swapped."), 0, "is a target sentence"),
    (lambda ls, i: ls.__setitem__(i, "tgt b2.t1 |   "), 0, "empty"),
    (lambda ls, i: ls.__setitem__(i - 2, "@ approved"), -2, "unknown status 'approved'"),
    (lambda ls, i: ls.insert(i + 1, "tgt b2.t1 | Again."), 1, "appears twice"),
    (lambda ls, i: ls.insert(i + 1, "@ confirmed"), 1, "a second '@' line"),
    (lambda ls, i: ls.insert(i + 1, "b2.t1 | no side"), 1, "expected"),
])
def test_malformed_file_reports_the_line(doc: Document, text: str, edit, offset: int, needle: str) -> None:  # type: ignore[no-untyped-def]
    lines = text.split("\n")
    i = lines.index(next(ln for ln in lines if ln.startswith("tgt b2.t1 ")))
    edit(lines, i)
    with pytest.raises(ReviewError, match=rf"^line {i + 1 + offset}: .*{needle}"):
        apply_review_text("\n".join(lines), doc)


def test_structural_mistakes(doc: Document, text: str) -> None:
    lines = text.split("\n")
    i = lines.index(next(ln for ln in lines if ln.startswith("tgt b9.t2 ")))
    j = lines.index(next(ln for ln in lines if ln.startswith("tgt b9.t1 ")))
    lines[i], lines[j] = lines[j], lines[i]
    with pytest.raises(ReviewError, match=r"line \d+: b9.t1 comes after b9.t2"):
        apply_review_text("\n".join(lines), doc)
    lines = text.split("\n")
    start, _ = _para(text, "b3.s1")
    del lines[start - 3:start + 1]  # blank lines, block comment and "@" line between b2 and b3: one link, two blocks
    with pytest.raises(ReviewError, match="links cannot cross blocks"):
        apply_review_text("\n".join(lines), doc)
    missing = "\n".join(ln for ln in text.split("\n") if not ln.startswith("tgt b7.t1 "))
    with pytest.raises(ReviewError, match="b7.t1 is missing"):
        apply_review_text(missing, doc)


def test_cli_round_trip(tmp_path: Path, doc: Document) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(doc, bitext)
    before = bitext.read_bytes()
    proc = run_cli("publish", str(bitext), "--format", "review", cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    review = tmp_path / "doc.review.txt"
    assert review.is_file()
    proc = run_cli("apply-review", str(review), str(bitext), cwd=tmp_path)
    assert proc.returncode == 0 and "no changes" in proc.stderr
    assert bitext.read_bytes() == before and not (tmp_path / "doc.bitext.json.bak.1").exists()

    lines = review.read_text(encoding="utf-8").split("\n")
    bad = lines.index(next(ln for ln in lines if ln.startswith("tgt b5.t1 ")))
    good = review.read_text(encoding="utf-8").replace("@ needs_review", "@ confirmed")
    broken = good.split("\n")
    broken[bad] = "tgt b5.t1 missing bar"
    review.write_text("\n".join(broken), encoding="utf-8")
    line = assert_one_line_error(run_cli("apply-review", str(review), str(bitext), cwd=tmp_path), f"line {bad + 1}")
    assert "doc.review.txt" in line
    assert bitext.read_bytes() == before  # nothing changed, not even the confirmation above the mistake

    review.write_text(good, encoding="utf-8")
    proc = run_cli("apply-review", str(review), str(bitext), cwd=tmp_path)
    assert proc.returncode == 0, proc.stderr
    assert (tmp_path / "doc.bitext.json.bak.1").read_bytes() == before
    assert [x.status for x in load_document(bitext).block("b4").links] == ["confirmed"]


def test_cli_refuses_a_review_file_of_another_document(tmp_path: Path, doc: Document) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(doc, bitext)
    text = write_review_text(ops.split(doc, "b10", 0))
    other = ops.merge(doc, "b9", 0, "next")
    other.block("b9").target = other.block("b9").target[:1]
    other.block("b9").links[0].tgt = ["b9.t1"]
    save_document(other, bitext)
    before = bitext.read_bytes()
    (tmp_path / "r.txt").write_text(text, encoding="utf-8")
    assert_one_line_error(run_cli("apply-review", "r.txt", str(bitext), cwd=tmp_path), "another version")
    assert bitext.read_bytes() == before
