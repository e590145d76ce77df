"""``bilingual publish``: the reading page and the exchange formats of a bitext file."""

from __future__ import annotations

import os
from pathlib import Path

import click

from pipeline.bitext.document import bitext_base, load_document
from pipeline.cli.guide import deprecated
from pipeline.cli.options import command_config, config_option
from pipeline.registry import FORMATS as FORMAT_NAMES
from pipeline.registry import PAGE_LAYOUTS


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


@click.command(epilog=EPILOG_PUBLISH)
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

    config = command_config(config_path, publish__layout=layout, publish__review_marks=review_marks)
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
