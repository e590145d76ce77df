"""What ``bilingual models convert`` records next to a CTranslate2 model (``.bilingual-ct2.json``).

Why its own module: the engine reads it when loading a conversion, the store writes it; neither needs the other.
"""

from __future__ import annotations

import json
from pathlib import Path

CT2_MARKER = ".bilingual-ct2.json"


def read_ct2_marker(path: Path) -> dict[str, object]:
    """Source, revision, quantization, position limit and suppressed tokens of a conversion ({} if none)."""
    try:
        return dict(json.loads((path / CT2_MARKER).read_text(encoding="utf-8")))
    except (OSError, ValueError):
        return {}
