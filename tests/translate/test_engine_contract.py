"""The engine contract, checked for every engine x architecture x beam size on published-layout tiny models.

What the stage relies on (pipeline/translate/stage.py): results come back in input order, one per input; an
empty request costs nothing; a sentence that ends early inside a batch gets exactly what it gets alone (text,
score, length), so a score never depends on its batch companions; both engines give the same output in
float32; and nothing longer than the engine's input limit, which respects the model's positions, is sent.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import pytest

from pipeline.config import load_config
from pipeline.translate.engines.base import Decoding, Hypothesis
from pipeline.translate.engines.ctranslate2 import CTranslate2Engine
from pipeline.translate.engines.transformers import TransformersEngine

ARCHS = ("marian", "marian-multi", "nllb", "m2m100")
BEAMS = (1, 4)
TEXTS = [
    "Harga beras naik 3,5 persen menjadi Rp15.850 per kilogram di pasar Jakarta.",
    "Presiden meresmikan jembatan baru.",
    "Gubernur Belgorod mengatakan serangan drone terus berlanjut pada hari Senin malam.",
    "Jakarta -",
]


def _translate_config(tmp: Path, beam: int):  # type: ignore[no-untyped-def]
    config = load_config()
    config.translate.revision = "main"
    config.translate.memory_dir = str(tmp / "tm")
    config.translate.beam_size, config.translate.max_new_tokens = beam, 14
    config.translate.threads = 1
    return config.translate


@pytest.fixture(scope="session")
def converted_published(tmp_path_factory: pytest.TempPathFactory,
                        published_models: dict[str, Path]) -> dict[str, Path]:
    """arch -> float32 CTranslate2 conversion of the published-layout model, by `bilingual models convert`."""
    pytest.importorskip("ctranslate2")
    from click.testing import CliRunner

    from pipeline.cli.main import cli
    from pipeline.translate.hub.resolve import ct2_dir

    models = tmp_path_factory.mktemp("ct2-published")
    out = {}
    for arch in ARCHS:
        result = CliRunner().invoke(cli, ["models", "convert", str(published_models[arch]), "--quantization",
                                          "float32"], env={"BILINGUAL_MODELS_DIR": str(models), "HF_HUB_OFFLINE": "1"})
        assert result.exit_code == 0, result.output
        out[arch] = ct2_dir(str(published_models[arch]), models)
    return out


_ENGINES: dict[tuple[str, str, int], Any] = {}


def make_engine(kind: str, arch: str, beam: int, published: dict[str, Path], converted: dict[str, Path],
                tmp: Path) -> Any:
    key = (kind, arch, beam)
    if key not in _ENGINES:
        t = _translate_config(tmp, beam)
        if kind == "transformers":
            _ENGINES[key] = TransformersEngine(published[arch], t)
        else:
            _ENGINES[key] = CTranslate2Engine(converted[arch], t)
    return _ENGINES[key]


def run(engine: Any, batches: list[list[str]], decoding: Decoding) -> list[list[Hypothesis]]:
    return list(engine.translate_batches(batches, decoding))


@pytest.mark.parametrize("beam", BEAMS)
@pytest.mark.parametrize("arch", ARCHS)
@pytest.mark.parametrize("kind", ["transformers", "ctranslate2"])
class TestEngineContract:
    @pytest.fixture
    def engine(self, kind: str, arch: str, beam: int, published_models: dict[str, Path],
               converted_published: dict[str, Path], tmp_path_factory: pytest.TempPathFactory) -> Any:
        return make_engine(kind, arch, beam, published_models, converted_published, tmp_path_factory.getbasetemp())

    @pytest.fixture
    def decoding(self, beam: int) -> Decoding:
        return Decoding(beam_size=beam, max_new_tokens=14, output_ratio=100.0)  # one cap for every batch

    def test_order_is_kept_and_each_result_is_what_it_gets_alone(self, engine: Any, decoding: Decoding) -> None:
        batches = [TEXTS[:3], TEXTS[3:]]
        together = run(engine, batches, decoding)
        assert [len(b) for b in together] == [3, 1]
        alone = [run(engine, [[t]], decoding)[0][0] for t in TEXTS]
        flat = [h for b in together for h in b]
        assert [h.text for h in flat] == [h.text for h in alone]
        assert [h.tokens for h in flat] == [h.tokens for h in alone]
        assert [h.score for h in flat] == pytest.approx([h.score for h in alone], abs=1e-4)
        assert all(h.text for h in flat)

    def test_empty_input(self, engine: Any, decoding: Decoding) -> None:
        assert run(engine, [], decoding) == []
        assert engine.count_tokens([]) == []
        [[hyp]] = run(engine, [[""]], decoding)  # never sent by the stage, but no crash and one result
        assert isinstance(hyp, Hypothesis)

    def test_a_sentence_that_stops_early_in_a_batch_gets_its_own_result(self, engine: Any, kind: str,
                                                                       decoding: Decoding) -> None:
        if kind == "transformers":
            from forcing import force

            first, second = TEXTS[0], TEXTS[2]
            eos = engine.tokenizer.eos_token_id
            lead = 1 if engine.forced_bos is not None else 0  # the language token is step 0
            natural = [run(engine, [[t]], decoding)[0][0] for t in (first, second)]
            force(engine, lambda batch: {0: {lead + 3: eos}})  # the first row of every call ends at step 3
        else:
            from forcing import steer

            first, second = TEXTS[0], TEXTS[2]
            lead, cut = _ct2_cut(engine, first, second, decoding)
            steer(engine, engine.tokenize([first])[0], lead)  # the first output takes another way...
            natural = [run(engine, [[t]], decoding)[0][0] for t in (first, second)]
            _ENGINES.clear()
            engine.translator = engine.translator._inner
            steer(engine, engine.tokenize([first])[0], lead, cut)  # ...and ends on a token the second never outputs
        try:
            alone_first = run(engine, [[first]], decoding)[0][0]
            if kind == "ctranslate2":  # the end token applies to every row (in beam search the second may meet it)
                natural[1] = run(engine, [[second]], decoding)[0][0]
            together = run(engine, [[first, second]], decoding)[0]
        finally:
            _ENGINES.clear()  # the forcing stays with this engine object only
        assert alone_first.tokens < natural[0].tokens and not alone_first.hit_cap
        assert together[0].text == alone_first.text and together[0].tokens == alone_first.tokens
        assert together[0].score == pytest.approx(alone_first.score, abs=1e-3)
        assert together[1].text == natural[1].text and together[1].tokens == natural[1].tokens
        assert together[1].score == pytest.approx(natural[1].score, abs=1e-3)  # padding: float noise only

    def test_input_limit_respects_the_model(self, engine: Any, arch: str, published_models: dict[str, Path]) -> None:
        import json

        positions = json.loads((published_models[arch] / "config.json").read_text(encoding="utf-8"))[
            "max_position_embeddings"]
        assert positions == (512 if arch.startswith("marian") else 1024)  # the real models' limits
        assert 8 <= engine.input_limit <= min(positions, 400)
        counted = engine.count_tokens(TEXTS)
        assert counted == [len(row) for row in engine.tokenize(TEXTS)]  # what is counted is what is sent
        if arch != "marian":  # a language token opens the input and counts
            assert all(n == len(engine.tokenize([t])[0]) for n, t in zip(counted, TEXTS, strict=True))


def _ct2_cut(engine: Any, first: str, second: str, decoding: Decoding) -> tuple[str, str]:
    """(lead, cut): with ``lead`` as its first output token, the first sentence's output goes on to ``cut``, a
    token the second sentence's output never has (random tiny models give every input the same output)."""
    other = set(_output_tokens(engine, second, decoding))
    import json
    import re

    vocab = [t for t in json.loads((engine.path / "shared_vocabulary.json").read_text(encoding="utf-8"))
             if not re.fullmatch(r"<.*>|__\w+__|>>\w+<<|[a-z]{3}_[A-Z][a-z]{3}|madeupword\d+", t)]
    for lead in vocab:
        mine = _output_tokens(engine, first, decoding, lead)
        start = 2 if engine.prefix else 1  # the forced tokens are never an end
        for i in range(start, min(len(mine), 8)):
            if mine[i] not in mine[start:i] and mine[i] not in other:
                return lead, mine[i]
    raise AssertionError("no way found to end the first sentence early")


