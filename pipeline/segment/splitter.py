"""Indonesian (and English) sentence splitter: rules over a block's text, word lists in data files.

Why spans and not strings: the invariant that sentences are exact, ordered, non-overlapping substrings of
the block is what lets every later stage (and a reviewer) trust that nothing was lost or reordered.

Why rules: every cut is decided at a candidate (a sentence mark followed by a space, or a line end) by
looking at the word before it and the word after it. Indonesian news breaks general splitters on a few
classes: titles before names (``Dr.``, ``Jl.``, ``PT.``), the same abbreviations closing a sentence
(``dkk. Mereka``), initials (``Susilo B. Yudhoyono``), numbered list items (``81. selama``), quotations
with a speech tag (``"Apa?" tanya dia.``, ``“Jangan!” Budi berteriak.``) and new sentences that open in lower
case. Each class is one rule in ``boundary.py``; the words the rules need (abbreviations, common sentence
openers, speech verbs) live in ``pipeline/segment/rules/*.txt`` so that a user can extend them without
touching code.

Cuts that need no sentence mark (line ends of headlines and list lines, joined headlines, emoji) are found
first, in ``unmarked.py``. Wiki citation marks after the period ("lahir 1927.[1]") belong to the sentence,
and a dash then a lower-case speech verb ("— Kau datang? — tanyanya.") is a novel's dialogue tag.
Emoji and hashtags after the mark ("lulus! 🎓 #Wisuda") belong to the sentence; "Langkah 1." opens a
numbered step. No cut is made inside a short parenthesis. A lone capital letter is an initial after a name
but a label or a unit after a label noun or a number (``Grup B.``, ``Rp 3,2 M.``,
``pipeline/segment/rules/label_nouns_id.txt``). ``bench/segmentation.py`` measures all of it on gold data:
the dev set (Wikipedia-style) and ``tests/data/seg_hard*.jsonl`` (hard cases written for this project).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable

from pipeline.segment.boundary import OPENING_CHARS, QUOTE_CLOSERS, Candidate, Lexicon, is_boundary
from pipeline.segment.rules import Abbreviations, check_lang, load_abbreviations, word_list
from pipeline.segment.speech import is_speech_verb
from pipeline.segment.tokens import CITATIONS, EMOJI, SPACE, WORD
from pipeline.segment.unmarked import unmarked_cuts

#: After the mark, a social-media post puts emoji and hashtags that still belong to the sentence: "lulus! 🎓🎉",
#: "diskon 70%! 🔥 #Harbolnas #Promo". Hashtags count only when a capitalised word or the end follows (a hashtag
#: before a lower-case word is the subject of the next sentence: "#TolakRUU menjadi trending").
_TRAILERS = (rf"(?:[ \t]+[{EMOJI}]+(?=\s|$))*"
             rf"(?:(?:[ \t]+#[^\W_][\w]*)+(?=[ \t]*(?:\n|$)|[ \t]+[\"“‘(]?[A-Z]))?(?:[ \t]+[{EMOJI}]+(?=\s|$))*")
#: A sentence mark (. ! ? and the ellipses ... … . . .), then closing quotes or brackets, then citation marks,
#: then trailing emoji and hashtags, then a space.
_CANDIDATE = re.compile(rf"[.!?…‽](?:[.!?…‽]|[ \t]\.)*([\"”’'»›)\]}}]*){CITATIONS}{_TRAILERS}(?=\s|$)")
_OPENERS = frozenset(OPENING_CHARS)
_QUOTE_OPENERS = frozenset("\"“‘'«‹`„‚")
#: Characters that start a list line or a dash-introduced sentence.
_BULLETS = frozenset("-–—•·*▪►‣◦")


def sentence_spans(
    text: str, abbreviations: Iterable[str] | None = None, *, lang: str = "id"
) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences of ``text``, stripped of surrounding whitespace.

    ``abbreviations``: from :func:`~pipeline.segment.rules.load_abbreviations` (a plain set of strings also
    works); default: the built-in list for ``lang``. ``lang="en"`` splits English (e.g. machine
    translations): there a period followed by a lower-case word never ends a sentence.
    """
    lex = _lexicon(abbreviations, lang)
    line_cuts = unmarked_cuts(text, lex.abbrevs, lex.english)
    cuts: list[int] = list(line_cuts)
    last_cut = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        j = SPACE.match(text, m.end()).end()
        if j >= n:
            break
        c = _candidate(text, m, j, _sentence_start(text, line_cuts, last_cut, m.start()), lex)
        if is_boundary(c, lex) and not _inside_brackets(text, c.sent_start, m.end()):
            cuts.append(m.end())
            last_cut = m.end()
    return _spans(text, cuts)


