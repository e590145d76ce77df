"""How the review editor responds on long documents, in headless Chromium.

Opens generated documents of 500, 2,000 and 10,000 links in the real editor (real server, real saves to a
temporary file) and times what a reviewer does most: an arrow key, a confirm, a merge and an undo.

- arrow, confirm: from the key's arrival in the page to the end of its handling, with the layout that
  follows forced (the confirm is drawn at once; "confirm saved" is the time until the server has written
  the file and the page has taken in its answer);
- merge, undo: from the key to the page showing the server's answer (a round trip that writes the file);
- filter: switching the list to "needs review", once.

Screenshots of the largest document with the filter bar in use go to tests/_artifacts/screenshots/.

The 500-link document is the baseline of the same run: with incremental rendering the 10,000-link rows
stay close to it, where a full redraw grows with the length (2.9 s per arrow key at 10,000 links before).

    python bench/editor.py            # needs /usr/bin/chromium (Debian package) and playwright
    python bench/editor.py --sizes 500,2000
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import threading
import time
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline.bitext.document import save_document  # noqa: E402
from pipeline.review.server import make_server  # noqa: E402
from review_fixtures import generated_document  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]

# Installed after the editor's own listeners: a capture listener on window runs before the editor's
# document listener, a bubbling one on window after it. A MutationObserver notes when a round trip ends.
PROBE = """() => {
  window.__t0 = 0; window.__handled = []; window.__settled = [];
  window.addEventListener('keydown', () => { window.__t0 = performance.now(); }, true);
  window.addEventListener('keydown', () => {
    document.getElementById('links').getBoundingClientRect();  // the layout the change needs
    void document.body.offsetHeight;
    window.__handled.push(performance.now() - window.__t0);
  });
  new MutationObserver(() => {
    if (!document.body.classList.contains('busy')) window.__settled.push(performance.now() - window.__t0);
  }).observe(document.body, {attributes: true, attributeFilter: ['class']});
}"""
IDLE = "() => !document.body.classList.contains('busy')"
FILTER = """(kind) => { const s = document.getElementById('filter'), t = performance.now();
  s.value = kind; s.dispatchEvent(new Event('change')); void document.body.offsetHeight; return performance.now() - t; }"""
SHOTS = ROOT / "tests" / "_artifacts" / "screenshots"


def _pct(values: list[float], q: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(q * (len(ordered) - 1)))]


def _press(page: Any, key: str, *, settle: bool = False) -> tuple[float, float | None]:
    before = page.evaluate("window.__settled.length")
    page.keyboard.press(key)
    handled = page.evaluate("window.__handled[window.__handled.length - 1]")
    if not settle:
        return handled, None
    page.wait_for_function(f"() => window.__settled.length > {before} && !document.body.classList.contains('busy')")
    return handled, page.evaluate("window.__settled[window.__settled.length - 1]")


def measure(browser: Any, n_links: int, repeats: int, shots: bool) -> dict[str, list[float]]:
    times: dict[str, list[float]] = {"open": [], "arrow": [], "confirm": [], "confirm saved": [], "merge": [], "undo": [],
                                     "filter": []}
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / f"generated-{n_links}.bitext.json"
        save_document(generated_document(n_links, seed=n_links), path)
        server, url = make_server(path, 0)
        threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True).start()
        page = browser.new_page(viewport={"width": 1280, "height": 900})
        try:
            t = time.perf_counter()
            page.goto(url)
            page.wait_for_selector(".link.selected")
            times["open"].append((time.perf_counter() - t) * 1000)
            page.evaluate(PROBE)
            page.keyboard.press("Home")
            page.locator(".link").first.locator(".lid").click()
            for _ in range(repeats * 2):
                times["arrow"].append(_press(page, "ArrowDown")[0])
            for _ in range(repeats):
                page.keyboard.press("ArrowDown")
                drawn, saved = _press(page, "c", settle=True)
                times["confirm"].append(drawn)
                assert saved is not None
                times["confirm saved"].append(saved)
            page.keyboard.press("g")
            page.keyboard.type(f"b{n_links // 8}")
            page.keyboard.press("Enter")
            page.wait_for_function(IDLE)
            for _ in range(repeats):
                page.keyboard.press("ArrowDown")
                page.keyboard.press("ArrowDown")
                merged = _press(page, "m", settle=True)[1]
                undone = _press(page, "u", settle=True)[1]
                assert merged is not None and undone is not None
                times["merge"].append(merged)
                times["undo"].append(undone)
            message = page.locator("#message").inner_text()
            assert message.startswith("undid: merged"), message
            times["filter"].append(page.evaluate(FILTER, "review"))
            if shots:
                SHOTS.mkdir(parents=True, exist_ok=True)
                page.screenshot(path=str(SHOTS / f"editor-{n_links // 1000}k-filter-needs-review.png"))
                page.evaluate(FILTER, "all")
                page.keyboard.press("/")
                page.keyboard.type("kementerian pertahanan rusia")
                page.keyboard.press("Enter")
                page.wait_for_function(IDLE)
                page.screenshot(path=str(SHOTS / f"editor-{n_links // 1000}k-search.png"))
        finally:
            page.close()
            server.shutdown()
            server.server_close()
    return times


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sizes", default="500,2000,10000", help="comma-separated numbers of links")
    parser.add_argument("--repeats", type=int, default=15, help="timed presses per operation and size")
    args = parser.parse_args()
    sizes = [int(x) for x in args.sizes.split(",")]
    from playwright.sync_api import sync_playwright

    results: dict[int, dict[str, list[float]]] = {}
    with sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for n in sizes:
            results[n] = measure(browser, n, args.repeats, shots=n == max(sizes))
        browser.close()
    ops = ["arrow", "confirm", "confirm saved", "merge", "undo"]
    head = ["links", "open ms"] + [f"{op} {stat}" for op in ops for stat in ("median ms", "p95 ms")] + ["filter ms"]
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for n in sizes:
        r = results[n]
        cells = [f"{n:,}", f"{r['open'][0]:.0f}"]
        for op in ops:
            cells += [f"{statistics.median(r[op]):.1f}", f"{_pct(r[op], 0.95):.1f}"]
        cells.append(f"{r['filter'][0]:.1f}")
        print("| " + " | ".join(cells) + " |")
    base, big = min(sizes), max(sizes)
    ratios = " ".join(f"{op.replace(' ', '_')}_ratio_{big}_{base}="
                      f"{statistics.median(results[big][op]) / max(statistics.median(results[base][op]), 1e-3):.2f}"
                      for op in ops)
    print(ratios)
    key = 10000 if 10000 in results else big
    tag = f"{key // 1000}k" if key % 1000 == 0 else str(key)
    print(f"arrow_ms_{tag}={statistics.median(results[key]['arrow']):.1f} "
          f"confirm_ms_{tag}={statistics.median(results[key]['confirm']):.1f}")


if __name__ == "__main__":
    main()
