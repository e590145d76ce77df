"""Inline marks (links, emphasis, code) over sentences: clipped to each piece, and as a tree per sentence.

Why clipping: a translation carries the source's marks as offsets into its own text; when it is split into
target sentences, each sentence keeps the part of every mark that lies in it, and a code span or an HTML tag
(which cannot be split and stay what it is) keeps its sentence whole.

Why one tree for every reader of a sentence: marks are offsets into the block text and may cover a sentence
only in part, or cross each other in a hand-edited file. Clipping them to the sentence, following the
sentence's whitespace clean-up and nesting them properly is the same work for the page, the Markdown export
and the translation engine's placeholders; only what each makes of the tree differs.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Mark, Sentence

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


def clean_text(text: str) -> str:
    """Sentences are single lines: line breaks and runs of spaces inside one sentence become one space."""
    return " ".join(text.split())


@dataclass
class Node:
    """A mark over its children: plain strings and nested nodes."""

    mark: Mark
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def _squash(text: str) -> tuple[str, list[int]]:
    """``" ".join(text.split())`` and, for every offset into ``text``, the offset into the result."""
    out: list[str] = []
    pos: list[int] = []
    gap = False
    for ch in text:
        if ch.isspace():
            gap = True
            pos.append(len(out))
            continue
        if gap and out:
            out.append(" ")
        gap = False
        pos.append(len(out))
        out.append(ch)
    pos.append(len(out))
    return "".join(out), pos


def sentence_marks(block: Block, sent: Sentence) -> list[Node | str] | None:
    """The sentence's text (whitespace collapsed as everywhere else) with the marks that touch it.

    None when no mark touches the sentence, or when the sentence is no longer where its offsets say
    (a hand-edited file): the caller then writes the plain text exactly as before marks existed.
    """
    s, e = sent.start, sent.end
    if not block.marks or s is None or e is None or block.text[s:e] != sent.text:
        return None
    return mark_tree(sent.text, block.marks, s)


def target_marks(sent: Sentence) -> list[Node | str] | None:
    """A translated sentence with the marks carried onto it (offsets into its own text), or None."""
    if not sent.marks or any(m.end > len(sent.text) for m in sent.marks):
        return None
    return mark_tree(sent.text, sent.marks, 0)


def mark_tree(raw: str, marks: list[Mark], offset: int = 0) -> list[Node | str] | None:
    """``raw`` (which starts at ``offset`` of the text the marks point into), whitespace collapsed, as a tree."""
    s, e = offset, offset + len(raw)
    text, pos = _squash(raw)
    clipped: list[tuple[int, int, int, Mark]] = []
    for i, mark in enumerate(marks):
        a, b = max(mark.start, s), min(mark.end, e)
        if a >= b:
            continue
        na, nb = pos[a - s], pos[b - s]
        # a mark never starts or ends on the space that joins two words
        if na < nb and text[na] == " ":
            na += 1
        if na < nb and text[nb - 1] == " ":
            nb -= 1
        if na < nb:
            clipped.append((na, nb, i, mark))
    if not clipped:
        return None
    cuts = sorted({0, len(text), *(c[0] for c in clipped), *(c[1] for c in clipped)})
    root: list[Node | str] = []
    stack: list[tuple[tuple[int, int, int, Mark], list[Node | str]]] = []
    for p, q in zip(cuts, cuts[1:]):
        active = sorted((c for c in clipped if c[0] <= p and q <= c[1]), key=lambda c: (c[0], -c[1], c[2]))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
            keep += 1
        del stack[keep:]  # crossing marks are closed here and reopened below: always well nested
        for c in active[keep:]:
            node = Node(c[3])
            (stack[-1][1] if stack else root).append(node)
            stack.append((c, node.children))
        (stack[-1][1] if stack else root).append(text[p:q])
    return root
