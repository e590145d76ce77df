"""What ``segment``, ``translate``, ``align`` and ``run`` share to never lose a person's work.

Why a module of its own: the commands stay thin click functions that call these in the same order: check
inputs against outputs (``guard.check_io``), read the bitext they will replace (``BitextTarget``), carry
the work over or refuse, and save with a merge for the case that someone saved the file meanwhile.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import click

from pipeline.bitext.store import BitextTarget, take_translations
from pipeline.bitext.carry import CarryReport, carry_work
from pipeline.config import Config
from pipeline.bitext.document import Document
from pipeline.fileio import display, doc_name


def stem_for(article: str) -> str:
    """The name of an article's outputs: its file name without the known endings, always a plain name.

    Why the care: ``...txt`` would give ``..`` and write outside the output folder; a name that is not
    UTF-8 would give a folder name that cannot be printed or stored (``fileio.doc_name``).
    """
    return doc_name(article if article == "-" else Path(article).name)


def report_carry(report: CarryReport, path: Path, quiet: bool) -> None:
    """Say what was carried over; orphaned reviews are always reported (a person must look at them)."""
    if report.links and not quiet:
        click.echo(f"kept {report.links} reviewed links on unchanged sentences of changed paragraphs", err=True)
    if report.orphans:
        click.echo(orphan_warning(len(report.orphans), path), err=True)


def orphan_warning(n: int, path: Path) -> str:
    return (f"bilingual: warning: {n} reviewed links no longer match the article; kept as orphaned reviews in "
            f"{display(path)} (\"orphans\"; listed in the review file)")


def open_target(path: Path, config: Config, force: bool = False) -> BitextTarget:
    """The bitext at ``path`` as it is now; with ``force`` even a file that is not a valid bitext (kept as backup)."""
    return BitextTarget(path, backups=config.files.backups, force=force)


def _align_if_complete(doc: Document, config: Config) -> Document:
    from pipeline.align import align

    if all(s.mt is not None for _, s in doc.iter_source()):
        align(doc, config.align)
    return doc


def remake_translated(done: Document, config: Config) -> Callable[[Document], Document]:
    """For ``translate``: someone saved the file meanwhile, so put our translations into their version."""
    def remake(theirs: Document) -> Document:
        take_translations(theirs, done)
        click.echo("bilingual: the bitext was saved by someone else while translating; their changes were kept "
                   "and the new translations added", err=True)
        return _align_if_complete(theirs, config)
    return remake


def remake_run(segmented: Document, done: Document, config: Config, path: Path,
               say: Callable[[str], None] | None = None) -> Callable[[Document], Document]:
    """For ``run``: the article as segmented (before any carry-over) over their version, plus what this run
    translated."""
    import copy

    say = say or (lambda line: click.echo(line, err=True))

    def remake(theirs: Document) -> Document:
        fresh = copy.deepcopy(segmented)
        report = carry_work(fresh, theirs)
        take_translations(fresh, done)
        say(f"bilingual: {display(path)} was saved by someone else during the run; their changes were kept "
            "and this run's translations added")
        if report.orphans:
            say(orphan_warning(len(report.orphans), path))
        return _align_if_complete(fresh, config)
    return remake
