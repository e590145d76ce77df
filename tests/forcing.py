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
    """Row ``r`` of the batch (all its beams) gets ``plan[r][i]`` as its ``i``-th generated token."""

    def __init__(self, plan: dict[int, list[int]], batch: int) -> None:
        self.plan = plan
        self.batch = batch

    def __call__(self, input_ids: torch.LongTensor, scores: torch.FloatTensor) -> torch.FloatTensor:
        step = input_ids.shape[1] - 1  # the decoder start token is not generated
        beams = scores.shape[0] // self.batch
        for row, tokens in self.plan.items():
            if step < len(tokens):
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
