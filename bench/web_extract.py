"""Article extraction from saved web pages: our settings against the alternatives, on tests/data/html.

For each page, the extracted blocks are compared with the article's own blocks (``NAME.expected.json``):
recall = article blocks found word for word, precision = extracted blocks that are article blocks, debris =
strings of the site (navigation, "Baca juga", ads, comments...) that came through, quotes = blockquotes
kept as quotes. Variants:

* ``ours``: prepare + trafilatura XML (``EXTRACT_SETTINGS``) + our XML->Markdown + the Markdown ingest;
* ``favor_precision`` / ``favor_recall``: the same with trafilatura's precision or recall mode on;
* ``no prepare``: without the tree corrections of ``pipeline/segment/web/prepare.py``;
* ``trafilatura markdown``: trafilatura's own Markdown output (same settings) into the Markdown ingest.

Tables are left out of the block scores (their cells are checked by tests/segment/test_web_extract.py).
Ends with one line of ``name=value`` ratios against ``ours``.

    python bench/web_extract.py
"""

from __future__ import annotations

import json
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from pipeline.segment.stage import segment_text  # noqa: E402
from pipeline.segment.web.extract import EXTRACT_SETTINGS, extract_article  # noqa: E402

HTML = ROOT / "tests" / "data" / "html"


def _ours(html: str, **kw: object) -> str:
    return extract_article(html, **kw).markdown  # type: ignore[arg-type]


def _trafilatura_markdown(html: str) -> str:
    import trafilatura

    md = trafilatura.extract(html, output_format="markdown", **EXTRACT_SETTINGS)  # type: ignore[arg-type]
    return md or ""


VARIANTS = {
    "ours": lambda h: _ours(h),
    "favor_precision": lambda h: _ours(h, settings={"favor_precision": True}),
    "favor_recall": lambda h: _ours(h, settings={"favor_recall": True}),
    "no prepare": lambda h: _ours(h, prepare=False),
    "trafilatura markdown": _trafilatura_markdown,
}


def score(markdown: str, expected: dict) -> tuple[int, int, int, int, int, int]:
    """(article blocks, found, extracted blocks, correct, debris hits, quotes kept)."""
    want = [tuple(b) for b in expected["blocks"] if not isinstance(b, dict)]
    doc = segment_text(markdown, source_file="page.md", fmt="md")
    got = [(b.kind, b.text) for b in doc.blocks if not b.text.startswith("|") and b.kind != "table"]
    want_texts = [t for _, t in want]
    found = sum(1 for t in want_texts if any(t == g for _, g in got))
    correct = sum(1 for _, g in got if g in want_texts)
    every = "\n".join(g for _, g in got)
    debris = sum(1 for junk in expected["debris"] if junk in every)
    quotes = sum(1 for k, t in got if k == "quote" and ("quote", t) in want)
    return len(want), found, len(got), correct, debris, quotes


def main() -> None:
    pages = sorted(p for p in HTML.glob("*.html"))
    rows = []
    for fn in VARIANTS.values():  # warm up: imports and trafilatura's first-call set-up are not timed
        fn(pages[0].read_text(encoding="utf-8"))
    for name, fn in VARIANTS.items():
        totals = [0, 0, 0, 0, 0, 0]
        t = time.perf_counter()
        for page in pages:
            expected = json.loads(page.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))
            res = score(fn(page.read_text(encoding="utf-8")), expected)
            totals = [a + b for a, b in zip(totals, res)]
        secs = time.perf_counter() - t
        n_want, found, n_got, correct, debris, quotes = totals
        n_quotes = sum(1 for page in pages for b in json.loads(
            page.with_suffix("").with_suffix(".expected.json").read_text(encoding="utf-8"))["blocks"]
            if not isinstance(b, dict) and b[0] == "quote")
        rows.append((name, found / n_want, correct / max(n_got, 1), debris, f"{quotes}/{n_quotes}",
                     len(pages) / secs))
    print(f"{len(pages)} pages, {sum(1 for _ in pages)} expected files in {HTML.relative_to(ROOT)}")
    print("| variant | block recall | block precision | debris hits | quotes kept | pages/s |")
    print("|---|---|---|---|---|---|")
    for r in rows:
        print(f"| {r[0]} | {r[1]:.3f} | {r[2]:.3f} | {r[3]} | {r[4]} | {r[5]:.1f} |")
    base = rows[0]
    ratios = []
    for r in rows[1:]:
        key = r[0].replace(" ", "_")
        ratios.append(f"recall_{key}={r[1] / base[1]:.3f}")
        ratios.append(f"precision_{key}={r[2] / base[2]:.3f}")
    print(" ".join(ratios))


if __name__ == "__main__":
    main()
