"""Quality estimation: the signals, the score with the real bundled encoder, the stage and the commands."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_cli
from pipeline.config import Config
from pipeline.bitext.document import Block, Document, Link, MachineTranslation, Meta, Sentence, load_document, save_document
from pipeline.errors import BitextError
from pipeline.qe import FEATURES, estimate, pair_features, score_pairs
from pipeline.qe import score as qe_score

# Our own sentences (not from any dev set): a source, a good translation and broken ones.
SRC = "Pemerintah kota Bandung menutup 12 sekolah karena banjir yang melanda sejak Senin pagi."
GOOD = "The Bandung city government closed 12 schools because of the floods that have hit since Monday morning."
UNRELATED = "The national football team won the match against Vietnam with two late goals in the second half."
SHORT = "The Bandung city government closed schools."


def feature(source: str, target: str, name: str) -> float:
    return float(pair_features(source, target, 0.9)[FEATURES.index(name)])


def test_every_feature_has_a_weight() -> None:
    assert set(qe_score.WEIGHTS) == set(FEATURES)


def test_a_changed_number_is_a_swap_but_a_rewritten_one_is_not() -> None:
    assert feature(SRC, GOOD.replace("12", "21"), "numbers_swapped") == 1.0
    assert feature(SRC, GOOD, "numbers_swapped") == 0.0
    assert feature("Harganya naik 3,5 persen.", "The price rose 3.5 percent.", "numbers_swapped") == 0.0


def test_negation_on_one_side_only() -> None:
    src = "Polisi tidak menemukan senjata di rumah itu."
    assert feature(src, "The police did not find weapons in the house.", "negation_mismatch") == 0.0
    assert feature(src, "The police found weapons in the house.", "negation_mismatch") == 1.0
    assert feature("Polisi menemukan senjata.", "The police never found weapons.", "negation_mismatch") == 1.0


def test_length_deficit_and_excess_are_one_sided() -> None:
    assert feature(SRC, SHORT, "length_deficit") > Config().qe.omission_threshold
    assert feature(SRC, SHORT, "length_excess") == 0.0
    assert feature(SRC, GOOD + " " + UNRELATED, "length_excess") > 0.4
    assert feature(SRC, GOOD, "length_deficit") == 0.0 and feature(SRC, GOOD, "length_excess") < 0.05
    assert feature(SRC, GOOD + " " + UNRELATED, "length_deficit") == 0.0


def test_copy_and_loop_signals() -> None:
    assert feature(SRC, SRC, "copy") == 1.0
    assert feature(SRC, "The city the city the city the city closed.", "repetition") == 1.0
    assert feature(SRC, GOOD, "copy") == feature(SRC, GOOD, "repetition") == 0.0


@pytest.fixture
def encoder(real_encoder):  # type: ignore[no-untyped-def]
    return real_encoder  # the real bundled encoder, offline


def test_real_encoder_ranks_good_above_broken(encoder) -> None:  # type: ignore[no-untyped-def]
    cfg = Config().qe
    broken = [UNRELATED, SHORT, SRC, GOOD.replace("12", "21"), GOOD.replace("closed", "did not close")]
    res = score_pairs([SRC] * (1 + len(broken)), [GOOD, *broken], encoder, low=cfg.low_threshold,
                      omission=cfg.omission_threshold)
    good, *bad = res
    assert good.flags == []
    assert all(r.score > good.score for r in bad)
    assert "qe_low" in res[1].flags  # unrelated sentence
    assert "omission" in res[2].flags  # most of the sentence dropped
    assert "qe_low" in res[3].flags  # copied source
    assert 0.0 <= good.score <= 1.0 and good.similarity > res[1].similarity


def _doc() -> Document:
    blocks = []
    for i, (tgt, status) in enumerate([(GOOD, "auto"), (UNRELATED, "auto"), (UNRELATED, "confirmed")], start=1):
        src = Sentence(id=f"b{i}.s1", text=SRC, mt=MachineTranslation(text=tgt, score=-0.3, flags=[], model="m"))
        blocks.append(Block(id=f"b{i}", kind="paragraph", text=SRC, source=[src],
                            target=[Sentence(id=f"b{i}.t1", text=tgt)],
                            links=[Link(src=[src.id], tgt=[f"b{i}.t1"], score=0.7, status=status)]))
    return Document(meta=Meta(title="t"), blocks=blocks)


def test_stage_marks_machine_links_and_keeps_a_persons(encoder, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    report = estimate(doc, Config().qe, encoder=encoder).report
    assert report.estimated == 3
    good, bad, confirmed = doc.blocks
    assert good.source[0].mt.qe < bad.source[0].mt.qe  # type: ignore[union-attr]
    assert good.links[0].status == "auto" and "qe_low" not in good.links[0].flags
    assert bad.links[0].status == "needs_review" and "qe_low" in bad.links[0].flags
    assert confirmed.links[0].status == "confirmed" and confirmed.links[0].flags == []
    assert "qe_low" in confirmed.source[0].mt.flags  # type: ignore[union-attr]  # the sentence still says so
    path = tmp_path / "d.bitext.json"
    save_document(doc, path)
    again = load_document(path)
    assert again.blocks[1].source[0].mt.qe == bad.source[0].mt.qe  # type: ignore[union-attr]
    # a second estimate replaces the QE flags instead of piling them up
    estimate(again, Config().qe, encoder=encoder)
    assert again.blocks[1].source[0].mt.flags.count("qe_low") == 1  # type: ignore[union-attr]
    assert again.blocks[1].links[0].flags.count("qe_low") == 1


def test_only_missing_leaves_estimated_sentences_alone(encoder) -> None:  # type: ignore[no-untyped-def]
    doc = _doc()
    doc.blocks[0].source[0].mt.qe = 0.5  # type: ignore[union-attr]
    report = estimate(doc, Config().qe, encoder=encoder, only_missing=True).report
    assert report.estimated == 2 and doc.blocks[0].source[0].mt.qe == 0.5  # type: ignore[union-attr]


def test_loader_rejects_an_out_of_range_estimate(tmp_path: Path) -> None:
    path = tmp_path / "d.bitext.json"
    save_document(_doc(), path)
    data = json.loads(path.read_text(encoding="utf-8"))
    data["blocks"][0]["source"][0]["mt"]["qe"] = 3
    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BitextError, match="mt.qe"):
        load_document(path)


def test_files_without_estimates_do_not_grow_a_field(tmp_path: Path) -> None:
    path = tmp_path / "d.bitext.json"
    save_document(_doc(), path)
    assert '"qe"' not in path.read_text(encoding="utf-8")


def test_qe_command_estimates_and_republishes(isolated: Path) -> None:
    path = isolated / "d.bitext.json"
    save_document(_doc(), path)
    proc = run_cli("qe", str(path))
    assert proc.returncode == 0, proc.stderr
    assert "estimated quality of 3 translations" in proc.stderr and "qe_low" in proc.stderr
    doc = load_document(path)
    assert all(s.mt is not None and s.mt.qe is not None for _, s in doc.iter_source())
    assert (isolated / "d.html").is_file()
    assert list(isolated.glob("d.bitext.json.bak*")), "the previous version is kept as a backup"


def test_qe_command_refuses_an_untranslated_document(isolated: Path) -> None:
    doc = _doc()
    for _, s in doc.iter_source():
        s.mt = None
    path = isolated / "d.bitext.json"
    save_document(doc, path)
    before = path.read_bytes()
    proc = run_cli("qe", str(path))
    assert proc.returncode != 0 and "no machine translations" in proc.stderr
    assert path.read_bytes() == before


def test_run_with_qe_scores_every_sentence(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    article = isolated / "a.txt"
    article.write_text("Banjir melanda Bandung sejak Senin. Sekolah ditutup selama dua hari.\n", encoding="utf-8")
    proc = run_cli("run", str(article), "--model", str(tiny_marian), "--config", str(fast_config_file), "--qe")
    assert proc.returncode == 0, proc.stderr
    doc = load_document(isolated / "output" / "a" / "a.bitext.json")
    scores = [s.mt.qe for _, s in doc.iter_source() if s.mt]
    assert len(scores) == 2 and all(q is not None and 0.0 <= q <= 1.0 for q in scores)
    # random-weight gibberish is exactly what QE must distrust
    assert all(link.status == "needs_review" for b in doc.blocks for link in b.links)
    assert doc.meta.settings["qe"]["version"] == qe_score.QE_VERSION


def test_run_without_qe_adds_nothing(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    article = isolated / "a.txt"
    article.write_text("Banjir melanda Bandung sejak Senin.\n", encoding="utf-8")
    proc = run_cli("run", str(article), "--model", str(tiny_marian), "--config", str(fast_config_file))
    assert proc.returncode == 0, proc.stderr
    doc = load_document(isolated / "output" / "a" / "a.bitext.json")
    assert all(s.mt is not None and s.mt.qe is None for _, s in doc.iter_source())
