"""Downloading from the hub, with huggingface_hub cut off at its network boundary.

The hub is a folder here: a published-layout tiny model (tests/make_tiny_model.py --published) served by
stand-ins for the three calls huggingface_hub makes over the network (``HfApi.model_info``,
``HfApi.list_repo_tree``, ``hf_hub_download``). Everything above them, ``snapshot_download``'s file filter,
cache layout and progress bars included, is the real library. Nothing is ever downloaded.
"""

from __future__ import annotations

import io
import shutil
import sys
from pathlib import Path
from types import SimpleNamespace
from typing import Any

import pytest

from pipeline.config import DEFAULT_MODEL, DEFAULT_MODEL_REVISION
from pipeline.errors import ModelNotAvailableError
from pipeline.translate.hub.download import wanted

#: What the engines read from opus-mt-id-en's repository; everything else there is another framework's or docs.
MARIAN_WANTED = {"config.json", "pytorch_model.bin", "source.spm", "target.spm", "tokenizer_config.json", "vocab.json"}
MAIN_COMMIT = "fedcba9876543210fedcba9876543210fedcba98"


class RevisionNotFound(Exception):
    """What the hub answers for a branch or commit it does not have (a 404)."""


class FakeHub:
    """The network side of the hub: one repository, its branches, and a log of every request."""

    def __init__(self, repo: Path, refs: dict[str, str]) -> None:
        self.repo = repo
        self.refs = refs
        self.info_requests: list[str] = []
        self.downloads: list[tuple[str, str]] = []  # (file, revision)

    def files(self) -> list[Path]:
        return sorted(f for f in self.repo.rglob("*") if f.is_file())

    def commit(self, revision: str) -> str:
        if revision in self.refs:
            return self.refs[revision]
        if revision in self.refs.values():
            return revision
        raise RevisionNotFound(f"404: revision {revision} not found")

    def install(self, monkeypatch: pytest.MonkeyPatch, cache: Path) -> None:
        import huggingface_hub._snapshot_download as snap
        import huggingface_hub.constants
        from huggingface_hub import HfApi
        from huggingface_hub.hf_api import RepoFile

        hub = self

        def model_info(self: Any, repo_id: str, *, revision: str | None = None, **_: Any) -> SimpleNamespace:
            hub.info_requests.append(revision or "main")
            siblings = [SimpleNamespace(rfilename=str(f.relative_to(hub.repo))) for f in hub.files()]
            return SimpleNamespace(sha=hub.commit(revision or "main"), siblings=siblings)

        def list_repo_tree(self: Any, repo_id: str, *, revision: str | None = None, **_: Any):  # type: ignore[no-untyped-def]
            hub.commit(revision or "main")
            for f in hub.files():
                yield RepoFile(path=str(f.relative_to(hub.repo)), size=f.stat().st_size, oid=f"blob-{f.name}")

        def hf_hub_download(repo_id: str, filename: str, *, revision: str, cache_dir: str | None = None,
                            local_dir: str | None = None, tqdm_class: Any = None, **_: Any) -> str:
            hub.downloads.append((filename, revision))
            src = hub.repo / filename
            if local_dir:
                dest = Path(local_dir) / filename
            else:
                folder = "models--" + repo_id.replace("/", "--")
                dest = Path(cache_dir or huggingface_hub.constants.HF_HUB_CACHE) / folder / "snapshots" / revision / filename
            dest.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(src, dest)
            if tqdm_class is not None:
                bar = tqdm_class(total=src.stat().st_size)
                bar.update(src.stat().st_size)
                bar.close()
            return str(dest)

        monkeypatch.setattr(HfApi, "model_info", model_info)
        monkeypatch.setattr(HfApi, "repo_info", model_info)
        monkeypatch.setattr(HfApi, "list_repo_tree", list_repo_tree)
        monkeypatch.setattr(snap, "hf_hub_download", hf_hub_download)
        monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_CACHE", str(cache))
        monkeypatch.setattr(huggingface_hub.constants, "HF_HUB_OFFLINE", False)


@pytest.fixture
def hub(isolated: Path, published_marian: Path, monkeypatch: pytest.MonkeyPatch) -> FakeHub:
    """opus-mt-id-en as published (.bin weights, tf_model.h5, rust_model.ot, flax_model.msgpack), online."""
    repo = isolated / "hub-repo"
    shutil.copytree(published_marian, repo)
    fake = FakeHub(repo, {"main": MAIN_COMMIT, "pinned": DEFAULT_MODEL_REVISION})
    fake.install(monkeypatch, isolated / "hf-home" / "hub")
    monkeypatch.delenv("HF_HUB_OFFLINE")
    return fake


def test_published_layout_has_the_foreign_files(published_marian: Path) -> None:
    """The download tests mean something only if the repository holds files a download must skip."""
    names = {f.name for f in published_marian.iterdir()}
    assert {"tf_model.h5", "rust_model.ot", "flax_model.msgpack", "pytorch_model.bin"} <= names
    assert "model.safetensors" not in names and "generation_config.json" not in names
    assert {n for n in names if wanted(n)} == MARIAN_WANTED


