"""The batch driver of ``bilingual run PATH...``: many documents, one model load, shared batches.

Why this shape: loading a model costs as much as translating a short article, and a short article alone
fills only a few small batches. So the documents are read and segmented one by one, their untranslated
sentences are pooled in windows of a few thousand and translated together in length-sorted batches, and
each document is aligned, saved and published the moment its last sentence is back. Every document keeps
its own bitext file (its resume point) and page; the translation memory is shared, so a sentence that
appears in many articles is translated once and an interrupted run resumes where it stopped. A document
that cannot be read or published is reported and listed as failed in the index; the others go on.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Any, TextIO

from pipeline.config import Config
from pipeline.corpus.index import IndexEntry, render_index
from pipeline.corpus.inputs import DocumentInput
from pipeline.corpus.progress import CollectionProgress
from pipeline.corpus.results import CollectionResult, DocResult, RunOptions
from pipeline.bitext.store import BitextTarget
from pipeline.bitext.document import BITEXT_SUFFIX, Document
from pipeline.bitext.status import review_summary
from pipeline.errors import BilingualError, InputError
from pipeline.fileio import atomic_write_text

INDEX_NAME = "index.html"


def read_article(source: str, *, encoding: str, fmt: str, config: Config, fetch_options: object = None,
                 report: Callable[[str], None] | None = None) -> Document:
    """One document from a file, ``-``, a web page or a URL, segmented, with the page's provenance."""
    from pipeline.segment.sources import read_article as read_input
    from pipeline.segment.stage import segment

    from pipeline.fileio import display

    doc = segment(read_input(source, encoding=encoding, fmt=fmt, fetch_options=fetch_options, report=report),
                  config.segment).doc
    doc.meta.source_file = display(doc.meta.source_file)  # a name that is not UTF-8 cannot be stored
    return doc


class _Once:
    """The engine factory of the whole run: the model is loaded the first time a window needs it, then kept."""

    def __init__(self, factory: Callable[[Any, Any], Any]) -> None:
        self.factory = factory
        self.engine: Any = None

    def __call__(self, t: Any, model: Any) -> Any:
        if self.engine is None:
            self.engine = self.factory(t, model)
        return self.engine


