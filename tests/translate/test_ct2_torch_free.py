"""The CTranslate2 engine without torch or transformers: sentencepiece tokens identical to the tokenizer's.

`bilingual models convert` writes the tokenizer's rules (bilingual-tokenizer.json) next to the converted model;
the engine then tokenizes with the model's own sentencepiece files. Compared here on every tiny model, fast
and published layout: token ids of many inputs, the text of random outputs, whole translations, and that a
`bilingual translate --engine ctranslate2` process never imports torch, transformers or sacremoses.
"""

from __future__ import annotations

import json
import random
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.translate.engines.base import Decoding
from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
from pipeline.translate.hf_tokenizer import TransformersTokens, load_tokenizer
from pipeline.translate.spm_tokenizer import SPEC_FILE, SpmTokenizer, decode_options, read_spec

pytest.importorskip("ctranslate2")
ROOT = Path(__file__).resolve().parents[2]
MODELS = ["tiny-marian", "tiny-m2m100", "tiny-nllb", "published-marian", "published-marian-multi",
          "published-m2m100", "published-nllb"]
HOSTILE = ["", " ", "a", "  spasi   ganda  ", "tab\tdan\nbaris", "nbsp\u00a0di sini", "angka 1.234.567,89 dan 3/4",
           "emoji 😀👍🏽 dan simbol ©®™ €", "Ελληνικά, русский, 中文, العربية", "ＡＢＣ全角", "“kutip” ‘tunggal’ — –",
           "café naïve Zürich", "x" * 300, "a-b_c.d,e;f:g!h?i", "ŉ ǆ ﬁ", "\u200bzero\u200dwidth"]


def _lines() -> list[str]:
    text = (ROOT / "seeds" / "belgorod.id.txt").read_text(encoding="utf-8")
    return [ln.strip() for ln in text.splitlines() if ln.strip()]


@pytest.fixture(scope="session")
def conversions(tmp_path_factory: pytest.TempPathFactory, tiny_marian: Path, tiny_m2m100: Path, tiny_nllb: Path,
                published_models: dict[str, Path]) -> dict[str, tuple[Path, Path]]:
    """name -> (transformers model, float32 CTranslate2 conversion)."""
    from click.testing import CliRunner

    from pipeline.cli.main import cli
    from pipeline.translate.hub.resolve import ct2_dir

    sources = {"tiny-marian": tiny_marian, "tiny-m2m100": tiny_m2m100, "tiny-nllb": tiny_nllb,
               **{f"published-{a}": published_models[a] for a in ("marian", "marian-multi", "m2m100", "nllb")}}
    root = tmp_path_factory.mktemp("ct2-torch-free")
    out = {}
    for name, path in sources.items():
        result = CliRunner().invoke(cli, ["models", "convert", str(path), "--quantization", "float32"],
                                    env={"BILINGUAL_MODELS_DIR": str(root), "HF_HUB_OFFLINE": "1"})
        assert result.exit_code == 0, result.output
        out[name] = (path, ct2_dir(str(path), root))
    return out


def _codes(name: str) -> list[tuple[str, str]]:
    if "nllb" in name:
        return [("", ""), ("ind_Latn", "eng_Latn"), ("zsm_Latn", "fra_Latn")]
    if "m2m100" in name:
        return [("", ""), ("id", "en"), ("ms", "fr")]
    if "multi" in name:
        return [("", ""), ("", "fra")]
    return [("", "")]