def test_run_downloads_only_the_wanted_files_at_one_commit(hub: FakeHub) -> None:
    """Before: the run path called snapshot_download without a filter and fetched tf_model.h5 (292 MB) too."""
    from pipeline.translate.hub.resolve import resolve_model

    resolved = resolve_model(DEFAULT_MODEL, "main")
    assert resolved.source == "hub" and resolved.revision == MAIN_COMMIT
    assert hub.info_requests == ["main"]
    assert {f for f, _ in hub.downloads} == MARIAN_WANTED
    assert {rev for _, rev in hub.downloads} == {MAIN_COMMIT}  # every file from the commit the branch named
    assert {f.name for f in resolved.path.iterdir()} == MARIAN_WANTED
    # a second run finds the snapshot in the cache and asks the hub nothing
    hub.info_requests.clear()
    hub.downloads.clear()
    again = resolve_model(DEFAULT_MODEL, "main")
    assert again.source == "cache" and again.revision == MAIN_COMMIT and hub.downloads == []


def test_pull_uses_the_same_filter_and_records_the_commit(hub: FakeHub, isolated: Path) -> None:
    from pipeline.translate.hub.resolve import resolve_model
    from pipeline.translate.hub.store import pull_model

    stored = pull_model(DEFAULT_MODEL, "main")
    pulled = {f for f, _ in hub.downloads}
    assert pulled == MARIAN_WANTED
    assert {f.name for f in stored.path.iterdir() if not f.name.startswith(".")} == MARIAN_WANTED
    assert stored.revision == MAIN_COMMIT
    assert (stored.path / ".bilingual-ref").read_text(encoding="utf-8").strip() == "main"
    # the run path keeps the same list
    hub.downloads.clear()
    shutil.rmtree(stored.path)
    resolve_model(DEFAULT_MODEL, "main")
    assert {f for f, _ in hub.downloads} == pulled


def test_safetensors_published_next_to_bin_downloads_one_format(hub: FakeHub) -> None:
    from pipeline.translate.hub.resolve import resolve_model

    (hub.repo / "model.safetensors").write_bytes(b"same weights, safe format")
    resolve_model("someone/opus-mt-both", "main")
    got = {f for f, _ in hub.downloads}
    assert "model.safetensors" in got and "pytorch_model.bin" not in got


def test_offline_never_touches_the_network(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.translate.hub.resolve import resolve_model
    from pipeline.translate.hub.store import pull_model

    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    with pytest.raises(ModelNotAvailableError, match="HF_HUB_OFFLINE") as err:
        resolve_model(DEFAULT_MODEL, "main")
    assert err.value.exit_code == 3
    with pytest.raises(ModelNotAvailableError, match="HF_HUB_OFFLINE"):
        pull_model(DEFAULT_MODEL, "main")
    assert hub.info_requests == [] and hub.downloads == []


def test_unknown_revision_is_model_not_available(hub: FakeHub) -> None:
    from pipeline.translate.hub.resolve import resolve_model

    with pytest.raises(ModelNotAvailableError, match="RevisionNotFound.*no-such-branch"):
        resolve_model(DEFAULT_MODEL, "no-such-branch")
    assert hub.downloads == []


class Tty(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_download_progress_bar_on_a_terminal_only(hub: FakeHub, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.translate.hub.resolve import resolve_model

    tty = Tty()
    monkeypatch.setattr(sys, "stderr", tty)
    resolve_model(DEFAULT_MODEL, "main")
    shown = tty.getvalue()
    assert f"Fetching {len(MARIAN_WANTED)} files" in shown and "100%" in shown
    pipe = io.StringIO()
    monkeypatch.setattr(sys, "stderr", pipe)
    resolve_model("other/opus-mt-id-en", "main")
    assert pipe.getvalue() == ""


def test_default_model_is_pinned_and_the_bitext_records_the_commit(hub: FakeHub) -> None:
    """Before: revision "main" in configs/default.toml, so two installations could translate with two models."""
    from pipeline.config import load_config
    from pipeline.segment.stage import segment_text
    from pipeline.translate.stage import translate

    config = load_config()
    assert config.translate.model == DEFAULT_MODEL
    assert config.translate.revision == DEFAULT_MODEL_REVISION and len(DEFAULT_MODEL_REVISION) == 40
    config.translate.beam_size, config.translate.max_new_tokens = 1, 8
    doc = segment_text("Harga beras naik 3,5 persen.", config=config)
    translate(doc, config.translate)
    assert hub.info_requests == [DEFAULT_MODEL_REVISION]
    assert {rev for _, rev in hub.downloads} == {DEFAULT_MODEL_REVISION}
    assert doc.meta.model["revision"] == DEFAULT_MODEL_REVISION
    assert DEFAULT_MODEL_REVISION in doc.iter_source()[0][1].mt.model  # type: ignore[union-attr]
