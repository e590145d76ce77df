"""Sentence segmentation benchmark: our splitter against the installed baselines, on gold paragraphs.

Why boundaries and not sentences: a paragraph has one more sentence than boundaries, and what breaks
translation and alignment is a missing or extra cut. Boundary precision/recall/F1 are micro-averaged
over all paragraphs; "exact" is the share of paragraphs whose predicted boundary set equals the gold
set. A boundary is the offset just after the last non-space character of a predicted sentence (the
one at the end of the paragraph is not counted), as in the data set's README.

Run from the repository root:

    python bench/segmentation.py              # one table: ours and every installed baseline
    python bench/segmentation.py --errors 30  # plus our first 30 wrong paragraphs
    python bench/segmentation.py --data other.jsonl --lang en   # any JSONL with text and spans

Baselines are optional (the ``bench`` extra); a missing package prints "not installed" in its row.
NLTK Punkt is trained, unsupervised, on the scored text itself, which favours it.
"""

from __future__ import annotations

import argparse
import json
import sys
import time
from collections.abc import Callable, Sequence
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))  # run from a checkout without installing the package
DEFAULT_DATA = ROOT / ".." / "shared" / "data" / "seg-dev" / "seg-dev.jsonl"

Spans = list[tuple[int, int]]
Segmenter = Callable[[str], Spans]


def load_gold(path: Path) -> list[dict]:
    if not path.is_file():
        sys.exit(f"segmentation bench: gold file not found: {path}")
    with path.open(encoding="utf-8") as f:
        return [json.loads(line) for line in f if line.strip()]


def boundaries(text: str, spans: Spans) -> set[int]:
    """Offsets after the last non-space character of each sentence, minus the paragraph end."""
    ends = set()
    for s, e in spans:
        seg = text[s:e].rstrip()
        if seg.strip():
            ends.add(s + len(seg))
    ends.discard(len(text.rstrip()))
    return ends


# --- systems ---------------------------------------------------------------------------------------


def _ours(lang: str = "id") -> Segmenter:
    from pipeline.segment.rules import load_abbreviations
    from pipeline.segment.splitter import sentence_spans

    abbrevs = load_abbreviations(lang=lang)
    return lambda text: sentence_spans(text, abbrevs, lang=lang)


def _blingfire() -> Segmenter:
    import blingfire

    def seg(text: str) -> Spans:
        _, offsets = blingfire.text_to_sentences_and_offsets(text)
        return [tuple(o) for o in offsets]

    return seg


def _syntok() -> Segmenter:
    from syntok import segmenter

    def seg(text: str) -> Spans:
        out = []
        for paragraph in segmenter.analyze(text):
            for sentence in paragraph:
                last = sentence[-1]
                out.append((sentence[0].offset, last.offset + len(last.value)))
        return out

    return seg


def _pysbd() -> Segmenter:
    import pysbd

    segmenter = pysbd.Segmenter(language="en", clean=False, char_span=True)
    return lambda text: [(t.start, t.end) for t in segmenter.segment(text)]


def _punkt(texts: Sequence[str]) -> Segmenter:
    from nltk.tokenize.punkt import PunktSentenceTokenizer, PunktTrainer

    trainer = PunktTrainer()
    trainer.INCLUDE_ALL_COLLOCS = True
    trainer.train("\n\n".join(texts), finalize=True)
    tokenizer = PunktSentenceTokenizer(trainer.get_params())
    return lambda text: list(tokenizer.span_tokenize(text))


def systems(texts: Sequence[str], lang: str = "id") -> list[tuple[str, Callable[[], Segmenter]]]:
    return [
        ("ours (pipeline.segment.splitter)", lambda: _ours(lang)),
        ("blingfire", _blingfire),
        ("syntok", _syntok),
        ("pysbd (en rules)", _pysbd),
        ("nltk punkt (trained on it)", lambda: _punkt(texts)),
    ]


# --- scoring ---------------------------------------------------------------------------------------


