"""The transformers engine: AutoTokenizer + AutoModelForSeq2SeqLM on torch.

Why batches sorted by length: padding costs as much as real tokens, so grouping sentences of similar length
is the cheapest large speed-up; results are put back in input order before they are returned.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from pipeline.config import TranslateConfig
from pipeline.errors import ModelError


@dataclass
class Hypothesis:
    text: str
    score: float | None = None


class TransformersEngine:
    name = "transformers"

    def __init__(self, path: Path, config: TranslateConfig) -> None:
        import torch
        from transformers import AutoModelForSeq2SeqLM, AutoTokenizer
        from transformers.utils import logging as hf_logging

        hf_logging.set_verbosity_error()
        hf_logging.disable_progress_bar()
        threads = config.threads or (os.cpu_count() or 1)
        torch.set_num_threads(threads)
        self.config = config
        try:
            self.tokenizer = AutoTokenizer.from_pretrained(str(path))
            self.model = AutoModelForSeq2SeqLM.from_pretrained(str(path))
        except Exception as err:  # noqa: BLE001 - corrupt or incompatible model files
            raise ModelError(f"{path}: cannot load model ({type(err).__name__}: {str(err).splitlines()[0][:200]})") from err
        self.model.eval()
        self.device = "cuda" if config.device in ("cuda", "auto") and torch.cuda.is_available() else "cpu"
        if config.device == "cuda" and self.device != "cuda":
            raise ModelError("device 'cuda' was asked for but torch sees no GPU; use --device cpu")
        self.model.to(self.device)
        if config.quantize == "int8" and self.device == "cpu":
            self.model = torch.ao.quantization.quantize_dynamic(self.model, {torch.nn.Linear}, dtype=torch.qint8)
        self.gen_kwargs: dict[str, object] = {}
        if config.source_lang_code:
            if not hasattr(self.tokenizer, "src_lang"):
                raise ModelError(f"{path}: this tokenizer takes no language codes; leave source_lang_code empty")
            self.tokenizer.src_lang = config.source_lang_code
        if config.target_lang_code:
            self.gen_kwargs["forced_bos_token_id"] = self._lang_token_id(config.target_lang_code)

    def _lang_token_id(self, code: str) -> int:
        tok = self.tokenizer
        if hasattr(tok, "get_lang_id"):  # M2M100
            try:
                return int(tok.get_lang_id(code))
            except KeyError as err:
                raise ModelError(f"unknown target language code {code!r} for this model") from err
        tid = tok.convert_tokens_to_ids(code)
        if tid is None or tid == tok.unk_token_id:
            raise ModelError(f"unknown target language code {code!r} for this model")
        return int(tid)

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(ids) for ids in self.tokenizer(list(texts), add_special_tokens=True)["input_ids"]]

    def translate(
        self, texts: Sequence[str], *, progress: Callable[[int], None] | None = None
    ) -> list[Hypothesis]:
        import torch

        cfg = self.config
        lengths = self.count_tokens(texts)
        order = sorted(range(len(texts)), key=lambda i: lengths[i], reverse=True)
        out: list[Hypothesis | None] = [None] * len(texts)
        batch: list[int] = []
        longest = 0

        def flush() -> None:
            if not batch:
                return
            enc = self.tokenizer([texts[i] for i in batch], return_tensors="pt", padding=True,
                                 truncation=True, max_length=cfg.max_input_tokens).to(self.device)
            with torch.inference_mode():
                gen = self.model.generate(
                    **enc, num_beams=cfg.beam_size, max_new_tokens=cfg.max_new_tokens,
                    return_dict_in_generate=True, output_scores=True, **self.gen_kwargs,
                )
            seqs = gen.sequences
            forced = self.gen_kwargs.get("forced_bos_token_id")
            if forced is not None:  # M2M100 does not count its language tokens as special: drop them here
                seqs = [[t for t in row.tolist() if t != forced] for row in seqs]
            decoded = self.tokenizer.batch_decode(seqs, skip_special_tokens=True)
            scores = getattr(gen, "sequences_scores", None)
            for k, i in enumerate(batch):
                out[i] = Hypothesis(decoded[k].strip(), None if scores is None else float(scores[k]))
            if progress:
                progress(len(batch))
            batch.clear()

        for i in order:
            n = lengths[i]
            new_longest = max(longest, n)
            if batch and (new_longest * (len(batch) + 1) > cfg.batch_tokens or len(batch) >= cfg.max_batch_size):
                flush()
                new_longest = n
            batch.append(i)
            longest = new_longest
        flush()
        return [h for h in out if h is not None]
