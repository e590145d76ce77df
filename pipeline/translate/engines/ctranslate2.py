"""The CTranslate2 engine: a model converted by ``bilingual models convert``, several times faster on a CPU.

Tokenized with the model's own sentencepiece files (pipeline/translate/spm_tokenizer.py), so this engine
never imports torch or transformers; conversions without those rules fall back to the transformers
tokenizer (pipeline/translate/hf_tokenizer.py).
"""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import TranslateConfig
from pipeline.errors import ConfigError, ModelError, first_line
from pipeline.translate import languages
from pipeline.translate.cpu_isa import apply_isa
from pipeline.translate.engines.base import (
    Decoding,
    Hypothesis,
    LoadedModel,
    input_limit,
    machine_threads,
    with_prefix,
)
from pipeline.translate.hf_tokenizer import TransformersTokens
from pipeline.translate.hub.markers import read_ct2_marker
from pipeline.translate.hub.resolve import exact_revision, resolve_ct2


def ct2_threads(threads: int) -> tuple[int, int]:
    """(inter_threads, intra_threads): several one-thread translators beat one translator on many threads."""
    inter = threads if threads <= 4 else max(4, threads // 2)
    return inter, max(1, threads // inter)


def _chunks(items: Sequence[Any], k: int) -> list[Sequence[Any]]:
    """``items`` in at most ``k`` contiguous, non-empty, nearly equal parts."""
    k = max(1, min(k, len(items)))
    size, extra = divmod(len(items), k)
    parts, start = [], 0
    for i in range(k):
        end = start + size + (i < extra)
        parts.append(items[start:end])
        start = end
    return parts


def _spm_tokens(path: Path, config: TranslateConfig) -> tuple[Any, languages.Languages] | None:
    """The torch-free tokenizer of a conversion, with its language plan; None for older conversions."""
    from pipeline.translate.spm_tokenizer import SpmTokenizer, read_spec

    spec = read_spec(path)
    if spec is None:
        return None
    tokens = SpmTokenizer(path, spec)
    plan = languages.plan(spec.scheme, tokens.known, config, str(path))
    if plan.source_token:
        tokens.source_token = plan.source_token
    return tokens, plan


class CTranslate2Engine:
    """A converted model run by CTranslate2, with its translator replicas kept busy batch by batch."""

    name = "ctranslate2"

    @staticmethod
    def locate(section: TranslateConfig) -> LoadedModel:
        """The conversion of the configured model (``models/<name>.ct2``) and what its marker records."""
        resolved = resolve_ct2(section.model, section.revision)
        marker = read_ct2_marker(resolved.path)
        quant = "int8" if section.quantize == "int8" else str(marker.get("quantization") or "default")
        positions = marker.get("max_position_embeddings")
        return LoadedModel(resolved, exact_revision(resolved), quant,
                           int(positions) if isinstance(positions, int) else None)

    @classmethod
    def load(cls, model: LoadedModel, section: TranslateConfig) -> CTranslate2Engine:
        return cls(model.resolved.path, section, input_positions=model.input_positions)

    @staticmethod
    def configure_process(section: TranslateConfig) -> None:
        """What a command sets for this engine (pipeline/translate/process.py): the kernels' instruction set,
        an environment variable CTranslate2 reads when it starts."""
        apply_isa(section.cpu_isa)

    def __init__(self, path: Path, config: TranslateConfig, *, input_positions: int | None = None,
                 load_translator: bool = True) -> None:
        """``load_translator=False`` gives the tokenizer side only (counting tokens, the input limit): what a
        driver needs whose translators run elsewhere (pipeline/corpus/ray_engine.py)."""
        try:
            import ctranslate2
        except ImportError as err:
            raise ModelError("the ctranslate2 engine needs the optional extra: pip install 'bilingual[ct2]'") from err
        self.config = config
        self.path = path
        threads = machine_threads(config.threads)
        self.inter, intra = ct2_threads(threads)
        device = "cuda" if config.device in ("cuda", "auto") and ctranslate2.get_cuda_device_count() else "cpu"
        if config.device == "cuda" and device != "cuda":
            raise ConfigError("[translate] device = 'cuda', but CTranslate2 sees no GPU on this machine; "
                              "use device = 'cpu' or 'auto'")
        compute = "int8" if config.quantize == "int8" else "default"
        self.translator: Any = None
        try:
            if load_translator:
                self.translator = ctranslate2.Translator(
                    str(path), device=device, compute_type=compute, inter_threads=self.inter, intra_threads=intra,
                )
        except Exception as err:  # noqa: BLE001 - not a converted model, or converted by another version
            raise ModelError(f"{path}: cannot load the CTranslate2 model ({first_line(err)})") from err
        found = _spm_tokens(path, config)
        if found is None:
            fallback = TransformersTokens(path, config)
            self.tokens: Any = fallback
            self.languages = fallback.languages
        else:
            self.tokens, self.languages = found
        # Multilingual models: the decoder starts with </s> (decoder_start_token) and then the target
        # language token, which CTranslate2 takes as a target prefix (transformers: forced_bos_token_id).
        self.prefix: str | None = self.languages.target_token or None
        self.prefix_text = self.languages.source_prefix
        self.eos_token = self.tokens.eos_token
        self.input_limit = input_limit(self.tokens, config.max_input_tokens, input_positions)
        # CTranslate2 does not read generation_config.json: its suppressed tokens come from the conversion.
        suppress = read_ct2_marker(path).get("suppress_sequences")
        self.suppress: list[list[str]] | None = None
        if isinstance(suppress, list) and suppress:
            self.suppress = [[str(t) for t in seq] for seq in suppress]

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens the model reads for each text (language tokens included)."""
        return self.tokens.encode(with_prefix(self.prefix_text, texts)) if texts else []

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(row) for row in self.tokenize(texts)]

    def _submit(self, texts: Sequence[str], decoding: Decoding, parts: int = 1) -> list[tuple[list[Any], int]]:
        """Queue one batch, as ``parts`` jobs that share the cap of the whole batch.

        Why one cap: the cap depends on the longest sentence of the batch, so a split batch gives exactly the
        output (and does exactly the work) of the whole one; only more replicas can work on it at once.
        """
        source = self.tokenize(texts)
        cap = decoding.cap(max(len(row) for row in source))
        jobs = []
        for part in _chunks(source, parts):
            pending = self.translator.translate_batch(
                list(part), beam_size=decoding.beam_size, max_decoding_length=cap, return_scores=True,
                no_repeat_ngram_size=decoding.no_repeat_ngram_size, repetition_penalty=decoding.repetition_penalty,
                target_prefix=[[self.prefix]] * len(part) if self.prefix else None,
                suppress_sequences=self.suppress, asynchronous=True,
                max_input_length=0,  # never cut an input silently: the stage splits what does not fit
            )
            jobs.append((pending, cap))
        return jobs

    def _collect(self, pending: list[Any], cap: int) -> list[Hypothesis]:
        out = []
        for job in pending:
            res = job.result()
            tokens = list(res.hypotheses[0])
            n = len(tokens)  # the length cap counts the language token, as max_new_tokens does
            if self.prefix and tokens and tokens[0] == self.prefix:  # the prefix is returned, never output text
                tokens = tokens[1:]
            text = self.tokens.decode(tokens)
            score = float(res.scores[0]) if res.scores else None
            out.append(Hypothesis(text, score, len(tokens), n >= cap))
        return out

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding, *,
                          parts: int | None = None) -> Iterator[list[Hypothesis]]:
        """``parts``: jobs per batch; by default the replicas when there are fewer batches than replicas.

        Why a caller may fix it: the scores of a batch's halves differ in the last digits from the whole
        batch's, so a caller that hands over a long run's batches one at a time (a Ray actor) must split
        exactly where the whole run would, to give the same output.
        """
        # Fewer batches than translator replicas (a short article, a retry): split them so that no replica,
        # and so no core, sits idle. Not the last batches of a long run: halves of a batch cost about 10%
        # more per token, which ate the gain of a busy last core (measured: no net gain at 50 or 200 sentences).
        if parts is None:
            parts = self.inter if len(batches) < self.inter else 1

        # Keep a few batches in flight so every translator replica (inter_threads) has work, but not all of
        # them: an interrupted run should not have to wait for a long queue to drain.
        window = max(2, 2 * self.inter)
        queue: list[list[tuple[list[Any], int]]] = []
        it = iter(batches)
        for batch in it:
            queue.append(self._submit(batch, decoding, parts))
            if len(queue) >= window:
                break
        while queue:
            head = queue.pop(0)
            nxt = next(it, None)
            if nxt is not None:
                queue.append(self._submit(nxt, decoding, parts))
            yield [h for job in head for h in self._collect(*job)]
