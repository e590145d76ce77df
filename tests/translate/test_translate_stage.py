"""The translate stage (pipeline/translate/stage.py, sentences.py): document order restored, Ctrl-C keeps finished
batches and a rerun resumes, flagged sentences retried, long sentences split and joined, the revision recorded."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.bitext.document import Document, Meta, load_document, save_document
from pipeline.config import load_config
from pipeline.segment.stage import segment_text
from pipeline.stages import NotReadyError
from pipeline.translate.clauses import split_to_fit
from pipeline.translate.memory import TranslationMemory
from pipeline.translate.stage import translate
from translate_fakes import EchoEngine, _article, _config, _factory, fake

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


def test_stage_restores_document_order(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian, batch_tokens=30, max_batch_size=4)
    doc = segment_text(_article(14), config=config)
    engine = EchoEngine()
    report = translate(doc, config.translate, engine_factory=_factory(engine)).report
    assert report.translated == 14 and len(engine.batches) > 3
    assert engine.translated != [s.text for _, s in doc.iter_source()]  # the engine saw them sorted by length
    for _, s in doc.iter_source():
        assert s.mt is not None and s.mt.text == fake(s.text) and s.mt.flags == []


def test_sigint_keeps_finished_batches_and_resumes(tmp_path: Path, tiny_marian: Path) -> None:
    n = 120  # enough batches that a fast machine is still busy when the interrupt comes
    cfg = tmp_path / "slow.toml"  # one sentence per batch: many batches, so the interrupt lands mid-way
    cfg.write_text("[translate]\nbeam_size = 1\nmax_new_tokens = 32\nmax_output_ratio = 6.0\nmax_batch_size = 1\n"
                   f"retry_flagged = false\nmemory_dir = \"{tmp_path / 'tm'}\"\n", encoding="utf-8")
    bitext = tmp_path / "doc.bitext.json"
    save_document(segment_text(_article(n)), bitext)
    original = bitext.read_bytes()
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    proc = subprocess.Popen([PY, "-m", "pipeline", "translate", str(bitext), "--model", str(tiny_marian),
                             "--config", str(cfg)], env=env, stderr=subprocess.PIPE, text=True)
    db = tmp_path / "tm" / TranslationMemory.FILENAME
    deadline = time.time() + 60
    done = 0
    while time.time() < deadline and proc.poll() is None:
        if db.exists():
            try:
                with sqlite3.connect(db) as con:
                    done = con.execute("SELECT count(*) FROM translations").fetchone()[0]
            except sqlite3.Error:
                done = 0
            if done >= 2:
                break
        time.sleep(0.05)
    assert proc.poll() is None, f"translation finished before it could be interrupted: {proc.stderr.read()}"
    proc.send_signal(signal.SIGINT)
    _out, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    with sqlite3.connect(db) as con:
        kept = con.execute("SELECT count(*) FROM translations").fetchone()[0]
    assert 2 <= kept < n
    doc = load_document(bitext)  # not corrupt
    assert bitext.read_bytes() != original
    saved = sum(s.mt is not None for _, s in doc.iter_source())
    assert 2 <= saved <= kept
    config = load_config(cfg)
    config.translate.model = str(tiny_marian)
    config.translate.max_batch_size = 64  # not part of the memory key: the rest in one batch, to be quick
    report = translate(doc, config.translate).report
    assert report.translated == n - kept  # nothing finished before Ctrl-C is translated again
    assert report.from_memory == kept - saved
    assert all(s.mt is not None for _, s in doc.iter_source())


def test_flagged_sentence_is_retried_with_safer_decoding(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    src = "Kalimat nomor 1 tentang harga beras di kota ini."
    loop = "sorry sorry sorry sorry sorry"
    engine = EchoEngine(outputs={src: [loop, "Sentence number 1 about the price of rice in this city."]})
    doc = segment_text(src + "\n\nKalimat lain yang baik.", config=config)
    report = translate(doc, config.translate, engine_factory=_factory(engine)).report
    first = doc.iter_source()[0][1]
    assert first.mt is not None and first.mt.text.startswith("Sentence number 1") and "retried" in first.mt.flags
    # the retry is the one call with safer decoding, and it sends only the flagged sentence (the first
    # batch may be split for early progress, so other batches can come after it)
    safer = [i for i, d in enumerate(engine.decodings) if d.no_repeat_ngram_size > 0]
    assert report.retried == 1 and len(safer) == 1
    assert engine.batches[safer[0]] == [src]


def test_long_sentence_is_split_and_joined(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    long = ("Kalimat ini sangat panjang, karena berisi banyak klausa yang berbeda; setiap klausa "
            "menambah kata baru, dan model hanya menerima sedikit kata sekaligus.")
    engine = EchoEngine(input_limit=8)
    doc = segment_text(long, config=config)
    translate(doc, config.translate, engine_factory=_factory(engine))
    s = doc.iter_source()[0][1]
    assert s.mt is not None and "split" in s.mt.flags and len(engine.translated) > 1
    parts = split_to_fit(long, lambda t: engine.count_tokens([t])[0], 8)
    assert s.mt.text == " ".join(fake(p) for p in parts)
    assert sorted(engine.translated) == sorted(parts) and " ".join(parts).split() == long.split()


def test_transformers_int8_and_bitext_records_revision(isolated: Path, tiny_marian: Path) -> None:
    import shutil

    from pipeline.translate.hub.resolve import store_dir

    stored = store_dir("tiny/opus-mt-id-en")
    shutil.copytree(tiny_marian, stored)
    (stored / ".bilingual-revision").write_text("0123456789abcdef0123456789abcdef01234567\n", encoding="utf-8")
    config = _config(isolated, Path("tiny/opus-mt-id-en"), quantize="int8")
    config.translate.model = "tiny/opus-mt-id-en"
    doc = segment_text("Harga beras naik 3,5 persen.", config=config)
    translate(doc, config.translate)
    assert doc.meta.model["revision"] == "0123456789abcdef0123456789abcdef01234567"
    mt = doc.iter_source()[0][1].mt
    assert mt is not None and mt.text and "q:int8" in mt.model


def test_the_stage_returns_the_document_and_its_report(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    doc = segment_text(_article(2), config=config)
    result = translate(doc, config.translate, engine_factory=_factory(EchoEngine()))
    assert result.doc is doc and result.report.translated == 2
    assert doc.meta.stages["translate"] and doc.meta.target_origin == "machine"


def test_an_unsegmented_document_is_refused_naming_the_file(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    with pytest.raises(NotReadyError, match=r"^empty\.bitext\.json: has no sentences; run `bilingual segment` first$"):
        translate(Document(meta=Meta(), blocks=[]), config.translate, name="empty.bitext.json", engine_factory=_factory(engine))
    assert engine.batches == []
