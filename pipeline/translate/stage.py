"""Translate every source sentence that has no machine translation from this model and these settings yet.

Why this shape: sentences already translated (in the bitext file or in the translation memory) cost
nothing; the rest are split to fit the model, batched by length, translated, checked and stored batch by
batch, so an interrupted run keeps every finished batch and the next run resumes from there.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.config import Config, TranslateConfig
from pipeline.bitext.document import Document, MachineTranslation, Sentence, now_iso
from pipeline.translate.allocator import reuse_freed_memory
from pipeline.translate.batching import plan_batches, ramp_up
from pipeline.translate.engines.base import Decoding, Engine, Hypothesis, LoadedModel
from pipeline.fileio import default_cache_dir
from pipeline.translate.memory import Entry
from pipeline.registry import ENGINES
from pipeline.translate.protect import MARKUP_LOST, Masked, mask, unmask
from pipeline.translate.checks import Checks, better, review_count
from pipeline.translate.safe_memory import GuardedMemory
from pipeline.translate.clauses import split_to_fit

Progress = Callable[[int, int], None]


@dataclass
class TranslateReport:
    """What a run did; ``translated`` counts sentences that went through the engine."""

    sentences: int = 0
    translated: int = 0
    from_memory: int = 0
    split: int = 0
    retried: int = 0
    flagged: int = 0
    flags: dict[str, int] = field(default_factory=dict)


def resolve_for_engine(t: TranslateConfig) -> LoadedModel:
    """Find the model files for the chosen engine without loading any weights."""
    return ENGINES.load(t.engine).locate(t)  # type: ignore[no-any-return]


def settings_signature(t: TranslateConfig, quantization: str) -> str:
    """Everything besides the model that changes the output, in a compact, stable form."""
    # the tool and its checks make the flags; the input limit decides how long sentences are split
    parts = [f"tool:{__version__}", f"checks:{Checks.from_config(t).signature()}", f"engine:{t.engine}", f"q:{quantization}",
             f"beam:{t.beam_size}", f"max:{t.max_new_tokens}", f"ratio:{t.max_output_ratio:g}",
             f"in:{t.max_input_tokens}", f"retry:{Decoding.retry_signature(t.retry_flagged)}"]
    if t.source_lang_code or t.target_lang_code:
        parts.append(f"lang:{t.source_lang_code}>{t.target_lang_code}")
    return "|".join(parts)


def model_signature(config: Config, revision: str, quantization: str | None = None) -> str:
    t = config.translate
    return f"{t.model}@{revision}|{settings_signature(t, quantization or t.quantize)}"


def memory_dir(t: TranslateConfig) -> Path:
    return Path(t.memory_dir).expanduser() if t.memory_dir else default_cache_dir()


def load_engine(t: TranslateConfig, model: LoadedModel) -> Engine:
    if t.reuse_memory:
        reuse_freed_memory()
    return ENGINES.load(t.engine).load(model, t)  # type: ignore[no-any-return]


def translate_document(
    doc: Document, config: Config, *, progress: Progress | None = None,
    engine_factory: Callable[[TranslateConfig, LoadedModel], Engine] | None = None,
) -> TranslateReport:
    """Fill ``Sentence.mt`` for source sentences that lack a translation from this model and settings.

    Sentences get their translation as soon as their batch is finished, so a caller that catches
    KeyboardInterrupt can save the partly translated document.
    """
    return translate_documents([doc], config, progress=progress, engine_factory=engine_factory)


def translate_documents(
    docs: Sequence[Document], config: Config, *, progress: Progress | None = None,
    engine_factory: Callable[[TranslateConfig, LoadedModel], Engine] | None = None,
    on_document: Callable[[Document], None] | None = None,
) -> TranslateReport:
    """Translate the sentences of several documents together, in shared length-sorted batches.

    Why together: a short article fills only a few small batches, so many of them translated one by one
    leave the engine mostly waiting; pooled, their sentences make full batches of similar length and
    identical sentences (boilerplate lines) are translated once. ``on_document`` is called as soon as
    every sentence of a document has its translation, so the caller can write it while the rest goes on.
    """
    t = config.translate
    model = resolve_for_engine(t)
    sig = model_signature(config, model.revision, model.quantization)
    report = TranslateReport()
    todo: list[Sentence] = []
    masks: list[Masked] = []
    owner: list[int] = []
    for d, doc in enumerate(docs):
        doc.meta.model = {"name": model.resolved.name, "revision": model.revision, "engine": t.engine,
                          "quantization": model.quantization, "signature": sig, "path": str(model.resolved.path)}
        doc.meta.settings["translate"] = dict(vars(t))
        for b, s in doc.iter_source():
            if s.mt is not None and s.mt.model == sig:
                continue
            m = mask(b, s)
            if m.verbatim:  # only code, addresses, shortcodes: nothing for a model to translate
                s.mt = MachineTranslation(text=m.source, flags=[], model=sig, marks=list(m.marks))
                continue
            todo.append(s)
            masks.append(m)
            owner.append(d)
    waiting = [0] * len(docs)
    for d in owner:
        waiting[d] += 1

    def document_done(d: int) -> None:
        docs[d].meta.stages["translate"] = now_iso()
        docs[d].meta.target_origin = "machine"
        if on_document is not None:
            on_document(docs[d])

    def sentence_done(k: int) -> None:
        waiting[owner[k]] -= 1
        if waiting[owner[k]] == 0:
            document_done(owner[k])

    for d in range(len(docs)):
        if waiting[d] == 0:
            document_done(d)
    report.sentences = len(todo)
    if todo:
        memory = None
        if t.use_memory:
            memory = GuardedMemory(memory_dir(t), model.resolved.name, model.revision,
                                   settings_signature(t, model.quantization))
        try:
            _translate_sentences(todo, masks, t, model, sig, memory, report, progress, engine_factory or load_engine,
                                 sentence_done)
        finally:
            if memory is not None:
                memory.close()
    return report


def _restored(masked: Masked, text: str, score: float | None, flags: list[str], sig: str) -> MachineTranslation:
    """The model's answer with the protected spans and marks of the source put back."""
    restored, marks, lost = unmask(masked, text)
    if lost:
        flags = [*flags, MARKUP_LOST]
    return MachineTranslation(text=restored, score=score, flags=flags, model=sig, marks=marks)


