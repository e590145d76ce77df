"""Command-line interface: a thin click layer over the stages.

Why thin: commands parse options, load the config, call a stage and write its output; every error a user
can cause is a BilingualError that becomes one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable
from pathlib import Path

import click

from pipeline import __version__
from pipeline.cli.guide import deprecated, echo_lines, next_step, run_report, stage_line
from pipeline.config import Config, PublishConfig, load_config
from pipeline.corpus.inputs import DEFAULT_GLOB
from pipeline.corpus.results import DEFAULT_WINDOW
from pipeline.bitext.document import Document, bitext_base, html_path_for, load_document
from pipeline.errors import BilingualError, ConfigError
from pipeline.registry import ENGINES, OUTPUT_LAYOUTS, PAGE_LAYOUTS, QUANTIZE
from pipeline.registry import FORMATS as FORMAT_NAMES
from pipeline.cli.qe import estimate_step, qe_option
from pipeline.cli.qe import qe as qe_command

EPILOG_RUN = """\b
Examples:
  bilingual run seeds/belgorod.id.txt
  bilingual run article.md --outdir site/ --model ./models/my-opus-mt
  bilingual run article.md --review-marks   # the page marks what needs review
  bilingual run content/id --outdir out --engine ctranslate2 --format md   # a whole tree, out/index.html
  bilingual run --from-list articles.txt --ray auto --engine ctranslate2
  bilingual run https://www.example.co.id/berita/artikel   # a web page: article, title, byline, date
