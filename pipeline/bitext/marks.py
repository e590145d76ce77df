"""Marks over a text that is cut into pieces: clip them to each piece, and never cut through an opaque one.

Why: a translation carries the source's marks as offsets into its own text; when it is split into target
sentences, each sentence keeps the part of every mark that lies in it, and a code span or an HTML tag (which
cannot be split and stay what it is) keeps its sentence whole.
"""

from __future__ import annotations

from pipeline.bitext.document import Mark

#: Marks that must never be cut by a sentence boundary.
UNSPLITTABLE = ("code", "raw", "image")


def keep_marks_whole(spans: list[tuple[int, int]], marks: list[Mark]) -> list[tuple[int, int]]:
    """Join neighbouring spans where a boundary would cut through an unsplittable mark."""
    out: list[tuple[int, int]] = []
    for s, e in spans:
        if out and any(m.kind in UNSPLITTABLE and m.start < out[-1][1] and m.end > s for m in marks):
            out[-1] = (out[-1][0], e)
        else:
            out.append((s, e))
    return out


def clip_marks(marks: list[Mark], start: int, end: int) -> list[Mark]:
    """The marks over ``text[start:end]``, shifted to offsets into that piece."""
    out = []
    for m in marks:
        a, b = max(m.start, start), min(m.end, end)
        if a < b:
            out.append(Mark(a - start, b - start, m.kind, m.href))
    return out
