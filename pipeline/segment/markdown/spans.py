"""Spans of running text that are markup or machine strings, not words: never translated, never escaped.

Why one list: the model must not see them (it would translate or mangle them), and the Markdown outputs
must write them exactly as the article did (an escaped ``{{\\< note \\>}}`` is no shortcode for Hugo).
"""

from __future__ import annotations

import re

#: Hugo shortcodes: ``{{< name args >}}``, ``{{% name args %}}`` and their closing forms.
SHORTCODE = re.compile(r"\{\{[<%].*?[%>]\}\}", re.S)
_URL = r"(?:https?|ftp)://[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]|www\.[^\s<>\"'`]*[^\s<>\"'`.,;:!?)\]}]"
_EMAIL = r"[\w.+-]+@[\w-]+(?:\.[\w-]+)+"
#: Template placeholders: ``{{name}}``, ``{name}``, printf ``%s``/``%d``/``%1$s``, ``${VAR}``, ``$VAR``.
_TEMPLATE = r"\{\{[^{}<%]*?\}\}|\$\{[^{}\s]+\}|\{[A-Za-z_][\w.-]*\}|%(?:\d+\$)?[-+ 0#]*\d*(?:\.\d+)?[sdifxXc%](?![A-Za-z])|\$[A-Z_][A-Z0-9_]+\b"
#: Footnote markers (``[^1]``) and HTML character references (``&amp;``).
_OTHER = r"\[\^[^\]\s]+\]|&(?:#\d+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);"
#: Everything that is kept verbatim and hidden from the model, shortcodes first (they may hold a URL).
PROTECTED = re.compile("|".join((SHORTCODE.pattern, _URL, _EMAIL, _TEMPLATE, _OTHER)), re.S)


def protected_spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of every protected span of ``text``, in order, never overlapping."""
    return [m.span() for m in PROTECTED.finditer(text) if m.end() > m.start()]


def split_protected(text: str) -> list[tuple[str, bool]]:
    """``text`` as pieces, each with True when it is a protected span."""
    out: list[tuple[str, bool]] = []
    pos = 0
    for s, e in protected_spans(text):
        if s > pos:
            out.append((text[pos:s], False))
        out.append((text[s:e], True))
        pos = e
    if pos < len(text):
        out.append((text[pos:], False))
    return out
