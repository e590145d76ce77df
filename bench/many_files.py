"""Many short articles: one `bilingual run` per article, one `bilingual run FOLDER`, the same on Ray, raw CTranslate2.

40 articles (12 with ``--quick``) of 5-30 sentences, cut in order from ``../shared/data/mt-dev/id.txt`` (lengths
drawn with a fixed seed), translated by the random-weight opus-mt-id-en-shaped model of ``bench/random_model.py``
( converted with ``bilingual models convert --quantization int8``), CTranslate2 int8, beam 4,
with that bench's decoding rule: the end-of-sentence token is disabled and every batch generates exactly
``min(512, max(16, ceil(1.2 x its longest source)))`` tokens, so every system does the same work per batch and
random weights say nothing but speed. Retries of flagged output are off (random output is flagged everywhere).

    (a) one `bilingual run ARTICLE` process per article (what a shell loop does: the model is loaded each time)
    (b) `bilingual run FOLDER`: one process, one model load, the sentences of all articles in shared batches
    (c) `bilingual run FOLDER --ray auto`: the same, translated by a Ray Data actor pool on a local Ray instance
        that the command starts itself (its start-up is part of its time)
    (d) raw CTranslate2, the limit: one process that loads the translator and translates exactly the sentences
        of (b), sorted by length and queued at once as asynchronous ``translate_batch`` calls of 16 (each with
        its own output cap: one call with a single cap would make every short sentence generate the longest
        one's length, which is more work, not a higher limit), inter_threads 2 on 2 cores

Every system is timed as the wall-clock time of its process(es), start-up and model loading included: that is
what a user waits for. sentences/s = source sentences of the articles (as segmented) / that time. The table
also shows how (b)'s time splits into reading+segmenting, translating and aligning+writing, which tells
whether a process pool for the CPU-bound stages would pay.

    python bench/many_files.py           # 40 articles
    python bench/many_files.py --quick   # 12 articles
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(BENCH))

from random_model import BATCH, BEAM, DEV, MAX_NEW, RATIO, SHARED, cap, prepare  # noqa: E402

SEED = 0


def make_articles(folder: Path, n: int) -> int:
    """``n`` articles of 5-30 lines of the dev text each, three lines a paragraph; returns the lines used."""
    lines = [ln.strip() for ln in DEV.read_text(encoding="utf-8").splitlines() if ln.strip()]
    rng = random.Random(SEED)
    folder.mkdir(parents=True, exist_ok=True)
    at = 0
    for k in range(n):
        size = rng.randint(5, 30)
        chunk = lines[at:at + size]
        at += size
        paras = [" ".join(chunk[i:i + 3]) for i in range(0, len(chunk), 3)]
        (folder / f"artikel-{k:02d}.txt").write_text("\n\n".join(paras) + "\n", encoding="utf-8")
    return at


def write_config(path: Path, memory: Path) -> None:
    path.write_text(
        f"[translate]\nengine = \"ctranslate2\"\nbeam_size = {BEAM}\nmax_new_tokens = {MAX_NEW}\n"
        f"max_output_ratio = {RATIO}\nmax_batch_size = {BATCH}\nretry_flagged = false\n"
        f"memory_dir = \"{memory}\"\n", encoding="utf-8")


def env(extra: dict[str, str] | None = None) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1", "TOKENIZERS_PARALLELISM": "false",
            **(extra or {})}


def timed(cmd: list[str], extra_env: dict[str, str] | None = None) -> tuple[float, str]:
    t0 = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=env(extra_env))
    wall = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"failed ({proc.returncode}): {' '.join(cmd)}\n{proc.stderr[-3000:]}")
    return wall, proc.stdout


def bilingual(*args: str) -> list[str]:
    return [sys.executable, "-m", "pipeline", "run", *args, "--quiet"]


def source_sentences(out: Path) -> list[str]:
    from pipeline.bitext.document import load_document

    texts = []
    for p in sorted(out.rglob("*.bitext.json")):
        texts += [" ".join(s.text.split()) for _, s in load_document(p).iter_source()]
    return texts


def child_folder(args: list[str]) -> None:
    """(b) in this process, through the real CLI; prints the runner's stage timings."""
    import pipeline.corpus as corpus
    from pipeline.cli.main import main

    timings: dict[str, float] = {}
    real = corpus.run_collection

    def keep(*a, **k):  # type: ignore[no-untyped-def]
        result = real(*a, **k)
        timings.update(result.timings)
        return result

    corpus.run_collection = keep  # the command imports it from the package when it runs
    sys.argv = ["bilingual", *args]
    try:
        main()
    except SystemExit as err:
        if err.code:
            raise
    print(json.dumps(timings))