def _output_tokens(engine: Any, text: str, decoding: Decoding, lead: str = "") -> list[str]:
    prefix = [t for t in (engine.prefix, lead) if t]
    [res] = engine.translator.translate_batch(engine.tokenize([text]), beam_size=decoding.beam_size,
                                              max_decoding_length=decoding.max_new_tokens,
                                              target_prefix=[prefix] if prefix else None)
    return list(res.hypotheses[0])


@pytest.mark.parametrize("beam", BEAMS)
@pytest.mark.parametrize("arch", ARCHS)
def test_both_engines_give_the_same_output_in_float32(
    arch: str, beam: int, published_models: dict[str, Path], converted_published: dict[str, Path],
    tmp_path_factory: pytest.TempPathFactory,
) -> None:
    tmp = tmp_path_factory.getbasetemp()
    hf = make_engine("transformers", arch, beam, published_models, converted_published, tmp)
    ct = make_engine("ctranslate2", arch, beam, published_models, converted_published, tmp)
    decoding = Decoding(beam_size=beam, max_new_tokens=14, output_ratio=100.0)
    batches = [TEXTS[:2], TEXTS[2:]]
    a = [h for b in run(hf, batches, decoding) for h in b]
    b = [h for b in run(ct, batches, decoding) for h in b]
    assert hf.count_tokens(TEXTS) == ct.count_tokens(TEXTS)
    assert [h.text for h in a] == [h.text for h in b]
    assert [h.tokens for h in a] == [h.tokens for h in b]
    assert [h.hit_cap for h in a] == [h.hit_cap for h in b]
    assert [h.score for h in a] == pytest.approx([h.score for h in b], abs=1e-3)


