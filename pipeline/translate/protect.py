"""Protected spans: what the model must copy, not translate, and how it comes back onto the translation.

Why numbers as placeholders: a placeholder must reach the model as pieces it knows (a piece the vocabulary
lacks becomes ``<unk>`` and can never be copied back) and should be one piece that the model copies unchanged.
Measured on the tiny test vocabulary (``python bench/placeholders.py``; ``--model DIR`` measures a local
opus-mt): every bracketed or symbol form (``<x1>``, ``[1]``, ``{1}``, ``__1__``, ``⟦1⟧``, ``%1``, ``@@1``)
contains ``<unk>``; letter forms split into single letters; ``1`` and ``12`` are one piece (``▁1``), other
small numbers ``▁`` plus one digit piece. The real opus-mt-id-en vocabulary is not available offline; it is a
sentencepiece model trained on OPUS text, which holds every ASCII digit and the common small numbers as
pieces, and MT models are trained to copy numbers (the quality check flags ``numbers_missing`` when they do
not). So each protected span becomes a small number that does not occur in the sentence; numbers around a
marked phrase (a link, emphasis) carry the mark over to the translated words.

When the model drops, duplicates or reorders a placeholder, the span is put back at the same relative position
in the translation (at a word boundary; a mark covers as many words as it did in the source) and the
sentence is flagged ``markup_lost``, so a reviewer looks at it.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Mark, Sentence
from pipeline.segment.markdown.spans import split_protected
from pipeline.bitext.marks import Node, clean_text, sentence_marks

#: Mark kinds whose text is carried as it is (one opaque placeholder); other kinds wrap translated words.
OPAQUE_KINDS = ("code", "raw")
MARKUP_LOST = "markup_lost"
_WORD = re.compile(r"\w", re.UNICODE)
_NUMBER = re.compile(r"(?<![\w.,])\d+(?!\w|[.,]\d)")


@dataclass
class Span:
    """One placeholder: ``opaque`` (verbatim text, optionally a mark over it), ``open`` or ``close`` of a mark."""

    number: int
    role: str
    text: str = ""
    mark: Mark | None = None
    glue_left: bool = False
    glue_right: bool = False
    words: int = 0  # words covered by a mark (open only)
    inner: str = ""  # the source words a mark covers (open only)
    partner: int = -1


@dataclass
class Masked:
    """What the model sees for one sentence, and what to put back."""

    text: str
    source: str
    spans: list[Span] = field(default_factory=list)
    marks: list[Mark] = field(default_factory=list)  # the source's marks over ``source`` (verbatim copies)

    @property
    def verbatim(self) -> bool:
        """Nothing but protected spans and punctuation: copied, never translated."""
        rest = self.text
        for sp in self.spans:
            rest = re.sub(rf"(?<!\d){sp.number}(?!\d)", " ", rest)
        return not _WORD.search(rest)


def mask(block: Block, sent: Sentence) -> Masked:
    """The sentence with every protected span and mark boundary replaced by a placeholder number."""
    tree = sentence_marks(block, sent)
    nodes: list[Node | str] = tree if tree is not None else [clean_text(sent.text)]
    taken = {int(n) for n in re.findall(r"\d+", sent.text)}
    counter = [0]

    def number() -> int:
        counter[0] += 1
        while counter[0] in taken:
            counter[0] += 1
        return counter[0]

    out: list[str] = []
    source: list[str] = []
    spans: list[Span] = []
    marks: list[Mark] = []

    def src_pos() -> int:
        return sum(len(x) for x in source)

    def opaque(text: str, mark: Mark | None) -> None:
        start = src_pos()
        source.append(text)
        if mark is not None:
            marks.append(Mark(start, start + len(text), mark.kind, mark.href))
        spans.append(Span(number(), "opaque", text, mark))
        out.append(f"\x00{len(spans) - 1}\x00")

    def walk(items: list[Node | str]) -> None:
        for item in items:
            if isinstance(item, str):
                for piece, protected in split_protected(item):
                    if protected:
                        opaque(piece, None)
                    else:
                        source.append(piece)
                        out.append(piece)
                continue
            mk = item.mark
            inner = item.text()
            if mk.kind in OPAQUE_KINDS or (mk.kind == "link" and inner == mk.href):
                opaque(inner, mk)
                continue
            start = src_pos()
            spans.append(Span(number(), "open", mark=mk, words=len(inner.split()), inner=inner))
            k = len(spans) - 1
            out.append(f"\x00{k}\x00")
            walk(item.children)
            spans.append(Span(number(), "close", mark=mk, partner=k))
            spans[k].partner = len(spans) - 1
            out.append(f"\x00{len(spans) - 1}\x00")
            marks.append(Mark(start, src_pos(), mk.kind, mk.href))

    walk(nodes)
    _pair_tags(spans)
    # placeholders stand apart from the words around them; remember where the article glued them on
    joined = "".join(out)
    pieces = re.split(r"\x00(\d+)\x00", joined)
    text: list[str] = []
    for j, piece in enumerate(pieces):
        if j % 2 == 0:
            text.append(piece)
            continue
        sp = spans[int(piece)]
        before, after = pieces[j - 1], pieces[j + 1] if j + 1 < len(pieces) else ""
        sp.glue_left = bool(before) and not before[-1].isspace()
        sp.glue_right = bool(after) and not after[0].isspace()
        text.append(f" {sp.number} ")
    return Masked(clean_text("".join(text)), "".join(source), spans, marks)


_OPEN_TAG = re.compile(r"<([A-Za-z][\w:-]*)[^>]*(?<!/)>\Z")
_CLOSE_TAG = re.compile(r"</([A-Za-z][\w:-]*)\s*>\Z")


def _pair_tags(spans: list[Span]) -> None:
    """An inline HTML tag and its closing tag in one sentence travel as a pair around the words they wrap."""
    stack: list[tuple[str, int]] = []
    for k, sp in enumerate(spans):
        if sp.role != "opaque" or sp.mark is None or sp.mark.kind != "raw":
            continue
        if m := _OPEN_TAG.match(sp.text):
            stack.append((m.group(1).lower(), k))
        elif (m := _CLOSE_TAG.match(sp.text)) and stack and stack[-1][0] == m.group(1).lower():
            _, o = stack.pop()
            spans[o].role, sp.role = "open", "close"
            spans[o].partner, sp.partner = k, o
            spans[o].words = 0


def unmask(masked: Masked, translation: str) -> tuple[str, list[Mark], bool]:
    """(text, marks over it, lost): the translation with every span restored; ``lost`` when any had to be guessed."""
    if not masked.spans:
        return translation, [], False
    by_number = {sp.number: k for k, sp in enumerate(masked.spans)}
    found: dict[int, int] = {}
    lost = False
    tokens: list[tuple[str, int | None]] = []  # (text, span index) in output order
    pos = 0
    for m in _NUMBER.finditer(translation):
        k = by_number.get(int(m.group()))
        if k is None:
            continue
        tokens.append((translation[pos:m.start()], None))
        if k in found:
            lost = True  # a duplicate: keep the first
        else:
            found[k] = len(tokens)
            tokens.append(("", k))
        pos = m.end()
    tokens.append((translation[pos:], None))
    spans = masked.spans
    # a mark needs both ends, in order
    for k, sp in enumerate(spans):
        if sp.role == "open":
            c = sp.partner
            if k not in found or c not in found or found[k] > found[c]:
                found.pop(k, None)
                found.pop(c, None)
    placed = {tok[1] for tok in tokens if tok[1] is not None and tok[1] in found}
    lost = lost or len(placed) < len(spans)
    tokens = [tok for tok in tokens if tok[1] is None or tok[1] in placed]
    text_parts: list[str] = []
    for piece, k in tokens:
        text_parts.append(piece if k is None else f"\x00{k}\x00")
    skeleton = "".join(text_parts)
    if not _WORD.search(re.sub(r"\x00\d+\x00", "", skeleton)):
        # no words to carry the markup (an empty answer): the source as it is keeps every address
        return masked.source, [Mark(m.start, m.end, m.kind, m.href) for m in masked.marks], True
    skeleton, guessed = _reinsert(masked, skeleton, placed)
    return _spell(masked, skeleton, guessed) + (lost,)


def _reinsert(masked: Masked, skeleton: str, placed: set[int]) -> tuple[str, set[int]]:
    """Put lost spans back at the same relative place, at word boundaries, keeping the source order."""
    missing = [k for k in range(len(masked.spans)) if k not in placed and masked.spans[k].role != "close"]
    if not missing:
        return skeleton, set()
    src_order = _positions(masked)
    wrapped = _wrapped_words(masked)
    for k in missing:
        sp = masked.spans[k]
        words = _words_of(skeleton)
        n = len(words)
        frac = src_order[k]
        at = min(n, max(0, round(frac * n)))
        if sp.role == "opaque":
            cut = words[at][0] if at < n else len(skeleton)
            skeleton = skeleton[:cut] + f" \x00{k}\x00 " + skeleton[cut:]
        else:
            want = max(wrapped.get(k, 1), 1)
            if n == 0:
                skeleton += f" \x00{k}\x00\x00{sp.partner}\x00"
                continue
            at = min(at, n - 1)
            taken = _linked_words(masked, skeleton, words) if sp.mark is not None and sp.mark.kind == "link" else set()
            place = _same_words(sp.inner, skeleton, words, taken) or _free_run(at, min(want, n), n, taken)
            if place is None:  # every word already carries a link: the original words, linked, at the end
                end = len(skeleton.rstrip())
                while end > 0 and skeleton[end - 1] in ".!?…":
                    end -= 1
                skeleton = skeleton[:end] + f" \x00{k}\x00{sp.inner}\x00{sp.partner}\x00" + skeleton[end:]
                continue
            a, b = words[place[0]][0], words[place[1] - 1][1]
            while b - a > 1 and skeleton[b - 1] in ".,;:!?)\"'”’":
                b -= 1
            while b - a > 1 and skeleton[a] in "(\"'“‘":
                a += 1
            skeleton = skeleton[:a] + f"\x00{k}\x00" + skeleton[a:b] + f"\x00{sp.partner}\x00" + skeleton[b:]
    return skeleton, set(missing) | {masked.spans[k].partner for k in missing if masked.spans[k].role == "open"}


def _linked_words(masked: Masked, skeleton: str, words: list[tuple[int, int]]) -> set[int]:
    """Indices of the words that already lie inside a link (a link cannot hold another)."""
    where = {int(m.group(1)): m.start() for m in re.finditer(r"\x00(\d+)\x00", skeleton)}
    ranges = []
    for k, sp in enumerate(masked.spans):
        if sp.role == "open" and sp.mark is not None and sp.mark.kind == "link" and k in where and sp.partner in where:
            ranges.append((where[k], where[sp.partner]))
    return {i for i, (a, _) in enumerate(words) if any(lo <= a < hi for lo, hi in ranges)}


def _same_words(inner: str, skeleton: str, words: list[tuple[int, int]], taken: set[int]) -> tuple[int, int] | None:
    """Where the translation kept the marked words as they were (a name, a term): those words."""
    wanted = inner.split()
    if not wanted:
        return None
    texts = [skeleton[a:b].strip(".,;:!?()\"'") for a, b in words]
    for i in range(len(texts) - len(wanted) + 1):
        if texts[i: i + len(wanted)] == wanted and not any(j in taken for j in range(i, i + len(wanted))):
            return i, i + len(wanted)
    return None


def _free_run(at: int, want: int, n: int, taken: set[int]) -> tuple[int, int] | None:
    """The run of words nearest to ``at`` (``want`` long, or shorter down to one) that holds no taken word."""
    for size in range(max(want, 1), 0, -1):
        for dist in range(n):
            for start in (at - dist, at + dist):
                if 0 <= start and start + size <= n and not any(i in taken for i in range(start, start + size)):
                    return start, start + size
    return None


def _wrapped_words(masked: Masked) -> dict[int, int]:
    """Words of the source between each opening placeholder and its partner."""
    numbers = {str(sp.number): k for k, sp in enumerate(masked.spans)}
    words = masked.text.split()
    out: dict[int, int] = {}
    for k, sp in enumerate(masked.spans):
        if sp.role != "open":
            continue
        try:
            a, b = words.index(str(sp.number)), words.index(str(masked.spans[sp.partner].number))
        except ValueError:
            continue
        out[k] = sum(1 for w in words[a + 1: b] if w not in numbers)
    return out


def _words_of(skeleton: str) -> list[tuple[int, int]]:
    """Word spans of the translation, placeholders not counted."""
    out = []
    for m in re.finditer(r"\S+", skeleton):
        if not re.fullmatch(r"(\x00\d+\x00)+", m.group()):
            out.append(m.span())
    return out


def _positions(masked: Masked) -> dict[int, float]:
    """Each placeholder's place in the masked source, as a fraction of its words before it."""
    words = masked.text.split()
    numbers = {str(sp.number): k for k, sp in enumerate(masked.spans)}
    total = max(1, sum(1 for w in words if w not in numbers))
    seen, out = 0, {}
    for w in words:
        if w in numbers:
            out[numbers[w]] = seen / total
        else:
            seen += 1
    return out


