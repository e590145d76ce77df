"""One review vocabulary (pipeline/bitext/status.py) and the CLI's guidance: hints for a wrong file, option
spellings, stage lines and progress that moves from the first sentence."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from pipeline.bitext.document import save_document
from pipeline.publish.html import render_html
from pipeline.review.server import state_json
from pipeline.bitext.status import FLAGS, review_of, review_summary
from pipeline.segment.stage import segment_text
from pipeline.translate.stage import translate
from pipeline.translate.batching import plan_batches, ramp_up
from helpers import assert_one_line_error, run_cli
from publish_samples import sample_document
from translate_fakes import EchoEngine, _article, _config, _factory

# ------------------------------------------------------------------ one definition of "needs review"


def test_informational_flags_never_count() -> None:
    doc = sample_document()
    block = doc.block("b2")
    block.links[0].flags = ["retried", "split"]
    state = review_of(block, block.links[0])
    assert not state.needed and [r.code for r in state.notes] == ["retried", "split"]
    block.links[0].flags = ["retried", "too_short"]
    assert review_of(block, block.links[0]).needed
    assert [r.code for r in review_of(block, block.links[0]).reasons] == ["too_short"]


def test_reviewed_links_never_count_and_every_flag_is_explained() -> None:
    doc = sample_document()
    block = doc.block("b4")  # needs_review with numbers_missing
    assert review_of(block, block.links[0]).needed
    block.links[0].status = "edited"
    assert not review_of(block, block.links[0]).needed
    b10 = doc.block("b10")  # the aligner's doubt, without a flag
    assert [r.code for r in review_of(b10, b10.links[0]).reasons] == ["unsure"]
    b10.links[0].flags = ["made_up_by_a_plugin"]
    assert review_of(b10, b10.links[0]).reasons[0].label == "made up by a plugin"
    from pipeline.bitext.status import REVIEW_FLAGS

    assert all(FLAGS[f].explanation for f in FLAGS)
    assert {"retried", "split"}.isdisjoint(REVIEW_FLAGS) and {"qe_low", "markup_lost", "dropped"} <= REVIEW_FLAGS


def test_cli_editor_and_page_count_the_same_links() -> None:
    doc = sample_document()
    doc.block("b3").links[0].flags = ["retried"]  # the case that made the editor say "25 of 25"
    summary = review_summary(doc)
    assert (summary.needs_review, summary.links) == (3, 24)
    assert summary.line() == "3 of 24 links need review (1 numbers missing, 1 repetition, 1 unsure link)"
    state = state_json(doc)
    assert state["left"] == summary.needs_review and state["total"] == summary.links
    flagged = [link for b in state["blocks"] for link in b["links"] if link["review"]]
    assert all(link["reasons"] and link["reasons"][0]["explanation"] for link in flagged)
    page = render_html(doc, review_marks=True)
    text = page[page.index("<main"):page.index("</main>")]
    marked_links = set(re.findall(r'class="s rv"[^>]*data-l="(\d+)"', text))
    assert len(marked_links) == summary.needs_review
    assert f"Review marks: {summary.needs_review} of {summary.links} links need review" in page


# ------------------------------------------------------------------ progress


def test_first_batch_is_ramped_up() -> None:
    batches = plan_batches([9] * 20, batch_tokens=200, max_batch_size=16)
    ramped = ramp_up(batches)
    assert [len(b) for b in ramped][:5] == [1, 2, 4, 8, 1]
    assert [i for b in ramped for i in b] == [i for b in batches for i in b]
    assert ramp_up([]) == []


def test_progress_counts_finished_sentences_from_the_first_one(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian, batch_tokens=400, max_batch_size=32)
    doc = segment_text(_article(12), config=config)
    calls: list[tuple[int, int]] = []
    engine = EchoEngine()
    translate(doc, config.translate, engine_factory=_factory(engine), progress=lambda d, t: calls.append((d, t)))
    assert calls[0] == (0, 12) and calls[1] == (1, 12) and calls[-1] == (12, 12)
    assert len(engine.batches[0]) == 1


# ------------------------------------------------------------------ wrong file types


@pytest.fixture()
def files(tmp_path: Path) -> dict[str, Path]:
    bitext = tmp_path / "doc.bitext.json"
    save_document(sample_document(), bitext)
    article = tmp_path / "article.txt"
    article.write_text("Ini sebuah artikel.\n\nParagraf kedua.\n", encoding="utf-8")
    assert run_cli("publish", str(bitext), "--format", "review,html,xliff12", "--outdir", str(tmp_path),
                   cwd=tmp_path).returncode == 0
    return {"bitext": bitext, "article": article, "review": tmp_path / "doc.review.txt",
            "page": tmp_path / "doc.html", "xliff": tmp_path / "doc.xliff12.xlf"}


@pytest.mark.parametrize(("command", "given", "needles"), [
    (["publish"], "article", ["looks like an article", "bilingual run"]),
    (["translate"], "review", ["is a review file", "apply-review"]),
    (["publish"], "page", ["reading page published by bilingual", "doc.bitext.json"]),
    (["review", "--no-browser"], "xliff", ["XLIFF", "apply-review"]),
    (["segment"], "bitext", ["is a bitext file, not an article", "bilingual translate"]),
    (["run"], "review", ["is a review file, not an article"]),
    (["segment"], "page", ["reading page published by bilingual"]),
])
def test_wrong_file_type_gets_a_hint(files: dict[str, Path], command: list[str], given: str,
                                     needles: list[str]) -> None:
    path = files[given]
    args = [command[0], str(path), *command[1:]]
    assert_one_line_error(run_cli(*args, cwd=path.parent), path.name, *needles)


# ------------------------------------------------------------------ option spellings


def test_output_is_a_file_and_outdir_a_directory(files: dict[str, Path], tmp_path: Path) -> None:
    bitext = files["bitext"]
    proc = run_cli("publish", str(bitext), "--format", "tsv", "--output", str(tmp_path / "one.tsv"), cwd=tmp_path)
    assert proc.returncode == 0 and (tmp_path / "one.tsv").is_file() and "deprecated" not in proc.stderr
    proc = run_cli("publish", str(bitext), "--format", "tsv,jsonl", "--outdir", str(tmp_path / "site"), cwd=tmp_path)
    assert proc.returncode == 0 and (tmp_path / "site" / "doc.jsonl").is_file() and "deprecated" not in proc.stderr
    old = run_cli("publish", str(bitext), "--format", "tsv,jsonl", "-o", str(tmp_path / "old"), cwd=tmp_path)
    assert old.returncode == 0 and (tmp_path / "old" / "doc.tsv").is_file()
    assert "bilingual: note: -o/--output for a directory is deprecated here; use --outdir DIR" in old.stderr
    both = run_cli("publish", str(bitext), "--output", "a.html", "--outdir", "b", cwd=tmp_path)
    assert both.returncode == 2 and "not both" in both.stderr


def test_publish_reader_edition_by_default_and_review_marks_on_request(files: dict[str, Path]) -> None:
    bitext = files["bitext"]
    page = files["page"].read_text(encoding="utf-8")
    assert 'id="legend"' not in page and 'class="s rv"' not in page
    assert run_cli("publish", str(bitext), "--review-marks", cwd=bitext.parent).returncode == 0
    marked = files["page"].read_text(encoding="utf-8")
    assert 'id="legend"' in marked and 'class="s rv"' in marked
