"""The transformers engine: any seq2seq model on the hub, as it is, on torch.

Why keep it next to CTranslate2: it runs every Marian, NLLB and M2M100 model without a conversion step, and
it is the reference the CTranslate2 engine's output is checked against (tests/translate/test_engines.py).
"""

from __future__ import annotations

import warnings
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Any

from pipeline.config import TranslateConfig
from pipeline.errors import ConfigError, ModelError, first_line
from pipeline.translate.engines.base import (
    Decoding,
    Hypothesis,
    LoadedModel,
    input_limit,
    machine_threads,
    with_prefix,
)
from pipeline.translate.hf_tokenizer import load_tokenizer, setup_languages
from pipeline.translate.hub.resolve import exact_revision, resolve_model
from pipeline.translate.spm_tokenizer import decode_options


class TransformersEngine:
    """AutoModelForSeq2SeqLM on torch, in inference mode, optionally with dynamic int8 Linear layers."""

    name = "transformers"

    @staticmethod
    def locate(section: TranslateConfig) -> LoadedModel:
        """The model's files (a local directory, models/, the hub cache or a download), no weights loaded."""
        resolved = resolve_model(section.model, section.revision)
        return LoadedModel(resolved, exact_revision(resolved), section.quantize)

    @classmethod
    def load(cls, model: LoadedModel, section: TranslateConfig) -> TransformersEngine:
        return cls(model.resolved.path, section)

    @staticmethod
    def configure_process(section: TranslateConfig) -> None:
        """What a command sets for this engine (pipeline/translate/process.py): torch's threads, quiet logs."""
        import torch

        from pipeline.translate.process import quiet_transformers

        quiet_transformers()
        torch.set_num_threads(machine_threads(section.threads))

    def __init__(self, path: Path, config: TranslateConfig) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        self.config = config
        self.tokenizer = load_tokenizer(path)
        try:
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(path))
        except Exception as err:  # noqa: BLE001 - corrupt or incompatible model files
            raise ModelError(f"{path}: cannot load model ({type(err).__name__}: {first_line(err)})") from err
        self.model.eval()
        self.device = "cuda" if config.device in ("cuda", "auto") and torch.cuda.is_available() else "cpu"
        if config.device == "cuda" and self.device != "cuda":
            raise ConfigError("[translate] device = 'cuda', but torch sees no GPU on this machine "
                              "(a CPU build of torch, or no CUDA driver); use device = 'cpu' or 'auto'")
        self.model.to(self.device)
        if config.quantize == "int8" and self.device == "cpu":
            with warnings.catch_warnings():
                warnings.simplefilter("ignore")
                self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.languages = setup_languages(self.tokenizer, path, config)
        self.prefix_text = self.languages.source_prefix
        target = self.languages.target_token
        self.forced_bos: int | None = int(self.tokenizer.convert_tokens_to_ids(target)) if target else None
        positions = getattr(self.model.config, "max_position_embeddings", None)
        self.input_limit = input_limit(self.tokenizer, config.max_input_tokens, positions)
        self.eos = self.model.generation_config.eos_token_id
        self.pad = self.model.generation_config.pad_token_id
        self.decode_options = decode_options(self.tokenizer)
        _never_generate_marian_pad(self.model)

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens the model reads for each text (language tokens included)."""
        rows = self.tokenizer(with_prefix(self.prefix_text, texts), add_special_tokens=True)["input_ids"] if texts else []
        return [self.tokenizer.convert_ids_to_tokens(row) for row in rows]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(row) for row in self.tokenize(texts)]

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        for batch in batches:
            yield self.translate_batch(batch, decoding)

    def _generate_options(self, cap: int, decoding: Decoding) -> dict[str, Any]:
        kwargs: dict[str, Any] = {
            "num_beams": decoding.beam_size, "max_new_tokens": cap, "do_sample": False,
            # the length cap ends a runaway output; forcing </s> there would hide that it was cut (and differ
            # from CTranslate2, which never forces it)
            "forced_eos_token_id": None,
            "return_dict_in_generate": True, "output_scores": True,
            # scores over the tokens the model may generate: CTranslate2 has no banned tokens in its softmax
            # (Marian's <pad> is not in its vocabulary, suppressed ones are masked first), so beam scores agree
            "renormalize_logits": True,
        }
        if decoding.no_repeat_ngram_size:
            kwargs["no_repeat_ngram_size"] = decoding.no_repeat_ngram_size
        if decoding.repetition_penalty != 1.0:
            kwargs["repetition_penalty"] = decoding.repetition_penalty
        if self.forced_bos is not None:
            kwargs["forced_bos_token_id"] = self.forced_bos
        return kwargs

    def translate_batch(self, texts: Sequence[str], decoding: Decoding) -> list[Hypothesis]:
        import torch

        # No truncation here: the stage splits long sentences so that every input fits.
        if not texts:
            return []
        enc = self.tokenizer(with_prefix(self.prefix_text, texts), return_tensors="pt", padding=True).to(self.device)
        kwargs = self._generate_options(decoding.cap(int(enc["input_ids"].shape[1])), decoding)
        with torch.inference_mode():
            gen = self.model.generate(**enc, **kwargs)
            scores = getattr(gen, "sequences_scores", None)
            steps = None
            if scores is None and gen.scores:  # greedy: log-probabilities of the chosen tokens, step by step
                steps = self.model.compute_transition_scores(gen.sequences, gen.scores, normalize_logits=True).tolist()
            elif scores is not None:
                scores = scores.tolist()
        eos = {self.eos} if isinstance(self.eos, int) else set(self.eos or [])
        out = []
        for k, row in enumerate(gen.sequences.tolist()):
            generated = row[1:]  # the decoder start token is not output
            end = next((i for i, t in enumerate(generated) if t in eos), None)
            body = generated if end is None else generated[:end]
            if body and self.forced_bos is not None and body[0] == self.forced_bos:
                body = body[1:]  # the language token is not output
            text = self.tokenizer.decode(body, skip_special_tokens=True, **self.decode_options).strip()
            if steps is not None:
                # only up to this sentence's end: the steps after it are padding, whose log-probabilities
                # (finite when a model does not ban <pad>) would make the score depend on the batch
                score: float | None = _mean_finite(steps[k][: len(generated) if end is None else end + 1])
            else:
                score = None if scores is None else float(scores[k])
            out.append(Hypothesis(text, score, len(body), end is None))
        return out


def _never_generate_marian_pad(model: Any) -> None:
    """Marian's ``<pad>`` is its decoder start token, never output: the published opus-mt repositories ban it in
    config.json (``bad_words_ids``), which transformers 5 no longer reads, and CTranslate2's converter drops it."""
    if getattr(model.config, "model_type", "") != "marian":
        return
    pad = model.generation_config.pad_token_id
    bad = [list(seq) for seq in (model.generation_config.bad_words_ids or [])]
    if isinstance(pad, int) and [pad] not in bad:
        model.generation_config.bad_words_ids = [*bad, [pad]]


def _mean_finite(values: list[float]) -> float:
    finite = [v for v in values if v > float("-inf")]
    return sum(finite) / len(finite) if finite else float("-inf")
