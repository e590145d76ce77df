"""Reading pages made with `bilingual run PAGE.html` from each saved article, opened in a real browser.

The byline row under the title (author, site, date in each language, link to the original) and the
credit line of the footer must be visible; screenshots go to tests/_artifacts/screenshots/web-*.png for a
person to look at.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from helpers import run_main
from pipeline.publish.credits import readable_date

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
PAGES = sorted(p.name[: -len(".expected.json")] for p in HTML_DIR.glob("*.expected.json"))
ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"


@pytest.fixture(scope="module")
def published(tmp_path_factory: pytest.TempPathFactory, tiny_marian: Path, fast_config_file: Path) -> dict[str, Path]:
    out = tmp_path_factory.mktemp("web-run")
    mp = pytest.MonkeyPatch()
    mp.setenv("XDG_CACHE_HOME", str(out / "cache"))
    mp.setenv("HF_HUB_OFFLINE", "1")
    pages = {}
    try:
        for name in PAGES:
            code = run_main("run", str(HTML_DIR / f"{name}.html"), "--model", str(tiny_marian), "--config",
                            str(fast_config_file), "-o", str(out), "-q")
            assert code == 0, name
            pages[name] = out / name / f"{name}.html"
    finally:
        mp.undo()
    return pages


@pytest.mark.parametrize("name", PAGES)
def test_reading_page_has_byline_and_credit(browser, published: dict[str, Path], name: str) -> None:  # type: ignore[no-untyped-def]
    meta = json.loads((HTML_DIR / f"{name}.expected.json").read_text(encoding="utf-8"))["meta"]
    ctx = browser.new_context(viewport={"width": 1280, "height": 900})
    try:
        page = ctx.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto(published[name].as_uri())
        src = page.locator('.side[lang="id"]').filter(has_text=f"Oleh {meta['author']}").first
        tgt = page.locator('.side[lang="en"]').filter(has_text=f"By {meta['author']}").first
        assert src.is_visible() and tgt.is_visible()
        assert readable_date(meta["date"], "id") in src.inner_text()
        assert readable_date(meta["date"], "en") in tgt.inner_text()
        assert meta["site_name"] in src.inner_text()
        if meta["source_url"]:
            assert page.locator(f'a[href="{meta["source_url"]}"]').first.is_visible()
        # the byline sits under the title
        title_box = page.locator("h1").first.bounding_box()
        assert title_box is not None and src.bounding_box()["y"] >= title_box["y"] + title_box["height"] - 1
        credit = page.locator("footer .credit")
        assert credit.is_visible()
        text = " ".join(credit.inner_text().split())
        assert text.startswith("Translated from") and "by machine translation with" in text
        assert text.endswith("reviewed by a person: no.")
        assert requests == [published[name].as_uri()]  # works offline: nothing else is loaded
        ARTIFACTS.mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"web-{name}.png"), full_page=True)
        phone = ctx.new_page()
        phone.set_viewport_size({"width": 375, "height": 740})
        phone.goto(published[name].as_uri())
        phone.screenshot(path=str(ARTIFACTS / f"web-{name}-phone.png"))
    finally:
        ctx.close()
