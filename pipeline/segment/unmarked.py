"""Where a sentence ends without a sentence mark: line ends, joined headlines, emoji.

Why apart from the mark rules: these cuts are found before the candidates after a mark are judged, and they
bound the sentence a candidate is in (a list marker counts only at a sentence start). A line end closes a
headline or a list line unless the line was hard-wrapped (``_line_cuts``); a capitalised function word
right after a name or number starts a new sentence of a joined headline (``_run_on_cuts``); emoji before a
capitalised opener end a sentence that has no mark. A letter's salutation or closing line ("Dengan hormat,",
``rules/letter_formulas_id.txt``) is a unit though it ends with a comma; a short title line ending with a comma
before a titled name ("Kepala Dinas,\nDrs. Asep") is a signature block.
"""

from __future__ import annotations

import re
from functools import lru_cache

from pipeline.segment.rules import Abbreviations, word_list
from pipeline.segment.tokens import CITATIONS, EMOJI, WORD

#: A sentence without a mark that ends with emoji before a capitalised opener: "macet parah 😩 Sudah satu jam".
_EMOJI_END = re.compile(rf"(?<=[^\W_])[ \t]+[{EMOJI}]+(?=[ \t]+[A-Z][a-z]*[ \t]+[a-z])")
_LIST_LINE = re.compile(r"(?:[-–—•·*▪►‣◦]|\d{1,3}[.)]|[A-Za-z][.)])\s")
#: Line end that continues on the next line (a hard wrap), not a headline or a list line.
_WRAP_END = re.compile(r"[,;(\-–/&+=]$")
_LINE_END_MARK = re.compile(rf"(?:[.!?‽…])[\"”’'»›)\]}}]*{CITATIONS}$")
#: Lines shorter than this are not hard-wrapped prose even if the next word would not have fit.
WRAP_MIN_CHARS = 40


def unmarked_cuts(text: str, abbrevs: Abbreviations, english: bool) -> list[int]:
    """The sorted offsets where a sentence ends without a mark (the joined-headline rule is Indonesian only)."""
    cuts = _line_cuts(text, abbrevs) if "\n" in text else []
    if not english:
        run_on = _run_on_cuts(text)
        if run_on:
            cuts = sorted(set(cuts + run_on))
    emoji_end = [m.end() for m in _EMOJI_END.finditer(text)] if not text.isascii() else []
    if emoji_end:
        cuts = sorted(set(cuts + emoji_end))
    return cuts


def _line_cuts(text: str, abbrevs: Abbreviations) -> list[int]:
    """Cuts at line ends that close a headline or a list line; hard-wrapped lines are joined."""
    lines: list[tuple[int, int]] = []  # [start, end) of each line, without the newline
    start = 0
    for m in re.finditer("\n", text):
        lines.append((start, m.start()))
        start = m.end()
    lines.append((start, len(text)))
    width = max(len(text[s:e].rstrip()) for s, e in lines)
    # one sentence per line (most lines end with a sentence mark): an unpunctuated line is a headline too
    ended = sum(1 for s, e in lines[:-1] if _LINE_END_MARK.search(text[s:e].rstrip()))
    per_line = ended >= 2 and ended >= 0.6 * (len(lines) - 1)
    return [e for (s, e), (ns, ne) in zip(lines, lines[1:])
            if _line_ends(text[s:e].strip(), text[ns:ne].strip(), per_line, width, abbrevs)]


def _line_ends(line: str, nxt: str, per_line: bool, width: int, abbrevs: Abbreviations) -> bool:
    """Whether a sentence ends at the end of ``line`` (stripped), with ``nxt`` the line after it.

    Why "would the next word have fit": a writer who wraps by hand breaks only when the line is full,
    so a line that still had room for the next word ends where the writer meant it to.
    """
    if not line or not nxt:
        return True  # an empty line inside the block: always a break
    if _LIST_LINE.match(nxt):
        return True
    if _LINE_END_MARK.search(line):
        return False  # ends with a sentence mark: the sentence rules decide
    if line.rstrip(",").lower() in word_list("letter_formulas_id.txt"):
        return True  # "Dengan hormat," / "Hormat kami,": a letter's salutation or closing is a line of its own
    if line.endswith(",") and len(line) < WRAP_MIN_CHARS and _line_shape(line) == "title" and _titled_name(nxt, abbrevs):
        return True  # a signature block: "Plt. Kepala Dinas Pendidikan," then "Drs. Asep Saepudin, M.Pd."
    if _WRAP_END.search(line) or nxt[0].islower():
        return False
    if line.rsplit(None, 1)[-1].lower() in _CONTINUATION:
        return False
    if _LIST_LINE.match(line) or _LABEL_LINE.match(line):
        return True  # a list line or a "Baca juga:" / "Oleh:" line is a unit of its own
    if per_line or len(line) < WRAP_MIN_CHARS or _opens_unit(nxt):
        return True  # the next line opens with a dateline or a pronoun: this line ended, mark or not
    shape = _line_shape(line)
    if shape == "prose":
        return False  # a sentence-case line without a mark: the sentence goes on (hard wrap)
    # the line was full (the next word would not have fit): a hard wrap
    return shape == "title" or len(line) + 1 + len(nxt.split(None, 1)[0]) <= width


