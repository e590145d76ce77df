"""Translation engines: transformers (torch) and CTranslate2, behind one small interface.

Why two: transformers runs every model on the hub as it is; CTranslate2 runs converted models several
times faster on a CPU. Both reuse the model's own tokenizer, take batches the stage has already sorted by
length, and yield results batch by batch so the stage can store each finished batch at once.
"""

from __future__ import annotations

import os
import warnings
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, replace
from pathlib import Path
from typing import Any, Protocol

from pipeline.config import TranslateConfig
from pipeline.errors import ConfigError, ModelError
from pipeline.translate import languages
from pipeline.translate.batching import output_cap
from pipeline.translate.cpu_isa import apply_isa

#: The retry of a flagged translation forbids repeated n-grams of this size and penalises repeated tokens.
SAFER_NGRAM = 3
SAFER_PENALTY = 1.3

#: Beyond this many input tokens the position embeddings of most MT models end (Marian: 512).
DEFAULT_INPUT_LIMIT = 512


@dataclass
class Hypothesis:
    text: str
    score: float | None = None
    tokens: int = 0
    hit_cap: bool = False  # stopped by the length cap, not by the end-of-sentence token


@dataclass(frozen=True)
class Decoding:
    beam_size: int = 4
    max_new_tokens: int = 256
    output_ratio: float = 3.0
    no_repeat_ngram_size: int = 0
    repetition_penalty: float = 1.0

    @classmethod
    def from_config(cls, t: TranslateConfig) -> Decoding:
        return cls(beam_size=t.beam_size, max_new_tokens=t.max_new_tokens, output_ratio=t.max_output_ratio)

    def safer(self) -> Decoding:
        """Decoding for a retry: no repeated trigrams and a penalty on repeated tokens breaks loops."""
        return replace(self, no_repeat_ngram_size=SAFER_NGRAM, repetition_penalty=SAFER_PENALTY,
                       beam_size=max(self.beam_size, 2))

    @staticmethod
    def retry_signature(enabled: bool) -> str:
        """What a retry does, for the translation memory's key: a change of the retry changes the results."""
        return f"nr{SAFER_NGRAM},rp{SAFER_PENALTY:g},beam>=2" if enabled else "off"

    def cap(self, longest_source_tokens: int) -> int:
        return output_cap(longest_source_tokens, self.output_ratio, self.max_new_tokens)


class Engine(Protocol):
    name: str
    input_limit: int

    def count_tokens(self, texts: Sequence[str]) -> list[int]: ...

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        """Yield the hypotheses of each batch, in the order of ``batches``."""
        ...


def machine_threads(configured: int = 0) -> int:
    """The cores this process may use (cgroup/affinity aware), unless the config names a number."""
    if configured > 0:
        return configured
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def _quiet_transformers() -> None:
    from transformers.utils import logging as hf_logging

    hf_logging.set_verbosity_error()
    hf_logging.disable_progress_bar()


def _load_tokenizer(path: Path) -> Any:
    from transformers import AutoTokenizer

    try:
        return AutoTokenizer.from_pretrained(str(path))
    except Exception as err:  # noqa: BLE001 - missing or corrupt tokenizer files
        raise ModelError(f"{path}: cannot load the tokenizer ({type(err).__name__}: {_first_line(err)})") from err


def _first_line(err: BaseException) -> str:
    return (str(err).splitlines() or [""])[0][:200]


def language_scheme(tokenizer: Any) -> str:
    """Which language-code scheme (pipeline/translate/languages.py) a transformers tokenizer follows."""
    if hasattr(tokenizer, "get_lang_id"):
        return "m2m100"
    if hasattr(tokenizer, "src_lang"):
        return "tokens"
    if getattr(tokenizer, "supported_language_codes", None):
        return "opus-multi"
    return "none"


def _known(tokenizer: Any) -> Callable[[str], bool]:
    unk = tokenizer.unk_token_id

    def known(token: str) -> bool:
        tid = tokenizer.convert_tokens_to_ids(token)
        return tid is not None and tid != unk

    return known


