"""The translation memory (pipeline/translate/memory.py, safe_memory.py): reruns translate nothing again, the key
holds the settings, entries survive a reopen."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.errors import ConfigError, MemoryStoreError
from pipeline.segment.stage import segment_text
from pipeline.translate.memory import Entry, TranslationMemory
from pipeline.translate.safe_memory import GuardedMemory
from pipeline.translate.stage import translate
from translate_fakes import EchoEngine, _article, _config, _factory


def test_memory_rerun_translates_nothing_and_changed_sentence_only(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    first = translate(segment_text(_article(6), config=config), config.translate, engine_factory=_factory(engine)).report
    assert first.translated == 6
    engine.batches.clear()
    second = translate(segment_text(_article(6), config=config), config.translate, engine_factory=_factory(engine)).report
    assert second.translated == 0 and second.from_memory == 6 and engine.batches == []
    changed = _article(6).replace("nomor 3 ", "nomor 33 ")
    doc = segment_text(changed, config=config)
    third = translate(doc, config.translate, engine_factory=_factory(engine)).report
    assert engine.translated == ["Kalimat nomor 33 tentang harga beras di kota yang besar dan ini."]
    assert third.translated == 1 and third.from_memory == 5


def test_memory_is_keyed_by_settings(tmp_path: Path, tiny_marian: Path) -> None:
    config = _config(tmp_path, tiny_marian)
    engine = EchoEngine()
    translate(segment_text(_article(3), config=config), config.translate, engine_factory=_factory(engine))
    config.translate.beam_size = 3
    report = translate(segment_text(_article(3), config=config), config.translate, engine_factory=_factory(engine)).report
    assert report.translated == 3 and report.from_memory == 0


def test_memory_survives_reopen(tmp_path: Path) -> None:
    from pipeline.translate.memory import Entry

    tm = TranslationMemory(tmp_path, "m", "r", "s")
    tm.put_many([("a", Entry("A", -0.1, ["too_long"]))])
    tm.close()
    again = TranslationMemory(tmp_path, "m", "r", "s")
    assert again.get_many(["a", "b"])["a"].flags == ["too_long"]
    assert TranslationMemory(tmp_path, "m", "other", "s").get_many(["a"]) == {}


def test_a_memory_that_cannot_be_opened_is_a_memory_error_not_a_config_error(tmp_path: Path) -> None:
    """Before: a ConfigError (exit 2, "the configuration is invalid") for a full disk or a broken file."""
    directory = tmp_path / "tm"
    directory.mkdir()
    (directory / TranslationMemory.FILENAME).write_bytes(b"this is no SQLite database" * 40)
    with pytest.raises(MemoryStoreError, match="cannot use the translation memory") as caught:
        TranslationMemory(directory, "m", "r", "s")
    assert not isinstance(caught.value, ConfigError)
    assert str(directory / TranslationMemory.FILENAME) in str(caught.value)


def test_a_broken_memory_warns_once_and_translation_goes_on(tmp_path: Path,
                                                            capsys: pytest.CaptureFixture[str]) -> None:
    directory = tmp_path / "tm"
    directory.mkdir()
    (directory / TranslationMemory.FILENAME).write_bytes(b"this is no SQLite database" * 40)
    memory = GuardedMemory(directory, "m", "r", "s")
    assert memory.get_many(["x"]) == {}
    memory.put_many([("x", Entry("y"))])
    assert memory.get_many(["x"]) == {} and not memory.working
    err = capsys.readouterr().err
    assert err.count("warning: translation memory") == 1 and "going on without it" in err
