"""Language codes of multilingual models (pipeline/translate/languages.py, hf_tokenizer.py) in both engines, and
the never-generate rules a conversion keeps (hub/convert.py) for them."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bitext.document import load_document, save_document
from pipeline.segment.stage import segment_text
from pipeline.translate.engines.base import Decoding
from translate_fakes import _article, _config, cli_exit

ROOT = Path(__file__).resolve().parents[2]


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
    assert cli_exit(["translate", str(bitext), "--model", str(converted), "--engine", "ctranslate2", "--config",
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
