"""How deep a Markdown article may nest, and the check that nothing was cut off at that depth.

Why: markdown-it stops parsing at its nesting limit (20 in the CommonMark preset) and silently drops the
rest of the article: a list ten levels deep or a quote twenty deep lost its text with exit 0. The limit is
raised far beyond real articles, and an article that still reaches it is refused with a clear message.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import Any

from pipeline.errors import InputError

#: markdown-it nesting limit (each list level takes two: the list and its item); a bitext's ``level`` is
#: bounded by the same number in the schema.
MAX_NESTING = 200


def check_nesting(tokens: Sequence[Any], limit: int = MAX_NESTING) -> None:
    """Raise InputError if markdown-it reached ``limit``: the text after that point was not parsed."""
    deepest = max((tok.level for tok in tokens), default=0)
    if deepest >= limit - 1:
        line = next((tok.map[0] + 1 for tok in tokens if tok.level >= limit - 1 and tok.map), None)
        where = f" at line {line}" if line else ""
        raise InputError(f"the article nests lists or quotes more than {limit // 2} levels deep{where}; "
                         "flatten it (the text below that depth would be lost)")