def _translate_sentences(
    todo: list[Sentence], masks: list[Masked], t: TranslateConfig, model: LoadedModel, sig: str, memory: GuardedMemory | None,
    report: TranslateReport, progress: Progress | None,
    engine_factory: Callable[[TranslateConfig, LoadedModel], Engine], sentence_done: Callable[[int], None],
) -> None:
    texts = [m.text for m in masks]  # the model and the memory see placeholders, never code or addresses
    known = memory.get_many(texts) if memory else {}
    rest: list[int] = []
    for k, s in enumerate(todo):
        hit = known.get(texts[k])
        if hit is not None:
            s.mt = _restored(masks[k], hit.target, hit.score, list(hit.flags), sig)
            report.from_memory += 1
            sentence_done(k)
        else:
            rest.append(k)
    if not rest:
        return
    engine = engine_factory(t, model)
    # split what does not fit, then look the parts up too (a split sentence interrupted half-way)
    parts: dict[int, list[str]] = {}
    for k in rest:
        pieces = split_to_fit(texts[k], lambda x: engine.count_tokens([x])[0], engine.input_limit) or [texts[k]]
        parts[k] = pieces
        report.split += len(pieces) > 1
    unit_texts = list(dict.fromkeys(p for k in rest for p in parts[k]))
    done: dict[str, Entry] = memory.get_many(unit_texts) if memory else {}
    pending = [u for u in unit_texts if u not in done]
    waiting = {k: len([p for p in parts[k] if p not in done]) for k in rest}
    users: dict[str, list[int]] = {}
    for k in rest:
        for p in parts[k]:
            users.setdefault(p, []).append(k)

    finished = 0  # source sentences with their whole translation; the progress bar counts these

    def finish(k: int) -> None:
        nonlocal finished
        entries = [done[p] for p in parts[k]]
        flags = sorted({f for e in entries for f in e.flags})
        if len(entries) > 1:
            flags.append("split")
            if memory:
                memory.put_many([(texts[k], Entry(" ".join(e.target for e in entries), _mean(entries), flags))])
        todo[k].mt = _restored(masks[k], " ".join(e.target for e in entries).strip(), _mean(entries), flags, sig)
        report.translated += 1
        for f in flags:
            report.flags[f] = report.flags.get(f, 0) + 1
        report.flagged += review_count(flags) > 0
        finished += 1
        sentence_done(k)

    for k in rest:
        if waiting[k] == 0:
            finish(k)
    total = len(rest)
    if progress:
        progress(finished, total)
    lengths = engine.count_tokens(pending) if pending else []
    batches = ramp_up(plan_batches(lengths, t.batch_tokens, t.max_batch_size))
    decoding = Decoding.from_config(t)
    batch_texts = [[pending[i] for i in b] for b in batches]
    checks = Checks.from_config(t)
    for batch, entries in zip(batch_texts, checked_batches(engine, batch_texts, decoding, checks, t.retry_flagged,
                                                           report), strict=True):
        if memory:
            memory.put_many(list(zip(batch, entries, strict=True)))
        for unit, entry in zip(batch, entries, strict=True):
            done[unit] = entry
            for k in users[unit]:
                waiting[k] -= 1
                if waiting[k] == 0:
                    finish(k)
        if progress:
            progress(finished, total)


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


def _mean(entries: list[Entry]) -> float | None:
    scores = [e.score for e in entries if e.score is not None and math.isfinite(e.score)]
    return sum(scores) / len(scores) if scores else None


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