def _lexicon(abbreviations: Iterable[str] | None, lang: str) -> Lexicon:
    check_lang(lang)
    if abbreviations is None:
        abbrevs = load_abbreviations(lang=lang)
    elif isinstance(abbreviations, Abbreviations):
        abbrevs = abbreviations
    else:
        abbrevs = Abbreviations(abbreviations)
    return Lexicon(abbrevs, word_list(f"sentence_starters_{lang}.txt"), word_list(f"speech_verbs_{lang}.txt"),
                   lang == "en")


def _sentence_start(text: str, line_cuts: list[int], last_cut: int, mark_start: int) -> int:
    """Where the sentence that a mark at ``mark_start`` would end starts: after the last cut before it."""
    k = bisect_right(line_cuts, mark_start)
    start = max(last_cut, line_cuts[k - 1] if k else 0)
    return SPACE.match(text, start).end()


def _candidate(text: str, m: re.Match[str], j: int, sent_start: int, lex: Lexicon) -> Candidate:
    """What the rules look at for the mark matched by ``m``: the token before it and what follows at ``j``."""
    mark_start = m.start()
    ts = mark_start  # the token before the mark, from the previous space
    while ts > 0 and not text[ts - 1].isspace():
        ts -= 1
    q = j
    while q < len(text) and text[q] in _OPENERS:
        q += 1
    quoted = any(ch in _QUOTE_OPENERS for ch in text[j:q])
    kind, q = _next_kind(text, j, q, lex.verbs)
    wm = WORD.match(text, q) if kind in ("upper", "lower") else None
    word = wm.group(0) if wm else ""
    tok, closers = text[ts:mark_start], m.group(1)
    return Candidate(
        text=text, ts=ts, tok=tok, core=tok.lstrip(OPENING_CHARS), mark=text[mark_start : m.start(1)],
        closers=closers, quote_closed=any(ch in QUOTE_CLOSERS for ch in closers), sent_start=sent_start, j=j,
        kind=kind, word=word, starter=kind == "upper" and word.lower() in lex.starters, quoted=quoted,
        speech=bool(word) and is_speech_verb(word, lex.verbs),
    )


def _next_kind(text: str, j: int, q: int, verbs: frozenset[str]) -> tuple[str, int]:
    """What follows the space at ``j`` (``q``: after any opening quotes), and where its word starts."""
    c = text[j]
    if c in _BULLETS and (j + 1 >= len(text) or text[j + 1].isspace() or text[j + 1] in _BULLETS):
        if c in "—–-":
            # novel dialogue: "— Kau datang? — tanyanya." (a dash, then a lower-case speech tag)
            tag = WORD.match(text, SPACE.match(text, j + 1).end())
            if tag and tag.group(0)[0].islower() and is_speech_verb(tag.group(0), verbs):
                return "lower", tag.start()
        return "bullet", q
    if q >= len(text):
        return "other", q
    ch = text[q]
    if ch.islower():
        return "lower", q
    if ch.isdigit():
        return "digit", q
    if ch.isalpha():
        return "upper", q  # upper case, or a script without case
    return "other", q


def _spans(text: str, cuts: list[int]) -> list[tuple[int, int]]:
    """The sentences between the cuts, each stripped of the space around it; none for a blank text."""
    if not cuts:
        s = SPACE.match(text).end()
        e = len(text.rstrip())
        return [(s, e)] if e > s else []
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [len(text)]:
        s = SPACE.match(text, start).end()
        e = cut
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


def _inside_brackets(text: str, start: int, end: int) -> bool:
    """Whether ``end`` lies inside a bracket that closes before any other sentence mark: "(SSK. II)",
    "(Ingg. scale, Lat. squama)". A sentence does not end inside a short parenthesis."""
    seg = text[start:end]
    if seg.count("(") <= seg.count(")"):
        return False
    close = text.find(")", end, end + 200)
    if close < 0 or text.find("(", end, close) >= 0:
        return False
    return _CANDIDATE.search(text, end, close + 1) is None

