"""Test helper: make a random transformers model emit chosen tokens, through a real logits processor.

Why: random weights decide by themselves when a sentence ends. To test what happens when one sentence of a
batch stops early, or what the engine makes of a given output, the test forces those tokens inside the real
generate() call; everything around it (scores, decoding, lengths) is the engine's own code.
"""

from __future__ import annotations

from typing import Any

import torch
from transformers import LogitsProcessor, LogitsProcessorList


class ForceTokens(LogitsProcessor):
    """Row ``r`` of the batch (all its beams) gets ``plan[r][i]`` as its ``i``-th generated token.

    A plan is a list (every step from the first) or a dict {step: token} (those steps only).
    """

    def __init__(self, plan: dict[int, Any], batch: int) -> None:
        self.plan = {row: dict(enumerate(p)) if isinstance(p, list) else p for row, p in plan.items()}
        self.batch = batch

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        step = input_ids.shape[1] - 1  # the decoder start token is not generated
        beams = scores.shape[0] // self.batch
        for row, tokens in self.plan.items():
            if step in tokens:
                for b in range(row * beams, (row + 1) * beams):
                    scores[b, :] = float("-inf")
                    scores[b, tokens[step]] = 0.0
        return scores


def force(engine: Any, plan_for: Any) -> None:
    """Wrap ``engine.model.generate``: ``plan_for(batch_size)`` gives the plan of each call."""
    real = engine.model.generate

    def generate(**kwargs: Any) -> Any:
        batch = int(kwargs["input_ids"].shape[0])
        kwargs["logits_processor"] = LogitsProcessorList([ForceTokens(plan_for(batch), batch)])
        return real(**kwargs)

    engine.model.generate = generate


def steer(engine: Any, source: list[str], lead: str, end: str | None = None) -> None:
    """CTranslate2 has no logits processors: the row reading ``source`` starts its output with ``lead`` (after
    any language token) and ends on ``end`` as well as on </s>; other rows decode as they would."""
    real = engine.translator.translate_batch

    def translate_batch(batch: Any, target_prefix: Any = None, **kwargs: Any) -> Any:
        prefixes = [list(p) if p else [] for p in (target_prefix or [None] * len(batch))]
        for row, tokens in enumerate(batch):
            if list(tokens) == source:
                prefixes[row] = [*prefixes[row], lead]
        if end:
            kwargs["end_token"] = [end, engine.eos_token]
        return real(batch, target_prefix=prefixes, **kwargs)

    engine.translator = _Proxy(engine.translator, translate_batch)


def end_on(engine: Any, tokens: list[str]) -> None:
    """CTranslate2 has no logits processors: make it end a hypothesis on ``tokens`` as well as on </s>."""
    real = engine.translator.translate_batch

    def translate_batch(source: Any, **kwargs: Any) -> Any:
        return real(source, end_token=[*tokens, engine.eos_token], **kwargs)

    engine.translator = _Proxy(engine.translator, translate_batch)


class _Proxy:
    def __init__(self, inner: Any, translate_batch: Any) -> None:
        self._inner = inner
        self.translate_batch = translate_batch

    def __getattr__(self, name: str) -> Any:
        return getattr(self._inner, name)
