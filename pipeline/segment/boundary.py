"""Is a sentence mark followed by a space a sentence boundary? One rule per class of error.

Why rules in a fixed order: each looks at the token before the mark, the mark and its closing quotes or
brackets, and the word after it (a :class:`Candidate`), and either decides (True: cut, False: no cut) or has no
opinion (None) and passes the candidate on. The order is part of the meaning: the mark rules (quotes,
``?``/``!``, ellipses) come first, and every rule after ``_ellipsis`` sees a single period. A candidate no rule
decides is a boundary.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass

from pipeline.segment.rules import Abbreviations
from pipeline.segment.shapes import after_label_noun, inline_list_item, is_label, lower_opener
from pipeline.segment.speech import named_speaker

#: What can open a token before a mark: quotes and brackets ("(Purn." is the token "Purn" in brackets).
OPENING_CHARS = "\"“‘'«‹([{`„‚"
#: Closing quotes: a mark before one of them ends a quotation, which a speech tag may go on.
QUOTE_CLOSERS = "\"”’'»›"
_CLOSERS = frozenset("\"”’'»›)]}")
#: A list marker standing alone at the start of a sentence: "81.", "b.", "IV.".
_LIST_TOKEN = re.compile(r"\d{1,3}|[A-Za-z]|[IVXivx]{1,5}")
#: Initials written together: "A.M." "R.A." (upper case only: they stand before a name).
_INITIALS = re.compile(r"(?:[A-Z]\.)+[A-Z]")
#: Lower-case letter runs (a.n., s.d., e.g.) and academic degrees (S.Kom., M.Si., A.Md.).
_LETTER_RUN = re.compile(r"(?:[a-z]\.)+[a-z]")
_DEGREE = re.compile(r"(?:[A-Z][a-z]{0,2}\.)+[A-Z][a-z]{1,3}")
#: The next word looks like an abbreviation itself ("M.H.", "Dr."), so the previous one did not end a sentence.
_ABBREV_AHEAD = re.compile(r"(?:[A-Za-z]{1,4}\.){2,4}(?=\s|,|$)")
_BROKEN_THOUSANDS = re.compile(r"\d{1,3}(?:\.\d{3})+")
_THREE_DIGITS = re.compile(r"\d{3}(?![\d.,])")
_FILE_EXTENSIONS = frozenset(
    "jpg jpeg png gif svg webp pdf doc docx xls xlsx ppt pptx txt html htm php mp3 mp4 zip".split()
)
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
#: One step noun before the number at the start of a sentence ("Langkah 1.", "Tahap 2.", "Step 3.").
_STEP_LABEL = re.compile(r"(?:Langkah|Tahap|Tahapan|Step|Fase|Bagian|Cara) ", re.IGNORECASE)


@dataclass(frozen=True)
class Lexicon:
    """The word lists the rules of one language read; the same for every candidate of a text."""

    abbrevs: Abbreviations
    starters: frozenset[str]
    verbs: frozenset[str]
    english: bool


@dataclass(frozen=True, slots=True)
class Candidate:
    """A sentence mark followed by a space: ``text[ts:j]`` is ``tok + mark + closers`` and the space."""

    text: str
    #: Where the token before the mark starts, the token ("Dr", "2025", "(Purn") and the token without its
    #: opening quotes and brackets ("Purn").
    ts: int
    tok: str
    core: str
    #: The mark (".", "?", "!?", "...", "…"), the closing quotes or brackets after it, and whether a closing
    #: quote is among them.
    mark: str
    closers: str
    quote_closed: bool
    #: Where the sentence the mark would end starts.
    sent_start: int
    #: Where what follows starts: an opening quote, a bullet, a word.
    j: int
    #: What follows: "upper", "lower", "digit", "bullet" or "other"; the next word when it is a word.
    kind: str
    word: str
    #: The next word is a capitalised common sentence opener; an opening quote stands before it; it is a
    #: speech verb ("tanya", "katanya").
    starter: bool
    quoted: bool
    speech: bool


Rule = Callable[[Candidate, Lexicon], bool | None]


def _step_label(c: Candidate, lex: Lexicon) -> bool | None:
    if c.mark == "." and not c.closers and c.tok.isdigit() and _STEP_LABEL.fullmatch(c.text, c.sent_start, c.ts):
        return False  # "Langkah 1. Cuci beras ...", "Tahap 2. Peserta ...": a numbered step label, not a sentence
    return None


def _bracket_or_bullet(c: Candidate, lex: Lexicon) -> bool | None:
    if c.tok and c.tok[-1] in "([{":
        return False  # "(?)", "(!)": a mark in brackets is a comment, not an ending
    if c.kind == "bullet":
        return True
    if c.kind == "lower" and c.closers and c.closers[-1] in ")]}" and not c.quote_closed:
        return False  # "Dia (Budi, red.) mengaku", "(atau tidak mau tahu?) soal itu": the bracket sat mid-sentence
    return None


def _speech_tag(c: Candidate, lex: Lexicon) -> bool | None:
    if c.quote_closed and (c.kind == "lower" or c.speech):
        return False  # "Apa?" tanya dia.  /  “Saya pergi.” katanya.
    if (c.mark in "?!" and c.kind == "upper" and not c.starter and c.quote_closed
            and named_speaker(c.text, c.j, lex.verbs)):
        return False  # “Jangan!” Budi berteriak.  /  “Siapa?” Kapten Andi bertanya.
    return None


def _question_or_exclamation(c: Candidate, lex: Lexicon) -> bool | None:
    if "?" in c.mark or "!" in c.mark or "‽" in c.mark:
        if not c.closers and lex.abbrevs.classify(c.core + c.mark) is not None:
            return c.starter  # Yahoo! Jeopardy!
        if c.kind == "lower":
            return not (lex.english or c.speech)
        return True
    return None


def _ellipsis(c: Candidate, lex: Lexicon) -> bool | None:
    if c.mark != ".":
        return c.kind not in ("lower", "digit")  # "tunggu... dia datang", "tunggu… 5 menit" go on
    return None


def _closed_token(c: Candidate, lex: Lexicon) -> bool | None:
    if c.closers == ")" and c.tok.startswith("(") and lex.abbrevs.classify(c.core + ".") == "title":
        return c.starter  # "Jenderal TNI (Purn.) Moeldoko": a bracketed title stands before the name
    if c.closers or (c.core and c.core[-1] in _CLOSERS):
        # "(lihat hlm. 5.)" / "Seoul). pada": the token is closed, no abbreviation can be inside
        return c.kind != "lower" or not lex.english
    return None


def _list_marker(c: Candidate, lex: Lexicon) -> bool | None:
    if _LIST_TOKEN.fullmatch(c.core) and (c.sent_start == c.ts or inline_list_item(c.text, c.core, c.ts)):
        return False  # "81. selama satu hari", "syaratnya: a. WNI; b. berusia 17 tahun": a list item marker
    return None


def _english_lower(c: Candidate, lex: Lexicon) -> bool | None:
    if c.kind == "lower" and lex.english:
        return False  # "He arrived at 5. then he left.": in English a period before a lower-case word goes on
    return None


def _company_suffix_ahead(c: Candidate, lex: Lexicon) -> bool | None:
    if (c.kind == "upper" and lex.abbrevs.classify(c.word + ".") == "end"
            and c.text.startswith(".", c.j + len(c.word))):
        return False  # "Hyundai Merchant Marine. Co. Ltd.": a company suffix never opens a sentence
    return None


def _listed_class(c: Candidate, lex: Lexicon) -> str | None:
    """The token's class in the abbreviation list, also after a slash ("RT. 02/RW. 07")."""
    cls = lex.abbrevs.classify(c.core + ".")
    if cls is None and "/" in c.core and c.core[-1].isalpha():
        cls = lex.abbrevs.classify(c.core.rsplit("/", 1)[1] + ".")
    return cls


