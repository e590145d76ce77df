"""Bugs that only models laid out like the hub's show: each test fails on the code before its fix.

The published-layout tiny models (tests/make_tiny_model.py --published) have the hub repositories' files:
.bin weights, separate source/target sentencepiece models for Marian, tokenizer configs without src_lang,
no suppressed <pad> or language tokens, and the real position limits.
"""

from __future__ import annotations

import json
import shutil
import tomllib
from pathlib import Path

import pytest

from helpers import run_main
from pipeline.config import DEFAULT_MODEL, DEFAULT_MODEL_REVISION, load_config
from pipeline.errors import ConfigError, ModelError, ModelNotAvailableError
from pipeline.translate.engines.base import Decoding
from pipeline.translate.engines.transformers import TransformersEngine

ROOT = Path(__file__).resolve().parents[2]
TEXTS = ["Harga beras naik 3,5 persen.", "Presiden meresmikan jembatan baru di Belgorod pada hari Senin pagi."]


def _config(tmp_path: Path, model: Path, **translate: object):  # type: ignore[no-untyped-def]
    config = load_config()
    config.translate.model, config.translate.revision = str(model), "main"
    config.translate.memory_dir = str(tmp_path / "tm")
    config.translate.beam_size, config.translate.max_new_tokens = 1, 10
    for k, v in translate.items():
        setattr(config.translate, k, v)
    return config


def _first_token(engine: TransformersEngine, text: str = "Harga naik.") -> str:
    return str(engine.tokenize([text])[0][0])


# ---------------------------------------------------------------- .bin weights


def test_bin_weights_of_the_published_repository_load(tmp_path: Path, published_marian: Path) -> None:
    assert not (published_marian / "model.safetensors").exists() and (published_marian / "pytorch_model.bin").exists()
    engine = TransformersEngine(published_marian, _config(tmp_path, published_marian).translate)
    [hyps] = engine.translate_batches([TEXTS], Decoding(beam_size=1, max_new_tokens=8))
    assert len(hyps) == 2 and all(h.text for h in hyps)


def test_torch_requirement_excludes_versions_that_refuse_bin_weights() -> None:
    """Before: ``torch>=2.2``, and transformers 5 refuses .bin weights (opus-mt-id-en main) on torch < 2.6."""
    from packaging.requirements import Requirement

    deps = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]["dependencies"]
    [torch_req] = [Requirement(d) for d in deps if Requirement(d).name == "torch"]
    assert not torch_req.specifier.contains("2.5.1") and torch_req.specifier.contains("2.6.0")
    from transformers.utils import import_utils

    import_utils.check_torch_load_is_safe()  # the installed torch loads .bin weights


# ---------------------------------------------------------------- one language code given

#: arch -> (source token, target token) that Indonesian -> English must use
CODES = {"nllb": ("ind_Latn", "eng_Latn"), "m2m100": ("__id__", "__en__")}
GIVEN = {"nllb": ("ind_Latn", "eng_Latn"), "m2m100": ("id", "en")}


@pytest.mark.parametrize("arch", sorted(CODES))
def test_one_code_given_the_other_is_still_indonesian_or_english(
    tmp_path: Path, arch: str, published_models: dict[str, Path]
) -> None:
    """Before: with only target_lang_code set, the source stayed at the tokenizer's default (English)."""
    model = published_models[arch]
    src_token, tgt_token = CODES[arch]
    src_code, tgt_code = GIVEN[arch]
    only_target = TransformersEngine(model, _config(tmp_path, model, target_lang_code=tgt_code).translate)
    assert _first_token(only_target) == src_token
    only_source = TransformersEngine(model, _config(tmp_path, model, source_lang_code=src_code).translate)
    assert only_source.forced_bos == only_source.tokenizer.convert_tokens_to_ids(tgt_token)
    neither = TransformersEngine(model, _config(tmp_path, model).translate)
    assert _first_token(neither) == src_token and neither.forced_bos == only_source.forced_bos


# ---------------------------------------------------------------- multi-target OPUS models