def _titled_name(line: str, abbrevs: Abbreviations) -> bool:
    """Whether a line opens with a title before a name (``Drs. Asep``, ``Dr. Ir. Budi``): a signer's line."""
    tok = line.split(None, 1)[0]
    return (tok.endswith(".") and abbrevs.classify(tok) == "title" and tok[0].isupper()
            and len(line.split()) >= 2)


#: A line that opens with a one- or two-word label and a colon: "Baca juga: ...", "Oleh: ...", "Editor: ...".
_LABEL_LINE = re.compile(r"[A-Z][^\W\d_]*(?: [^\W\d_]+)?:\s")


#: A dateline that opens a news body: "JAKARTA, KOMPAS.com -", "BANDUNG (Antara) -", "TRIBUNNEWS.COM, JAKARTA -".
_DATELINE = re.compile(r"[A-Z][A-Z.]{2,}(?:,? [A-Z][\w.]*){0,3}\s*(?:\([^()\n]{1,30}\)\s*)?[-–—]\s")
#: Capitalised words that also stand inside names ("Minggu pagi", "Menteri Dalam Negeri", "Yang Mulia"):
#: at the start of a line they do not prove that a new sentence opened.
_NAME_WORDS = frozenset("hari tahun pekan minggu bulan dalam yang para ini itu sebuah tentang pada".split())


def _opens_unit(line: str) -> bool:
    """Whether a line opens with a dateline or a common sentence opener (a pronoun, a conjunction), so the
    unpunctuated line before it ended there: a hard wrap would go on with a lower-case word or a name."""
    if _DATELINE.match(line):
        return True
    m = WORD.match(line)
    if not m or not m.group(0)[0].isupper():
        return False
    w = m.group(0).lower()
    return w in word_list("sentence_starters_id.txt") and w not in _NAME_WORDS


def _line_shape(line: str) -> str:
    """"title" when every content word after the first is capitalised (a headline, a byline, a dateline),
    "prose" when many are lower case (running text cut by a hard wrap), else "mixed".

    Why: headlines in Indonesian news are written in title case, running sentences are not; a long line of
    running text that ends without a mark was wrapped, whatever the width of the other lines.
    """
    words = WORD.findall(line)[1:]
    content = [w for w in words if w.lower() not in _CONTINUATION]
    lower = sum(1 for w in content if w[0].islower())
    if lower == 0:
        return "title"
    if lower >= 2 and lower >= 0.25 * len(content):
        return "prose"
    return "mixed"


#: Words that cannot end a headline or a list line: a line ending in one of them was wrapped.
_CONTINUATION = frozenset(
    "dan atau yang di ke dari untuk dengan pada oleh bagi dalam serta tetapi namun karena bahwa sebagai "
    "para sang si the a an of and or to in on at for with by from that".split()
)


def _run_on_cuts(text: str) -> list[int]:
    """Cuts before a capitalised sentence opener that follows a name or number without punctuation."""
    starters = word_list("sentence_starters_id.txt")
    cuts = []
    for m in _run_on_pattern().finditer(text):
        head = text[max(0, m.start() - 80) : m.start()].rsplit(None, 2)
        if len(head) < 2:
            continue  # the previous word opens the text: "Tetapi Mereka ..." is one sentence
        before, prev = head[-2], head[-1]
        if before[-1] in ".!?…:;\"”’'" or prev.lower() in starters:
            continue  # the previous word opens a sentence itself
        if prev[0].isupper() or prev[-1].isdigit():
            cuts.append(m.start())
    return cuts


@lru_cache(maxsize=1)
def _run_on_pattern() -> re.Pattern[str]:
    """A space after a letter or digit, a capitalised opener, then a comma or a lower-case word."""
    words = sorted((w.capitalize() for w in word_list("run_on_openers_id.txt")), key=len, reverse=True)
    return re.compile(rf"(?<=[^\W_])\s+(?:{'|'.join(map(re.escape, words))})(?=,|\s+[a-z])")
