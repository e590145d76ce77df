"""The splitter's word lists: the data files next to this module, and the user's own abbreviation files.

Why data files and not code: the words the rules need (abbreviations, common sentence openers, speech
verbs, label nouns, a letter's salutations) are what a user extends for their own texts, so they live in
plain text, one entry a line, '#' starting a comment; ``[segment] abbreviations`` adds the user's files.
"""

from __future__ import annotations

from collections.abc import Iterable
from functools import lru_cache
from importlib import resources
from pathlib import Path

from pipeline.errors import ConfigError

LANGS = ("id", "en")


class Abbreviations(frozenset):  # type: ignore[type-arg]
    """A frozenset of abbreviations (``"Dr."``) that also knows which ones often end a sentence.

    Why a frozenset: callers (and older code) pass plain sets of strings; this type adds the ``final``
    class and a case-folded index so that ``JL.`` finds ``Jl.`` while ``kol.`` (cabbage) is not ``Kol.``.
    """

    final: frozenset[str]
    _fold: dict[str, str]

    def __new__(cls, words: Iterable[str] = (), final: Iterable[str] = ()) -> Abbreviations:
        obj = super().__new__(cls, words)
        obj.final = frozenset(final) & obj
        # a capitalised entry wins the folded key: "DR." is the title "Dr.", not the preposition "dr."
        obj._fold = {w.lower(): w for w in sorted(obj, key=lambda w: (not w.islower(), w))}
        return obj

    def classify(self, key: str) -> str | None:
        """``"end"``, ``"title"`` or None for a token that includes its final mark."""
        if key not in self:
            if key == key.lower() or (key.isupper() and len(key) > 3 and key[:-1].isalpha()):
                return None  # "BPK." is the audit board (an acronym), not a shouted "Bpk."
            folded = self._fold.get(key.lower(), "")
            if not folded:
                return None
            if key.isupper() and folded.islower():
                return "end"  # "kelas 5 SD." is an acronym (Sekolah Dasar) that can close a sentence, not "sd."
            key = folded
        return "end" if key in self.final else "title"


def _data_text(name: str) -> str:
    return resources.files(__name__).joinpath(name).read_text(encoding="utf-8")


def _parse_abbreviations(text: str, words: set[str], final: set[str]) -> None:
    for line in text.splitlines():
        parts = line.split("#", 1)[0].split() if not line.lstrip().startswith("#") else []
        if not parts:
            continue
        words.add(parts[0])
        if len(parts) > 1:
            if parts[1] != "end":
                raise ConfigError(f"abbreviation list: unknown tag {parts[1]!r} after {parts[0]!r} (only 'end')")
            final.add(parts[0])


def check_lang(lang: str) -> None:
    """Refuse a language the splitter has no word lists for (a config or caller mistake, not a default)."""
    if lang not in LANGS:
        raise ConfigError(f"unknown splitter language {lang!r}; use one of {', '.join(LANGS)}")


@lru_cache(maxsize=8)
def load_abbreviations(extra: tuple[str, ...] = (), lang: str = "id") -> Abbreviations:
    """Built-in list for ``lang`` plus user files (one abbreviation per line, '#' starts a comment).

    A line may add the tag ``end`` for words that often close a sentence (``dkk.  end``).
    """
    check_lang(lang)
    words: set[str] = set()
    final: set[str] = set()
    _parse_abbreviations(_data_text(f"abbreviations_{lang}.txt"), words, final)
    for path in extra:
        p = Path(path)
        if not p.is_file():
            raise ConfigError(f"abbreviation file not found: {p}")
        try:
            text = p.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError) as exc:
            raise ConfigError(f"cannot read abbreviation file {p}: {exc}") from exc
        _parse_abbreviations(text, words, final)
    return Abbreviations(words, final)


@lru_cache(maxsize=16)
def word_list(name: str) -> frozenset[str]:
    """The lower-cased entries of the built-in list ``name`` (``"sentence_starters_id.txt"``), read once."""
    out = set()
    for line in _data_text(name).splitlines():
        line = line.split("#", 1)[0].strip().lower()
        if line:
            out.add(line)
    return frozenset(out)
