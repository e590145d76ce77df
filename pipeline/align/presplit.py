"""``--presplit``: align two files that already hold one sentence per line (benchmark and pipeline use).

Why blank lines are dropped, not kept: vecalign-format indices count sentences, and an empty line is not a
sentence; a file whose lines are all blank is an input error.
"""

from __future__ import annotations

from pipeline.align.beads import BeadParams, Scored
from pipeline.align.checks import check_pair
from pipeline.align.encoders import encoder_for
from pipeline.align.sentences import align_sentences
from pipeline.config import AlignConfig
from pipeline.errors import InputError


def read_lines(text: str, name: str) -> list[str]:
    lines = [" ".join(line.split()) for line in text.splitlines()]
    out = [line for line in lines if line]
    if not out:
        raise InputError(f"{name}: has no sentences (expected one sentence per line)")
    return out


def align_presplit(src_text: str, tgt_text: str, section: AlignConfig, src_name: str = "source",
                   tgt_name: str = "translation") -> list[Scored]:
    """Beads over 0-based line indices of the non-blank lines of each file."""
    src, tgt = read_lines(src_text, src_name), read_lines(tgt_text, tgt_name)
    check_pair(" ".join(src), " ".join(tgt), src_name, tgt_name, section.check_language)
    params = BeadParams(deletion=section.deletion_cost, band_width=section.band_width)
    return align_sentences(src, tgt, encoder_for(section), params)