def test_multi_target_opus_model_gets_its_token_at_the_start_of_the_source(
    tmp_path: Path, published_models: dict[str, Path]
) -> None:
    """Before: ``>>eng<<`` was forced as the first *generated* token; these models read it in the source."""
    model = published_models["marian-multi"]
    for code in ("eng", ">>eng<<", ""):  # "" = the default: English
        engine = TransformersEngine(model, _config(tmp_path, model, target_lang_code=code).translate)
        assert _first_token(engine) == ">>eng<<" and engine.forced_bos is None
        plain = len(engine.tokenizer([TEXTS[0]])["input_ids"][0])
        assert engine.count_tokens([TEXTS[0]]) == [plain + 1]  # the token counts against the input limit
    fra = TransformersEngine(model, _config(tmp_path, model, target_lang_code="fra").translate)
    assert _first_token(fra) == ">>fra<<"
    [hyps] = fra.translate_batches([TEXTS], Decoding(beam_size=1, max_new_tokens=8))
    assert all(h.text and not h.text.startswith(">>") for h in hyps)
    with pytest.raises(ModelError, match="unknown target language code 'xyz'"):
        TransformersEngine(model, _config(tmp_path, model, target_lang_code="xyz").translate)
    with pytest.raises(ModelError, match="reads any source language"):
        TransformersEngine(model, _config(tmp_path, model, source_lang_code="ind").translate)


# ---------------------------------------------------------------- greedy scores end with the sentence


@pytest.mark.parametrize("arch", sorted(CODES))
def test_greedy_score_of_a_sentence_does_not_depend_on_its_batch(
    tmp_path: Path, arch: str, published_models: dict[str, Path]
) -> None:
    """Before: the mean ran over the padding steps after a sentence's end (real models do not ban <pad>)."""
    from forcing import force

    model = published_models[arch]
    engine = TransformersEngine(model, _config(tmp_path, model).translate)
    eos = engine.tokenizer.eos_token_id
    target = int(engine.forced_bos)  # type: ignore[arg-type]
    # the first sentence ends after two words, wherever it is; its companion runs to the length cap
    force(engine, lambda batch: {0: [target, 50, 60, eos]})
    decoding = Decoding(beam_size=1, max_new_tokens=12)
    alone = engine.translate_batch(TEXTS[:1], decoding)[0]
    together = engine.translate_batch(TEXTS, decoding)
    assert not alone.hit_cap and alone.tokens == 2 and together[1].tokens > 2
    assert together[0].score == pytest.approx(alone.score, abs=1e-6)
    assert together[0].text == alone.text


# ---------------------------------------------------------------- decoding with the target vocabulary


def test_marian_output_is_decoded_with_the_target_sentencepiece_model(tmp_path: Path, published_marian: Path) -> None:
    """Before: decoded with source.spm (transformers' default for one shared vocab.json): "<0xE2><0x82><0xAC>"."""
    import sentencepiece as spm
    from forcing import force

    engine = TransformersEngine(published_marian, _config(tmp_path, published_marian).translate)
    english = "Prices rose 5 € in Zürich."
    pieces = spm.SentencePieceProcessor(model_file=str(published_marian / "target.spm")).encode(english, out_type=str)
    ids = engine.tokenizer.convert_tokens_to_ids(pieces)
    assert engine.tokenizer.unk_token_id not in ids and any(p.startswith("<0x") for p in pieces)
    force(engine, lambda batch: {0: [*ids, engine.tokenizer.eos_token_id]})
    [hyp] = engine.translate_batch(["Harga naik 5 € di Zürich."], Decoding(beam_size=1, max_new_tokens=64))
    assert hyp.text == english


# ---------------------------------------------------------------- revision pinning


def _store_copy(models: Path, name: str, model: Path, commit: str, ref: str | None) -> Path:
    target = models / name.replace("/", "__")
    shutil.copytree(model, target)
    (target / ".bilingual-revision").write_text(commit + "\n", encoding="utf-8")
    (target / ".bilingual-source").write_text(name + "\n", encoding="utf-8")
    if ref is not None:
        (target / ".bilingual-ref").write_text(ref + "\n", encoding="utf-8")
    return target


