"""How the reading page scales: render time, load time and interaction latency in headless Chromium.

Baseline in the same run: the sample article (about 25 sentences); the large rows should stay close to
it for interaction (event delegation, a link index built once) even though load time grows with size.

    python bench/publish_page.py            # needs /usr/bin/chromium (Debian package) and playwright
"""

from __future__ import annotations

import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "tests")]

from pipeline.publish.html import render_html  # noqa: E402
from publish_samples import large_document, sample_document  # noqa: E402

CHROMIUM = "/usr/bin/chromium"
ARGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
        "--disable-component-update", "--disable-sync", "--no-first-run"]
HOVER = """(id) => { const el = document.getElementById(id); const t = performance.now();
  el.dispatchEvent(new MouseEvent('mouseover', {bubbles: true})); return performance.now() - t; }"""
SWITCH = """() => { const t = performance.now(); document.querySelector('input[value=sentences]').click();
  document.body.offsetHeight; return performance.now() - t; }"""


def main() -> None:
    from playwright.sync_api import sync_playwright

    cases = [("sample (baseline)", sample_document(), "b2.s1", "b3.s1")]
    for n in (2000, 10000):
        cases.append((f"{n} sentences", large_document(n), f"b{n // 10}.s2", "b2.s1"))
    rows = []
    with tempfile.TemporaryDirectory() as tmp, sync_playwright() as pw:
        browser = pw.chromium.launch(executable_path=CHROMIUM, args=ARGS)
        for name, doc, first_id, second_id in cases:
            t = time.perf_counter()
            page_html = render_html(doc)
            render_s = time.perf_counter() - t
            path = Path(tmp) / "page.html"
            path.write_text(page_html, encoding="utf-8")
            page = browser.new_page(viewport={"width": 1280, "height": 900})
            page.goto(path.as_uri())
            dcl = page.evaluate("performance.getEntriesByType('navigation')[0].domContentLoadedEventEnd")
            first, second = page.evaluate(HOVER, first_id), page.evaluate(HOVER, second_id)
            switch = page.evaluate(SWITCH)
            page.close()
            n_sent = sum(len(b.source) + len(b.target) for b in doc.blocks)
            rows.append((name, n_sent, len(page_html) // 1024, render_s * 1000, dcl, first, second, switch))
        browser.close()
    head = ("page", "sentences", "KiB", "render ms", "DOMContentLoaded ms", "1st hover ms", "hover ms", "layout switch ms")
    print("| " + " | ".join(head) + " |")
    print("|" + "---|" * len(head))
    for r in rows:
        print(f"| {r[0]} | {r[1]} | {r[2]} | {r[3]:.1f} | {r[4]:.0f} | {r[5]:.2f} | {r[6]:.2f} | {r[7]:.1f} |")


if __name__ == "__main__":
    main()