@pytest.mark.parametrize("name", MODELS)
def test_sentencepiece_tokens_are_the_tokenizers_token_ids(name: str, conversions: dict[str, tuple[Path, Path]],
                                                          tmp_path: Path) -> None:
    model, converted = conversions[name]
    assert (converted / SPEC_FILE).is_file(), "the conversion wrote the torch-free tokenizer rules"
    texts = _lines() + HOSTILE
    for src, tgt in _codes(name):
        t = load_config().translate
        t.source_lang_code, t.target_lang_code = src, tgt
        ours = CTranslate2Engine(converted, t)
        assert isinstance(ours.tokens, SpmTokenizer)
        reference = TransformersTokens(model, t)  # the tokenizer the engine used before
        hf = reference.tokenizer
        prefix = reference.languages.source_prefix
        want = hf([prefix + x for x in texts], add_special_tokens=True)["input_ids"]
        got = [hf.convert_tokens_to_ids(row) for row in ours.tokenize(texts)]
        assert got == want, [(x, g, w) for x, g, w in zip(texts, got, want, strict=True) if g != w][:3]
        assert ours.prefix == (reference.languages.target_token or None)


@pytest.mark.parametrize("name", MODELS)
def test_output_tokens_decode_to_the_tokenizers_text(name: str, conversions: dict[str, tuple[Path, Path]]) -> None:
    model, converted = conversions[name]
    spm = SpmTokenizer(converted, read_spec(converted))  # type: ignore[arg-type]
    hf = load_tokenizer(model)
    vocab = json.loads((converted / "shared_vocabulary.json").read_text(encoding="utf-8"))
    rng = random.Random(7)
    options = decode_options(hf)
    for _ in range(300):  # random outputs, language and special tokens, byte pieces, unused rows included
        tokens = [rng.choice(vocab) for _ in range(rng.randint(0, 12))]
        want = hf.decode(hf.convert_tokens_to_ids(tokens), skip_special_tokens=True, **options).strip()
        assert spm.decode(tokens) == want, tokens


@pytest.mark.parametrize("name", ["published-marian", "published-nllb", "tiny-m2m100"])
def test_translations_are_unchanged(name: str, conversions: dict[str, tuple[Path, Path]]) -> None:
    model, converted = conversions[name]
    t = load_config().translate
    engine = CTranslate2Engine(converted, t)
    texts = _lines()[:6] + ["Harga naik 5 € di Zürich."]
    decoding = Decoding(beam_size=2, max_new_tokens=16)
    torch_free = [h for b in engine.translate_batches([texts], decoding) for h in b]
    engine.tokens = TransformersTokens(model, t)  # today's path: the transformers tokenizer
    today = [h for b in engine.translate_batches([texts], decoding) for h in b]
    assert torch_free == today and all(h.text for h in today)


CHILD = """
import json, sys
from pipeline.cli.main import main
sys.argv = ["bilingual", *sys.argv[1:]]
code = 0
try:
    main()
except SystemExit as exit:
    code = exit.code
print(json.dumps({"code": code, "loaded": sorted(m for m in ("torch", "transformers", "sacremoses", "tokenizers")
                                                    if m in sys.modules)}))
"""


def test_ctranslate2_run_imports_neither_torch_nor_transformers(conversions: dict[str, tuple[Path, Path]],
                                                                tmp_path: Path) -> None:
    from pipeline.bitext.document import load_document, save_document
    from pipeline.segment.stage import segment_text

    _model, converted = conversions["published-marian"]
    bitext = tmp_path / "doc.bitext.json"
    save_document(segment_text("Harga beras naik 3,5 persen.\n\nPresiden meresmikan jembatan baru."), bitext)
    env: dict[str, Any] = {"PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "XDG_CACHE_HOME": str(tmp_path / "c"),
                           "PATH": "/usr/bin:/bin"}
    proc = subprocess.run([sys.executable, "-c", CHILD, "translate", str(bitext), "--model", str(converted),
                           "--engine", "ctranslate2", "--quiet"], capture_output=True, text=True, env=env, timeout=300)
    assert proc.stdout.strip(), proc.stderr
    result = json.loads(proc.stdout.strip().splitlines()[-1])
    assert result["code"] in (0, None), proc.stderr
    assert result["loaded"] == []
    doc = load_document(bitext)
    assert all(s.mt is not None and s.mt.text for _, s in doc.iter_source())
