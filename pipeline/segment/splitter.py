"""Indonesian (and English) sentence splitter: rules over a block's text, word lists in data files.

Why spans and not strings: the invariant that sentences are exact, ordered, non-overlapping substrings of
the block is what lets every later stage (and a reviewer) trust that nothing was lost or reordered.

Why rules: every cut is decided at a candidate (a sentence mark followed by a space, or a line end) by
looking at the word before it and the word after it. Indonesian news breaks general splitters on a few
classes: titles before names (``Dr.``, ``Jl.``, ``PT.``), the same abbreviations closing a sentence
(``dkk. Mereka``), initials (``Susilo B. Yudhoyono``), numbered list items (``81. selama``), quotations
with a speech tag (``"Apa?" tanya dia.``, ``“Jangan!” Budi berteriak.``) and new sentences that open in lower case. Each class is one
rule below; the words the rules need (abbreviations, common sentence openers, speech verbs) live in
``pipeline/segment/rules/*.txt`` so that a user can extend them without touching code.

Two kinds of cut need no sentence mark: a line end that closes a headline or a list line (``_line_cuts``),
and a capitalised function word right after a name or number (``_run_on_cuts``: a joined headline).
A letter's salutation or closing line ("Dengan hormat,", ``pipeline/segment/rules/letter_formulas_id.txt``) is a unit
though it ends with a comma. Wiki citation marks after the period ("lahir 1927.[1]") belong to the sentence,
and a dash then a lower-case speech verb ("— Kau datang? — tanyanya.") is a novel's dialogue tag.
Emoji and hashtags after the mark ("lulus! 🎓 #Wisuda") belong to the sentence, emoji before a capitalised
opener end an unmarked one; "Langkah 1." opens a numbered step; a short title line ending with a comma before
a titled name ("Kepala Dinas,\nDrs. Asep") is a signature block.
No cut is made inside a short parenthesis. A lone capital letter is an initial after a name but a label
or a unit after a label noun or a number (``Grup B.``, ``Rp 3,2 M.``, ``pipeline/segment/rules/label_nouns_id.txt``).
``bench/segmentation.py`` measures all of it on gold data: the dev set (Wikipedia-style) and
``tests/data/seg_hard.jsonl`` (news-style hard cases written for this project).
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Iterable
from functools import lru_cache

from pipeline.segment.rules import Abbreviations, check_lang, load_abbreviations, word_list

#: Citation marks a wiki puts after the sentence mark: "[1]", "[3][4]", "[butuh rujukan]", "[a]".
_CITATIONS = r"(?:\[[^\[\]\n]{1,30}\])*"
#: A sentence mark (. ! ? and the ellipses ... … . . .), then closing quotes or brackets, then citation marks,
#: then a space.
#: Emoji (pictographs, symbols, joiners, variation selectors, skin tones; not flags, which stand for names).
_EMOJI = "\u2600-\u27bf\u2b00-\u2bff\u200d\ufe0f\U0001f300-\U0001faff"
#: After the mark, a social-media post puts emoji and hashtags that still belong to the sentence: "lulus! 🎓🎉",
#: "diskon 70%! 🔥 #Harbolnas #Promo". Hashtags count only when a capitalised word or the end follows (a hashtag
#: before a lower-case word is the subject of the next sentence: "#TolakRUU menjadi trending").
_TRAILERS = (rf"(?:[ \t]+[{_EMOJI}]+(?=\s|$))*"
             rf"(?:(?:[ \t]+#[^\W_][\w]*)+(?=[ \t]*(?:\n|$)|[ \t]+[\"“‘(]?[A-Z]))?(?:[ \t]+[{_EMOJI}]+(?=\s|$))*")
_CANDIDATE = re.compile(rf"[.!?…‽](?:[.!?…‽]|[ \t]\.)*([\"”’'»›)\]}}]*){_CITATIONS}{_TRAILERS}(?=\s|$)")
#: A sentence without a mark that ends with emoji before a capitalised opener: "macet parah 😩 Sudah satu jam".
_EMOJI_END = re.compile(rf"(?<=[^\W_])[ \t]+[{_EMOJI}]+(?=[ \t]+[A-Z][a-z]*[ \t]+[a-z])")
_OPENERS = frozenset("\"“‘'«‹([{`„‚")
_QUOTE_OPENERS = frozenset("\"“‘'«‹`„‚")
_CLOSERS = frozenset("\"”’'»›)]}")
#: Characters that start a list line or a dash-introduced sentence.
_BULLETS = frozenset("-–—•·*▪►‣◦")
_SPACE = re.compile(r"\s*")
_WORD = re.compile(r"[^\W_]+(?:[-'’][^\W_]+)*")
#: A list marker standing alone at the start of a sentence: "81.", "b.", "IV.".
_LIST_TOKEN = re.compile(r"\d{1,3}|[A-Za-z]|[IVXivx]{1,5}")
_LIST_LINE = re.compile(r"(?:[-–—•·*▪►‣◦]|\d{1,3}[.)]|[A-Za-z][.)])\s")
#: Initials written together: "A.M." "R.A." (upper case only: they stand before a name).
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
#: Lower-case letter runs (a.n., s.d., e.g.) and academic degrees (S.Kom., M.Si., A.Md.).
_LETTER_RUN = re.compile(r"(?:[a-z]\.)+[a-z]")
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,2}\.)+[A-Z][a-z]{1,3}")
#: The next word looks like an abbreviation itself ("M.H.", "Dr."), so the previous one did not end a sentence.
_ABBREV_AHEAD = re.compile(r"(?:[A-Za-z]{1,4}\.){2,4}(?=\s|,|$)")
#: Line end that continues on the next line (a hard wrap), not a headline or a list line.
_WRAP_END = re.compile(r"[,;(\-–/&+=]$")
_LINE_END_MARK = re.compile(rf"(?:[.!?‽…])[\"”’'»›)\]}}]*{_CITATIONS}$")
_BROKEN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THREE_DIGITS = re.compile(r"\d{3}(?![\d.,])")
_FILE_EXTENSIONS = frozenset(
    "jpg jpeg png gif svg webp pdf doc docx xls xlsx ppt pptx txt html htm php mp3 mp4 zip".split()
)
#: Lines shorter than this are not hard-wrapped prose even if the next word would not have fit.
WRAP_MIN_CHARS = 40


def _is_speech_verb(word: str, verbs: frozenset[str]) -> bool:
    w = word.lower()
    # a possessive ending names the speaker: tanyanya (he asked), jawabku (I answered), katamu (you said)
    return w in verbs or any(w.endswith(e) and w[: -len(e)] in verbs for e in ("nya", "ku", "mu"))


_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
#: Verb prefixes and suffixes, with the consonant a nasal prefix swallows ("menegaskan" = meN- + tegas + -kan).
_PREFIXES = (("menge", ""), ("meny", "s"), ("meng", "k"), ("meng", ""), ("mem", "p"), ("mem", ""), ("men", "t"),
             ("men", ""), ("me", ""), ("ber", ""), ("be", ""))


def _is_prefixed_speech_verb(word: str, verbs: frozenset[str]) -> bool:
    """``berteriak``, ``menjawab``, ``menegaskan``: a speech verb (``teriak``, ``jawab``, ``tegas``) with the
    active prefix, which follows its subject ("Budi berteriak") where the bare form precedes it ("teriak Budi")."""
    w = word.lower()
    for suffix in ("kan", "i", ""):
        if suffix and not w.endswith(suffix):
            continue
        stem = w[: len(w) - len(suffix)] if suffix else w
        for prefix, restore in _PREFIXES:
            if stem.startswith(prefix) and len(stem) > len(prefix) + 2 and restore + stem[len(prefix):] in verbs:
                return True
    return False


def _named_speaker(text: str, j: int, verbs: frozenset[str]) -> bool:
    """Whether ``text[j:]`` is a speech tag with its subject first: one to three capitalised words (a name or
    a title and a name), then a prefixed speech verb."""
    pos = j
    for _ in range(3):
        m = _NAME_WORD.match(text, pos)
        if not m:
            return False
        pos = _SPACE.match(text, m.end()).end()
        w = _WORD.match(text, pos)
        if w and w.group(0)[0].islower():
            return _is_prefixed_speech_verb(w.group(0), verbs)
    return False


def _line_cuts(text: str, abbrevs: Abbreviations) -> list[int]:
    """Cuts at line ends that close a headline or a list line; hard-wrapped lines are joined.

    Why "would the next word have fit": a writer who wraps by hand breaks only when the line is full,
    so a line that still had room for the next word ends where the writer meant it to.
    """
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
    cuts = []
    for (s, e), (ns, ne) in zip(lines, lines[1:]):
        line = text[s:e].strip()
        nxt = text[ns:ne].strip()
        if not line or not nxt:
            cuts.append(e)  # an empty line inside the block: always a break
            continue
        if _LIST_LINE.match(nxt):
            cuts.append(e)
            continue
        if _LINE_END_MARK.search(line):
            continue  # ends with a sentence mark: the sentence rules decide
        if line.rstrip(",").lower() in word_list("letter_formulas_id.txt"):
            cuts.append(e)  # "Dengan hormat," / "Hormat kami,": a letter's salutation or closing is a line of its own
            continue
        if line.endswith(",") and len(line) < WRAP_MIN_CHARS and _line_shape(line) == "title" and _titled_name(nxt, abbrevs):
            cuts.append(e)  # a signature block: "Plt. Kepala Dinas Pendidikan," then "Drs. Asep Saepudin, M.Pd."
            continue
        if _WRAP_END.search(line) or nxt[0].islower():
            continue
        last_word = line.rsplit(None, 1)[-1].lower()
        if last_word in _CONTINUATION:
            continue
        if _LIST_LINE.match(line) or _LABEL_LINE.match(line):
            cuts.append(e)  # a list line or a "Baca juga:" / "Oleh:" line is a unit of its own
            continue
        if not per_line and len(line) >= WRAP_MIN_CHARS:
            shape = _line_shape(line)
            if _opens_unit(nxt):
                pass  # the next line opens with a dateline or a pronoun: this line ended, mark or not
            elif shape == "prose":
                continue  # a sentence-case line without a mark: the sentence goes on (hard wrap)
            elif shape != "title" and len(line) + 1 + len(nxt.split(None, 1)[0]) > width:
                continue  # the line was full: a hard wrap
        cuts.append(e)
    return cuts


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
    m = _WORD.match(line)
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
    words = _WORD.findall(line)[1:]
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


def sentence_spans(
    text: str, abbreviations: Iterable[str] | None = None, *, lang: str = "id"
) -> list[tuple[int, int]]:
    """Return [start, end) spans of the sentences of ``text``, stripped of surrounding whitespace.

    ``abbreviations``: from :func:`load_abbreviations` (a plain set of strings also works); default: the
    built-in list for ``lang``. ``lang="en"`` splits English (e.g. machine translations): there a
    period followed by a lower-case word never ends a sentence.
    """
    check_lang(lang)
    if abbreviations is None:
        abbrevs = load_abbreviations(lang=lang)
    elif isinstance(abbreviations, Abbreviations):
        abbrevs = abbreviations
    else:
        abbrevs = Abbreviations(abbreviations)
    starters = word_list(f"sentence_starters_{lang}.txt")
    verbs = word_list(f"speech_verbs_{lang}.txt")
    english = lang == "en"

    line_cuts = _line_cuts(text, abbrevs) if "\n" in text else []
    if not english:
        run_on = _run_on_cuts(text)
        if run_on:
            line_cuts = sorted(set(line_cuts + run_on))
    emoji_end = [m.end() for m in _EMOJI_END.finditer(text)] if not text.isascii() else []
    if emoji_end:
        line_cuts = sorted(set(line_cuts + emoji_end))
    cuts: list[int] = list(line_cuts)
    last_cut = 0
    n = len(text)
    for m in _CANDIDATE.finditer(text):
        j = _SPACE.match(text, m.end()).end()
        if j >= n:
            break
        mark_start = m.start()
        closers = m.group(1)
        mark = text[mark_start : m.start(1)]
        # the token before the mark, from the previous space
        ts = mark_start
        while ts > 0 and not text[ts - 1].isspace():
            ts -= 1
        tok = text[ts:mark_start]
        # where the current sentence starts (for list markers)
        k = bisect_right(line_cuts, mark_start)
        sent_start = max(last_cut, line_cuts[k - 1] if k else 0)
        sent_start = _SPACE.match(text, sent_start).end()
        # what follows
        c = text[j]
        q = j
        while q < n and text[q] in _OPENERS:
            q += 1
        quoted = any(ch in _QUOTE_OPENERS for ch in text[j:q])
        if c in _BULLETS and (j + 1 >= n or text[j + 1].isspace() or text[j + 1] in _BULLETS):
            nk = "bullet"
            if c in "—–-":
                # novel dialogue: "— Kau datang? — tanyanya." (a dash, then a lower-case speech tag)
                tag = _WORD.match(text, _SPACE.match(text, j + 1).end())
                if tag and tag.group(0)[0].islower() and _is_speech_verb(tag.group(0), verbs):
                    nk, q = "lower", tag.start()
        elif q >= n:
            nk = "other"
        else:
            ch = text[q]
            if ch.islower():
                nk = "lower"
            elif ch.isdigit():
                nk = "digit"
            elif ch.isalpha():
                nk = "upper"  # upper case, or a script without case
            else:
                nk = "other"
        wm = _WORD.match(text, q) if nk in ("upper", "lower") else None
        word = wm.group(0) if wm else ""
        starter = nk == "upper" and word.lower() in starters

        if mark == "." and not closers and tok.isdigit() and _STEP_LABEL.fullmatch(text, sent_start, ts):
            continue  # "Langkah 1. Cuci beras ...", "Tahap 2. Peserta ...": a numbered step label, not a sentence
        if _decide(mark, closers, tok, ts == sent_start, text, ts, nk, word, starter, quoted, j,
                   abbrevs, verbs, english) and not _inside_brackets(text, sent_start, m.end()):
            cuts.append(m.end())
            last_cut = m.end()

    if not cuts:
        s = _SPACE.match(text).end()
        e = len(text.rstrip())
        return [(s, e)] if e > s else []
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in sorted(set(cuts)) + [n]:
        s = _SPACE.match(text, start).end()
        e = cut
        while e > s and text[e - 1].isspace():
            e -= 1
        if e > s:
            spans.append((s, e))
        start = cut
    return spans


#: One step noun before the number at the start of a sentence ("Langkah 1.", "Tahap 2.", "Step 3.").
_STEP_LABEL = re.compile(r"(?:Langkah|Tahap|Tahapan|Step|Fase|Bagian|Cara) ", re.IGNORECASE)


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


def _decide(
    mark: str, closers: str, tok: str, at_start: bool, text: str, ts: int, nk: str, word: str, starter: bool,
    quoted: bool, j: int, abbrevs: Abbreviations, verbs: frozenset[str], english: bool,
) -> bool:
    """Is the candidate after ``tok + mark + closers`` a sentence boundary? One branch per error class."""
    if tok and tok[-1] in "([{":
        return False  # "(?)", "(!)": a mark in brackets is a comment, not an ending
    core = tok.lstrip("\"“‘'«‹([{`„‚")
    if nk == "bullet":
        return True
    if nk == "lower" and closers and closers[-1] in ")]}" and not any(ch in "\"”’'»›" for ch in closers):
        return False  # "Dia (Budi, red.) mengaku", "(atau tidak mau tahu?) soal itu": the bracket sat mid-sentence
    speech = bool(word) and _is_speech_verb(word, verbs)
    if closers and any(ch in "\"”’'»›" for ch in closers) and (nk == "lower" or speech):
        return False  # "Apa?" tanya dia.  /  “Saya pergi.” katanya.
    if (mark in "?!" and nk == "upper" and not starter and any(ch in "\"”’'»›" for ch in closers)
            and _named_speaker(text, j, verbs)):
        return False  # “Jangan!” Budi berteriak.  /  “Siapa?” Kapten Andi bertanya.
    if "?" in mark or "!" in mark or "‽" in mark:
        if not closers and abbrevs.classify(core + mark) is not None:
            return starter  # Yahoo! Jeopardy!
        if nk == "lower":
            return not (english or speech)
        return True
    if mark != ".":  # an ellipsis
        if nk in ("lower", "digit"):
            return False  # "tunggu... dia datang", "tunggu… 5 menit"
        return True
    # --- a single period ---
    if closers == ")" and tok.startswith("(") and abbrevs.classify(core + ".") == "title":
        return starter  # "Jenderal TNI (Purn.) Moeldoko": a bracketed title stands before the name
    if closers or (core and core[-1] in _CLOSERS):
        # "(lihat hlm. 5.)" / "Seoul). pada": the token is closed, no abbreviation can be inside
        return nk != "lower" or not english
    if _LIST_TOKEN.fullmatch(core) and (at_start or _inline_list_item(text, core, ts)):
        return False  # "81. selama satu hari", "syaratnya: a. WNI; b. berusia 17 tahun": a list item marker
    if nk == "lower":
        if english:
            return False
    if nk == "upper" and abbrevs.classify(word + ".") == "end" and text.startswith(".", j + len(word)):
        return False  # "Hyundai Merchant Marine. Co. Ltd.": a company suffix never opens a sentence
    cls = abbrevs.classify(core + ".")
    if cls is None and "/" in core and core[-1].isalpha():
        cls = abbrevs.classify(core.rsplit("/", 1)[1] + ".")  # "RT. 02/RW. 07": the abbreviation after a slash
    if cls is None and len(core) == 1 and core.isalpha():
        # an upper-case letter is an initial before a name (Susilo B. Yudhoyono, kata M. Yusuf) unless a
        # common sentence opener follows; a lower-case one is a unit or a label (1000 Mbit/s.)
        if nk in ("lower", "digit"):
            return False
        if core.islower() or core in "IVX" and _ROMAN_AFTER_NAME.search(text, max(0, ts - 80), ts):
            return True  # "1000 Mbit/s.", "Sri Sultan Hamengku Buwono X." (a regnal number, not an initial)
        return (starter or quoted or nk == "other"
                or (not english and (_after_label_noun(text, ts) and not _INITIAL_AHEAD.match(text, j)
                                     or _is_label(text, core, ts))))
    if cls is None and (_INITIALS.fullmatch(core) or _LETTER_RUN.fullmatch(core)):
        cls = "title"
    elif cls is None and _DEGREE.fullmatch(core):
        cls = "end"
    if cls == "title" and "." in core and core[0].isupper() and text[max(0, ts - 8) : ts].rstrip().endswith(","):
        cls = "end"  # "Budi Santoso, S.H." is a degree after a name, not initials before one (S.H. Mintardja)
    elif cls == "title" and len(core) == 1 and not english and _after_label_noun(text, ts):
        cls = "end"  # "1445 H." is a Hijri year, not the title Haji before a name
    if cls is not None:
        if cls == "end" and (nk == "digit" and _NUMBER_THEN_WORD.match(text, j)
                             or text[j] == "(" and _BRACKETED_SENTENCE.match(text, j)):
            return True  # "Apple Inc. 2025 menjadi ...", "dsb. (Semua diserahkan.)": a sentence opens after it
        if nk in ("lower", "digit") or text[j] == "(":
            return False
        if cls == "end":
            return not (nk == "upper" and _ABBREV_AHEAD.match(text, j))
        return starter
    if nk == "digit" and (_BROKEN_THOUSANDS.fullmatch(core) and _THREE_DIGITS.match(text, j) or core[:1].isalpha()
                          and core[-1:].isdigit() and not _ORDINAL.fullmatch(core)):
        return False  # "2.904. 678", "v9. 1": a number broken by a space, not two sentences
    if nk == "lower":
        if word.lower() in _FILE_EXTENSIONS and not text[j + len(word) : j + len(word) + 1].isalpha():
            return False  # "Crowning 2009. jpg": a file name split by a space
        if "." in core:
            if _URL_LIKE.search(core):
                return _lower_opener(text, j, word, abbrevs)  # "di https://kai.id. eFishery juga ..."
            return False  # a code, number or address with inner periods ("No.XI.B.2. jangka")
        # a short capitalised word before a lower-case one is an unlisted abbreviation (Ingg. scale, Lat. squama),
        # unless that word is a name (Bali, Budi) and what follows opens sentences: a brand (iPhone, eFishery),
        # a title (dr. Ani) or a common opener
        if speech:
            return False
        if core.isdigit() and not english and _after_label_noun(text, ts):
            return False  # "pada poin 81. selama satu hari": a numbered reference, the sentence goes on
        if len(core) <= 4 and core.istitle() and core.isalpha():
            return _lower_opener(text, j, word, abbrevs)
        return True
    return True


def _inline_list_item(text: str, marker: str, ts: int) -> bool:
    """Whether ``marker`` ("a", "2") at ``ts`` numbers an item of a list run into a sentence: it follows a
    colon (the list opens), or a semicolon after the previous item ("1. WNI; 2. berusia 17 tahun")."""
    before = text[max(0, ts - 400) : ts].rstrip()
    if before.endswith(":"):
        # only a first item opens a list: "QS. Al-Baqarah: 183." and "Yohanes 3:16." are references
        return marker in _FIRST_MARKERS
    if not before.endswith(";"):
        return False
    if marker.isdigit():
        prev = str(int(marker) - 1)
    elif len(marker) == 1 and marker not in "aA":
        prev = chr(ord(marker) - 1)
    else:
        return False
    return re.search(rf"(?:^|[\s:;]){prev}[.)]\s", before) is not None


_FIRST_MARKERS = frozenset(("1", "a", "A", "i", "I"))


def _lower_opener(text: str, j: int, word: str, abbrevs: Abbreviations) -> bool:
    """Whether a lower-case word at ``j`` opens a sentence by its shape: a brand with an inner capital
    (iPhone, eFishery, mRNA), a title abbreviation (dr., drg.) or a common sentence opener (kemudian)."""
    if any(ch.isupper() for ch in word[1:]):
        return True
    if text.startswith(".", j + len(word)) and abbrevs.classify(word + ".") is not None:
        return True
    return word in word_list("sentence_starters_id.txt") and word not in _LINKING_WORDS


#: Openers that, in lower case after a short word and a period, more likely continue an abbreviation's
#: sentence ("Ingg. dan Bld.") than start a new one.
_LINKING_WORDS = frozenset("dan atau serta yang di ke dari dengan untuk pada dalam bagi oleh".split())


def _after_label_noun(text: str, ts: int) -> bool:
    """Whether the word before position ``ts`` takes a letter as a label or a unit, not as an initial: a label
    noun ("Grup B", "vitamin C") or a number ("Rp 3,2 M", "kelas 3 B"); initials follow names and titles."""
    m = _PREV_WORD.search(text, max(0, ts - 40), ts)
    if not m:
        return False
    word = m.group(1)
    return word[-1].isdigit() or word.lower() in word_list("label_nouns_id.txt")


_PREV_WORD = re.compile(r"([^\W_]+)\s+$")


def _is_label(text: str, letter: str, ts: int) -> bool:
    """Whether a letter is a label, not an initial: it stands alone elsewhere in the text ("kumpulan C"), or
    another lone capital letter is near ("kelompok A, B dan C.", "kelompok A. Kelompok B ...")."""
    if letter == "I":
        return False  # a Roman numeral (Perang Dunia I) says nothing about labels
    letters, positions = _lone_capitals(text)
    if letter in letters:
        return True
    k = bisect_right(positions, ts - 31)
    return k < len(positions) and positions[k] < ts + 32


@lru_cache(maxsize=4)
def _lone_capitals(text: str) -> tuple[frozenset[str], list[int]]:
    """Capital letters standing alone in ``text`` (not initials, not "I"), and where they are; once per text."""
    found = [(m.group(0), m.start()) for m in _LONE_CAPITAL.finditer(text)]
    return frozenset(ch for ch, _ in found), [pos for _, pos in found]


#: Another initial: "1998 B. J. Habibie" is a name after a year, not the unit B.
_INITIAL_AHEAD = re.compile(r"[A-Z]\.")
#: A number then a lower-case word: "2025 menjadi", "3 tahun kemudian" (a sentence opening with a number).
_NUMBER_THEN_WORD = re.compile(r"\d[\d.,]*\s+[a-z]")
#: An ordinal ("ke-12", "ke-79") ends a sentence before a number ("minggu ke-12. 1.203 kasus"), unlike a version
#: broken by a space ("v9. 1").
_ORDINAL = re.compile(r"ke-\d+", re.IGNORECASE)
#: A whole sentence in brackets: "(Semua diserahkan secara simbolis.)".
_BRACKETED_SENTENCE = re.compile(r"\([A-Z\"“][^()]*[.!?]\)")
#: A web address or e-mail address.
_URL_LIKE = re.compile(r"://|^www\.|@|\.(?:com|id|org|net|co|io|go|ac|info)$")
_ROMAN_AFTER_NAME = re.compile(r"[A-Z][a-z]+\s+[A-Z][a-z]+\s+$")
_LONE_CAPITAL = re.compile(r"(?<![\w.])[A-HJ-Z](?![\w.'’])")


def split_sentences(text: str, abbreviations: Iterable[str] | None = None, *, lang: str = "id") -> list[str]:
    """The sentences of ``text`` as strings (see :func:`sentence_spans`)."""
    return [text[s:e] for s, e in sentence_spans(text, abbreviations, lang=lang)]
