"""What several commands do the same way: translate so that Ctrl-C keeps the finished sentences, and write the
reading page after a stage."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from pipeline.bitext.document import Document
from pipeline.cli.guide import stage_line
from pipeline.cli.options import progress_bar
from pipeline.config import Config, PublishConfig


def translate_saving(doc: Document, config: Config, save: Callable[[Document], object], quiet: bool,
                      name: str = "") -> None:
    """Translate; on Ctrl-C save the finished sentences (atomically) before giving up, so a rerun resumes."""
    from pipeline.translate.process import configure
    from pipeline.translate.stage import translate

    configure(config.translate)  # this process is the command's: allocator, threads, quiet libraries
    with stage_line("translate", quiet) as st:
        try:
            report = translate(doc, config.translate, name=name, progress=progress_bar(quiet)).report
        except KeyboardInterrupt:
            save(doc)
            raise
        # how many links need review is said once, after align, in review_status's words
        extra = [f"{report.from_memory} from translation memory"] if report.from_memory else []
        extra += [f"{report.split} split to fit the model"] if report.split else []
        extra += [f"{report.retried} retried"] if report.retried else []
        st.detail = f"{report.translated} sentences translated" + (f" ({', '.join(extra)})" if extra else "")


def publish_page(doc: Document, target: Path, section: PublishConfig) -> None:
    """Write the reading page of ``doc`` to ``target`` (after ``align``)."""
    from pipeline.publish import publish

    publish(doc, section, formats=["html"], output=target)
