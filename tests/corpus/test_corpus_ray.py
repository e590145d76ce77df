"""`bilingual run FOLDER --ray auto` on a local Ray instance gives the same bitexts and pages as the local path."""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

import pytest


@pytest.fixture(autouse=True)
def _hub_progress_bars_kept():  # type: ignore[no-untyped-def]
    """Loading an engine in this process turns huggingface_hub's progress bars off for the whole process
    (transformers' disable_progress_bar); later tests of the download bar must not see that."""
    from huggingface_hub.utils import are_progress_bars_disabled, enable_progress_bars

    before = are_progress_bars_disabled()
    yield
    if not before and are_progress_bars_disabled():
        enable_progress_bars()


def _main(argv: list[str], monkeypatch: pytest.MonkeyPatch) -> int:
    from pipeline.cli.main import main

    monkeypatch.setattr(sys, "argv", ["bilingual", *argv])
    with pytest.raises(SystemExit) as exc:
        main()
        raise SystemExit(0)
    return int(exc.value.code or 0)


def _without_times(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("created", "updated", "stages"):
        data["meta"].pop(key)
    return data


def _page(path: Path) -> str:
    """The page without the time it was made."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"<]*", "TIME", path.read_text(encoding="utf-8"))


def test_ray_path_equals_local_path(isolated: Path, tiny_marian: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    ray = pytest.importorskip("ray", reason="ray is not installed (pip install -e '.[ray]')")
    pytest.importorskip("ray.data", reason="Ray Data is not installed (pip install 'ray[data]')")
    pytest.importorskip("ctranslate2", reason="ctranslate2 is not installed (pip install -e '.[ct2]')")
    from pipeline.translate.hub.convert import convert_model

    convert_model(str(tiny_marian), quantization="int8", models_dir=isolated / "models")
    docs = isolated / "docs"
    (docs / "sub").mkdir(parents=True)
    (docs / "a.txt").write_text("Judul pertama\n\nHarga beras naik 3,5 persen. Pedagang mengeluh di pasar.\n",
                                encoding="utf-8")
    (docs / "sub" / "b.md").write_text("# Judul kedua\n\nPresiden mengatakan pada hari Senin bahwa pemerintah "
                                       "akan membangun jalan baru.\n\n- satu butir\n- Harga beras naik 3,5 persen.\n",
                                       encoding="utf-8")
    # retries on: the actors check and retry flagged output as the local path does; batches of two: more
    # batches than translator replicas, which the local path does not split (nor may the actors)
    cfg = isolated / "cfg.toml"
    cfg.write_text("[translate]\nengine = \"ctranslate2\"\nbeam_size = 2\nmax_new_tokens = 24\nmax_batch_size = 2\n",
                   encoding="utf-8")
    common = ["--model", str(tiny_marian), "--config", str(cfg), "--no-memory"]
    assert _main(["run", "docs", "-o", "local", *common], monkeypatch) == 0
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        assert ray.is_initialized()
        # the converted model goes to the actors through the object store, as on a cluster without shared disk
        assert _main(["run", "docs", "-o", "on-ray", *common, "--ray", "auto", "--ray-ship-model"],
                     monkeypatch) == 0
    finally:
        ray.shutdown()
    local = sorted(p.relative_to(isolated / "local") for p in (isolated / "local").rglob("*.bitext.json"))
    assert [str(p) for p in local] == ["a/a.bitext.json", "sub/b/b.bitext.json"]
    for rel in local:
        left, right = _without_times(isolated / "local" / rel), _without_times(isolated / "on-ray" / rel)
        assert any(s.get("mt") for b in left["blocks"] for s in b["source"])
        assert left == right
        page = rel.parent / (rel.name.replace(".bitext.json", ".html"))
        assert _page(isolated / "on-ray" / page) == _page(isolated / "local" / page)
