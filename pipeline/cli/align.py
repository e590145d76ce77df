"""``bilingual align``: link a bitext's machine translations, or align an article with a human translation
(as a bitext, or as vecalign beads for one-sentence-a-line files)."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.bitext.document import html_path_for, load_document
from pipeline.cli.guide import echo_lines, next_step
from pipeline.cli.options import (command_config, config_option, encoding_option, fetch_options, force_option,
                                  format_option, note, output_stem, web_options)
from pipeline.cli.steps import publish_page
from pipeline.config import Config


EPILOG_ALIGN = """\b
Examples:
  bilingual align doc.bitext.json                      # link a machine translation
  bilingual align seeds/belgorod.id.txt seeds/belgorod.en.txt
  bilingual align src.id tgt.en --presplit --format beads   # one sentence per line in, vecalign beads out
"""


@click.command(epilog=EPILOG_ALIGN)
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
    config = command_config(config_path, align__embedding_cache=False if no_embedding_cache else None)
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
                        fetch_options=fetch_options(timeout, ignore_robots))


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
    publish_page(doc, html, config.publish)
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

    stem = output_stem(source)
    bitext = Path(output) if output else Path("output") / stem / f"{stem}.bitext.json"
    html = html_path_for(bitext)
    check_io({"bitext" if is_bitext_name(source) else "article": source, "translation": translation}, [bitext, html])
    src_doc, tgt_doc = read_pair(source, translation, config.segment, encoding=encoding, fmt=fmt,
                                 fetch_options=fetch_options, report=note)
    store = open_target(bitext, config)
    store.refuse_replacing("align", force, human=False)
    result = align_translation(src_doc, tgt_doc, config.align)
    store.save(result.doc)
    publish_page(result.doc, html, config.publish)
    click.echo(f"aligned {display(source)} with {display(translation)}: {result.report.review.line()}", err=True)
    echo_lines(next_step(bitext, html, result.doc))
    click.echo(display(html))
