"""``bilingual run``: segment, translate, align and publish one article or many, doing only what is unfinished."""

from __future__ import annotations

import sys
from pathlib import Path

import click

from pipeline.cli.guide import deprecated, echo_lines, run_report
from pipeline.cli.options import (command_config, config_option, encoding_option, fetch_options, force_option,
                                  format_option, model_option, note, quiet_option, translate_options,
                                  translate_overrides, web_options)
from pipeline.cli.qe import qe_option
from pipeline.corpus.inputs import DEFAULT_GLOB
from pipeline.corpus.results import DEFAULT_WINDOW
from pipeline.registry import OUTPUT_LAYOUTS


EPILOG_RUN = """\b
Examples:
  bilingual run seeds/belgorod.id.txt
  bilingual run article.md --outdir site/ --model ./models/my-opus-mt
  bilingual run article.md --review-marks   # the page marks what needs review
  bilingual run content/id --outdir out --engine ctranslate2 --format md   # a whole tree, out/index.html
  bilingual run --from-list articles.txt --ray auto --engine ctranslate2
  bilingual run https://www.example.co.id/berita/artikel   # a web page: article, title, byline, date
"""


@click.command(epilog=EPILOG_RUN)
@click.argument("paths", nargs=-1)
@click.option("--outdir", type=click.Path(file_okay=False),
              help="Results go to OUTDIR/<stem>/ (default: output); for a folder, OUTDIR mirrors its tree, "
                   "with an index.html.")
@click.option("-o", "old_outdir", type=click.Path(file_okay=False), hidden=True)  # the old spelling; still works
@click.option("--review-marks", "review_marks", is_flag=True, default=None,
              help="Mark links that need review on the pages (default: the reader's edition, without marks).")
@click.option("--glob", "glob", default=DEFAULT_GLOB, show_default=True, help="Files taken from a folder.")
@click.option("--from-list", "from_list", metavar="FILE",
              help="Also the documents named in FILE, one path a line (- reads the list from standard input).")
@click.option("--layout", "out_layout", type=click.Choice(OUTPUT_LAYOUTS), default="tree", show_default=True,
              help="tree: OUTDIR/a/b/ for FOLDER/a/b.md; flat: OUTDIR/a-b/.")
@click.option("-f", "--format", "formats", metavar="LIST",
              help="Exports written for every document besides the page, e.g. md,tmx (see `publish --help`).")
@click.option("--window", type=click.IntRange(1), default=DEFAULT_WINDOW, show_default=True,
              help="Sentences of several documents translated together in shared batches.")
@click.option("--ray", "ray", metavar="auto|ADDRESS",
              help="Translate on a Ray cluster (pip install 'bilingual[ray]'; needs --engine ctranslate2).")
@click.option("--ray-actors", type=click.IntRange(0), default=0, help="Translator actors (0: one per 2 cluster CPUs).")
@click.option("--ray-ship-model", is_flag=True,
              help="Send the converted model to the workers instead of reading it from the same path there.")
@model_option
@translate_options
@qe_option
@encoding_option
@format_option
@web_options
@config_option
@quiet_option
@force_option
def run(paths: tuple[str, ...], outdir: str | None, old_outdir: str | None, review_marks: bool | None, glob: str,
        from_list: str | None, out_layout: str,
        formats: str | None, window: int, ray: str | None, ray_actors: int, ray_ship_model: bool,
        model: str | None, engine: str | None, quantize: str | None, beam_size: int | None, no_memory: bool | None,
        qe: bool | None, encoding: str, fmt: str, ignore_robots: bool, timeout: float, config_path: str | None,
        quiet: bool, force: bool) -> None:
    """Segment, translate, align and publish articles in one go; reruns do only what is unfinished.

    PATHS are article files (.txt, .md, .html; - for standard input), web addresses and folders (searched
    recursively).
    All documents share one model load and are translated in shared batches.
    """
    from pipeline.corpus import RunOptions, collect_inputs, run_collection
    from pipeline.segment.web.fetch import is_url

    if not paths and not from_list:
        raise click.UsageError("give at least one article, folder or --from-list FILE")
    if old_outdir is not None:
        deprecated("-o DIR", "--outdir DIR")
    outdir = outdir or old_outdir or "output"
    config = command_config(config_path, translate__model=model, qe__run=qe, publish__review_marks=review_marks,
                     **translate_overrides(engine, quantize, beam_size, no_memory))
    if ray:
        from pipeline.corpus.ray_engine import RAY_ENGINE

        if config.translate.engine != RAY_ENGINE:
            raise click.UsageError(f"--ray runs CTranslate2 translators: add --engine {RAY_ENGINE}")
    single = len(paths) == 1 and not from_list and (paths[0] == "-" or is_url(paths[0]) or not Path(paths[0]).is_dir())
    extra: list[str] = []
    if formats:
        from pipeline.publish import parse_formats

        extra = parse_formats(formats)
    inputs = collect_inputs(paths, glob=glob, from_list=from_list, layout=out_layout)
    from pipeline.translate.process import configure

    configure(config.translate)  # this process is the command's: allocator, threads, quiet libraries
    options = RunOptions(outdir=Path(outdir), encoding=encoding, fmt=fmt, formats=extra, window=window,
                         single=single, quiet=quiet, ray=ray, ray_actors=ray_actors, ray_ship_model=ray_ship_model,
                         force=force, fetch_options=fetch_options(timeout, ignore_robots), report=note)
    result = run_collection(inputs, config, options)
    echo_lines(run_report(result, config.publish.review_marks), quiet)
    if single:
        page = result.docs[0].page
        click.echo(str(page))
        return
    failed = result.failed
    done = sum(d.status in ("done", "up to date") for d in result.docs)
    if not quiet or failed:
        click.echo(f"{done} of {len(result.docs)} documents published"
                   + (f", {len(failed)} failed (listed in the index)" if failed else "")
                   + f"; wrote {result.index}", err=True)
    click.echo(str(result.index))
    if failed:
        sys.exit(1)
