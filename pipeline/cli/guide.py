"""What the commands tell a person along the way: one line per stage with its time, and what to do next.

Why here and not in each command: ``run`` and the single-stage commands report the same stages in the same
words, and the review count always comes from ``pipeline.bitext.status`` so the CLI, the editor and the
page agree. Everything goes to stderr; stdout stays for the one path a script may want to capture.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import click

from pipeline.bitext.document import Document
from pipeline.bitext.status import review_summary

if TYPE_CHECKING:  # the runner pulls in the translation stage; the CLI starts without it
    from pipeline.corpus.results import CollectionResult


@dataclass
class Stage:
    name: str
    detail: str = ""


@contextmanager
def stage_line(name: str, quiet: bool = False) -> Iterator[Stage]:
    """Time a stage and print ``segment    30 sentences in 14 blocks (0.1 s)`` when it finishes."""
    stage = Stage(name)
    started = time.perf_counter()
    yield stage
    if not quiet:
        click.echo(stage_report(name, stage.detail, time.perf_counter() - started), err=True)


def stage_report(name: str, detail: str, seconds: float) -> str:
    return f"{name:<10} {detail} ({seconds:.1f} s)".replace("  (", " (")


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def segment_detail(doc: Document) -> str:
    return f"{plural(len(doc.iter_source()), 'sentence')} in {plural(len(doc.blocks), 'block')}"


def next_step(bitext: str | Path, html: str | Path | None, doc: Document) -> list[str]:
    """The closing lines of a command that wrote a bitext file: where things are and what comes next."""
    summary = review_summary(doc)
    return _next_lines(bitext, html, summary.needs_review, summary.line())


def _next_lines(bitext: str | Path, html: str | Path | None, review: int, line: str) -> list[str]:
    lines = [f"bitext:    {bitext}"]
    if html is not None:
        lines.append(f"page:      {html}")
    if review:
        lines.append(f"next:      bilingual review {bitext}   ({line})")
    else:
        lines.append(f"next:      bilingual review {bitext}   (nothing needs review; check it, or publish as it is)")
    return lines


def run_report(result: CollectionResult, review_marks: bool) -> list[str]:
    """``run``'s closing lines: each stage over all its documents with its time, then where and what next.

    Why after the run and not as each stage ends: documents go through the stages interleaved (shared
    translation batches), so a stage is over only when the run is.
    """
    t, r = result.timings, result.report
    docs = [d for d in result.docs if d.status in ("done", "up to date")]
    many = len(result.docs) > 1
    sentences = plural(sum(d.sentences for d in docs), "sentence")
    extra = [f"{r.from_memory} from translation memory"] if r.from_memory else []
    extra += [f"{r.split} split to fit the model"] if r.split else []
    extra += [f"{r.retried} retried"] if r.retried else []
    review = sum(d.review for d in docs)
    if many or not docs:
        checked = f"{review} links need review in {plural(len(docs), 'document')}"
    else:
        checked = docs[0].review_line
    lines = [
        stage_report("segment", sentences + (f" in {plural(len(docs), 'document')}" if many else ""), t["prepare"]),
        stage_report("translate", f"{r.translated} sentences translated" + (f" ({', '.join(extra)})" if extra else ""),
                     t["translate"]),
        stage_report("align", checked, t.get("align", 0.0)),
        stage_report("publish", "with review marks" if review_marks else "the reader's edition", t.get("publish", 0.0)),
    ]
    if not many and docs and docs[0].bitext is not None:
        return lines + _next_lines(docs[0].bitext, docs[0].page, docs[0].review, docs[0].review_line)
    first = next((d for d in docs if d.review and d.bitext is not None), None)
    if first is not None:
        lines.append(f"next:      bilingual review {first.bitext}   ({first.review_line}; see the index for the others)")
    return lines


def echo_lines(lines: list[str], quiet: bool = False) -> None:
    if not quiet:
        for line in lines:
            click.echo(line, err=True)


def deprecated(old: str, new: str) -> None:
    """One line on stderr: the old spelling still works, for now."""
    click.echo(f"bilingual: note: {old} is deprecated here; use {new}", err=True)
