"""The quality checks (pipeline/translate/checks.py): flags as today's rules give them, thresholds from the
config, and a memory key that changes with any threshold."""

from __future__ import annotations

from pathlib import Path

import pytest

from pipeline.bitext.status import FLAGS
from pipeline.config import TranslateConfig, load_config
from pipeline.errors import ConfigError
from pipeline.translate.checks import (
    Check,
    Checks,
    better,
    has_repetition,
    missing_numbers,
    quality_flags,
)

FLAG_CASES = [
    ("Harga beras naik menjadi Rp15.850 per kilogram.", "The price of rice rose to Rp15,850 per kilogram.", []),
    ("Harga naik 3,5 persen menjadi 120.000 ton.", "Prices rose 3.5 percent to 120,000 tonnes.", []),
    ("Harga naik 3,5 persen menjadi 120.000 ton.", "Prices rose 3.5 percent to 120.000 tonnes.", []),
    ("Harga naik 3,5 persen menjadi 120.000 ton.", "Prices rose 35 percent to 12,000 tonnes.", ["numbers_missing"]),
    ("Ada lima orang yang terluka dalam serangan itu.", "I'm sorry I'm sorry I'm sorry I'm sorry", ["repetition"]),
    ("Ada lima orang yang terluka dalam serangan itu.", "the the the the the the people", ["repetition"]),
    ("Ada lima orang yang terluka dalam serangan itu.", "", ["empty"]),
    ("Ada lima orang yang terluka dalam serangan itu.", " . ", ["empty"]),
    ("Ada lima orang yang terluka dalam serangan drone di wilayah perbatasan itu.", "Five.", ["too_short"]),
    ("Lima orang terluka di kota.", "Five people were injured in the city of Belgorod on Monday evening after a drone attack, said an official.", ["too_long"]),
    ("Ada lima orang yang terluka dalam serangan itu.", "Ada lima orang yang terluka dalam serangan itu.", ["untranslated"]),
    ("Gubernur Belgorod mengatakan serangan terus berlanjut.", "Gubernur Belgorod mengatakan serangan terus.", ["untranslated"]),
    ("Jakarta -", "Jakarta -", []),
    ("Pada pukul 10.30 ada 2 serangan.", "At 10:30 there were two attacks.", []),
]


@pytest.mark.parametrize(("source", "target", "expected"), FLAG_CASES)
def test_quality_flags(source: str, target: str, expected: list[str]) -> None:
    assert quality_flags(source, target) == expected


def test_length_cap_hit_is_flagged() -> None:
    assert quality_flags("Lima orang terluka di kota itu.", "Five people were injured in",
                         hit_length_cap=True) == ["truncated"]


def test_number_normalisation() -> None:
    assert missing_numbers("Rp1,5 triliun dan 2.000 orang", "Rp1.5 trillion and 2,000 people") == []
    assert missing_numbers("tahun 1990-an", "the 1990s") == []
    assert missing_numbers("naik 7 persen", "rose 17 percent") == ["7"]
    assert not has_repetition("He said that the plan, which the government said was ready, was ready.")


def test_day_month_dates_match_month_names() -> None:
    # Indonesian news dates events as day/month; "March 17" keeps the month as a word
    assert missing_numbers("Jakarta, Sabtu (17/3)", "Jakarta, Saturday (March 17)") == []
    assert missing_numbers("Senin (15/5/2007)", "on Monday, May 15, 2007") == []
    assert missing_numbers("Senin (15/5)", "on Monday, 15 Sept.") == ["5"]  # the wrong month
    assert missing_numbers("Senin (15/5)", "it may rain on Monday") == ["15", "5"]  # "may" is no date
    assert missing_numbers("Sabtu lalu 17/3", "last Saturday 17") == ["3"]


def test_retry_keeps_the_first_result_when_it_is_better() -> None:
    assert not better((["repetition"], -1.0), (["repetition", "numbers_missing"], -0.1))
    assert better((["repetition"], -1.0), ([], -3.0))
    assert better(([], -1.0), ([], -0.5))


def test_default_config_gives_todays_flags() -> None:
    """The thresholds in configs/default.toml are the built-in ones: same flags for every case above."""
    checks = Checks.from_config(load_config().translate)
    for source, target, expected in FLAG_CASES:
        assert checks.flags(source, target) == expected


def test_thresholds_come_from_the_config() -> None:
    source = "Ada lima orang yang terluka dalam serangan itu."  # 47 characters
    half = "Five people were hurt."  # 22 characters: a ratio of about 0.47
    assert Checks.from_config(TranslateConfig()).flags(source, half) == []
    assert Checks.from_config(TranslateConfig(too_short_ratio=0.5)).flags(source, half) == ["too_short"]
    assert Checks.from_config(TranslateConfig(min_chars_for_length=50)).flags(source, "Five.") == []
    long = "Five people were injured in the attack on the city, said an official on Monday evening late."
    assert Checks.from_config(TranslateConfig(too_long_ratio=1.5)).flags(source, long) == ["too_long"]
    assert Checks.from_config(TranslateConfig()).flags(source, long) == []


def test_truncated_is_not_said_twice_for_a_too_long_translation() -> None:
    long = "Five people were injured in the city of Belgorod on Monday evening after a drone attack, said one."
    assert quality_flags("Lima orang terluka di kota.", long, hit_length_cap=True) == ["too_long"]


def test_every_check_raises_a_flag_of_the_document_model() -> None:
    checks = Checks.from_config(TranslateConfig()).checks
    assert {c.flag for c in checks} <= set(FLAGS) and len({c.flag for c in checks}) == len(checks)
    with pytest.raises(TypeError, match="not in pipeline.bitext.status.FLAGS"):
        type("Odd", (Check,), {"name": "odd", "flag": "odd_flag"})


def test_the_memory_key_changes_with_a_threshold() -> None:
    """A stored flag was made by the thresholds of its run: other thresholds must not be served its flags."""
    from pipeline.translate.stage import settings_signature

    base = settings_signature(TranslateConfig(), "none")
    assert "|checks:1|" in base  # the key of before: existing memories and bitexts stay valid
    keys = {base, *(settings_signature(TranslateConfig(**{k: v}), "none") for k, v in
                    (("too_short_ratio", 0.3), ("too_long_ratio", 3.0), ("min_chars_for_length", 10)))}
    assert len(keys) == 4


@pytest.mark.parametrize(("text", "message"), [
    ("too_short_ratio = 0", "too_short_ratio must be more than 0"),
    ("too_short_ratio = 3.0", "less than too_long_ratio"),
    ("min_chars_for_length = 0", "min_chars_for_length must be at least 1"),
])
def test_bad_thresholds_are_config_errors(tmp_path: Path, text: str, message: str) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text(f"[translate]\n{text}\n", encoding="utf-8")
    with pytest.raises(ConfigError, match=message):
        load_config(cfg)
