"""The sentences of a run that need a translation: served by the memory, split to fit, batched, checked, joined.

Why a class: the steps share what is known so far (the parts each sentence was split into, the parts that
are done, how many parts each sentence still misses), and each step is a method that reads alone, where one
long function with a nested helper changed its outer variables.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence

from pipeline.bitext.document import MachineTranslation, Sentence
from pipeline.config import TranslateConfig
from pipeline.translate.batching import plan_batches, ramp_up
from pipeline.translate.checks import Checks, better, review_count
from pipeline.translate.clauses import split_to_fit
from pipeline.translate.engines.base import Decoding, Engine, Hypothesis
from pipeline.translate.memory import Entry
from pipeline.translate.protect import MARKUP_LOST, Masked, unmask
from pipeline.translate.report import TranslateReport
from pipeline.translate.safe_memory import GuardedMemory

Progress = Callable[[int, int], None]


class SentenceRun:
    """One pass over ``sentences``: the memory first, then the engine, storing and finishing batch by batch."""

    def __init__(self, sentences: list[Sentence], masks: list[Masked], t: TranslateConfig, sig: str,
                 memory: GuardedMemory | None, report: TranslateReport, on_sentence: Callable[[int], None]) -> None:
        self.sentences = sentences
        self.masks = masks
        self.texts = [m.text for m in masks]  # the model and the memory see placeholders, never code or addresses
        self.t = t
        self.sig = sig
        self.memory = memory
        self.report = report
        self.on_sentence = on_sentence
        self.parts: dict[int, list[str]] = {}  # sentence -> the parts that fit the model
        self.users: dict[str, list[int]] = {}  # part -> the sentences made of it
        self.done: dict[str, Entry] = {}  # part -> its checked translation
        self.missing: dict[int, int] = {}  # sentence -> parts still without a translation
        self.finished = 0  # source sentences with their whole translation; the progress bar counts these
        self.total = 0

    def translate(self, load_engine: Callable[[], Engine], progress: Progress | None = None) -> None:
        rest = self.serve_from_memory()
        if not rest:
            return
        engine = load_engine()
        pending = self.split(rest, engine)
        self.total = len(rest)
        for k in rest:
            if self.missing[k] == 0:
                self.finish(k)
        if progress:
            progress(self.finished, self.total)
        self.translate_parts(engine, pending, progress)

    def serve_from_memory(self) -> list[int]:
        """Give every sentence the memory knows its translation; the others, to translate."""
        known = self.memory.get_many(self.texts) if self.memory else {}
        rest: list[int] = []
        for k, s in enumerate(self.sentences):
            hit = known.get(self.texts[k])
            if hit is None:
                rest.append(k)
                continue
            s.mt = _restored(self.masks[k], hit.target, hit.score, list(hit.flags), self.sig)
            self.report.from_memory += 1
            self.on_sentence(k)
        return rest

    def split(self, rest: list[int], engine: Engine) -> list[str]:
        """Split what does not fit the model, then look the parts up too (a split sentence interrupted
        half-way); returns the parts still to translate, each once."""
        for k in rest:
            pieces = split_to_fit(self.texts[k], lambda x: engine.count_tokens([x])[0], engine.input_limit)
            self.parts[k] = pieces or [self.texts[k]]
            self.report.split += len(self.parts[k]) > 1
            for p in self.parts[k]:
                self.users.setdefault(p, []).append(k)
        units = list(dict.fromkeys(p for k in rest for p in self.parts[k]))
        self.done = self.memory.get_many(units) if self.memory else {}
        self.missing = {k: len([p for p in self.parts[k] if p not in self.done]) for k in rest}
        return [u for u in units if u not in self.done]

    def translate_parts(self, engine: Engine, pending: list[str], progress: Progress | None) -> None:
        """Translate ``pending`` in length-sorted batches; store each batch, finish the sentences it completes."""
        lengths = engine.count_tokens(pending) if pending else []
        batches = ramp_up(plan_batches(lengths, self.t.batch_tokens, self.t.max_batch_size))
        batch_texts = [[pending[i] for i in b] for b in batches]
        results = checked_batches(engine, batch_texts, Decoding.from_config(self.t), Checks.from_config(self.t),
                                  self.t.retry_flagged, self.report)
        for batch, entries in zip(batch_texts, results, strict=True):
            if self.memory:
                self.memory.put_many(list(zip(batch, entries, strict=True)))
            for unit, entry in zip(batch, entries, strict=True):
                self.part_done(unit, entry)
            if progress:
                progress(self.finished, self.total)

    def part_done(self, unit: str, entry: Entry) -> None:
        self.done[unit] = entry
        for k in self.users[unit]:
            self.missing[k] -= 1
            if self.missing[k] == 0:
                self.finish(k)

    def finish(self, k: int) -> None:
        """Join a sentence's parts into its translation; a split sentence is stored whole in the memory too."""
        entries = [self.done[p] for p in self.parts[k]]
        flags = sorted({f for e in entries for f in e.flags})
        text = " ".join(e.target for e in entries)
        if len(entries) > 1:
            flags.append("split")
            if self.memory:
                self.memory.put_many([(self.texts[k], Entry(text, _mean(entries), flags))])
        self.sentences[k].mt = _restored(self.masks[k], text.strip(), _mean(entries), flags, self.sig)
        self.report.translated += 1
        for f in flags:
            self.report.flags[f] = self.report.flags.get(f, 0) + 1
        self.report.flagged += review_count(flags) > 0
        self.finished += 1
        self.on_sentence(k)