@pytest.mark.parametrize("arch", ARCHS)
def test_the_stage_sends_nothing_over_the_input_limit(
    arch: str, tmp_path: Path, published_models: dict[str, Path], converted_published: dict[str, Path],
) -> None:
    from pipeline.segment.stage import segment_text
    from pipeline.translate.stage import translate

    config = load_config()
    config.translate.model, config.translate.revision = str(published_models[arch]), "main"
    config.translate.memory_dir = str(tmp_path / "tm")
    config.translate.beam_size, config.translate.max_new_tokens, config.translate.max_input_tokens = 1, 8, 16
    config.translate.retry_flagged = False
    engine = TransformersEngine(published_models[arch], config.translate)
    sent: list[int] = []
    real = engine.translate_batches

    def recording(batches, decoding):  # type: ignore[no-untyped-def]
        for batch in batches:
            sent.extend(len(row) for row in engine.tokenize(batch))
        yield from real(batches, decoding)

    engine.translate_batches = recording  # type: ignore[method-assign]
    long = ("Pemerintah mengumumkan rencana baru pada hari Senin, yang akan berlaku tahun depan; para pejabat "
            "mengatakan bahwa harga beras akan turun dan petani akan mendapat bantuan dari negara.")
    doc = segment_text(long, config=config)
    translate(doc, config.translate, engine_factory=lambda t, m: engine)
    assert engine.input_limit == 16 and len(sent) > 1 and max(sent) <= 16
    assert "split" in doc.iter_source()[0][1].mt.flags  # type: ignore[union-attr]