def _spell(masked: Masked, skeleton: str, guessed: set[int]) -> tuple[str, list[Mark]]:
    """Replace placeholder slots with their text and collect the marks; tidy the spaces they leave."""
    out: list[str] = []
    marks: list[Mark] = []
    open_at: dict[int, int] = {}
    pieces = re.split(r"\x00(\d+)\x00", skeleton)

    def length() -> int:
        return sum(len(x) for x in out)

    for j, piece in enumerate(pieces):
        if j % 2 == 0:
            out.append(piece)
            continue
        k = int(piece)
        sp = masked.spans[k]
        glue_left = sp.glue_left and k not in guessed
        glue_right = sp.glue_right and k not in guessed
        if sp.role == "open" or (sp.role == "opaque" and glue_left):
            _trim_end(out, keep_space=sp.role == "open" and not glue_left)
        if sp.role == "opaque" or sp.text:  # a verbatim span, or an HTML tag of a pair
            start = length()
            out.append(sp.text)
            if sp.mark is not None:
                marks.append(Mark(start, length(), sp.mark.kind, sp.mark.href))
        if sp.role == "open":
            if j + 1 < len(pieces):
                pieces[j + 1] = pieces[j + 1].lstrip()
            open_at[k] = length()
        elif sp.role == "close":
            if sp.text:  # the closing tag was written after the trimmed words
                tag = out.pop()
                marks.pop()
                _trim_end(out, keep_space=False)
                start = length()
                out.append(tag)
                marks.append(Mark(start, length(), "raw", sp.mark.href if sp.mark else None))
            else:
                _trim_end(out, keep_space=False)
                start = open_at.get(sp.partner)
                if start is not None and start < length() and sp.mark is not None:
                    marks.append(Mark(start, length(), sp.mark.kind, sp.mark.href))
            open_at.pop(sp.partner, None)
        if glue_right and j + 1 < len(pieces):
            pieces[j + 1] = pieces[j + 1].lstrip()
    text = "".join(out)
    # collapse runs of spaces left by removed placeholders, moving marks with the text
    result, shift, mapping = [], 0, []
    prev_space = True
    for ch in text:
        if ch.isspace():
            if prev_space:
                mapping.append(len(result))
                shift += 1
                continue
            result.append(" ")
            prev_space = True
        else:
            result.append(ch)
            prev_space = False
        mapping.append(len(result) - 1)
    mapping.append(len(result))
    clean = "".join(result)
    while clean.endswith(" "):
        clean = clean[:-1]

    def at(i: int, end: bool) -> int:
        if end:
            return min(len(clean), mapping[i - 1] + 1 if i > 0 else 0)
        return min(len(clean), mapping[i] if i < len(mapping) else len(clean))

    fixed = []
    for mk in marks:
        s, e = at(mk.start, False), at(mk.end, True)
        while s < e and clean[s] == " ":
            s += 1
        while e > s and clean[e - 1] == " ":
            e -= 1
        if s < e:
            fixed.append(Mark(s, e, mk.kind, mk.href))
    fixed.sort(key=lambda m: (m.start, -m.end))
    return clean, fixed


def _trim_end(out: list[str], keep_space: bool) -> None:
    """Drop the space a placeholder stood after (an opening mark keeps one between words)."""
    if out and out[-1].endswith(" "):
        out[-1] = out[-1].rstrip(" ") + (" " if keep_space else "")
