"""What a translate run did, for the command's summary line and ``bilingual run``'s totals."""

from __future__ import annotations

from dataclasses import dataclass, field


@dataclass
class TranslateReport:
    """``translated`` counts sentences that went through the engine; ``from_memory`` those the memory served."""

    sentences: int = 0
    translated: int = 0
    from_memory: int = 0
    split: int = 0
    retried: int = 0
    flagged: int = 0
    flags: dict[str, int] = field(default_factory=dict)
