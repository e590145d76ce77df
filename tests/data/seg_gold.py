"""Gold paragraphs for the hard segmentation sets, built from lists of sentences so every span is exact.

A sentence that starts with ``|`` is joined to the one before by a newline (a line break inside the block),
any other by a single space.
"""

from __future__ import annotations

import json
from pathlib import Path


def build(paragraphs: list[tuple[str, list[str]]], prefix: str) -> list[dict]:
    """One record (id, text, spans) per paragraph; ids are ``<prefix>-<class>-NN``."""
    out = []
    counts: dict[str, int] = {}
    for cls, sentences in paragraphs:
        counts[cls] = counts.get(cls, 0) + 1
        text = ""
        spans = []
        for i, raw in enumerate(sentences):
            sep, s = ("\n", raw[1:]) if raw.startswith("|") else (" ", raw)
            assert s == s.strip() and s, s
            if i:
                text += sep
            spans.append([len(text), len(text) + len(s)])
            text += s
        for (a, b), raw in zip(spans, sentences):
            assert text[a:b] == raw.lstrip("|")
        out.append({"id": f"{prefix}-{cls}-{counts[cls]:02d}", "text": text, "spans": spans})
    return out


def write(path: Path, records: list[dict]) -> None:
    with path.open("w", encoding="utf-8") as f:
        for item in records:
            f.write(json.dumps(item, ensure_ascii=False) + "\n")
    print(f"wrote {path}")
