"""Build the hard segmentation sets ``seg_hard*.jsonl`` from their cases in ``seg_hard/*.txt``.

Why a script and cases as sentences: the gold is written as lists of sentences and joined here, so every span
is an exact substring by construction (no hand-counted offsets). Each case file says at its top why its set
exists and what it covers; all text was written for this project, none is copied from a data set or website.

A case file holds paragraphs, each opened by its class in brackets, then one sentence a line::

    # a comment (a line that starts with "#")
    [dateline]
    JAKARTA, KOMPAS.com - Harga beras medium naik.
    Kenaikan itu terjadi sejak awal pekan.
    |A sentence after a line break: "|" joins it to the one before by a newline, not a space.
    \\a line that goes on the sentence above after a newline (a hard wrap inside the sentence)

Ids are ``<set>-<class>-NN`` (``hard2-sport-03``), numbered per class in file order.

    python tests/data/make_seg_hard.py            # rewrites every tests/data/seg_hard*.jsonl
    python tests/data/make_seg_hard.py seg_hard3  # only that set
"""

from __future__ import annotations

import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
CASES = HERE / "seg_hard"
_CLASS = re.compile(r"\[([a-z0-9-]+)\]")


def read_cases(path: Path) -> list[tuple[str, list[str]]]:
    """The (class, sentences) paragraphs of a case file; a line outside a paragraph is an error."""
    paragraphs: list[tuple[str, list[str]]] = []
    for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), start=1):
        if not line.strip() or line.startswith("#"):
            continue
        header = _CLASS.fullmatch(line)
        if header:
            paragraphs.append((header.group(1), []))
        elif not paragraphs or (line.startswith("\\") and not paragraphs[-1][1]):
            raise SystemExit(f"{path}:{number}: a sentence before any [class] line")
        elif line.startswith("\\"):
            paragraphs[-1][1][-1] += "\n" + line[1:]
        else:
            paragraphs[-1][1].append(line)
    return paragraphs


def build(paragraphs: list[tuple[str, list[str]]], prefix: str) -> list[dict]:
    """One record (id, text, spans) per paragraph; a sentence starting with ``|`` follows a newline."""
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


def render(path: Path) -> str:
    """The JSONL text of the set whose cases are in ``path`` (``seg_hard2.txt`` -> ids ``hard2-...``)."""
    records = build(read_cases(path), path.stem.removeprefix("seg_"))
    return "".join(json.dumps(item, ensure_ascii=False) + "\n" for item in records)


def main(argv: list[str]) -> int:
    names = argv or sorted(p.stem for p in CASES.glob("seg_hard*.txt"))
    for name in names:
        target = HERE / f"{name}.jsonl"
        target.write_text(render(CASES / f"{name}.txt"), encoding="utf-8")
        print(f"wrote {target}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main(sys.argv[1:]))