"""


def _config(config_path: str | None, **overrides: object) -> Config:
    config = load_config(config_path)
    for dotted, value in overrides.items():
        if value is None:
            continue
        section, key = dotted.split("__", 1)
        if dotted == "translate__model" and value != config.translate.model:
            config.translate.revision = "main"  # the configured revision pins the configured model, not this one
        setattr(getattr(config, section), key, value)
    from pipeline.config import validate

    validate(config, "command line")
    return config


def _stem(article: str) -> str:
    if article != "-":
        from pipeline.segment.web.fetch import is_url

        if is_url(article):
            from pipeline.segment.sources import url_stem

            return url_stem(article)
    from pipeline.rerun import stem_for

    return stem_for(article)


def _progress(quiet: bool):  # type: ignore[no-untyped-def]
    from pipeline.progress import TerminalProgress

    return None if quiet else TerminalProgress(desc="translating", unit="sent")


def _translate_saving(doc: Document, config: Config, save: Callable[[Document], object], quiet: bool,
                      name: str = "") -> None:
    """Translate; on Ctrl-C save the finished sentences (atomically) before giving up, so a rerun resumes."""
    from pipeline.translate.process import configure
    from pipeline.translate.stage import translate

    configure(config.translate)  # this process is the command's: allocator, threads, quiet libraries
    with stage_line("translate", quiet) as st:
        try:
            report = translate(doc, config.translate, name=name, progress=_progress(quiet)).report
        except KeyboardInterrupt:
            save(doc)
            raise
        # how many links need review is said once, after align, in review_status's words
        extra = [f"{report.from_memory} from translation memory"] if report.from_memory else []
        extra += [f"{report.split} split to fit the model"] if report.split else []
        extra += [f"{report.retried} retried"] if report.retried else []
        st.detail = f"{report.translated} sentences translated" + (f" ({', '.join(extra)})" if extra else "")


def translate_options(f):  # type: ignore[no-untyped-def]
    """The translate options shared by `translate` and `run`."""
    f = click.option("--no-memory", "no_memory", is_flag=True, default=None,
                     help="Do not read or write the translation memory.")(f)
    f = click.option("--beam-size", type=click.IntRange(1, 64), help="Beam size (1 = greedy).")(f)
    f = click.option("--quantize", type=click.Choice(QUANTIZE), help="int8: faster on a CPU.")(f)
    f = click.option("--engine", type=click.Choice(ENGINES.names()),
                     help="ctranslate2 needs `bilingual models convert MODEL` once.")(f)
    return f


def _translate_overrides(engine: str | None, quantize: str | None, beam_size: int | None,
                         no_memory: bool | None) -> dict[str, object]:
    return {"translate__engine": engine, "translate__quantize": quantize, "translate__beam_size": beam_size,
            "translate__use_memory": False if no_memory else None}


config_option = click.option("--config", "config_path", type=click.Path(dir_okay=False), help="TOML config file.")
encoding_option = click.option("--encoding", default="utf-8", show_default=True, help="Encoding of the article.")
format_option = click.option(
    "--input-format", "fmt", type=click.Choice(["auto", "text", "markdown", "html", "txt", "md"]), default="auto",
    show_default=True,
    help="Article format; auto: .md is Markdown, .html/.htm or a page starting <!DOCTYPE html>/<html> is a web page, "
         "a URL by what the server sends; else plain text.",
)


def web_options(f):  # type: ignore[no-untyped-def]
    """Options for an article given as a URL."""
    f = click.option("--timeout", type=click.FloatRange(0.1, 600), default=20.0, show_default=True,
                     help="Seconds to wait for a web server (URL input).")(f)
    f = click.option("--ignore-robots", is_flag=True, help="Fetch a URL even where the site's robots.txt forbids it.")(f)
    return f


def _fetch_options(timeout: float, ignore_robots: bool):  # type: ignore[no-untyped-def]
    from pipeline.segment.web.fetch import FetchOptions

    return FetchOptions(timeout=timeout, respect_robots=not ignore_robots)


def _note(message: str) -> None:
    click.echo(f"bilingual: {message}", err=True)


model_option = click.option("--model", help="Hub model name or local model directory.")
quiet_option = click.option("--quiet", "-q", is_flag=True, help="No progress output.")
force_option = click.option("--force", is_flag=True,
                            help="Replace a bitext that holds translations or reviews (a numbered backup is kept).")


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


@cli.command(epilog="\b\nExample:\n  bilingual segment seeds/belgorod.id.txt -o doc.bitext.json\n  bilingual segment article.txt --lines")
@click.argument("article")
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Bitext file to write (default: <stem>.bitext.json).")
@click.option("--lines", is_flag=True, help="Print one sentence per line, a blank line between blocks.")
@encoding_option
@format_option
@web_options
@config_option
@force_option
def segment(article: str, output: str | None, lines: bool, encoding: str, fmt: str, ignore_robots: bool,
            timeout: float, config_path: str | None, force: bool) -> None:
    """Split an article (.txt, .md, .html, a URL or - for stdin) into blocks and sentences.

    Over an existing bitext, its translations and reviewed links are carried over to the unchanged sentences.
    """
    from pipeline.fileio import display
    from pipeline.bitext.guard import check_io
    from pipeline.rerun import carry_work, open_target, report_carry
    from pipeline.segment.sources import read_article
    from pipeline.segment.stage import segment as segment_stage

    config = _config(config_path)
    target = Path(output or f"{_stem(article)}.bitext.json")
    # read first (nothing is written yet): a wrong kind of file (a bitext, a page) gets its own hint
    result = segment_stage(read_article(article, encoding=encoding, fmt=fmt,
                                        fetch_options=_fetch_options(timeout, ignore_robots), report=_note),
                           config.segment)
    doc = result.doc
    if not lines:
        check_io({"article": article}, [target])
    doc.meta.source_file = display(doc.meta.source_file)
    if lines:
        out = []
        for b in doc.blocks:
            if b.source:
                out.append("\n".join(" ".join(s.text.split()) for s in b.source))
        click.echo("\n\n".join(out))
        return
    store = open_target(target, config, force)
    if store.doc is not None and not force:
        report_carry(carry_work(doc, store.doc), target, False)
    store.save(doc)
    click.echo(f"wrote {display(target)} ({result.report.blocks} blocks, {result.report.sentences} sentences)", err=True)


@cli.command(epilog="\b\nExample:\n  bilingual translate doc.bitext.json --model ./models/opus-mt-id-en")
@click.argument("bitext", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(dir_okay=False), help="Write here instead of updating BITEXT in place.")
@model_option
@translate_options
@qe_option
@config_option
@quiet_option
@force_option
def translate(bitext: str, output: str | None, model: str | None, engine: str | None, quantize: str | None,
              beam_size: int | None, no_memory: bool | None, qe: bool | None, config_path: str | None,
              quiet: bool, force: bool) -> None:
    """Machine-translate the sentences of a bitext file that have no translation yet."""
    from pipeline.align import align
    from pipeline.bitext.guard import check_io, same_file
    from pipeline.rerun import open_target, remake_translated

    config = _config(config_path, translate__model=model, qe__run=qe,
                     **_translate_overrides(engine, quantize, beam_size, no_memory))
    doc = load_document(bitext)
    check_io({}, [output or bitext], docs=[(doc, Path(bitext))])
    store = open_target(Path(output or bitext), config)
    if output and not (Path(output).exists() and same_file(output, bitext)):
        store.refuse_replacing("translate", force)
    store.refuse_human_translation("translate", force)
    _translate_saving(doc, config, lambda d: store.save(d, remake_translated(d, config)), quiet, bitext)
    if config.qe.run:
        estimate_step(doc, config, quiet)
    with stage_line("align", quiet) as st:
        st.detail = align(doc, config.align).report.review.line()
    store.save(doc, remake_translated(doc, config))
    echo_lines(next_step(output or bitext, None, doc), quiet)


EPILOG_ALIGN = """\b
Examples:
  bilingual align doc.bitext.json                      # link a machine translation
  bilingual align seeds/belgorod.id.txt seeds/belgorod.en.txt
  bilingual align src.id tgt.en --presplit --format beads   # one sentence per line in, vecalign beads out
