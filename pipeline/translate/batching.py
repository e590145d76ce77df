"""Token-budget batches of sentences sorted by length.

Why: padding costs as much as real tokens, so grouping sentences of similar length is the cheapest large
speed-up on a CPU; a token budget (not a fixed count) keeps long sentences from making huge padded batches.
Callers put results back in document order with the returned indices.
"""

from __future__ import annotations

import math
from collections.abc import Sequence


def plan_batches(lengths: Sequence[int], batch_tokens: int, max_batch_size: int) -> list[list[int]]:
    """Indices of ``lengths`` grouped into batches, longest first, each within the padded token budget."""
    order = sorted(range(len(lengths)), key=lambda i: (-lengths[i], i))
    batches: list[list[int]] = []
    batch: list[int] = []
    longest = 0
    for i in order:
        n = max(1, lengths[i])
        widest = max(longest, n)
        if batch and (widest * (len(batch) + 1) > batch_tokens or len(batch) >= max_batch_size):
            batches.append(batch)
            batch, widest = [], n
        batch.append(i)
        longest = widest
    if batch:
        batches.append(batch)
    return batches


def ramp_up(batches: list[list[int]]) -> list[list[int]]:
    """The first batch cut into pieces of 1, 2, 4, ... sentences; the others as they are.

    Why: batches are planned longest first, so the first one is the slowest; on a CPU it can take many
    seconds, and a progress bar that sits at 0 % that long looks hung. Small first pieces show movement at
    once for the cost of a few extra decoder calls.
    """
    if not batches:
        return []
    first, pieces, size = batches[0], [], 1
    while first:
        pieces.append(first[:size])
        first, size = first[size:], size * 2
    return [*pieces, *batches[1:]]


def output_cap(longest_source_tokens: int, ratio: float, max_new_tokens: int, floor: int = 16) -> int:
    """How many target tokens a batch may generate.

    Why a cap relative to the source: a translation is rarely more than about twice as long as its source, and
    a model caught in a repetition loop would otherwise run to ``max_new_tokens`` for every sentence.
    """
    return max(1, min(max_new_tokens, max(floor, math.ceil(ratio * longest_source_tokens))))