def language_codes(tokenizer: Any, config: TranslateConfig) -> tuple[str, str]:
    """The (source, target) language codes: each configured one, or else Indonesian/English for this model.

    Why a default: this tool translates Indonesian into English, so an NLLB or M2M100 model should just work;
    without codes such a model reads the input as its default language and answers in any language.
    """
    scheme = language_scheme(tokenizer)
    if scheme == "none":
        return config.source_lang_code, config.target_lang_code
    return languages.codes(scheme, _known(tokenizer), config)


def _setup_languages(tokenizer: Any, path: Path, config: TranslateConfig) -> languages.Languages:
    """Check the codes, set the source language on the tokenizer and say where the language tokens go.

    Why one place: both engines must read the same codes and reject the same unknown ones; transformers
    forces the target token (forced_bos_token_id), CTranslate2 takes it as a target prefix.
    """
    plan = languages.plan(language_scheme(tokenizer), _known(tokenizer), config, str(path))
    if plan.source_code:
        tokenizer.src_lang = plan.source_code
    return plan


def _set_source_lang(tokenizer: Any, path: Path, code: str) -> None:
    """Make the tokenizer start every input with the source language token (an unknown code is an error).

    Checked first: an unknown code is a KeyError inside the M2M100 tokenizer and silently ``<unk>`` in NLLB's.
    """
    if code:
        scheme = language_scheme(tokenizer)
        if scheme in ("none", "opus-multi"):
            raise ModelError(f"{path}: this tokenizer takes no source language code; leave source_lang_code empty")
        if not _known(tokenizer)(languages.token_of(scheme, code)):
            raise ModelError(f"unknown source language code {code!r} for this model")
        tokenizer.src_lang = code


def _decode_options(tokenizer: Any) -> dict[str, Any]:
    """Marian decodes with its *source* sentencepiece model unless told otherwise (transformers' default when
    both sides share one vocabulary file, as every opus-mt model does): the output is target text."""
    return {"use_source_tokenizer": False} if hasattr(tokenizer, "spm_target") else {}


def _input_limit(tokenizer: Any, configured: int, positions: int | None) -> int:
    limits = [configured]
    tml = getattr(tokenizer, "model_max_length", None)
    if isinstance(tml, int) and 0 < tml < 100_000:
        limits.append(tml)
    if positions:
        limits.append(positions)
    return max(8, min(limits))


