"""`bilingual run FOLDER --ray auto` on a local Ray instance gives the same bitexts and pages as the local path."""

from __future__ import annotations

import json
import re
from pathlib import Path

import pytest
from helpers import run_main
from tiny_config import FAST, config_file


#: Engines are loaded in this process (runs go through ``run_main``).
pytestmark = pytest.mark.usefixtures("hub_progress_bars_kept")


def _without_times(path: Path) -> dict:
    data = json.loads(path.read_text(encoding="utf-8"))
    for key in ("created", "updated", "stages"):
        data["meta"].pop(key)
    return data


def _page(path: Path) -> str:
    """The page without the time it was made."""
    return re.sub(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[^\"<]*", "TIME", path.read_text(encoding="utf-8"))


def test_ray_path_equals_local_path(isolated: Path, tiny_marian: Path) -> None:
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
    cfg = config_file(isolated / "cfg.toml", **FAST, engine="ctranslate2", max_batch_size=2)
    common = ["--model", str(tiny_marian), "--config", str(cfg), "--no-memory"]
    assert run_main("run", "docs", "-o", "local", *common) == 0
    ray.init(address="local", num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        assert ray.is_initialized()
        # the converted model goes to the actors through the object store, as on a cluster without shared disk
        assert run_main("run", "docs", "-o", "on-ray", *common, "--ray", "auto", "--ray-ship-model") == 0
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
