"""Clause splitting for the model's input limit (pipeline/translate/clauses.py)."""

from __future__ import annotations

from pipeline.translate.clauses import split_to_fit


def _words(text: str) -> int:
    return len(text.split())


def test_split_at_clause_boundaries_never_drops_text() -> None:
    text = ("Pemerintah mengumumkan rencana baru pada hari Senin, yang akan berlaku tahun depan; "
            "para pejabat mengatakan bahwa harga beras akan turun dan petani akan mendapat bantuan.")
    parts = split_to_fit(text, _words, 12)
    assert len(parts) > 1 and all(_words(p) <= 12 for p in parts)
    assert " ".join(parts).split() == text.split()
    assert parts[0].endswith((",", ";"))
    assert split_to_fit("x" * 50, len, 10) and "".join(split_to_fit("x" * 50, len, 10)) == "x" * 50
