"""The readable text of a raw HTML block: which runs are translated, and which inline tags sit inside them.

Why not an HTML parser that rebuilds the tree: the block must come back byte for byte with only its words
replaced, so the block is scanned as it is written, and each run of text inside a readable element (a
paragraph, list item, table cell, summary, heading) becomes one region to split and translate. Inline tags
inside a run (``<a href>``, ``<b>``) become ``raw`` marks the model never sees; ``pre``, ``code``,
``script`` and ``style`` are never translated.
"""

from __future__ import annotations

import re

from pipeline.bitext.document import Mark

_ATTR = r"""(?:\s+[^\s"'>/=]+(?:\s*=\s*(?:"[^"]*"|'[^']*'|[^\s"'=<>`]+))?)"""
_TOKEN = re.compile(rf"<!--.*?-->|<![^>]*>|<\?.*?\?>|</?([A-Za-z][\w:-]*){_ATTR}*\s*/?>", re.S)
_HREF = re.compile(r"""\b(?:href|src)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+))""", re.I)

#: Elements whose text readers read, and which are translated.
READABLE = frozenset("p li td th summary details h1 h2 h3 h4 h5 h6 dt dd caption figcaption blockquote label".split())
#: Elements whose content is never translated, and is carried as one piece.
VERBATIM = frozenset("pre code kbd samp var script style textarea svg math".split())
#: Elements that sit inside a run of text.
INLINE = frozenset("a abbr b bdi bdo br cite data del dfn em i img ins mark q s small span strong sub sup time u wbr".split())


def tag_address(tag: str) -> str | None:
    """The ``href`` or ``src`` of one tag, if it has one."""
    m = _HREF.search(tag)
    if not m:
        return None
    return next(g for g in m.groups() if g is not None)


def readable_regions(html: str) -> tuple[list[tuple[int, int]], list[Mark]]:
    """(regions, raw marks): runs of readable text in ``html`` and the inline tags inside those runs."""
    regions: list[tuple[int, int]] = []
    marks: list[Mark] = []
    stack: list[str] = []
    run_start: int | None = None
    run_marks: list[Mark] = []
    verbatim_from: int | None = None
    verbatim_tag = ""

    def readable() -> bool:
        return any(t in READABLE for t in stack)

    def close_run(end: int) -> None:
        nonlocal run_start, run_marks
        if run_start is not None:
            _keep_region(html, run_start, end, run_marks, regions, marks)
        run_start, run_marks = None, []

    pos = 0
    for m in _TOKEN.finditer(html):
        s, e = m.span()
        name = (m.group(1) or "").lower()
        closing = html[s + 1: s + 2] == "/"
        if verbatim_from is not None:
            if closing and name == verbatim_tag:
                if run_start is not None:
                    run_marks.append(Mark(verbatim_from, e, "raw"))
                verbatim_from = None
            pos = e
            continue
        if s > pos and run_start is None and readable() and html[pos:s].strip():
            run_start = pos
        if name in VERBATIM and not closing and not html[s:e].endswith("/>"):
            if name in INLINE | {"code", "kbd", "samp", "var"} and run_start is not None:
                verbatim_from, verbatim_tag = s, name
            else:
                close_run(s)
                verbatim_from, verbatim_tag = s, name
            pos = e
            continue
        if name in INLINE or (not name and html.startswith("<!--", s)):
            if run_start is None and readable():
                run_start = s
            if run_start is not None:
                run_marks.append(Mark(s, e, "raw", tag_address(html[s:e])))
        else:
            close_run(s)
            if name and not closing and not html[s:e].endswith("/>"):
                stack.append(name)
            elif closing and name in stack:
                del stack[len(stack) - 1 - stack[::-1].index(name):]
        pos = e
    if run_start is None and pos < len(html) and readable() and html[pos:].strip():
        run_start = pos
    close_run(len(html))
    return regions, marks


def _keep_region(html: str, start: int, end: int, run_marks: list[Mark], regions: list[tuple[int, int]],
                 marks: list[Mark]) -> None:
    """Trim a run to its words; keep it only when some word lies outside its tags."""
    while start < end and html[start].isspace():
        start += 1
    while end > start and html[end - 1].isspace():
        end -= 1
    inside = [mk for mk in run_marks if start <= mk.start and mk.end <= end]
    words = html[start:end]
    for mk in sorted(inside, key=lambda x: -x.start):
        words = words[: mk.start - start] + " " + words[mk.end - start:]
    if re.search(r"\w", words):
        regions.append((start, end))
        marks.extend(inside)
