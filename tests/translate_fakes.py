"""Test doubles and setup shared by the translation tests: an engine that "translates" by reversing words,
a config pointing at a tiny model, and articles of a chosen length.

Why a double at all: batching, memory and resume behaviour are checked on what the engine was given, which a
real model cannot report; every test of what a model outputs uses the tiny real models instead."""

from __future__ import annotations

import sys
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest

from pipeline.config import Config, load_config
from pipeline.translate.engines.base import Decoding, Hypothesis


def fake(text: str) -> str:
    """The test double's "translation": every word reversed (numbers kept), so it is no copy of the source."""
    return " ".join(w if not w.isalpha() else w[::-1] for w in text.split())


class EchoEngine:
    """Test double: "translates" with ``fake``; records every batch it was given."""

    name = "echo"

    def __init__(self, input_limit: int = 400, outputs: dict[str, list[str]] | None = None) -> None:
        self.input_limit = input_limit
        self.batches: list[list[str]] = []
        self.decodings: list[Decoding] = []
        self.outputs = outputs or {}

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return [len(t.split()) + 1 for t in texts]

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        for batch in batches:
            assert max(self.count_tokens(batch)) <= self.input_limit, "engine got an input over its limit"
            self.batches.append(list(batch))
            self.decodings.append(decoding)
            out = []
            for t in batch:
                queue = self.outputs.get(t)
                text = queue.pop(0) if queue else fake(t)
                out.append(Hypothesis(text, -0.5, len(text.split())))
            yield out

    @property
    def translated(self) -> list[str]:
        return [t for b in self.batches for t in b]


def _config(tmp_path: Path, model: Path, **translate: object) -> Config:
    config = load_config()
    config.translate.model = str(model)
    config.translate.revision = "main"  # the configured commit pins the default model, not this one
    config.translate.memory_dir = str(tmp_path / "tm")
    config.translate.beam_size = 1
    config.translate.max_new_tokens = 8
    for k, v in translate.items():
        setattr(config.translate, k, v)
    return config


_FILLER = "yang besar dan ramai sekali pada musim hujan".split()


def _article(n: int, offset: int = 0) -> str:
    return "\n\n".join(f"Kalimat nomor {i + offset} tentang harga beras di kota {' '.join(_FILLER[:i % 8])} ini."
                         for i in range(n))


def _factory(engine: EchoEngine):  # type: ignore[no-untyped-def]
    return lambda t, m: engine


def cli_exit(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    """Run ``bilingual ARGV`` in this process as the console script does; its exit status."""
    from pipeline.cli.main import main

    monkeypatch.setattr(sys, "argv", ["bilingual", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
        raise SystemExit(0)
    return int(exc.value.code or 0)
