"""``bilingual segment``: an article (file, standard input or URL) -> a bitext file of blocks and sentences."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.cli.options import (command_config, config_option, encoding_option, fetch_options, force_option,
                                  format_option, note, output_stem, web_options)


@click.command(epilog="\b\nExample:\n  bilingual segment seeds/belgorod.id.txt -o doc.bitext.json\n  bilingual segment article.txt --lines")
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

    config = command_config(config_path)
    target = Path(output or f"{output_stem(article)}.bitext.json")
    # read first (nothing is written yet): a wrong kind of file (a bitext, a page) gets its own hint
    result = segment_stage(read_article(article, encoding=encoding, fmt=fmt,
                                        fetch_options=fetch_options(timeout, ignore_robots), report=note),
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
