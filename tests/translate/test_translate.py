"""Translation stage: batching, translation memory, resume after Ctrl-C, quality flags, long inputs, engines,
the model store and the offline error."""

from __future__ import annotations

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from pipeline.config import load_config
from pipeline.bitext.document import load_document, save_document
from pipeline.segment.stage import segment_text
from pipeline.translate.batching import output_cap, plan_batches
from pipeline.translate.engines.base import Decoding
from pipeline.translate.memory import TranslationMemory
from pipeline.translate.clauses import split_to_fit
from pipeline.translate.stage import translate_document
from translate_fakes import EchoEngine, _article, _config, _factory, fake

ROOT = Path(__file__).resolve().parents[2]
PY = sys.executable


# ---------------------------------------------------------------- batching


def test_plan_batches_respects_budget_and_sorts_by_length() -> None:
    lengths = [5, 30, 7, 30, 2, 12, 12, 9]
    batches = plan_batches(lengths, batch_tokens=40, max_batch_size=3)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 3 and max(lengths[i] for i in b) * len(b) <= 40
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat, reverse=True)


def test_output_cap_is_relative_to_source_and_bounded() -> None:
    assert output_cap(10, 3.0, 256) == 30
    assert output_cap(2, 3.0, 256) == 16
    assert output_cap(200, 3.0, 256) == 256


def test_stage_restores_document_order(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian, batch_tokens=30, max_batch_size=4)
    doc = segment_text(_article(14), config=config)
    engine = EchoEngine()
    report = translate_document(doc, config, engine_factory=_factory(engine))
    assert report.translated == 14 and len(engine.batches) > 3
    assert engine.translated != [s.text for _, s in doc.iter_source()]  # the engine saw them sorted by length
    for _, s in doc.iter_source():
        assert s.mt is not None and s.mt.text == fake(s.text) and s.mt.flags == []


# ---------------------------------------------------------------- translation memory