def _restored(masked: Masked, text: str, score: float | None, flags: list[str], sig: str) -> MachineTranslation:
    """The model's answer with the protected spans and marks of the source put back."""
    restored, marks, lost = unmask(masked, text)
    if lost:
        flags = [*flags, MARKUP_LOST]
    return MachineTranslation(text=restored, score=score, flags=flags, model=sig, marks=marks)


def _mean(entries: list[Entry]) -> float | None:
    scores = [e.score for e in entries if e.score is not None and math.isfinite(e.score)]
    return sum(scores) / len(scores) if scores else None


def checked_batches(engine: Engine, batches: Sequence[Sequence[str]], decoding: Decoding, checks: Checks,
                    retry: bool, report: TranslateReport, *, parts: int | None = None) -> Iterator[list[Entry]]:
    """Translate ``batches`` in order, each result checked and its flagged sentences retried.

    Why a function of its own: an engine that runs elsewhere (a Ray actor pool) does this same work next
    to its translator, so that a retry is not a round trip, and offers it as ``translate_checked``.
    ``parts`` is handed to a CTranslate2 engine (see CTranslate2Engine.translate_batches).
    """
    remote = getattr(engine, "translate_checked", None)
    if remote is not None:
        for entries, retried in remote(batches, decoding, retry):
            report.retried += retried
            yield entries
        return
    results = (engine.translate_batches(batches, decoding) if parts is None
               else engine.translate_batches(batches, decoding, parts=parts))  # type: ignore[call-arg]
    for batch, hyps in zip(batches, results, strict=True):
        yield _check_and_retry(engine, list(batch), hyps, decoding, checks, retry, report)


def _check_and_retry(engine: Engine, sources: list[str], hyps: list[Hypothesis], decoding: Decoding,
                     checks: Checks, retry: bool, report: TranslateReport) -> list[Entry]:
    """Flag each translation; retry flagged ones once with safer decoding and keep the better result."""
    entries = [Entry(h.text, h.score, checks.flags(s, h.text, hit_length_cap=h.hit_cap))
               for s, h in zip(sources, hyps, strict=True)]
    again = [i for i, e in enumerate(entries) if review_count(e.flags) > 0]
    if retry and again:
        second = next(iter(engine.translate_batches([[sources[i] for i in again]], decoding.safer())))
        for i, h in zip(again, second, strict=True):
            alt = Entry(h.text, h.score, checks.flags(sources[i], h.text, hit_length_cap=h.hit_cap))
            if better((entries[i].flags, entries[i].score), (alt.flags, alt.score)):
                entries[i] = alt
            entries[i].flags = [*entries[i].flags, "retried"]
        report.retried += len(again)
    return entries