class CollectionRun:
    """State of one run; ``run()`` does the work (see the module docstring)."""

    def __init__(self, inputs: Sequence[DocumentInput], config: Config, options: RunOptions,
                 stream: TextIO | None = None) -> None:
        import sys

        self.inputs = list(inputs)
        self.config = config
        self.options = options
        self.stream = stream or sys.stderr
        from pipeline.translate.stage import TranslateReport

        self.results = [DocResult(i, options.outdir / Path(*i.rel.parts)) for i in self.inputs]
        self.report = TranslateReport()
        self.timings = {"prepare": 0.0, "translate": 0.0, "finish": 0.0, "align": 0.0, "publish": 0.0}
        self.progress = CollectionProgress(len(self.inputs), stream=self.stream, enabled=not options.quiet)
        self.signature = ""
        # the page, and beside it the translation alone in the article's own format (<stem>.en.md / .en.txt);
        # the page is written last, so a document whose page exists has every output
        self.formats = [*dict.fromkeys(f for f in ("target", *options.formats) if f != "html"), "html"]
        self.engine: _Once | None = None
        #: Per document (by id): the bitext as read before the work, and the article as segmented.
        self.stores: dict[int, BitextTarget] = {}
        self.segmented: dict[int, Document] = {}

    # ------------------------------------------------------------ per document

    def bitext_path(self, r: DocResult) -> Path:
        return r.folder / f"{r.input.stem}{BITEXT_SUFFIX}"

    def fail(self, r: DocResult, err: BaseException) -> None:
        if self.options.single:
            raise err
        r.status, r.error = "failed", _one_line(err)
        self.progress.document_finished()
        self.progress.message(f"bilingual: error: {r.error}")

    def outputs(self, r: DocResult, doc: Document) -> dict[str, Path]:
        from pipeline.publish.formats import plan_outputs

        return plan_outputs(doc, self.formats, base=r.folder / r.input.stem)

    def read(self, r: DocResult) -> Document:
        return read_article(r.input.source, encoding=self.options.encoding, fmt=self.options.fmt,
                            fetch_options=self.options.fetch_options, report=self.options.report,
                            config=self.config)

    def check(self, r: DocResult) -> bool:
        """Before any work: no output of this document is an input, and all of them can be written."""
        from pipeline.fileio import display
        from pipeline.bitext.guard import check_io
        from pipeline.segment.web.fetch import is_url

        try:
            src = r.input.source
            if src != "-" and not is_url(src) and not Path(src).exists():
                raise InputError(f"{display(src)}: no such file")
            check_io({"article": r.input.source} if r.input.source != "-" else {},
                     [self.bitext_path(r), r.folder / f"{r.input.stem}.html"], folders=[r.folder])
            return True
        except BilingualError as err:
            self.fail(r, err)
        return False

    def prepare(self, r: DocResult, doc: Document | None = None) -> Document | None:
        """Read (unless ``doc`` was), segment and carry over earlier work; None when the document failed or
        is already finished."""
        import copy

        from pipeline.bitext.carry import carry_work
        from pipeline.rerun import orphan_warning

        with self.step(r, "prepare", r.input.source):
            doc = doc if doc is not None else self.read(r)
            bitext = self.bitext_path(r)
            store = BitextTarget(bitext, backups=self.config.files.backups)  # a corrupt file fails this document
            store.refuse_human_translation("run", self.options.force)
            self.stores[id(doc)], self.segmented[id(doc)] = store, copy.deepcopy(doc)
            if store.doc is not None:
                old = store.doc
                if self.up_to_date(r, doc, old):
                    self.record(r, old, "up to date")
                    self.progress.document_finished()
                    return None
                report = carry_work(doc, old)
                if report.links and not self.options.quiet:
                    self.progress.message(f"kept {report.links} reviewed links on unchanged sentences of changed "
                                          f"paragraphs of {r.input.rel}")
                if report.orphans:
                    self.progress.message(orphan_warning(len(report.orphans), bitext))
            return doc
        return None

    @contextmanager
    def step(self, r: DocResult, timing: str, where: object) -> Iterator[None]:
        """Time a step of one document (``timings[timing]``); its error fails that document alone, an OSError
        named by its file or else by ``where``."""
        t0 = time.perf_counter()
        try:
            yield
        except BilingualError as err:
            self.fail(r, err)
        except OSError as err:
            self.fail(r, InputError(f"{getattr(err, 'filename', None) or where}: {err.strerror or err}"))
        finally:
            self.timings[timing] += time.perf_counter() - t0

    def up_to_date(self, r: DocResult, doc: Document, old: Document) -> bool:
        """Same article, every sentence translated by this model and settings, aligned, every output there."""
        sentences = [s for _, s in old.iter_source()]
        return (old.meta.source_sha256 == doc.meta.source_sha256 and bool(old.meta.stages.get("align"))
                and all(s.mt is not None and s.mt.model == self.signature for s in sentences)
                and all(p.exists() for p in self.outputs(r, old).values()))

    def record(self, r: DocResult, doc: Document, status: str) -> None:
        r.status, r.title = status, doc.meta.title
        r.sentences = len(doc.iter_source())
        summary = review_summary(doc)
        r.review, r.review_line = summary.needs_review, summary.line()
        r.page = self.outputs(r, doc)["html"]
        r.bitext = self.bitext_path(r)

    def save(self, r: DocResult, doc: Document) -> Document:
        """Save ``doc``; if someone saved the file meanwhile (the review editor), merge into their version."""
        from pipeline.rerun import remake_run

        bitext = self.bitext_path(r)
        store = self.stores.get(id(doc)) or BitextTarget(bitext, backups=self.config.files.backups)
        segmented = self.segmented.get(id(doc)) or doc
        return store.save(doc, remake_run(segmented, doc, self.config, bitext, self.progress.message))

    def finish(self, r: DocResult, doc: Document) -> None:
        """Estimate (if asked), align, save and publish one translated document."""
        with self.step(r, "finish", r.folder):
            t0 = time.perf_counter()
            self.estimate_and_align(doc)
            t1 = time.perf_counter()
            self.timings["align"] += t1 - t0
            doc = self.save(r, doc)
            self.publish(r, doc)
            self.timings["publish"] += time.perf_counter() - t1
            self.record(r, doc, "done")
            self.progress.document_finished()

    def estimate_and_align(self, doc: Document) -> None:
        """QE (``[qe] run``) of the sentences not yet estimated, then the machine links."""
        from pipeline.align import align

        if self.config.qe.run:
            from pipeline.align.encoders import encoder_for
            from pipeline.qe import estimate
            from pipeline.qe.stage import to_estimate

            if to_estimate(doc, only_missing=True):  # nothing to estimate is no error along the way
                estimate(doc, self.config.qe, encoder=encoder_for(self.config.align), only_missing=True)
        align(doc, self.config.align)

    def publish(self, r: DocResult, doc: Document) -> None:
        """The document's outputs; the page last, so that a document whose page exists has them all."""
        from pipeline.publish import publish

        bitext = self.bitext_path(r)
        publish(doc, self.config.publish, formats=self.formats, base=r.folder / r.input.stem, protect=[bitext],
                bitext_name=bitext.name)

    # ------------------------------------------------------------ the run

    def run(self) -> CollectionResult:
        from pipeline.fileio import check_folder_writable

        if not self.options.single:
            check_folder_writable(self.options.outdir)  # the index goes there: fail now, not after translating
        checked = [r for r in self.results if self.check(r)]  # before the model: never fail at the end
        if not checked:
            return self.result()
        first = self.read_first()
        window = self.start_engine()
        try:
            self.translate_in_windows(window, first)
        except KeyboardInterrupt:
            self.progress.close()
            if not self.options.single:
                self.write_index()
            raise
        self.progress.close()
        return self.result()

    def result(self) -> CollectionResult:
        index = None if self.options.single else self.write_index()
        return CollectionResult(self.results, index, self.report, self.timings)

    def read_first(self) -> Document | None:
        """One document named alone is read before the model: a bad article is reported before a missing
        model is."""
        if not (self.options.single and self.results):
            return None
        t0 = time.perf_counter()
        try:
            return self.read(self.results[0])
        finally:
            self.timings["prepare"] += time.perf_counter() - t0

    def start_engine(self) -> int:
        """Resolve the model (a missing one stops the run before any other document is read) and set up the
        engine factory of the run; returns the window (0: one window for the whole run)."""
        from pipeline.translate import stage

        model = stage.resolve_for_engine(self.config.translate)
        self.signature = stage.model_signature(self.config, model.revision, model.quantization)
        if self.options.ray:
            from pipeline.corpus.ray_engine import ray_engine_factory

            self.engine = _Once(ray_engine_factory(self.options.ray, self.options.ray_actors,
                                                   self.options.ray_ship_model))
            return 0  # one dataset for the whole run: the actor pool loads the model once per actor
        self.engine = _Once(lambda tc, m: stage.load_engine(tc, m))
        return max(1, self.options.window)

    def translate_in_windows(self, window: int, first: Document | None) -> None:
        """Prepare the documents one by one and translate their sentences whenever ``window`` are pending."""
        pending: list[tuple[DocResult, Document]] = []
        size = planned = 0
        for n, r in enumerate(self.results, start=1):
            if r.status == "failed":
                continue
            doc = self.prepare(r, first if n == 1 else None)
            if doc is None:
                continue
            pending.append((r, doc))
            todo = sum(1 for _, s in doc.iter_source() if s.mt is None or s.mt.model != self.signature)
            size, planned = size + todo, planned + todo
            self.progress.planned(planned, len(self.results) - n)
            if window and size >= window:
                self.translate(pending)
                pending, size = [], 0
        if pending:
            self.translate(pending)

    def translate(self, pending: list[tuple[DocResult, Document]]) -> None:
        from pipeline.translate.stage import translate_documents

        by_doc = {id(doc): r for r, doc in pending}
        finished: set[int] = set()
        t0, finish0 = time.perf_counter(), self.timings["finish"]
        self.progress.start_window()

        def on_document(doc: Document) -> None:
            finished.add(id(doc))
            self.finish(by_doc[id(doc)], doc)

        try:
            report = translate_documents([doc for _, doc in pending], self.config, engine_factory=self.engine,
                                         on_document=on_document, progress=self.progress.sentences)
        except KeyboardInterrupt:
            for r, doc in pending:  # their resume point: every finished sentence, written atomically
                if id(doc) not in finished:
                    self.save(r, doc)
                    r.status, r.title = "interrupted", doc.meta.title
            raise
        finally:  # documents finished inside the window count as finishing, not translating
            self.timings["translate"] += time.perf_counter() - t0 - (self.timings["finish"] - finish0)
        for name in ("sentences", "translated", "from_memory", "split", "retried", "flagged"):
            setattr(self.report, name, getattr(self.report, name) + getattr(report, name))

    def write_index(self) -> Path:
        entries = []
        for r in self.results:
            page = ""
            if r.page is not None and r.status in ("done", "up to date"):
                page = r.page.relative_to(self.options.outdir).as_posix()
            entries.append(IndexEntry(name=str(r.input.rel), title=r.title, sentences=r.sentences, review=r.review,
                                      page=page, status=r.status if r.status != "pending" else "not started",
                                      error=r.error))
        path = self.options.outdir / INDEX_NAME
        atomic_write_text(path, render_index(entries))
        return path


def _one_line(err: BaseException) -> str:
    return " ".join(str(err).split()) or type(err).__name__


def run_collection(inputs: Sequence[DocumentInput], config: Config, options: RunOptions,
                   stream: TextIO | None = None) -> CollectionResult:
    """Run every document of ``inputs`` to its page; see the module docstring for how."""
    return CollectionRun(inputs, config, options, stream).run()
