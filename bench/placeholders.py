"""Which placeholder form does a model's vocabulary hold as one opaque piece?

For every candidate form (``<x1>``, ``[1]``, ``{1}``, ``__1__``, numbers ...) the sentencepiece model of a
Marian tokenizer encodes ``kata FORM kata``; the table shows the pieces the placeholder takes, whether any is
``<unk>`` (a placeholder the model can never write back), and whether decoding gives the text back. Baseline in
the same run: ``<x1>``, the XML-like form many tools use. The form the pipeline uses (numbers, see
``pipeline/translate/protect.py``) is marked.

    python bench/placeholders.py                 # the tiny test vocabulary (built here, trained on seeds/)
    python bench/placeholders.py --model DIR     # a local Marian model, e.g. models/Helsinki-NLP--opus-mt-id-en
"""

from __future__ import annotations

import argparse
import io
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

CANDIDATES = ["<x1>", "<1>", "[1]", "{1}", "__1__", "⟦1⟧", "%1", "@@1", "#1", "§1", "XX1", "ph1", "ZZ",
              "1", "2", "3", "4", "5", "6", "12", "101"]
CHOSEN = {"1", "2", "3", "4", "5", "6"}  # the first placeholders of a sentence
BASELINE = "<x1>"


def _tiny_spm() -> bytes:
    import make_tiny_model

    return make_tiny_model.train_spm(make_tiny_model.corpus(), 400, unk_id=1, pad_id=-1, bos_id=-1, eos_id=0,
                                     eos_piece="</s>", unk_piece="<unk>")


def measure(proto: bytes) -> list[tuple[str, int, bool, bool]]:
    import sentencepiece as spm

    sp = spm.SentencePieceProcessor(model_proto=proto)
    base = sp.encode("kata kata", out_type=str)
    rows = []
    for form in CANDIDATES:
        text = f"kata {form} kata"
        pieces = sp.encode(text, out_type=str)
        ids = sp.encode(text)
        extra = len(pieces) - len(base)
        unk = sp.unk_id() in ids
        rows.append((form, max(extra, 0), unk, sp.decode(ids) == text))
    return rows


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--model", type=Path, help="a local Marian model directory (reads its source.spm)")
    args = ap.parse_args(argv)
    if args.model:
        proto = (args.model / "source.spm").read_bytes()
        name = str(args.model)
    else:
        buf = io.BytesIO(_tiny_spm())
        proto, name = buf.getvalue(), "tiny test vocabulary (400 pieces)"
    rows = measure(proto)
    print(f"vocabulary: {name}")
    print(f"{'form':<8} {'pieces':>6} {'unk':>5} {'roundtrip':>9}")
    for form, pieces, unk, ok in rows:
        mark = "  <- used" if form in CHOSEN else ("  (baseline)" if form == BASELINE else "")
        print(f"{form:<8} {pieces:>6} {'yes' if unk else 'no':>5} {'yes' if ok else 'no':>9}{mark}")
    base = next(r for r in rows if r[0] == BASELINE)
    chosen = [r for r in rows if r[0] in CHOSEN]
    safe = sum(1 for r in rows if not r[2])
    mean_pieces = sum(r[1] for r in chosen) / len(chosen)
    print(f"pieces_ratio={mean_pieces / max(base[1], 1):.2f} chosen_unk={sum(r[2] for r in chosen)} "
          f"baseline_unk={int(base[2])} forms_without_unk={safe}/{len(rows)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