def test_memory_rerun_translates_nothing_and_changed_sentence_only(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    first = translate_document(segment_text(_article(6), config=config), config, engine_factory=_factory(engine))
    assert first.translated == 6
    engine.batches.clear()
    second = translate_document(segment_text(_article(6), config=config), config, engine_factory=_factory(engine))
    assert second.translated == 0 and second.from_memory == 6 and engine.batches == []
    changed = _article(6).replace("nomor 3 ", "nomor 33 ")
    doc = segment_text(changed, config=config)
    third = translate_document(doc, config, engine_factory=_factory(engine))
    assert engine.translated == ["Kalimat nomor 33 tentang harga beras di kota yang besar dan ini."]
    assert third.translated == 1 and third.from_memory == 5


def test_memory_is_keyed_by_settings(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    translate_document(segment_text(_article(3), config=config), config, engine_factory=_factory(engine))
    config.translate.beam_size = 3
    report = translate_document(segment_text(_article(3), config=config), config, engine_factory=_factory(engine))
    assert report.translated == 3 and report.from_memory == 0


def test_memory_survives_reopen(tmp_path: Path) -> None:
    from pipeline.translate.memory import Entry

    tm = TranslationMemory(tmp_path, "m", "r", "s")
    tm.put_many([("a", Entry("A", -0.1, ["too_long"]))])
    tm.close()
    again = TranslationMemory(tmp_path, "m", "r", "s")
    assert again.get_many(["a", "b"])["a"].flags == ["too_long"]
    assert TranslationMemory(tmp_path, "m", "other", "s").get_many(["a"]) == {}


# ---------------------------------------------------------------- Ctrl-C and resume


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
    report = translate_document(doc, config)
    assert report.translated == n - kept  # nothing finished before Ctrl-C is translated again
    assert report.from_memory == kept - saved
    assert all(s.mt is not None for _, s in doc.iter_source())


# ---------------------------------------------------------------- retry


def test_flagged_sentence_is_retried_with_safer_decoding(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    src = "Kalimat nomor 1 tentang harga beras di kota ini."
    loop = "sorry sorry sorry sorry sorry"
    engine = EchoEngine(outputs={src: [loop, "Sentence number 1 about the price of rice in this city."]})
    doc = segment_text(src + "\n\nKalimat lain yang baik.", config=config)
    report = translate_document(doc, config, engine_factory=_factory(engine))
    first = doc.iter_source()[0][1]
    assert first.mt is not None and first.mt.text.startswith("Sentence number 1") and "retried" in first.mt.flags
    # the retry is the one call with safer decoding, and it sends only the flagged sentence (the first
    # batch may be split for early progress, so other batches can come after it)
    safer = [i for i, d in enumerate(engine.decodings) if d.no_repeat_ngram_size > 0]
    assert report.retried == 1 and len(safer) == 1
    assert engine.batches[safer[0]] == [src]


# ---------------------------------------------------------------- long inputs


def _words(text: str) -> int:
    return len(text.split())


def test_split_at_clause_boundaries_never_drops_text() -> None:
    text = ("Pemerintah mengumumkan rencana baru pada hari Senin, yang akan berlaku tahun depan; "
            "para pejabat mengatakan bahwa harga beras akan turun dan petani akan mendapat bantuan.")
    parts = split_to_fit(text, _words, 12)
    assert len(parts) > 1 and all(_words(p) <= 12 for p in parts)
    assert " ".join(parts).split() == text.split()
    assert parts[0].endswith((",", ";"))
    assert split_to_fit("x" * 50, len, 10) and "".join(split_to_fit("x" * 50, len, 10)) == "x" * 50


def test_long_sentence_is_split_and_joined(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    long = ("Kalimat ini sangat panjang, karena berisi banyak klausa yang berbeda; setiap klausa "
            "menambah kata baru, dan model hanya menerima sedikit kata sekaligus.")
    engine = EchoEngine(input_limit=8)
    doc = segment_text(long, config=config)
    translate_document(doc, config, engine_factory=_factory(engine))
    s = doc.iter_source()[0][1]
    assert s.mt is not None and "split" in s.mt.flags and len(engine.translated) > 1
    parts = split_to_fit(long, lambda t: engine.count_tokens([t])[0], 8)
    assert s.mt.text == " ".join(fake(p) for p in parts)
    assert sorted(engine.translated) == sorted(parts) and " ".join(parts).split() == long.split()


# ---------------------------------------------------------------- real engines on the tiny model


def test_both_engines_identical_on_tiny_model(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.engines.transformers import TransformersEngine
    from pipeline.translate.hub.resolve import ct2_dir
    from pipeline.translate.hub.store import describe

    assert _main(["models", "convert", str(tiny_marian), "--quantization", "float32"], monkeypatch) == 0
    stored = describe(ct2_dir(str(tiny_marian)))
    assert stored.kind == "ctranslate2 float32"
    config = _config(isolated, tiny_marian, max_new_tokens=12)
    lines = [ln for ln in (ROOT / "seeds" / "belgorod.id.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = lines[:6] + ["Harga beras naik 3,5 persen.", "Jakarta -"]
    batches = [texts[:4], texts[4:]]
    decoding = Decoding.from_config(config.translate)
    hf = [h for b in TransformersEngine(tiny_marian, config.translate).translate_batches(batches, decoding) for h in b]
    ct = [h for b in CTranslate2Engine(stored.path, config.translate).translate_batches(batches, decoding) for h in b]
    assert [h.text for h in hf] == [h.text for h in ct]
    assert all(h.text for h in hf)
    assert [h.score for h in hf] == pytest.approx([h.score for h in ct], abs=1e-3)


def test_transformers_int8_and_bitext_records_revision(isolated: Path, tiny_marian: Path) -> None:
    import shutil

    from pipeline.translate.hub.resolve import store_dir

    stored = store_dir("tiny/opus-mt-id-en")
    shutil.copytree(tiny_marian, stored)
    (stored / ".bilingual-revision").write_text("0123456789abcdef0123456789abcdef01234567\n", encoding="utf-8")
    config = _config(isolated, Path("tiny/opus-mt-id-en"), quantize="int8")
    config.translate.model = "tiny/opus-mt-id-en"
    doc = segment_text("Harga beras naik 3,5 persen.", config=config)
    translate_document(doc, config)
    assert doc.meta.model["revision"] == "0123456789abcdef0123456789abcdef01234567"
    mt = doc.iter_source()[0][1].mt
    assert mt is not None and mt.text and "q:int8" in mt.model


def test_progress_only_on_a_terminal() -> None:
    import io

    from pipeline.progress import TerminalProgress

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    pipe, tty = io.StringIO(), Tty()
    for stream in (pipe, tty):
        bar = TerminalProgress(stream, desc="translating", unit="sent")
        for done in (0, 5, 10):
            bar(done, 10)
    assert pipe.getvalue() == ""
    assert "0/10" in tty.getvalue() and "sent/s" in tty.getvalue()


# ---------------------------------------------------------------- models command group and offline error


def _main(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    from pipeline.cli.main import main

    monkeypatch.setattr(sys, "argv", ["bilingual", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
        raise SystemExit(0)
    return int(exc.value.code or 0)


def test_models_list_and_remove(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch,
                                capsys: pytest.CaptureFixture[str]) -> None:
    import shutil

    target = isolated / "models" / "Helsinki-NLP__opus-mt-id-en"
    shutil.copytree(tiny_marian, target)
    (target / ".bilingual-revision").write_text("abc123\n", encoding="utf-8")
    (target / ".bilingual-source").write_text("Helsinki-NLP/opus-mt-id-en\n", encoding="utf-8")
    assert _main(["models", "list", "--no-cache"], monkeypatch) == 0
    out = capsys.readouterr().out
    assert "Helsinki-NLP/opus-mt-id-en" in out and "abc123" in out and "hub:Helsinki-NLP/opus-mt-id-en" in out
    assert "KB" in out or "MB" in out
    assert _main(["models", "remove", "Helsinki-NLP/opus-mt-id-en"], monkeypatch) == 0
    assert not target.exists()
    capsys.readouterr()
    assert _main(["models", "remove", "Helsinki-NLP/opus-mt-id-en"], monkeypatch) != 0
    err = capsys.readouterr().err
    assert err.startswith("bilingual: error:") and len(err.strip().splitlines()) == 1


def test_offline_missing_model_is_one_line(isolated: Path, monkeypatch: pytest.MonkeyPatch,
                                            capsys: pytest.CaptureFixture[str]) -> None:
    bitext = isolated / "doc.bitext.json"
    save_document(segment_text("Harga beras naik."), bitext)
    code = _main(["translate", str(bitext), "--model", "Helsinki-NLP/opus-mt-id-xx"], monkeypatch)
    err = capsys.readouterr().err
    assert code != 0
    assert len(err.strip().splitlines()) == 1 and "Traceback" not in err
    assert "HF_HUB_OFFLINE" in err and "opus-mt-id-xx" in err
    code = _main(["translate", str(bitext), "--model", "Helsinki-NLP/opus-mt-id-xx", "--engine", "ctranslate2"],
                 monkeypatch)
    err = capsys.readouterr().err
    assert code != 0 and len(err.strip().splitlines()) == 1 and "models convert" in err


def test_offline_model_from_the_hub_cache(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import shutil

    import huggingface_hub.constants

    from pipeline.translate.hub.resolve import resolve_model

    # huggingface_hub reads HF_HOME once, at import: point its cache at the sandbox directly
    monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(isolated / "hf-home" / "hub"))

    sha = "89abcdef0123456789abcdef0123456789abcdef"
    repo = isolated / "hf-home" / "hub" / "models--tiny--cached-mt"
    shutil.copytree(tiny_marian, repo / "snapshots" / sha)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text(sha, encoding="utf-8")
    resolved = resolve_model("tiny/cached-mt")
    assert resolved.source == "cache" and resolved.revision == sha


def test_ct2_split_batch_keeps_the_whole_batch_cap(isolated: Path, tiny_marian: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone batch runs in parts on both replicas; the output must be that of the whole batch."""
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.hub.resolve import ct2_dir
    from pipeline.translate.hub.store import describe

    assert _main(["models", "convert", str(tiny_marian), "--quantization", "float32"], monkeypatch) == 0
    config = _config(isolated, tiny_marian, max_new_tokens=200, threads=2)
    engine = CTranslate2Engine(describe(ct2_dir(str(tiny_marian))).path, config.translate)
    assert engine.inter == 2
    lines = [ln for ln in (ROOT / "seeds" / "belgorod.id.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    long_ones = sorted(lines, key=len)[-2:]
    batch = [*long_ones, "Jakarta -", "Harga naik."]  # the second part alone would get a much smaller cap
    decoding = Decoding.from_config(config.translate)
    [split] = list(engine.translate_batches([batch], decoding))
    whole = [h for job in engine._submit(batch, decoding) for h in engine._collect(*job)]
    assert split == whole
    assert max(h.tokens for h in whole[2:]) > decoding.cap(max(engine.count_tokens(batch[2:])))


# ---------------------------------------------------------------- CTranslate2 with language codes (M2M100, NLLB)

#: arch -> (source code, target code, source token, target token): M2M100 wraps its codes, NLLB uses them as is.
MULTILINGUAL = {
    "m2m100": ("id", "en", "__id__", "__en__"),
    "nllb": ("ind_Latn", "eng_Latn", "ind_Latn", "eng_Latn"),
}


@pytest.fixture(scope="session")
def ct2_multilingual(tmp_path_factory: pytest.TempPathFactory, tiny_m2m100: Path,
                     tiny_nllb: Path) -> dict[str, tuple[Path, Path]]:
    """arch -> (transformers model, its float32 CTranslate2 conversion), made once by `bilingual models convert`."""
    from click.testing import CliRunner

    from pipeline.cli.main import cli
    from pipeline.translate.hub.resolve import ct2_dir

    models = tmp_path_factory.mktemp("ct2-models")
    out = {}
    for arch, path in (("m2m100", tiny_m2m100), ("nllb", tiny_nllb)):
        result = CliRunner().invoke(cli, ["models", "convert", str(path), "--quantization", "float32"],
                                    env={"BILINGUAL_MODELS_DIR": str(models), "HF_HUB_OFFLINE": "1"})
        assert result.exit_code == 0, result.output
        out[arch] = (path, ct2_dir(str(path), models))
    return out


@pytest.mark.parametrize("arch", sorted(MULTILINGUAL))
def test_ct2_identical_to_transformers_with_language_codes(
    tmp_path: Path, arch: str, ct2_multilingual: dict[str, tuple[Path, Path]]
) -> None:
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.engines.transformers import TransformersEngine
    from pipeline.translate.hub.store import describe

    model, converted = ct2_multilingual[arch]
    src, tgt, src_token, tgt_token = MULTILINGUAL[arch]
    assert describe(converted).kind == "ctranslate2 float32"
    config = _config(tmp_path, model, max_new_tokens=12, source_lang_code=src, target_lang_code=tgt)
    assert config.translate.beam_size == 1
    lines = [ln for ln in (ROOT / "seeds" / "belgorod.id.txt").read_text(encoding="utf-8").splitlines() if ln.strip()]
    texts = lines[:6] + ["Harga beras naik 3,5 persen.", "Jakarta -"]
    batches = [texts[:4], texts[4:]]
    decoding = Decoding.from_config(config.translate)
    hf_engine = TransformersEngine(model, config.translate)
    ct_engine = CTranslate2Engine(converted, config.translate)
    # the source language token opens every input; the target one is the decoder's first token
    assert ct_engine.tokenize(["Harga naik."])[0][0] == src_token
    assert ct_engine.prefix == tgt_token
    assert hf_engine.tokenizer.convert_tokens_to_ids(ct_engine.prefix) == hf_engine.forced_bos
    hf = [h for b in hf_engine.translate_batches(batches, decoding) for h in b]
    ct = [h for b in ct_engine.translate_batches(batches, decoding) for h in b]
    assert [h.text for h in hf] == [h.text for h in ct]
    assert all(h.text for h in ct)
    # equal scores show the same decoding: with or without the forced language token they would differ
    assert [h.score for h in hf] == pytest.approx([h.score for h in ct], abs=1e-4)
    assert [h.hit_cap for h in hf] == [h.hit_cap for h in ct]
    assert [h.tokens for h in hf] == [h.tokens for h in ct]  # neither counts the language token
    for h in ct:
        assert h.text.split()[0] not in {tgt, tgt_token, src_token} and tgt_token not in h.text


def test_ct2_conversion_keeps_the_models_suppressed_tokens(ct2_multilingual: dict[str, tuple[Path, Path]]) -> None:
    """Ids are mapped through the converted vocabulary: M2M100's padding rows have no tokenizer name."""
    import json

    from pipeline.translate.hub.markers import read_ct2_marker

    model, converted = ct2_multilingual["m2m100"]
    vocab = json.loads((converted / "shared_vocabulary.json").read_text(encoding="utf-8"))
    hf_config = json.loads((model / "config.json").read_text(encoding="utf-8"))
    assert len(vocab) == hf_config["vocab_size"] and vocab[-1] == "madeupword7"
    suppressed = read_ct2_marker(converted)["suppress_sequences"]
    gen = json.loads((model / "generation_config.json").read_text(encoding="utf-8"))
    assert suppressed == [[vocab[i]] for i in gen["suppress_tokens"]]
    assert ["madeupword7"] in suppressed and ["__fr__"] in suppressed and ["__en__"] not in suppressed


@pytest.mark.parametrize("arch", sorted(MULTILINGUAL))
def test_cli_translate_ct2_with_language_codes(isolated: Path, arch: str, monkeypatch: pytest.MonkeyPatch,
                                               ct2_multilingual: dict[str, tuple[Path, Path]]) -> None:
    _model, converted = ct2_multilingual[arch]
    src, tgt, _src_token, tgt_token = MULTILINGUAL[arch]
    cfg = isolated / "codes.toml"
    cfg.write_text(f'[translate]\nsource_lang_code = "{src}"\ntarget_lang_code = "{tgt}"\n'
                   f'beam_size = 2\nmax_new_tokens = 16\nmemory_dir = "{isolated / "tm"}"\n', encoding="utf-8")
    bitext = isolated / "doc.bitext.json"
    save_document(segment_text(_article(3)), bitext)
    assert _main(["translate", str(bitext), "--model", str(converted), "--engine", "ctranslate2", "--config",
                  str(cfg), "--quiet"], monkeypatch) == 0
    doc = load_document(bitext)
    assert doc.meta.model["name"]
    for _, s in doc.iter_source():
        assert s.mt is not None and s.mt.text.strip()
        assert s.mt.text.split()[0] not in {tgt, tgt_token} and tgt_token not in s.mt.text


@pytest.mark.parametrize(("arch", "code"), [("m2m100", "xx"), ("m2m100", "__id__"), ("nllb", "xxx_Zzzz")])
def test_unknown_source_language_code_is_a_model_error(request: pytest.FixtureRequest, arch: str, code: str) -> None:
    """Before: a KeyError traceback from the M2M100 tokenizer, and a silent <unk> first token from NLLB's."""
    from pipeline.errors import ModelError
    from pipeline.config import TranslateConfig
    from pipeline.translate.hf_tokenizer import load_tokenizer, setup_languages

    path = request.getfixturevalue(f"tiny_{arch}")
    tokenizer = load_tokenizer(path)
    with pytest.raises(ModelError, match=f"unknown source language code '{code}'"):
        setup_languages(tokenizer, path, TranslateConfig(source_lang_code=code))


@pytest.mark.parametrize("arch", sorted(MULTILINGUAL))
def test_multilingual_models_default_to_indonesian_into_english(
    tmp_path: Path, arch: str, ct2_multilingual: dict[str, tuple[Path, Path]]
) -> None:
    """Empty language codes: an NLLB or M2M100 model still reads Indonesian and writes English, in both engines."""
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.engines.transformers import TransformersEngine

    model, converted = ct2_multilingual[arch]
    src, tgt, src_token, tgt_token = MULTILINGUAL[arch]
    explicit = _config(tmp_path, model, max_new_tokens=10, source_lang_code=src, target_lang_code=tgt)
    default = _config(tmp_path, model, max_new_tokens=10)
    assert default.translate.source_lang_code == default.translate.target_lang_code == ""
    texts = ["Harga beras naik 3,5 persen.", "Presiden meresmikan jembatan baru di Belgorod."]
    decoding = Decoding.from_config(default.translate)
    for engine_cls, path in ((TransformersEngine, model), (CTranslate2Engine, converted)):
        auto, fixed = engine_cls(path, default.translate), engine_cls(path, explicit.translate)
        assert auto.tokenize(texts[:1])[0][0] == src_token
        got = [h.text for b in auto.translate_batches([texts], decoding) for h in b]
        want = [h.text for b in fixed.translate_batches([texts], decoding) for h in b]
        assert got == want and all(got)


def test_marian_takes_no_language_codes(tmp_path: Path, tiny_marian: Path) -> None:
    from pipeline.translate.engines.transformers import TransformersEngine
    from pipeline.translate.hf_tokenizer import language_codes

    engine = TransformersEngine(tiny_marian, _config(tmp_path, tiny_marian).translate)
    assert language_codes(engine.tokenizer, engine.config) == ("", "")
    assert engine.forced_bos is None