def child_raw(ct2: Path, sentences_file: Path) -> None:
    """(d): load, tokenize, translate every sentence; the parent times the whole process."""
    import ctranslate2
    from transformers import AutoTokenizer

    texts = json.loads(sentences_file.read_text(encoding="utf-8"))
    tok = AutoTokenizer.from_pretrained(str(ct2))
    tr = ctranslate2.Translator(str(ct2), device="cpu", compute_type="int8", inter_threads=2, intra_threads=1)
    ids = tok(texts)["input_ids"]
    toks = [tok.convert_ids_to_tokens(r) for r in ids]
    order = sorted(range(len(toks)), key=lambda i: -len(toks[i]))
    jobs = []
    for s in range(0, len(order), BATCH):
        b = [toks[i] for i in order[s:s + BATCH]]
        jobs += tr.translate_batch(b, beam_size=BEAM, max_decoding_length=cap(max(len(x) for x in b)),
                                   asynchronous=True)
    tokens = sum(len(j.result().hypotheses[0]) for j in jobs)
    print(json.dumps({"tokens": tokens}))


def compare(a: Path, b: Path) -> str:
    """``identical`` when the bitexts are the same apart from timestamps, else what differs."""
    def load(p: Path) -> dict:
        d = json.loads(p.read_text(encoding="utf-8"))
        for key in ("created", "updated", "stages"):
            d["meta"].pop(key, None)
        return d

    left = sorted(p.relative_to(a) for p in a.rglob("*.bitext.json"))
    right = sorted(p.relative_to(b) for p in b.rglob("*.bitext.json"))
    if left != right or not left:
        return f"NO: {len(left)} vs {len(right)} bitext files"
    texts = scores = total = 0
    worst = 0.0
    other = []
    for rel in left:
        x, y = load(a / rel), load(b / rel)
        if x == y:
            total += sum(len(blk["source"]) for blk in x["blocks"])
            continue
        if x["meta"] != y["meta"]:
            other.append(f"{rel}: meta")
        for bx, by in zip(x["blocks"], y["blocks"], strict=True):
            for sx, sy in zip(bx["source"], by["source"], strict=True):
                total += 1
                mx, my = sx.get("mt") or {}, sy.get("mt") or {}
                if mx.get("text") != my.get("text") or mx.get("flags") != my.get("flags"):
                    texts += 1
                elif mx != my:
                    scores += 1
                    worst = max(worst, abs((mx.get("score") or 0.0) - (my.get("score") or 0.0)))
    if not (texts or scores or other) and all(load(a / rel) == load(b / rel) for rel in left):
        return "identical"
    if not (texts or scores or other):
        return "NO: translations and meta equal, links or targets differ"
    return (f"NO: {texts} of {total} translations differ, {scores} more differ only in score (max {worst:.2g})"
            + (f"; {', '.join(other)}" if other else ""))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--quick", action="store_true", help="12 articles instead of 40")
    ap.add_argument("--no-ray", action="store_true", help="skip (c), e.g. where ray is not installed")
    ap.add_argument("--workdir", type=Path, default=Path(tempfile.gettempdir()) / "bilingual-bench-many-files",
                    help="where the random model and its conversion are built once and reused")
    argv = sys.argv[1:] if argv is None else argv
    if argv[:1] == ["--child-folder"]:
        child_folder(argv[1:])
        return 0
    if argv[:1] == ["--child-raw"]:
        child_raw(Path(argv[1]), Path(argv[2]))
        return 0
    args = ap.parse_args(argv)
    if not DEV.is_file():
        print(f"missing {DEV}", file=sys.stderr)
        return 1
    n_articles = 12 if args.quick else 40
    work = args.workdir
    model, ct2 = prepare(work)

    run_dir = work / "run"
    shutil.rmtree(run_dir, ignore_errors=True)
    articles = run_dir / "articles"
    make_articles(articles, n_articles)
    common = ["--model", str(model), "--engine", "ctranslate2"]
    rows: list[tuple[str, float, dict[str, float]]] = []

    def row(name: str, wall: float, extra: dict[str, float] | None = None) -> None:
        rows.append((name, wall, extra or {}))
        print(f"  {name}: {wall:.1f} s", file=sys.stderr, flush=True)

    print(f"{n_articles} articles from {DEV.relative_to(SHARED.parent)}, CTranslate2 int8, beam {BEAM}",
          file=sys.stderr)
    # (b) first: its bitexts give the sentence count and the sentences (d) translates
    cfg_b = run_dir / "b.toml"  # (c) uses the same file, with the translation memory emptied in between
    write_config(cfg_b, run_dir / "tm")
    t0 = time.perf_counter()
    proc = subprocess.run([sys.executable, __file__, "--child-folder", "run", str(articles), "-o",
                           str(run_dir / "out-b"), *common, "--config", str(cfg_b), "--quiet"],
                          capture_output=True, text=True, env=env())
    wall_b = time.perf_counter() - t0
    if proc.returncode:
        raise SystemExit(f"(b) failed:\n{proc.stderr[-3000:]}")
    stages = json.loads(proc.stdout.strip().splitlines()[-1])
    sentences = source_sentences(run_dir / "out-b")
    n = len(sentences)
    row("(b) bilingual run FOLDER", wall_b, stages)

    cfg_a = run_dir / "a.toml"
    write_config(cfg_a, run_dir / "tm-a")
    wall_a = 0.0
    for art in sorted(articles.iterdir()):
        wall, _ = timed(bilingual(str(art), "-o", str(run_dir / "out-a"), *common, "--config", str(cfg_a)))
        wall_a += wall
    row("(a) one bilingual run per article", wall_a)

    wall_c = None
    same_c = None
    if not args.no_ray:
        shutil.rmtree(run_dir / "tm")
        # RAY_ADDRESS=local: a new local instance of this command's own, never someone else's cluster
        wall_c, _ = timed(bilingual(str(articles), "-o", str(run_dir / "out-c"), *common, "--config", str(cfg_b),
                                    "--ray", "auto"), {"RAY_ADDRESS": "local"})
        same_c = compare(run_dir / "out-b", run_dir / "out-c")
        row("(c) bilingual run FOLDER --ray auto (local Ray)", wall_c)

    sent_file = run_dir / "sentences.json"
    sent_file.write_text(json.dumps(sentences, ensure_ascii=False), encoding="utf-8")
    wall_d, _ = timed([sys.executable, __file__, "--child-raw", str(ct2), str(sent_file)])
    row("(d) raw CTranslate2, all sentences queued at once", wall_d)

    print(f"\nMany files, random-weight opus-mt-id-en shape, CTranslate2 int8, beam {BEAM}, {n_articles} articles, "
          f"{n} sentences, {os.cpu_count()} CPU cores")
    head = f"{'system':<50} {'wall s':>8} {'sent/s':>8} {'vs (a)':>7}"
    print(head)
    print("-" * len(head))
    rate = {name[:3]: n / wall for name, wall, _ in rows}
    for name, wall, _ in sorted(rows):
        print(f"{name:<50} {wall:>8.1f} {n / wall:>8.2f} {rate[name[:3]] / rate['(a)']:>6.1f}x")
    print(f"(b) split: read+segment {stages['prepare']:.1f} s, translate {stages['translate']:.1f} s, "
          f"align+write {stages['finish']:.1f} s (the rest: start-up and model load)")
    if same_c is not None:
        print(f"(c) bitexts vs (b): {same_c}")
    ray_ratio = f"{rate['(c)'] / rate['(b)']:.2f}" if wall_c else "nan"
    print(f"folder_vs_per_file={rate['(b)'] / rate['(a)']:.2f} folder_vs_raw={rate['(b)'] / rate['(d)']:.2f} "
          f"ray_local_vs_folder={ray_ratio}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
