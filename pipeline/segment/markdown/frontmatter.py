"""Front matter of a Markdown page (YAML between ``---`` lines, TOML between ``+++`` lines), kept byte for byte.

Why line-based instead of a YAML/TOML library: a library would read the values and write them back in its own
style (quotes, key order, comments, dates), and the page must come back exactly as written except for the few
values that readers see (``title``, ``description``, ``linkTitle``). So only top-level ``key: value`` lines of
those keys are located, and their values are the only text translated and replaced.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

#: Keys whose values are translated by default ([segment] front_matter_keys).
DEFAULT_KEYS = ("title", "description", "linkTitle")

_YAML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*:(?:[ \t]+|$)")
_TOML_KEY = re.compile(r"^([A-Za-z_][\w-]*)[ \t]*=[ \t]*")


@dataclass(frozen=True)
class Value:
    """One translatable value: ``text[start:end]`` of the front matter, written in ``style``.

    style: ``plain``, ``double`` or ``single`` (quoted scalars, quotes outside the span), ``block`` (a YAML
    ``|``/``>`` scalar: the span covers its indented lines), ``toml`` / ``toml-literal`` (TOML strings).
    """

    key: str
    start: int
    end: int
    style: str
    indent: str = ""


def split_front_matter(text: str) -> tuple[str, str]:
    """(front matter including both delimiter lines, the rest of the article); ("", text) when there is none."""
    body = text[1:] if text.startswith("\ufeff") else text
    lead = len(text) - len(body)
    first, nl, _ = body.partition("\n")
    delim = first.rstrip("\r \t")
    if delim not in ("---", "+++") or not nl:
        return "", text
    pos = len(first) + 1
    closers = (delim, "...") if delim == "---" else (delim,)
    while pos <= len(body):
        end = body.find("\n", pos)
        line = body[pos:] if end < 0 else body[pos:end]
        if line.rstrip("\r \t") in closers:
            stop = len(body) if end < 0 else end + 1
            return text[: lead + stop], text[lead + stop:]
        if end < 0:
            break
        pos = end + 1
    return "", text


def front_matter_values(front: str, keys: tuple[str, ...] | list[str] | None = DEFAULT_KEYS) -> list[Value]:
    """The translatable values of ``front`` (as returned by ``split_front_matter``), in order; ``keys=None``:
    the string values of every top-level key."""
    if not front:
        return []
    toml = front.lstrip("\ufeff").startswith("+++")
    lines = front.splitlines(keepends=True)
    offsets = [0]
    for ln in lines:
        offsets.append(offsets[-1] + len(ln))
    found: list[Value] = []
    wanted = set(keys or ())
    for i in range(1, len(lines) - 1):
        line = lines[i].rstrip("\r\n")
        m = (_TOML_KEY if toml else _YAML_KEY).match(line)
        if not m or (keys is not None and m.group(1) not in wanted):
            continue
        base = offsets[i] + m.end()
        rest = line[m.end():]
        value = _toml_value(m.group(1), base, rest) if toml else _yaml_value(m.group(1), base, rest, lines, offsets, i)
        if value is not None and value.end > value.start:
            found.append(value)
    return found


def _toml_value(key: str, base: int, rest: str) -> Value | None:
    for quote, style in (('"', "toml"), ("'", "toml-literal")):
        if rest.startswith(quote) and not rest.startswith(quote * 3):
            close = _closing_quote(rest, quote, escapes=style == "toml")
            if close > 0:
                return Value(key, base + 1, base + close, style)
    return None


def _closing_quote(rest: str, quote: str, escapes: bool) -> int:
    i = 1
    while i < len(rest):
        ch = rest[i]
        if escapes and ch == "\\":
            i += 2
            continue
        if ch == quote:
            if not escapes and quote == "'" and rest[i + 1: i + 2] == "'":  # YAML '' inside single quotes
                i += 2
                continue
            return i
        i += 1
    return -1


def _yaml_value(key: str, base: int, rest: str, lines: list[str], offsets: list[int], i: int) -> Value | None:
    if rest.startswith('"'):
        close = _closing_quote(rest, '"', escapes=True)
        return Value(key, base + 1, base + close, "double") if close > 0 else None
    if rest.startswith("'"):
        close = _closing_quote(rest, "'", escapes=False)
        return Value(key, base + 1, base + close, "single") if close > 0 else None
    if re.fullmatch(r"[|>][-+]?\d?[ \t]*(#.*)?", rest):
        j = i + 1
        while j < len(lines) - 1 and (not lines[j].strip() or lines[j][:1] in " \t"):
            j += 1
        while j > i + 1 and not lines[j - 1].strip():
            j -= 1
        if j == i + 1:
            return None
        first = lines[i + 1]
        indent = first[: len(first) - len(first.lstrip(" \t"))]
        end = offsets[j] - (len(lines[j - 1]) - len(lines[j - 1].rstrip("\r\n")))
        return Value(key, offsets[i + 1] + len(indent), end, "block", indent)
    if not rest or rest[0] in "[{&*!%@`#":
        return None
    comment = re.search(r"[ \t]+#", rest)
    plain = (rest[: comment.start()] if comment else rest).rstrip()
    return Value(key, base, base + len(plain), "plain")


_YAML_PLAIN_UNSAFE = re.compile(r"^[-?:,\[\]{}#&*!|>'\"%@`\s]|: |\s#|:$|\s$")


def write_value(value: Value, text: str) -> str:
    """``text`` spelled so that it can replace ``value``'s span and still parse as the same key's string."""
    text = " ".join(text.split())
    if value.style in ("double", "toml"):
        return text.replace("\\", "\\\\").replace('"', '\\"')
    if value.style == "single":
        return text.replace("'", "''")
    if value.style == "toml-literal":
        return text.replace("'", "\u2019")
    if value.style == "block":
        return text
    if _YAML_PLAIN_UNSAFE.search(text) or not text:
        return '"' + text.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return text


def value_text(value: Value, front: str) -> str:
    """The value as a reader sees it (quotes' escapes undone, a block scalar's lines joined)."""
    raw = front[value.start: value.end]
    if value.style in ("double", "toml"):
        return re.sub(r"\\(.)", r"\1", raw)
    if value.style == "single":
        return raw.replace("''", "'")
    if value.style == "block":
        return " ".join(raw.split())
    return raw


def translated_values(front: str, starts: list[int]) -> list[Value]:
    """The values that hold the given offsets (where the source sentences of a front matter block start)."""
    return [v for v in front_matter_values(front, None) if any(v.start <= p < v.end for p in starts)]