def test_store_copy_serves_only_its_own_revision(isolated: Path, tiny_marian: Path) -> None:
    """Before: a copy in models/ won over any requested --revision."""
    from pipeline.translate.hub.resolve import resolve_model

    commit = "0123456789abcdef0123456789abcdef01234567"
    _store_copy(isolated / "models", "org/mt", tiny_marian, commit, "main")
    assert resolve_model("org/mt", "main").revision == commit
    assert resolve_model("org/mt", commit[:10]).source == "store"
    with pytest.raises(ModelNotAvailableError, match=f"holds revision {commit}") as err:
        resolve_model("org/mt", "89abcdef0123456789abcdef0123456789abcdef")
    assert err.value.exit_code == 3
    with pytest.raises(ModelNotAvailableError):
        resolve_model("org/mt", "v2")  # another branch: offline nobody can tell where it points


def test_default_config_pin_belongs_to_the_default_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert load_config().translate.revision == DEFAULT_MODEL_REVISION
    cfg = tmp_path / "other.toml"
    cfg.write_text('[translate]\nmodel = "facebook/nllb-200-distilled-600M"\n', encoding="utf-8")
    assert load_config(cfg).translate.revision == "main"
    cfg.write_text('[translate]\nmodel = "org/m"\nrevision = "v1"\n', encoding="utf-8")
    assert load_config(cfg).translate.revision == "v1"
    from pipeline.cli.options import command_config as cli_config

    assert cli_config(None, translate__model="org/other").translate.revision == "main"
    assert cli_config(None, translate__model=DEFAULT_MODEL).translate.revision == DEFAULT_MODEL_REVISION