def _single_letter(c: Candidate, lex: Lexicon) -> bool | None:
    """An upper-case letter is an initial before a name (Susilo B. Yudhoyono, kata M. Yusuf) unless a common
    sentence opener follows; a lower-case one is a unit or a label (1000 Mbit/s.)."""
    core, text = c.core, c.text
    if len(core) != 1 or not core.isalpha() or _listed_class(c, lex) is not None:
        return None
    if c.kind in ("lower", "digit"):
        return False
    if core.islower() or core in "IVX" and _ROMAN_AFTER_NAME.search(text, max(0, c.ts - 80), c.ts):
        return True  # "1000 Mbit/s.", "Sri Sultan Hamengku Buwono X." (a regnal number, not an initial)
    return (c.starter or c.quoted or c.kind == "other"
            or (not lex.english and (after_label_noun(text, c.ts) and not _INITIAL_AHEAD.match(text, c.j)
                                     or is_label(text, core, c.ts))))


def _abbreviation_class(c: Candidate, lex: Lexicon) -> str | None:
    """"title" (stands before a name), "end" (can close a sentence) or None: listed, or by its shape."""
    core, ts = c.core, c.ts
    cls = _listed_class(c, lex)
    if cls is None and (_INITIALS.fullmatch(core) or _LETTER_RUN.fullmatch(core)):
        cls = "title"
    elif cls is None and _DEGREE.fullmatch(core):
        cls = "end"
    if cls == "title" and "." in core and core[0].isupper() and c.text[max(0, ts - 8) : ts].rstrip().endswith(","):
        cls = "end"  # "Budi Santoso, S.H." is a degree after a name, not initials before one (S.H. Mintardja)
    elif cls == "title" and len(core) == 1 and not lex.english and after_label_noun(c.text, ts):
        cls = "end"  # "1445 H." is a Hijri year, not the title Haji before a name
    return cls