"""


@cli.command(epilog=EPILOG_ALIGN)
@click.argument("inputs", nargs=-1, required=True)
@click.option("-o", "--output", type=click.Path(dir_okay=False),
              help="Bitext file to write (one input: instead of updating it in place; two inputs: default "
                   "output/<stem>/<stem>.bitext.json, the HTML page goes next to it).")
@click.option("--presplit", is_flag=True, help="Both files hold one sentence per line (no paragraph structure).")
@click.option("--format", "out_format", type=click.Choice(["bitext", "beads"]), default="bitext", show_default=True,
              help="beads: print one bead per line in the vecalign format ([0]:[0], [4, 5]:[3], [12]:[]).")
@click.option("--no-embedding-cache", "no_embedding_cache", is_flag=True, default=None,
              help="Neither read nor write the embedding cache ([align] embedding_cache) in this run.")
@encoding_option
@format_option
@web_options
@config_option
@force_option
def align(inputs: tuple[str, ...], output: str | None, presplit: bool, out_format: str,
          no_embedding_cache: bool | None, encoding: str, fmt: str, ignore_robots: bool, timeout: float,
          config_path: str | None, force: bool) -> None:
    """Link source sentences to the sentences of their translation.

    With one BITEXT file: link each source sentence to its machine translation. With SOURCE and TRANSLATION
    (.txt, .md, .html or URLs): align an Indonesian article with an existing English translation, paragraphs first,
    then sentences (1:1, 1:2, 2:1, 1:3, 3:1, 2:2, and dropped or added sentences).
    """
    config = _config(config_path, align__embedding_cache=False if no_embedding_cache else None)
    if len(inputs) == 1:
        if presplit or out_format != "bitext":
            raise click.UsageError("--presplit and --format beads need two inputs: SOURCE TRANSLATION")
        _align_bitext(inputs[0], output, config, force)
    elif len(inputs) != 2:
        raise click.UsageError("give one bitext file, or SOURCE and TRANSLATION")
    elif presplit:
        if out_format != "beads":
            raise click.UsageError("--presplit writes beads only; add --format beads")
        _align_presplit(*inputs, config, encoding)
    elif out_format == "beads":
        raise click.UsageError("--format beads needs --presplit (one sentence per line)")
    else:
        _align_articles(*inputs, output, config, force, encoding=encoding, fmt=fmt,
                        fetch_options=_fetch_options(timeout, ignore_robots))


def _align_bitext(bitext: str, output: str | None, config: Config, force: bool) -> None:
    """`align BITEXT`: link the machine translations, save (merging a concurrent save) and write the page."""
    from pipeline.align import align
    from pipeline.bitext.guard import check_io, same_file
    from pipeline.fileio import display
    from pipeline.rerun import open_target

    doc = load_document(bitext)
    target = Path(output or bitext)
    html = html_path_for(target)
    in_place = target.exists() and same_file(target, bitext)
    check_io({} if in_place else {"bitext": bitext}, [target], docs=[(doc, Path(bitext))])
    check_io({"bitext": bitext, "bitext written": target}, [html], docs=[(doc, Path(bitext))])
    store = open_target(target, config)
    if not in_place:
        store.refuse_replacing("align", force)
    result = align(doc, config.align)
    store.save(doc, lambda theirs: align(theirs, config.align).doc)
    _publish(doc, html, config.publish)
    click.echo(f"aligned {display(target)}: {result.report.review.line()}; wrote {display(html)}", err=True)


def _align_presplit(source: str, translation: str, config: Config, encoding: str) -> None:
    """`align SOURCE TRANSLATION --presplit --format beads`: one sentence a line in, vecalign beads out."""
    from pipeline.align.presplit import align_presplit
    from pipeline.align.sentences import format_beads
    from pipeline.fileio import read_text_input

    src_text = read_text_input(source, encoding)
    tgt_text = read_text_input(translation, encoding, what="translation")
    click.echo(format_beads(align_presplit(src_text, tgt_text, config.align, source, translation)), nl=False)


def _align_articles(source: str, translation: str, output: str | None, config: Config, force: bool, *,
                    encoding: str, fmt: str, fetch_options: object) -> None:
    """`align SOURCE TRANSLATION`: a human translation, aligned into a new bitext with its page."""
    from pipeline.align import align_translation
    from pipeline.align.stage import is_bitext_name, read_pair
    from pipeline.bitext.guard import check_io
    from pipeline.fileio import display
    from pipeline.rerun import open_target

    stem = _stem(source)
    bitext = Path(output) if output else Path("output") / stem / f"{stem}.bitext.json"
    html = html_path_for(bitext)
    check_io({"bitext" if is_bitext_name(source) else "article": source, "translation": translation}, [bitext, html])
    src_doc, tgt_doc = read_pair(source, translation, config.segment, encoding=encoding, fmt=fmt,
                                 fetch_options=fetch_options, report=_note)
    store = open_target(bitext, config)
    store.refuse_replacing("align", force, human=False)
    result = align_translation(src_doc, tgt_doc, config.align)
    store.save(result.doc)
    _publish(result.doc, html, config.publish)
    click.echo(f"aligned {display(source)} with {display(translation)}: {result.report.review.line()}", err=True)
    echo_lines(next_step(bitext, html, result.doc))
    click.echo(display(html))


def _publish(doc: Document, target: Path, section: PublishConfig) -> None:
    """Write the reading page of ``doc`` to ``target`` (after ``align``)."""
    from pipeline.publish import publish

    publish(doc, section, formats=["html"], output=target)


EPILOG_PUBLISH = """\b
Formats (--format, comma-separated, several at once):
  html   interactive reading page (layouts, sentence highlighting)  <base>.html
  md     bilingual Markdown, each block's source then translation    <base>.bilingual.md
  txt    the translation alone, structure kept                      <base>.en.txt
  target the translation alone in the source's format (drop-in)     <base>.en.md (Markdown) / .en.txt
  tmx    TMX 1.4b translation memory, one unit per link              <base>.tmx
  xliff  XLIFF 2.1, segment state from the link status               <base>.xlf
  xliff12 XLIFF 1.2 (OmegaT, Okapi), one trans-unit per link         <base>.xliff12.xlf
  tsv    source, target, score, status, flags, ids per line          <base>.tsv
  jsonl  one JSON object per link                                    <base>.jsonl
  review plain-text review file to edit and apply with apply-review  <base>.review.txt
