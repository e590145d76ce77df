"""Speech tags after a quotation: ``"Apa?" tanya dia.``, ``“Jangan!” Budi berteriak.``, ``— tanyanya.``

Why they matter to the splitter: a question or an exclamation inside quotes does not end the sentence when
a speech verb (from ``rules/speech_verbs_*.txt``) tags it; the tag belongs to the quoted sentence.
"""

from __future__ import annotations

import re

from pipeline.segment.tokens import SPACE, WORD

_NAME_WORD = re.compile(r"[A-Z][\w'’.-]*")
#: Verb prefixes and suffixes, with the consonant a nasal prefix swallows ("menegaskan" = meN- + tegas + -kan).
_PREFIXES = (("menge", ""), ("meny", "s"), ("meng", "k"), ("meng", ""), ("mem", "p"), ("mem", ""), ("men", "t"),
             ("men", ""), ("me", ""), ("ber", ""), ("be", ""))


def is_speech_verb(word: str, verbs: frozenset[str]) -> bool:
    """Whether ``word`` is a bare speech verb (``tanya``, ``kata``), also with a possessive ending."""
    w = word.lower()
    # a possessive ending names the speaker: tanyanya (he asked), jawabku (I answered), katamu (you said)
    return w in verbs or any(w.endswith(e) and w[: -len(e)] in verbs for e in ("nya", "ku", "mu"))


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


def named_speaker(text: str, j: int, verbs: frozenset[str]) -> bool:
    """Whether ``text[j:]`` is a speech tag with its subject first: one to three capitalised words (a name or
    a title and a name), then a prefixed speech verb."""
    pos = j
    for _ in range(3):
        m = _NAME_WORD.match(text, pos)
        if not m:
            return False
        pos = SPACE.match(text, m.end()).end()
        w = WORD.match(text, pos)
        if w and w.group(0)[0].islower():
            return _is_prefixed_speech_verb(w.group(0), verbs)
    return False
