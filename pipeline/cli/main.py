"""Command-line interface: a thin click layer over the stages, one module per command.

Why thin: commands parse options, load the config, call a stage and write its output; every error a user
can cause is a BilingualError that becomes one line on stderr and a non-zero exit, never a traceback.
Each command's module imports its stage only when the command runs, so ``bilingual --help`` stays fast.
"""

from __future__ import annotations

import os
import sys

import click

from pipeline import __version__
from pipeline.cli.align import align
from pipeline.cli.models import models
from pipeline.cli.publish import publish
from pipeline.cli.qe import qe
from pipeline.cli.review import apply_review, review
from pipeline.cli.run import run
from pipeline.cli.segment import segment
from pipeline.cli.translate import translate
from pipeline.errors import BilingualError


@click.group(context_settings={"help_option_names": ["-h", "--help"]})
@click.version_option(__version__, prog_name="bilingual")
def cli() -> None:
    """Turn an Indonesian article into a published bilingual (Indonesian-English) document.

    \b
    Stages (each usable alone, all sharing one bitext JSON file):
      segment    article -> bitext file with blocks and sentences
      translate  fill in machine translations
      align      link source and target sentences
      publish    write the side-by-side HTML page (and other formats)
      run        all of the above
      qe         estimate how far to trust each machine translation (no reference needed)
      review     check and fix the alignment in a local browser editor
      models     download, list, convert and remove translation models

    \b
    Examples:
      bilingual run seeds/belgorod.id.txt   # writes output/belgorod.id/belgorod.id.html
      bilingual align seeds/belgorod.id.txt seeds/belgorod.en.txt   # align a human translation
      bilingual review output/belgorod.id/belgorod.id.bitext.json
    """


for command in (segment, translate, align, publish, run, qe, review, apply_review, models):
    cli.add_command(command)


#: Libraries that log warnings through ``logging`` ("parsed tree length: 0") where our one-line error says it.
QUIET_LOGGERS = ("trafilatura", "htmldate", "courlan", "justext")


def quiet_library_logs() -> None:
    """Drop the warnings of ``QUIET_LOGGERS``: with no handler anywhere, Python prints them on stderr next to our
    messages. Done here, for the command's own process: a program using the package keeps its logging as it set
    it up."""
    import logging

    for name in QUIET_LOGGERS:
        logger = logging.getLogger(name)
        if not logger.handlers:
            logger.addHandler(logging.NullHandler())
        logger.propagate = False


def main() -> None:
    """Entry point: run the click group and turn our errors into one line and an exit code."""
    quiet_library_logs()
    debug = os.environ.get("BILINGUAL_DEBUG") == "1"
    try:
        cli.main(standalone_mode=False)
    except click.exceptions.Abort:
        click.echo("bilingual: interrupted", err=True)
        sys.exit(130)
    except click.ClickException as err:
        err.show()
        sys.exit(err.exit_code)
    except KeyboardInterrupt:
        click.echo("bilingual: interrupted; finished work was saved, rerun to resume", err=True)
        sys.exit(130)
    except BilingualError as err:
        if debug:
            raise
        click.echo(f"bilingual: error: {err}", err=True)
        sys.exit(err.exit_code)
    except OSError as err:
        if debug:
            raise
        where = f"{err.filename}: " if getattr(err, "filename", None) else ""
        click.echo(f"bilingual: error: {where}{err.strerror or err}", err=True)
        sys.exit(1)
    except Exception as err:  # noqa: BLE001 - last resort: one line, never a traceback
        if debug:
            raise
        click.echo(f"bilingual: internal error: {type(err).__name__}: {err} (set BILINGUAL_DEBUG=1 for details)", err=True)
        sys.exit(70)


__all__ = ["cli", "main"]
