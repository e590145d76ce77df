"""What a run over many documents is given (``RunOptions``) and gives back (``DocResult`` per document,
``CollectionResult`` for the run).

Why apart from the runner: the CLI builds the options and reports the results (pipeline/cli/guide.py)
without needing the driver's machinery.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

from pipeline.corpus.inputs import DocumentInput

if TYPE_CHECKING:  # the translate stage (and its engines) load only when a run starts
    from pipeline.translate.stage import TranslateReport

#: Sentences translated together: large enough for full batches of similar length, small enough that
#: documents are written as the run goes and memory stays bounded on a corpus of any size.
DEFAULT_WINDOW = 2000


@dataclass
class RunOptions:
    outdir: Path
    encoding: str = "utf-8"
    fmt: str = "auto"
    #: Formats written for every document; the reading page (html) always is.
    formats: list[str] = field(default_factory=lambda: ["html"])
    window: int = DEFAULT_WINDOW
    #: One document named alone: its error stops the command as before, and no index is written.
    single: bool = False
    quiet: bool = False
    #: None: translate in this process; "auto" or an address: on a Ray cluster (pipeline/corpus/ray_engine.py).
    ray: str | None = None
    ray_actors: int = 0
    ray_ship_model: bool = False
    #: Replace a bitext holding a human translation with a machine one (a numbered backup is kept).
    force: bool = False
    #: How URLs are fetched (pipeline.segment.web.fetch.FetchOptions); None: the defaults.
    fetch_options: object = None
    #: Where one-line notes go (a URL served from the cache while offline); None: nowhere.
    report: Callable[[str], None] | None = None


@dataclass
class DocResult:
    input: DocumentInput
    folder: Path
    status: str = "pending"  # done | up to date | failed | interrupted
    title: str = ""
    sentences: int = 0
    review: int = 0
    page: Path | None = None
    error: str = ""
    bitext: Path | None = None
    #: ``review_status``'s summary: "3 of 40 links need review (...)".
    review_line: str = ""


@dataclass
class CollectionResult:
    docs: list[DocResult]
    index: Path | None
    report: TranslateReport
    #: Seconds spent reading and segmenting (prepare), translating, and aligning/saving/publishing (finish,
    #: of which align and publish).
    timings: dict[str, float]

    @property
    def failed(self) -> list[DocResult]:
        return [d for d in self.docs if d.status == "failed"]