class TransformersEngine:
    """AutoModelForSeq2SeqLM on torch, in inference mode, optionally with dynamic int8 Linear layers."""

    name = "transformers"

    def __init__(self, path: Path, config: TranslateConfig) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM

        _quiet_transformers()
        torch.set_num_threads(machine_threads(config.threads))
        self.config = config
        self.tokenizer = _load_tokenizer(path)
        try:
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(path))
        except Exception as err:  # noqa: BLE001 - corrupt or incompatible model files
            raise ModelError(f"{path}: cannot load model ({type(err).__name__}: {_first_line(err)})") from err
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
        self.languages = _setup_languages(self.tokenizer, path, config)
        self.prefix_text = self.languages.source_prefix
        target = self.languages.target_token
        self.forced_bos: int | None = int(self.tokenizer.convert_tokens_to_ids(target)) if target else None
        positions = getattr(self.model.config, "max_position_embeddings", None)
        self.input_limit = _input_limit(self.tokenizer, config.max_input_tokens, positions)
        self.eos = self.model.generation_config.eos_token_id
        self.pad = self.model.generation_config.pad_token_id
        self.decode_options = _decode_options(self.tokenizer)
        _never_generate_marian_pad(self.model)

    def _inputs(self, texts: Sequence[str]) -> list[str]:
        return [self.prefix_text + t for t in texts] if self.prefix_text else list(texts)

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens the model reads for each text (language tokens included)."""
        rows = self.tokenizer(self._inputs(texts), add_special_tokens=True)["input_ids"] if texts else []
        return [self.tokenizer.convert_ids_to_tokens(row) for row in rows]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(row) for row in self.tokenize(texts)]

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        for batch in batches:
            yield self.translate_batch(batch, decoding)

    def translate_batch(self, texts: Sequence[str], decoding: Decoding) -> list[Hypothesis]:
        import torch

        # No truncation here: the stage splits long sentences so that every input fits.
        if not texts:
            return []
        enc = self.tokenizer(self._inputs(texts), return_tensors="pt", padding=True).to(self.device)
        cap = decoding.cap(int(enc["input_ids"].shape[1]))
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


def _chunks(items: Sequence[str], k: int) -> list[Sequence[str]]:
    """``items`` in at most ``k`` contiguous, non-empty, nearly equal parts."""
    k = max(1, min(k, len(items)))
    size, extra = divmod(len(items), k)
    parts, start = [], 0
    for i in range(k):
        end = start + size + (i < extra)
        parts.append(items[start:end])
        start = end
    return parts


def ct2_threads(threads: int) -> tuple[int, int]:
    """(inter_threads, intra_threads): several one-thread translators beat one translator on many threads."""
    inter = threads if threads <= 4 else max(4, threads // 2)
    return inter, max(1, threads // inter)


class CTranslate2Engine:
    """A model converted by ``bilingual models convert``, run by CTranslate2 with the model's tokenizer."""

    name = "ctranslate2"

    def __init__(self, path: Path, config: TranslateConfig, *, input_positions: int | None = None,
                 load_translator: bool = True) -> None:
        """``load_translator=False`` gives the tokenizer side only (counting tokens, the input limit): what a
        driver needs whose translators run elsewhere (pipeline/corpus/ray_engine.py)."""
        try:
            import ctranslate2
        except ImportError as err:
            raise ModelError("the ctranslate2 engine needs the optional extra: pip install 'bilingual[ct2]'") from err
        _quiet_transformers()
        self.config = config
        self.path = path
        self.tokenizer = _load_tokenizer(path)
        threads = machine_threads(config.threads)
        self.inter, intra = ct2_threads(threads)
        device = "cuda" if config.device in ("cuda", "auto") and ctranslate2.get_cuda_device_count() else "cpu"
        if config.device == "cuda" and device != "cuda":
            raise ConfigError("[translate] device = 'cuda', but CTranslate2 sees no GPU on this machine; "
                              "use device = 'cpu' or 'auto'")
        compute = "int8" if config.quantize == "int8" else "default"
        apply_isa(config.cpu_isa)
        self.translator: Any = None
        try:
            if load_translator:
                self.translator = ctranslate2.Translator(
                    str(path), device=device, compute_type=compute, inter_threads=self.inter, intra_threads=intra,
                )
        except Exception as err:  # noqa: BLE001 - not a converted model, or converted by another version
            raise ModelError(f"{path}: cannot load the CTranslate2 model ({_first_line(err)})") from err
        # Multilingual models: the decoder starts with </s> (decoder_start_token) and then the target
        # language token, which CTranslate2 takes as a target prefix (transformers: forced_bos_token_id).
        self.languages = _setup_languages(self.tokenizer, path, config)
        self.prefix: str | None = self.languages.target_token or None
        self.prefix_text = self.languages.source_prefix
        self.decode_options = _decode_options(self.tokenizer)
        self.eos_token = str(self.tokenizer.eos_token)
        self.input_limit = _input_limit(self.tokenizer, config.max_input_tokens, input_positions)
        from pipeline.translate.store import read_ct2_marker

        # CTranslate2 does not read generation_config.json: its suppressed tokens come from the conversion.
        suppress = read_ct2_marker(path).get("suppress_sequences")
        self.suppress: list[list[str]] | None = None
        if isinstance(suppress, list) and suppress:
            self.suppress = [[str(t) for t in seq] for seq in suppress]

    def _inputs(self, texts: Sequence[str]) -> list[str]:
        return [self.prefix_text + t for t in texts] if self.prefix_text else list(texts)

    def tokenize(self, texts: Sequence[str]) -> list[list[str]]:
        """The tokens the model reads for each text (language tokens included)."""
        rows = self.tokenizer(self._inputs(texts), add_special_tokens=True)["input_ids"] if texts else []
        return [self.tokenizer.convert_ids_to_tokens(row) for row in rows]

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
            ids = self.tokenizer.convert_tokens_to_ids(tokens)
            text = self.tokenizer.decode(ids, skip_special_tokens=True, **self.decode_options).strip()
            score = float(res.scores[0]) if res.scores else None
            out.append(Hypothesis(text, score, len(tokens), n >= cap))
        return out

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        # Fewer batches than translator replicas (a short article, a retry): split them so that no replica,
        # and so no core, sits idle. Not the last batches of a long run: halves of a batch cost about 10%
        # more per token, which ate the gain of a busy last core (measured: no net gain at 50 or 200 sentences).
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