@pytest.fixture
def converted(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """tiny_marian in models/ as hub model org/mt at a known commit, converted for CTranslate2."""
    pytest.importorskip("ctranslate2")
    commit = "0123456789abcdef0123456789abcdef01234567"
    _store_copy(isolated / "models", "org/mt", tiny_marian, commit, "main")
    assert run_main("models", "convert", "org/mt", "--quantization", "float32") == 0
    return isolated / "models" / "org__mt.ct2"


def test_ct2_conversion_serves_only_its_own_revision(converted: Path) -> None:
    """Before: resolve_ct2 ignored the revision it was given."""
    from pipeline.translate.hub.markers import read_ct2_marker
    from pipeline.translate.hub.resolve import resolve_ct2

    commit = read_ct2_marker(converted)["revision"]
    assert commit == "0123456789abcdef0123456789abcdef01234567"
    assert resolve_ct2("org/mt", "main").path == converted
    assert resolve_ct2("org/mt", str(commit)).revision == commit
    with pytest.raises(ModelNotAvailableError, match="converted from revision 0123"):
        resolve_ct2("org/mt", "89abcdef0123456789abcdef0123456789abcdef")


def test_local_models_with_the_same_name_get_their_own_conversion(
    isolated: Path, tiny_marian: Path, tiny_nllb: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: ./a/model and ./b/model both converted into models/model.ct2, the second overwriting the first."""
    pytest.importorskip("ctranslate2")
    from pipeline.translate.hub.markers import read_ct2_marker
    from pipeline.translate.hub.resolve import resolve_ct2

    a, b = isolated / "a" / "model", isolated / "b" / "model"
    shutil.copytree(tiny_marian, a)
    shutil.copytree(tiny_nllb, b)
    for d in (a, b):
        assert run_main("models", "convert", str(d), "--quantization", "float32") == 0
    ra, rb = resolve_ct2(str(a)), resolve_ct2(str(b))
    assert ra.path != rb.path
    assert read_ct2_marker(ra.path)["source_path"] == str(a.resolve())
    assert read_ct2_marker(rb.path)["source_path"] == str(b.resolve())


# ---------------------------------------------------------------- exit codes and device


@pytest.fixture
def bitext(isolated: Path) -> Path:
    from pipeline.bitext.document import save_document
    from pipeline.segment.stage import segment_text

    path = isolated / "doc.bitext.json"
    save_document(segment_text("Harga beras naik."), path)
    return path


def test_exit_code_3_means_only_model_not_available(
    bitext: Path, tiny_nllb: Path, tiny_marian: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    """Before: an unknown language code, a missing GPU and corrupt weights all exited 3, so `make demo` switched
    to the gibberish tiny model instead of reporting the real problem."""
    assert run_main("translate", str(bitext), "--model", "org/not-here") == 3
    cfg = isolated / "codes.toml"
    cfg.write_text('[translate]\ntarget_lang_code = "xxx_Zzzz"\n', encoding="utf-8")
    assert run_main("translate", str(bitext), "--model", str(tiny_nllb), "--config", str(cfg)) == 1
    broken = isolated / "broken"
    shutil.copytree(tiny_marian, broken)
    (broken / "model.safetensors").write_bytes(b"not weights")
    assert run_main("translate", str(bitext), "--model", str(broken)) == 1
    errors = capsys.readouterr().err.strip().splitlines()
    assert len(errors) == 3 and all(e.startswith("bilingual: error:") for e in errors)
    assert "not-here" in errors[0] and "xxx_Zzzz" in errors[1] and "cannot load model" in errors[2]


@pytest.mark.parametrize("device", ["gpu", "cuda:0", "CPU"])
def test_device_the_tool_does_not_know_is_a_config_error(tmp_path: Path, device: str) -> None:
    """Before: any device value was accepted, and "gpu" silently ran on the CPU."""
    cfg = tmp_path / "dev.toml"
    cfg.write_text(f'[translate]\ndevice = "{device}"\n', encoding="utf-8")
    with pytest.raises(ConfigError, match="device must be one of cpu, cuda, auto") as err:
        load_config(cfg)
    assert err.value.exit_code == 2


def test_cuda_without_a_gpu_is_a_clear_config_error(
    bitext: Path, tiny_marian: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    capsys: pytest.CaptureFixture[str],
) -> None:
    import torch

    monkeypatch.setattr(torch.cuda, "is_available", lambda: False)
    cfg = isolated / "cuda.toml"
    cfg.write_text('[translate]\ndevice = "cuda"\n', encoding="utf-8")
    assert run_main("translate", str(bitext), "--model", str(tiny_marian), "--config", str(cfg)) == 2
    err = capsys.readouterr().err
    assert "device = 'cuda'" in err and "no GPU" in err and len(err.strip().splitlines()) == 1


# ---------------------------------------------------------------- translation memory key


def test_memory_key_changes_with_tool_checks_input_limit_and_retry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: none of these were in the key, so flags made by older checks were served as today's."""
    from pipeline.translate import checks, stage
    from pipeline.translate.engines import base as engine_module

    t = load_config().translate
    base = stage.settings_signature(t, "none")
    keys = {base}
    monkeypatch.setattr(stage, "__version__", "9.9.9")
    keys.add(stage.settings_signature(t, "none"))
    monkeypatch.setattr(checks, "CHECKS_VERSION", 99)
    keys.add(stage.settings_signature(t, "none"))
    t.max_input_tokens = 100
    keys.add(stage.settings_signature(t, "none"))
    monkeypatch.setattr(engine_module, "SAFER_PENALTY", 1.5)
    keys.add(stage.settings_signature(t, "none"))
    t.retry_flagged = False
    keys.add(stage.settings_signature(t, "none"))
    assert len(keys) == 6


def test_memory_is_not_served_after_the_checks_change(tmp_path: Path, tiny_marian: Path,
                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.segment.stage import segment_text
    from pipeline.translate import checks, stage
    from translate_fakes import EchoEngine

    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    factory = lambda t, m: engine  # noqa: E731
    def once() -> stage.TranslateReport:
        return stage.translate(segment_text("Harga beras naik.", config=config), config.translate,
                               engine_factory=factory).report

    first, again = once(), once()
    assert first.translated == 1 and again.from_memory == 1
    monkeypatch.setattr(checks, "CHECKS_VERSION", checks.CHECKS_VERSION + 1)
    later = once()
    assert later.translated == 1 and later.from_memory == 0
    json.dumps(later.flags)