def score(seg: Segmenter, gold: list[dict]) -> tuple[dict[str, float], list[tuple[dict, set[int], set[int]]]]:
    tp = fp = fn = exact = 0
    wrong = []
    for item in gold:
        text = item["text"]
        gold_b = boundaries(text, [tuple(s) for s in item["spans"]])
        pred_b = boundaries(text, seg(text))
        tp += len(gold_b & pred_b)
        fp += len(pred_b - gold_b)
        fn += len(gold_b - pred_b)
        if gold_b == pred_b:
            exact += 1
        else:
            wrong.append((item, gold_b, pred_b))
    p = tp / (tp + fp) if tp + fp else 1.0
    r = tp / (tp + fn) if tp + fn else 1.0
    f = 2 * p * r / (p + r) if p + r else 0.0
    return {"P": p, "R": r, "F1": f, "exact": exact / len(gold), "fp": fp, "fn": fn}, wrong


def speed(seg: Segmenter, texts: Sequence[str], n_sentences: int, budget_s: float) -> float:
    """Gold sentences per second, best pass of those that fit in ``budget_s`` (at least one)."""
    best = float("inf")
    spent = 0.0
    while spent < budget_s:
        t0 = time.perf_counter()
        for text in texts:
            seg(text)
        dt = time.perf_counter() - t0
        best = min(best, dt)
        spent += dt
    return n_sentences / best


def show_errors(wrong: list[tuple[dict, set[int], set[int]]], limit: int) -> None:
    for item, gold_b, pred_b in wrong[:limit]:
        text = item["text"]
        print(f"\n## {item['id']}")
        for b in sorted(gold_b ^ pred_b):
            kind = "MISSED" if b in gold_b else "EXTRA "
            print(f"  {kind} …{text[max(0, b - 60):b]} | {text[b:b + 40]}…")


def main(argv: Sequence[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--data", type=Path, default=DEFAULT_DATA, help="gold JSONL (fields text, spans)")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show our first N wrong paragraphs")
    ap.add_argument("--lang", choices=("id", "en"), default="id", help="language of the data (our splitter's rules)")
    ap.add_argument("--time-budget", type=float, default=1.0, metavar="S", help="seconds of timing per system")
    args = ap.parse_args(argv)

    gold = load_gold(args.data)
    texts = [g["text"] for g in gold]
    n_sent = sum(len(g["spans"]) for g in gold)
    n_bound = sum(len(g["spans"]) - 1 for g in gold)
    print(f"data: {args.data.name}: {len(gold)} paragraphs, {n_sent} sentences, {n_bound} boundaries")
    header = (f"| {'system':<28} | {'P':>6} | {'R':>6} | {'F1':>6} | {'exact':>6} | {'FP':>4} | {'FN':>4} "
              f"| {'sent/s':>9} |")
    print(header)
    print("|" + "|".join("-" * (len(c)) for c in header.split("|")[1:-1]) + "|")
    ours_wrong: list = []
    ours: dict[str, float] = {}
    best_other = {"F1": 0.0, "exact": 0.0}
    for name, factory in systems(texts, args.lang):
        try:
            seg = factory()
        except ImportError:
            print(f"| {name:<28} | {'not installed':<{len(header) - 35}} |")
            continue
        m, wrong = score(seg, gold)
        sps = speed(seg, texts, n_sent, args.time_budget)
        if name.startswith("ours"):
            ours_wrong, ours = wrong, m
        else:
            best_other["F1"] = max(best_other["F1"], m["F1"])
            best_other["exact"] = max(best_other["exact"], m["exact"])
        print(
            f"| {name:<28} | {m['P']:6.4f} | {m['R']:6.4f} | {m['F1']:6.4f} | {m['exact']:6.4f} "
            f"| {m['fp']:>4} | {m['fn']:>4} | {sps:>9,.0f} |"
        )
    if ours:
        beats = ours["F1"] > best_other["F1"] and ours["exact"] > best_other["exact"]
        print(f"ours vs best baseline: F1 {ours['F1']:.4f} vs {best_other['F1']:.4f}, "
              f"exact {ours['exact']:.4f} vs {best_other['exact']:.4f}: {'better' if beats else 'NOT better'} on both")
    if args.errors:
        show_errors(ours_wrong, args.errors)
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
