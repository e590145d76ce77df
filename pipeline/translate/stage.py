"""Translate every source sentence that has no machine translation from this model and these settings yet.

Why this shape: sentences already translated (in the bitext file or in the translation memory) cost
nothing; the rest are split to fit the model, batched by length, translated, checked and stored batch by
batch, so an interrupted run keeps every finished batch and the next run resumes from there.

``translate`` is the stage (one document, the ``[translate]`` section); ``translate_documents`` is the
same work over many documents in shared batches, for ``bilingual run``.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from pipeline import __version__
from pipeline.bitext.document import Document, MachineTranslation, Sentence, now_iso
from pipeline.config import Config, TranslateConfig
from pipeline.fileio import default_cache_dir
from pipeline.registry import ENGINES
from pipeline.stages import StageResult, require
from pipeline.translate.checks import Checks
from pipeline.translate.engines.base import Decoding, Engine, LoadedModel
from pipeline.translate.protect import Masked, mask
from pipeline.translate.report import TranslateReport
from pipeline.translate.safe_memory import GuardedMemory
from pipeline.translate.sentences import SentenceRun

Progress = Callable[[int, int], None]
#: Loads the engine for the model found; the stage calls it only when some sentence needs the engine.
EngineFactory = Callable[[TranslateConfig, LoadedModel], Engine]

__all__ = ["TranslateReport", "translate", "translate_documents"]


def resolve_for_engine(t: TranslateConfig) -> LoadedModel:
    """Find the model files for the chosen engine without loading any weights."""
    return ENGINES.load(t.engine).locate(t)  # type: ignore[no-any-return]


def load_engine(t: TranslateConfig, model: LoadedModel) -> Engine:
    """The configured engine on the model found by ``resolve_for_engine`` (the default EngineFactory)."""
    return ENGINES.load(t.engine).load(model, t)  # type: ignore[no-any-return]


def settings_signature(t: TranslateConfig, quantization: str) -> str:
    """Everything besides the model that changes the output, in a compact, stable form."""
    # the tool and its checks make the flags; the input limit decides how long sentences are split
    parts = [f"tool:{__version__}", f"checks:{Checks.from_config(t).signature()}", f"engine:{t.engine}",
             f"q:{quantization}", f"beam:{t.beam_size}", f"max:{t.max_new_tokens}", f"ratio:{t.max_output_ratio:g}",
             f"in:{t.max_input_tokens}", f"retry:{Decoding.retry_signature(t.retry_flagged)}"]
    if t.source_lang_code or t.target_lang_code:
        parts.append(f"lang:{t.source_lang_code}>{t.target_lang_code}")
    return "|".join(parts)


def section_signature(t: TranslateConfig, revision: str, quantization: str | None = None) -> str:
    """What a translation records as its ``model``: the model, its revision and the settings."""
    return f"{t.model}@{revision}|{settings_signature(t, quantization or t.quantize)}"


def model_signature(config: Config, revision: str, quantization: str | None = None) -> str:
    """``section_signature`` of the config's ``[translate]`` (what ``bilingual run`` compares documents with)."""
    return section_signature(config.translate, revision, quantization)


def memory_dir(t: TranslateConfig) -> Path:
    return Path(t.memory_dir).expanduser() if t.memory_dir else default_cache_dir()


def translate(doc: Document, section: TranslateConfig, *, name: str = "", progress: Progress | None = None,
              engine_factory: EngineFactory | None = None) -> StageResult[TranslateReport]:
    """Fill ``Sentence.mt`` for source sentences that lack a translation from this model and settings.

    ``name`` is the document's file, for the error when it is not segmented. Sentences get their translation
    as soon as their batch is finished, so a caller that catches KeyboardInterrupt can save the partly
    translated document.
    """
    require(doc, "translate", name)
    report = _translate_all([doc], section, progress=progress, engine_factory=engine_factory)
    return StageResult(doc, report)


def translate_documents(
    docs: Sequence[Document], config: Config, *, progress: Progress | None = None,
    engine_factory: EngineFactory | None = None, on_document: Callable[[Document], None] | None = None,
) -> TranslateReport:
    """Translate the sentences of several documents together, in shared length-sorted batches.

    Why together: a short article fills only a few small batches, so many of them translated one by one
    leave the engine mostly waiting; pooled, their sentences make full batches of similar length and
    identical sentences (boilerplate lines) are translated once. ``on_document`` is called as soon as
    every sentence of a document has its translation, so the caller can write it while the rest goes on.
    """
    return _translate_all(docs, config.translate, progress=progress, engine_factory=engine_factory,
                          on_document=on_document)


@dataclass
class _Todo:
    """The sentences that need a translation, their masked form and the document each belongs to."""

    sentences: list[Sentence] = field(default_factory=list)
    masks: list[Masked] = field(default_factory=list)
    owner: list[int] = field(default_factory=list)


def _collect(docs: Sequence[Document], t: TranslateConfig, model: LoadedModel, sig: str) -> _Todo:
    """Record the model on every document and gather what it has not translated yet.

    A sentence that is only code, addresses or shortcodes is its own translation: nothing for a model.
    """
    todo = _Todo()
    for d, doc in enumerate(docs):
        doc.meta.model = {"name": model.resolved.name, "revision": model.revision, "engine": t.engine,
                          "quantization": model.quantization, "signature": sig, "path": str(model.resolved.path)}
        doc.meta.settings["translate"] = dict(vars(t))
        for b, s in doc.iter_source():
            if s.mt is not None and s.mt.model == sig:
                continue
            m = mask(b, s)
            if m.verbatim:
                s.mt = MachineTranslation(text=m.source, flags=[], model=sig, marks=list(m.marks))
                continue
            todo.sentences.append(s)
            todo.masks.append(m)
            todo.owner.append(d)
    return todo


class _Documents:
    """Counts each document's sentences still waiting; a document with none left is marked translated."""

    def __init__(self, docs: Sequence[Document], owner: list[int],
                 on_document: Callable[[Document], None] | None) -> None:
        self.docs = docs
        self.owner = owner
        self.on_document = on_document
        self.waiting = [0] * len(docs)
        for d in owner:
            self.waiting[d] += 1
        for d, left in enumerate(self.waiting):
            if left == 0:
                self._done(d)

    def sentence_done(self, k: int) -> None:
        d = self.owner[k]
        self.waiting[d] -= 1
        if self.waiting[d] == 0:
            self._done(d)

    def _done(self, d: int) -> None:
        doc = self.docs[d]
        doc.meta.stages["translate"] = now_iso()
        doc.meta.target_origin = "machine"
        if self.on_document is not None:
            self.on_document(doc)


def _translate_all(docs: Sequence[Document], t: TranslateConfig, *, progress: Progress | None = None,
                   engine_factory: EngineFactory | None = None,
                   on_document: Callable[[Document], None] | None = None) -> TranslateReport:
    model = resolve_for_engine(t)
    sig = section_signature(t, model.revision, model.quantization)
    todo = _collect(docs, t, model, sig)
    documents = _Documents(docs, todo.owner, on_document)
    report = TranslateReport(sentences=len(todo.sentences))
    if not todo.sentences:
        return report
    memory = None
    if t.use_memory:
        memory = GuardedMemory(memory_dir(t), model.resolved.name, model.revision,
                               settings_signature(t, model.quantization))
    try:
        run = SentenceRun(todo.sentences, todo.masks, t, sig, memory, report, documents.sentence_done)
        run.translate(lambda: (engine_factory or load_engine)(t, model), progress)
    finally:
        if memory is not None:
            memory.close()
    return report