<base> is BITEXT without .bitext.json. --output names the file of one format; --outdir names a
directory (created if needed) that receives <base name>.<suffix> for each format.

\b
Examples:
  bilingual publish doc.bitext.json                        # doc.html, the reader's edition
  bilingual publish doc.bitext.json --review-marks         # doc.html marking what needs review
  bilingual publish doc.bitext.json --format tmx --status confirmed,edited --output memory.tmx
  bilingual publish doc.bitext.json --format html,tmx,md --outdir site/
  bilingual publish doc.bitext.json --format tsv --bom     # for Excel
"""


@cli.command(epilog=EPILOG_PUBLISH)
@click.argument("bitext", type=click.Path(dir_okay=False))
@click.option("-o", "--output", type=click.Path(), help="Output file of the one format (default: next to BITEXT).")
@click.option("--outdir", type=click.Path(file_okay=False),
              help="Output directory for any number of formats (default: next to BITEXT).")
@click.option("-f", "--format", "formats", metavar="LIST",
              help=f"Comma-separated formats: {', '.join(FORMAT_NAMES.names())} (default: [publish] formats).")
@click.option("--layout", type=click.Choice(PAGE_LAYOUTS),
              help="Layout the page opens with (default: [publish] layout); readers can switch in the page.")
@click.option("--review-marks/--reader", "review_marks", default=None,
              help="Mark links that need review on the page, or not (default: [publish] review_marks, off).")
@click.option("--status", "statuses", metavar="LIST",
              help="Only links with these statuses in tmx, xliff, xliff12, tsv and jsonl, e.g. confirmed,edited.")
@click.option("--bom", is_flag=True, help="Start tsv with a UTF-8 byte order mark (Excel reads it as UTF-8).")
@config_option
def publish(bitext: str, output: str | None, outdir: str | None, formats: str | None, layout: str | None,
            review_marks: bool | None, statuses: str | None, bom: bool, config_path: str | None) -> None:
    """Write the bilingual reading page and/or exchange formats of a bitext file."""
    from pipeline.publish import parse_formats, parse_statuses, publish

    config = _config(config_path, publish__layout=layout, publish__review_marks=review_marks)
    names = parse_formats(formats if formats is not None else config.publish.formats)
    keep = parse_statuses(statuses) if statuses is not None else None
    if output is not None and outdir is not None:
        raise click.UsageError("give --output FILE (one format) or --outdir DIR, not both")
    if output is not None and (len(names) > 1 or Path(output).is_dir() or output.endswith(("/", os.sep))):
        deprecated("-o/--output for a directory", "--outdir DIR")
        outdir, output = output, None
    doc = load_document(bitext)
    base = str(bitext_base(bitext))
    target = output if outdir is None else str(Path(outdir)) + os.sep
    result = publish(doc, config.publish, formats=names, output=target, base=base, protect=[bitext],
                     bitext_name=Path(bitext).name, statuses=keep, bom=bom)
    for path in result.report.written.values():
        click.echo(f"wrote {path}", err=True)


@cli.command(epilog=EPILOG_RUN)
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
    config = _config(config_path, translate__model=model, qe__run=qe, publish__review_marks=review_marks,
                     **_translate_overrides(engine, quantize, beam_size, no_memory))
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
                         force=force, fetch_options=_fetch_options(timeout, ignore_robots), report=_note)
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


from pipeline.cli.models import models as _models  # noqa: E402 - after cli exists
from pipeline.cli.review import apply_review, review  # noqa: E402

cli.add_command(review)
cli.add_command(qe_command)
cli.add_command(apply_review)
cli.add_command(_models)


def main() -> None:
    """Entry point: run the click group and turn our errors into one line and an exit code."""
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


__all__ = ["cli", "main", "ConfigError"]
