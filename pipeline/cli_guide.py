"""What the commands tell a person along the way: one line per stage with its time, and what to do next.

Why here and not in each command: ``run`` and the single-stage commands report the same stages in the same
words, and the review count always comes from ``pipeline.review_status`` so the CLI, the editor and the
page agree. Everything goes to stderr; stdout stays for the one path a script may want to capture.
"""

from __future__ import annotations

import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import click

from pipeline.document import Document
from pipeline.errors import InputError
from pipeline.filekind import hint_for_article, sniff
from pipeline.review_status import review_summary


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
        took = time.perf_counter() - started
        click.echo(f"{name:<10} {stage.detail} ({took:.1f} s)".replace("  (", " ("), err=True)


def plural(n: int, word: str) -> str:
    return f"{n} {word}" + ("" if n == 1 else "s")


def segment_detail(doc: Document) -> str:
    return f"{plural(len(doc.iter_source()), 'sentence')} in {plural(len(doc.blocks), 'block')}"


def align_detail(doc: Document) -> str:
    return review_summary(doc).line()


def next_step(bitext: str | Path, html: str | Path | None, doc: Document) -> list[str]:
    """The closing lines of a command that wrote a bitext file: where things are and what comes next."""
    summary = review_summary(doc)
    lines = [f"bitext:    {bitext}"]
    if html is not None:
        lines.append(f"page:      {html}")
    if summary.needs_review:
        lines.append(f"next:      bilingual review {bitext}   ({summary.line()})")
    else:
        lines.append(f"next:      bilingual review {bitext}   (nothing needs review; check it, or publish as it is)")
    return lines


def echo_lines(lines: list[str], quiet: bool = False) -> None:
    if not quiet:
        for line in lines:
            click.echo(line, err=True)


def check_article(name: str, text: str) -> None:
    """Refuse a bitext, review file or export given where an article belongs, saying what it is."""
    hint = hint_for_article(name, sniff(text))
    if hint:
        raise InputError(f"{name}: {hint}")


def deprecated(old: str, new: str) -> None:
    """One line on stderr: the old spelling still works, for now."""
    click.echo(f"bilingual: note: {old} is deprecated here; use {new}", err=True)
