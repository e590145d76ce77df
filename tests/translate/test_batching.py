"""Token-budget batches (pipeline/translate/batching.py): sorted by length, within the budget, capped output."""

from __future__ import annotations

from pipeline.translate.batching import output_cap, plan_batches


def test_plan_batches_respects_budget_and_sorts_by_length() -> None:
    lengths = [5, 30, 7, 30, 2, 12, 12, 9]
    batches = plan_batches(lengths, batch_tokens=40, max_batch_size=3)
    assert sorted(i for b in batches for i in b) == list(range(len(lengths)))
    for b in batches:
        assert len(b) <= 3 and max(lengths[i] for i in b) * len(b) <= 40
    flat = [lengths[i] for b in batches for i in b]
    assert flat == sorted(flat, reverse=True)


def test_output_cap_is_relative_to_source_and_bounded() -> None:
    assert output_cap(10, 3.0, 256) == 30
    assert output_cap(2, 3.0, 256) == 16
    assert output_cap(200, 3.0, 256) == 256
