"""The book-length documents of ``bench/alignment.py --scale``: every line a new text (no cache can serve a
repeat from an earlier cycle), and a gold that covers both sides once, in order, with merges and drops."""

from __future__ import annotations

from pathlib import Path

import pytest

from helpers import load_script

BENCH = Path(__file__).resolve().parent.parent / "bench" / "alignment_scale.py"


def test_scale_documents_are_unique_and_their_gold_is_complete() -> None:
    scale = load_script(BENCH)
    if not (scale.MT_DEV / "id.txt").is_file():
        pytest.skip("../shared/data/mt-dev is not here")
    src, tgt, gold, para = scale.build(2500)
    assert len(src) == 2500 and sum(para) == 2500
    assert len(set(src)) == len(src) and len(set(tgt)) == len(tgt)  # repeats are tagged, never equal
    assert src[1039].endswith((".", "?", "!", '"', "”", "'", "’", ")")) and " (1)" in src[1039]
    assert [i for s, _ in gold for i in s] == list(range(len(src)))
    assert [j for _, t in gold for j in t] == list(range(len(tgt)))
    assert any(len(s) == 2 for s, _ in gold) and any(not t for _, t in gold)
    joined = scale._target_paragraphs(tgt, gold, para).split("\n\n")
    assert " ".join(joined).split() == " ".join(tgt).split()  # every target line once, in order
