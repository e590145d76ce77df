"""Both engines on the tiny real model (pipeline/translate/engines/): the same output, and a split CTranslate2 batch
keeps the cap of the whole batch."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.translate.engines.base import Decoding
from translate_fakes import _config, cli_exit

ROOT = Path(__file__).resolve().parents[2]


def test_both_engines_identical_on_tiny_model(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch,
                                             capsys: pytest.CaptureFixture[str]) -> None:
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.engines.transformers import TransformersEngine
    from pipeline.translate.hub.resolve import ct2_dir
    from pipeline.translate.hub.store import describe

    assert cli_exit(["models", "convert", str(tiny_marian), "--quantization", "float32"], monkeypatch) == 0
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


def test_ct2_split_batch_keeps_the_whole_batch_cap(isolated: Path, tiny_marian: Path,
                                                  monkeypatch: pytest.MonkeyPatch) -> None:
    """A lone batch runs in parts on both replicas; the output must be that of the whole batch."""
    from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
    from pipeline.translate.hub.resolve import ct2_dir
    from pipeline.translate.hub.store import describe

    assert cli_exit(["models", "convert", str(tiny_marian), "--quantization", "float32"], monkeypatch) == 0
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
