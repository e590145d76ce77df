"""Numbers written in Indonesian and English conventions normalise to the same anchor."""

from __future__ import annotations

import pytest

from pipeline.segment.numbers import extract_numbers, normalize_number


@pytest.mark.parametrize(
    ("id_text", "en_text"),
    [
        ("120.000", "120,000"),
        ("3,5", "3.5"),
        ("1.234.567", "1,234,567"),
        ("1.234,5", "1,234.5"),
        ("2024", "2024"),
        ("0,50", "0.5"),
    ],
)
def test_same_value_across_conventions(id_text: str, en_text: str) -> None:
    assert normalize_number(id_text, "id") == normalize_number(en_text, "en")


def test_three_digit_group_follows_the_language() -> None:
    assert normalize_number("1.500", "id") == "1500"
    assert normalize_number("1.500", "en") == "1.5"
    assert normalize_number("1,500", "en") == "1500"
    assert normalize_number("1,500", "id") == "1.5"


def test_extract_strips_currency_and_percent() -> None:
    assert extract_numbers("harga Rp15.850 naik 3,5%", "id") == {"15850": 1, "3.5": 1}
    assert extract_numbers("harga Rp15.850 naik 3,5% pada 2024", "id") == extract_numbers(
        "the price of Rp15,850 rose 3.5% in 2024", "en"
    )


def test_number_words_count_as_numbers() -> None:
    assert extract_numbers("empat misil", "id") == extract_numbers("four missiles", "en") == {"4": 1}


def test_sentence_final_period_is_not_a_decimal() -> None:
    assert extract_numbers("pada 6 Agustus 2024.", "id") == {"6": 1, "2024": 1}


def test_number_readings_accept_either_convention() -> None:
    from pipeline.segment.numbers import number_readings

    assert number_readings("120.000") == {120000.0, 120.0}
    assert number_readings("120,000") == {120000.0, 120.0}
    assert number_readings("3,5") == {3.5}
    assert number_readings("1.250,75") == {1250.75}
    assert number_readings("10:30") == set()
