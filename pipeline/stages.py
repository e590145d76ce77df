"""The one shape of a stage, and what each stage needs from the document before it runs.

Why declared here: every stage takes a Document and its own config section and returns the document with a
small report (``StageResult``), so the CLI, ``run`` over many articles and a library user call them the same
way. What a stage requires (a translated document for ``align`` and ``qe``, links for the review file) was
checked in four places with four wordings; ``require`` is now the only check, and its error says which
command to run first.

A stage is called as ``<stage>(doc, config.<section>, **options)``; the stages themselves live in their
sub-packages (``pipeline.translate.stage.translate`` ...), listed in ``STAGES``.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Generic, TypeVar

from pipeline.bitext.document import Document
from pipeline.errors import BilingualError

R = TypeVar("R")


@dataclass
class StageResult(Generic[R]):
    """What a stage gives back: the document (changed in place and returned) and the stage's own report."""

    doc: Document
    report: R


class NotReadyError(BilingualError):
    """The document has not been through the stage this one needs (align before translate, ...)."""


def _segmented(doc: Document) -> str | None:
    return None if any(b.source for b in doc.blocks) else "has no sentences"


def _translated(doc: Document) -> str | None:
    missing = [s.id for _, s in doc.iter_source() if s.mt is None]
    if missing:
        many = len(missing) > 1
        return (f"{len(missing)} sentence{'s' if many else ''} {'have' if many else 'has'} no translation yet "
                f"(first: {missing[0]})")
    return None


def _machine_translated(doc: Document) -> str | None:
    if not any(s.mt is not None and s.mt.text.strip() for _, s in doc.iter_source()):
        return "has no machine translations"
    return None


def _aligned(doc: Document) -> str | None:
    return None if any(b.links for b in doc.blocks) else "has no links yet"


@dataclass(frozen=True)
class State:
    """A state a document can be in: the test for it, and the command that brings a document there."""

    name: str
    missing: Callable[[Document], str | None]
    command: str


STATES: dict[str, State] = {s.name: s for s in (
    State("segmented", _segmented, "bilingual segment"),
    State("translated", _translated, "bilingual translate"),
    State("machine_translated", _machine_translated, "bilingual translate"),
    State("aligned", _aligned, "bilingual align (or translate)"),
)}


@dataclass(frozen=True)
class Stage:
    name: str
    #: The implementation, ``package.module:function``, imported on use.
    target: str
    #: The config section it reads (``config.<section>``).
    section: str


#: Every stage and the section of the config it reads. Each is called as
#: ``function(doc, config.<section>, **options) -> StageResult`` (segment takes the article instead of a
#: document: it is the stage that makes one).
STAGES: dict[str, Stage] = {s.name: s for s in (
    Stage("segment", "pipeline.segment.stage:segment", "segment"),
    Stage("translate", "pipeline.translate.stage:translate", "translate"),
    Stage("align", "pipeline.align.stage:align", "align"),
    Stage("qe", "pipeline.qe.stage:estimate", "qe"),
    Stage("publish", "pipeline.publish.formats:publish", "publish"),
)}

#: What each step needs from the document: the stages, and the review file and editor (which need links).
REQUIRES: dict[str, tuple[str, ...]] = {
    "translate": ("segmented",),
    "align": ("translated",),
    "qe": ("machine_translated",),
    "publish": ("segmented",),
    "review": ("aligned",),
}


def require(doc: Document, step: str, name: str = "") -> None:
    """Raise a one-line error naming the file (``name``) when ``doc`` is not ready for ``step``."""
    for state_name in REQUIRES.get(step, ()):
        state = STATES[state_name]
        missing = state.missing(doc)
        if missing:
            raise NotReadyError(f"{name or 'the document'}: {missing}; run `{state.command}` first")
