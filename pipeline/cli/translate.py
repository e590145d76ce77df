"""``bilingual translate``: fill in the machine translations of a bitext file, then link them."""

from __future__ import annotations

from pathlib import Path

import click

from pipeline.bitext.document import load_document
from pipeline.cli.guide import echo_lines, next_step, stage_line
from pipeline.cli.options import (command_config, config_option, force_option, model_option, quiet_option,
                                  translate_options, translate_overrides)
from pipeline.cli.qe import estimate_step, qe_option
from pipeline.cli.steps import translate_saving


@click.command(epilog="\b\nExample:\n  bilingual translate doc.bitext.json --model ./models/opus-mt-id-en")
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

    config = command_config(config_path, translate__model=model, qe__run=qe,
                     **translate_overrides(engine, quantize, beam_size, no_memory))
    doc = load_document(bitext)
    check_io({}, [output or bitext], docs=[(doc, Path(bitext))])
    store = open_target(Path(output or bitext), config)
    if output and not (Path(output).exists() and same_file(output, bitext)):
        store.refuse_replacing("translate", force)
    store.refuse_human_translation("translate", force)
    translate_saving(doc, config, lambda d: store.save(d, remake_translated(d, config)), quiet, bitext)
    if config.qe.run:
        estimate_step(doc, config, quiet)
    with stage_line("align", quiet) as st:
        st.detail = align(doc, config.align).report.review.line()
    store.save(doc, remake_translated(doc, config))
    echo_lines(next_step(output or bitext, None, doc), quiet)