def _abbreviation(c: Candidate, lex: Lexicon) -> bool | None:
    cls = _abbreviation_class(c, lex)
    if cls is None:
        return None
    text, j = c.text, c.j
    if cls == "end" and (c.kind == "digit" and _NUMBER_THEN_WORD.match(text, j)
                         or text[j] == "(" and _BRACKETED_SENTENCE.match(text, j)):
        return True  # "Apple Inc. 2025 menjadi ...", "dsb. (Semua diserahkan.)": a sentence opens after it
    if c.kind in ("lower", "digit") or text[j] == "(":
        return False
    if cls == "end":
        return not (c.kind == "upper" and _ABBREV_AHEAD.match(text, j))
    return c.starter


def _broken_number(c: Candidate, lex: Lexicon) -> bool | None:
    core = c.core
    if c.kind == "digit" and (_BROKEN_THOUSANDS.fullmatch(core) and _THREE_DIGITS.match(c.text, c.j)
                              or core[:1].isalpha() and core[-1:].isdigit() and not _ORDINAL.fullmatch(core)):
        return False  # "2.904. 678", "v9. 1": a number broken by a space, not two sentences
    return None


def _lower_follower(c: Candidate, lex: Lexicon) -> bool | None:
    """A lower-case word after the period (in Indonesian: ``_english_lower`` has decided for English)."""
    if c.kind != "lower":
        return None
    core, text, j, word = c.core, c.text, c.j, c.word
    if word.lower() in _FILE_EXTENSIONS and not text[j + len(word) : j + len(word) + 1].isalpha():
        return False  # "Crowning 2009. jpg": a file name split by a space
    if "." in core:
        if _URL_LIKE.search(core):
            return lower_opener(text, j, word, lex.abbrevs)  # "di https://kai.id. eFishery juga ..."
        return False  # a code, number or address with inner periods ("No.XI.B.2. jangka")
    # a short capitalised word before a lower-case one is an unlisted abbreviation (Ingg. scale, Lat. squama),
    # unless that word is a name (Bali, Budi) and what follows opens sentences: a brand (iPhone, eFishery),
    # a title (dr. Ani) or a common opener
    if c.speech:
        return False
    if core.isdigit() and not lex.english and after_label_noun(text, c.ts):
        return False  # "pada poin 81. selama satu hari": a numbered reference, the sentence goes on
    if len(core) <= 4 and core.istitle() and core.isalpha():
        return lower_opener(text, j, word, lex.abbrevs)
    return True


#: The rules in the order they are asked.
RULES: tuple[Rule, ...] = (
    _step_label, _bracket_or_bullet, _speech_tag, _question_or_exclamation, _ellipsis, _closed_token, _list_marker,
    _english_lower, _company_suffix_ahead, _single_letter, _abbreviation, _broken_number, _lower_follower,
)


def is_boundary(c: Candidate, lex: Lexicon) -> bool:
    """Whether the candidate ends a sentence: the first rule with an opinion decides, else it does."""
    for rule in RULES:
        decided = rule(c, lex)
        if decided is not None:
            return decided
    return True
