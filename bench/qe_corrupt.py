"""Known-bad translations made from human ones, for measuring reference-free error detection.

Why synthetic: a detector's recall can only be measured where the truth is known. Taking a human
translation and breaking it in one of the ways MT breaks (an unrelated sentence, a dropped clause, an added
clause, a changed number or name, the source copied, a loop, a flipped negation) gives that truth without any
MT model, on any folder of line-aligned human translations.
"""

from __future__ import annotations

import random
import re
from dataclasses import dataclass

KINDS = ("hallucination", "omission", "addition", "number", "entity", "copy", "repetition", "negation")

_WORD = re.compile(r"\S+")
_DIGITS = re.compile(r"\d+(?:[.,]\d+)*")
_NAME = re.compile(r"(?<=\s)[A-Z][a-z]{2,}(?:\s[A-Z][a-z]{2,})*")
_STOP = {
    "the", "a", "an", "of", "to", "in", "on", "at", "for", "and", "or", "but", "is", "are", "was", "were", "be",
    "by", "with", "as", "that", "this", "it", "its", "from", "he", "she", "they", "we", "has", "have", "had",
}
_NEG = re.compile(r"\b(?:not|never|no)\b\s*|n't\b", re.IGNORECASE)
_AUX = re.compile(r"\b(is|are|was|were|will|would|can|could|has|have|had|should|must|does|did|do|may|might)\b ")


@dataclass
class Case:
    src: str
    tgt: str
    kind: str  # "ok" or one of KINDS


def _omission(tgt: str, rng: random.Random) -> str | None:
    words = tgt.split()
    content = [i for i, w in enumerate(words) if w.lower().strip(".,;:!?\"'") not in _STOP]
    if len(content) < 4:
        return None
    frac = rng.uniform(0.3, 0.6)
    need = max(2, round(frac * len(content)))
    # a contiguous span holding `need` content words, never the sentence's last word (keeps the full stop)
    starts = [k for k in range(len(content) - need + 1) if content[k + need - 1] < len(words) - 1]
    if not starts:
        return None
    k = rng.choice(starts)
    lo, hi = content[k], content[k + need - 1]
    kept = words[:lo] + words[hi + 1:]
    out = " ".join(kept)
    return out[0].upper() + out[1:] if out else None


def _clauses(text: str) -> list[str]:
    return [c.strip(" .;") for c in re.split(r"[,;]", text) if len(c.split()) >= 3]


def _addition(tgt: str, other: str) -> str | None:
    pieces = _clauses(other)
    if not pieces:
        return None
    clause = max(pieces, key=len)
    clause = clause[0].lower() + clause[1:]
    base = tgt.rstrip()
    end = base[-1] if base and base[-1] in ".!?" else ""
    base = base[:-1] if end else base
    return f"{base}, and {clause}{end or '.'}"


def _number(tgt: str, rng: random.Random) -> str | None:
    ms = list(_DIGITS.finditer(tgt))
    if not ms:
        return None
    m = rng.choice(ms)
    tok = m.group()
    digits = [i for i, c in enumerate(tok) if c.isdigit()]
    pos = rng.choice(digits)
    new_digit = rng.choice([d for d in "0123456789" if d != tok[pos] and not (pos == 0 and d == "0")])
    new = tok[:pos] + new_digit + tok[pos + 1:]
    return tgt[: m.start()] + new + tgt[m.end():]


def _entity(tgt: str, names: list[str], rng: random.Random) -> str | None:
    ms = list(_NAME.finditer(tgt))
    if not ms:
        return None
    m = rng.choice(ms)
    choices = [n for n in names if n != m.group() and n not in tgt]
    if not choices:
        return None
    return tgt[: m.start()] + rng.choice(choices) + tgt[m.end():]


def _repetition(tgt: str, rng: random.Random) -> str | None:
    words = tgt.rstrip(".!?").split()
    if len(words) < 3:
        return None
    size = rng.randint(2, min(4, len(words)))
    start = rng.randint(0, len(words) - size)
    phrase = " ".join(words[start:start + size])
    cut = rng.randint(start + size, len(words))  # the loop starts somewhere after the phrase and never stops
    return " ".join(words[:cut] + [phrase] * rng.randint(3, 5)) + "."


def _negation(tgt: str) -> str | None:
    m = _NEG.search(tgt)
    if m:
        out = tgt[: m.start()] + tgt[m.end():]
        return re.sub(r"\s{2,}", " ", out)
    m = _AUX.search(tgt)
    if m:
        return tgt[: m.end()] + "not " + tgt[m.end():]
    return None


def corrupt(src: list[str], tgt: list[str], seed: int = 1, share: float = 0.4) -> list[Case]:
    """Every pair, with a random ``share`` of them broken in one of KINDS (another kind where one cannot apply)."""
    rng = random.Random(seed)
    names = sorted({m.group() for t in tgt for m in _NAME.finditer(t)})
    order = list(range(len(src)))
    rng.shuffle(order)
    bad = set(order[: round(share * len(src))])
    cases = []
    for i, (s, t) in enumerate(zip(src, tgt)):
        if i not in bad:
            cases.append(Case(s, t, "ok"))
            continue
        kinds = list(KINDS)
        rng.shuffle(kinds)
        for kind in kinds:
            out = _make(kind, i, s, t, tgt, names, rng)
            if out is not None and out != t:
                cases.append(Case(s, out, kind))
                break
        else:
            cases.append(Case(s, t, "ok"))
    return cases


def _make(kind: str, i: int, s: str, t: str, tgt: list[str], names: list[str], rng: random.Random) -> str | None:
    if kind == "hallucination":
        near = [j for j in range(len(tgt)) if abs(j - i) > 50 and 0.7 <= len(tgt[j]) / max(1, len(t)) <= 1.4]
        return tgt[rng.choice(near)] if near else None
    if kind == "omission":
        return _omission(t, rng)
    if kind == "addition":
        j = rng.randrange(len(tgt))
        return _addition(t, tgt[j]) if abs(j - i) > 50 else None
    if kind == "number":
        return _number(t, rng)
    if kind == "entity":
        return _entity(t, names, rng)
    if kind == "copy":
        return s
    if kind == "repetition":
        return _repetition(t, rng)
    if kind == "negation":
        return _negation(t)
    raise ValueError(kind)
