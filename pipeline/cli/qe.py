"""The ``qe`` command and the quality-estimation step that ``run``, ``translate`` and ``review`` share.

Kept apart from cli.py so the QE feature stays in one place; cli.py registers the command and calls
``estimate_step`` where it is switched on.
"""

from __future__ import annotations

import time

import click

from pipeline.config import Config
from pipeline.bitext.document import Document


def estimate_step(doc: Document, config: Config, quiet: bool, *, only_missing: bool = False) -> int:
    """Estimate quality of ``doc``'s machine translations, say what was found; returns how many were flagged.

    Along the way (translate, review) a document with nothing to estimate is no error: the step does nothing.
    """
    from pipeline.align.encoders import encoder_for
    from pipeline.qe import estimate
    from pipeline.qe.stage import to_estimate

    if not to_estimate(doc, only_missing):
        return 0
    started = time.perf_counter()
    report = estimate(doc, config.qe, encoder=encoder_for(config.align), only_missing=only_missing).report
    flagged = sum(report.flags.values())
    if not quiet and report.estimated:
        found = ", ".join(f"{n} {name}" for name, n in sorted(report.flags.items())) or "nothing doubtful"
        click.echo(f"estimated quality of {report.estimated} translations in {time.perf_counter() - started:.1f} s: "
                   f"{found}", err=True)
    return flagged


def fill_missing(bitext: str, quiet: bool) -> None:
    """Estimate the translations of ``bitext`` that have none yet and save it (with a backup), before a review.

    Why by default for review: a reviewer is exactly the person who should be told which sentences to
    distrust, and the cost (an embedding of both sides) is paid once per document.
    """
    from pipeline.config import load_config
    from pipeline.review.storage import BitextFile

    target = BitextFile(bitext)
    if not any(s.mt is not None and s.mt.qe is None for _, s in target.doc.iter_source()):
        return
    estimate_step(target.doc, load_config(None), quiet, only_missing=True)
    target.save(target.doc)


qe_option = click.option("--qe/--no-qe", "qe", default=None,
                         help="Estimate each translation's quality with the bundled encoder and mark doubtful "
                              "ones for review (default: [qe] run).")


@click.command(epilog="\b\nExample:\n  bilingual qe output/belgorod.id/belgorod.id.bitext.json\n"
                      "  bilingual qe doc.bitext.json --missing-only")
@click.argument("bitext", type=click.Path(dir_okay=False))
@click.option("--missing-only", is_flag=True, help="Only translations that have no estimate yet.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML config file.")
@click.option("--quiet", "-q", is_flag=True, help="No progress output.")
def qe(bitext: str, missing_only: bool, config_path: str | None, quiet: bool) -> None:
    """Estimate how far to trust each machine translation, without a reference; doubtful links need review.

    Each translation gets a score (mt.qe: the estimated probability that it is wrong) from the bundled
    multilingual encoder's cross-lingual similarity, lengths, numbers, names and negation; qe_low and omission
    flags put its link up for review. Links a person confirmed or edited are left as they are.
    """
    from pipeline.config import load_config
    from pipeline.review.storage import BitextFile
    from pipeline.stages import require

    config = load_config(config_path)
    target = BitextFile(bitext)
    doc = target.doc
    require(doc, "qe", bitext)
    estimate_step(doc, config, quiet, only_missing=missing_only)
    target.save(doc)
    html = target.publish_html()
    if not quiet:
        click.echo(f"wrote {bitext} and {html}", err=True)
