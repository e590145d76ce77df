"""What the translate stage needs from an engine, and what every engine shares.

Why a protocol and not a base class: the stage only counts tokens and hands over batches it has already
sorted by length; an engine that runs elsewhere (pipeline/corpus/ray_engine.py) or a test double fits the
same four names without inheriting any code.
"""

from __future__ import annotations

import os
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from typing import Any, Protocol

from pipeline.config import TranslateConfig
from pipeline.translate.batching import output_cap
from pipeline.translate.hub.resolve import ResolvedModel

#: The retry of a flagged translation forbids repeated n-grams of this size and penalises repeated tokens.
SAFER_NGRAM = 3
SAFER_PENALTY = 1.3


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


@dataclass
class LoadedModel:
    """The files an engine will load (found, not yet loaded) and what the bitext records about them."""

    resolved: ResolvedModel
    revision: str
    quantization: str
    input_positions: int | None = None


class Engine(Protocol):
    """A loaded engine, as the stage uses it."""

    name: str
    input_limit: int

    def count_tokens(self, texts: Sequence[str]) -> list[int]: ...

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        """Yield the hypotheses of each batch, in the order of ``batches``."""
        ...


class EngineType(Protocol):
    """What ``pipeline.registry.ENGINES`` names: an engine class that finds its model files and loads them.

    Why two steps: the stage finds the files (and so the revision for the memory's key) before any weights
    load, and loads them only when some sentence is not in the translation memory.
    """

    name: str

    def locate(self, section: TranslateConfig) -> LoadedModel: ...

    def load(self, model: LoadedModel, section: TranslateConfig) -> Engine: ...

    def configure_process(self, section: TranslateConfig) -> None:
        """The process-wide set-up this engine wants; only ``pipeline.translate.process.configure`` calls it."""
        ...


def machine_threads(configured: int = 0) -> int:
    """The cores this process may use (cgroup/affinity aware), unless the config names a number."""
    if configured > 0:
        return configured
    try:
        return max(1, len(os.sched_getaffinity(0)))
    except AttributeError:  # pragma: no cover - macOS, Windows
        return os.cpu_count() or 1


def input_limit(tokenizer: Any, configured: int, positions: int | None) -> int:
    """The longest input (in tokens) the engine takes: the configured limit, the tokenizer's and the model's."""
    limits = [configured]
    tml = getattr(tokenizer, "model_max_length", None)
    if isinstance(tml, int) and 0 < tml < 100_000:
        limits.append(tml)
    if positions:
        limits.append(positions)
    return max(8, min(limits))


def with_prefix(prefix: str, texts: Sequence[str]) -> list[str]:
    """The texts as the model reads them: after the source language prefix, if the model has one."""
    return [prefix + t for t in texts] if prefix else list(texts)
