"""Inline markup of a source sentence (links, emphasis, code), clipped to the sentence and nested.

Why one tree for every output: marks are offsets into the block text and may cover a sentence only in
part, or cross each other in a hand-edited file. Clipping them to the sentence, following the sentence's
whitespace clean-up and nesting them properly is the same work for the page and for the Markdown export;
only the spelling differs. Addresses a reader may follow are decided here too, once.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass, field

from pipeline.bitext.document import Block, Mark, Sentence

#: Schemes a published link may use; anything else (javascript:, data:, vbscript:, file:) stays plain text.
SAFE_SCHEMES = ("http", "https", "mailto")
_SCHEME = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*):")
#: Browsers drop ASCII tabs and newlines anywhere in a URL and controls and spaces around it.
_URL_IGNORED = re.compile(r"[\x00-\x20\x7f]")
_C0_AND_SPACE = "".join(chr(c) for c in range(0x21))


def safe_href(href: str | None) -> str | None:
    """The address if a reader may follow it (http, https, mailto, a relative path, an #anchor), else None."""
    if not href:
        return None
    seen = _URL_IGNORED.sub("", href)  # what the browser's URL parser will see
    if not seen:
        return None
    m = _SCHEME.match(seen)
    if m and m.group(1).lower() not in SAFE_SCHEMES:
        return None
    return href.strip(_C0_AND_SPACE)


#: Inline HTML a published Markdown file may keep live: formatting tags with harmless attributes only.
_SAFE_TAGS = frozenset("a abbr b br cite code del em i img ins kbd mark q s samp small strong sub sup u var wbr".split())
_SAFE_ATTRS = frozenset("href src alt title class lang dir width height align name id".split())
_TAG = re.compile(r"</?([A-Za-z][\w-]*)((?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'=<>`]+))?)*)\s*/?>\Z")
_ATTR_NAME = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?""")


def safe_tag(markup: str) -> bool:
    """True for one inline formatting tag (``<i>``, ``</a>``, ``<a href="https://...">``) that cannot run code."""
    m = _TAG.match(markup.strip())
    if not m or m.group(1).lower() not in _SAFE_TAGS:
        return False
    for a in _ATTR_NAME.finditer(m.group(2) or ""):
        name = a.group(1).lower()
        if name not in _SAFE_ATTRS:
            return False
        value = next((g for g in a.groups()[1:] if g is not None), "")
        if name in ("href", "src") and safe_href(value) is None:
            return False
    return True


def tag_name(markup: str) -> str | None:
    m = re.match(r"</?([A-Za-z][\w-]*)", markup.strip())
    return m.group(1).lower() if m else None


def live_tags(nodes: list[Node | str]) -> set[int]:
    """``id()`` of the raw tags that may stay live: harmless ones, a closing tag only after its opening tag."""
    live: set[int] = set()
    stack: list[tuple[str, int]] = []

    def walk(items: list[Node | str]) -> None:
        for n in items:
            if isinstance(n, str):
                continue
            if n.mark.kind == "raw":
                raw = n.text().strip()
                name = tag_name(raw)
                if raw.startswith("![") or not name or not safe_tag(raw):
                    pass
                elif raw.startswith("</"):
                    if stack and stack[-1][0] == name:
                        live.add(id(n))
                        live.add(stack.pop()[1])
                elif raw.endswith("/>") or name in ("br", "img", "wbr"):
                    live.add(id(n))
                else:
                    stack.append((name, id(n)))
            walk(n.children)

    walk(nodes)
    return live


@dataclass
class Node:
    """A mark over its children: plain strings and nested nodes."""

    mark: Mark
    children: list[Node | str] = field(default_factory=list)

    def text(self) -> str:
        return "".join(c if isinstance(c, str) else c.text() for c in self.children)


def _squash(text: str) -> tuple[str, list[int]]:
    """``" ".join(text.split())`` and, for every offset into ``text``, the offset into the result."""
    out: list[str] = []
    pos: list[int] = []
    gap = False
    for ch in text:
        if ch.isspace():
            gap = True
            pos.append(len(out))
            continue
        if gap and out:
            out.append(" ")
        gap = False
        pos.append(len(out))
        out.append(ch)
    pos.append(len(out))
    return "".join(out), pos


def sentence_marks(block: Block, sent: Sentence) -> list[Node | str] | None:
    """The sentence's text (whitespace collapsed as everywhere else) with the marks that touch it.

    None when no mark touches the sentence, or when the sentence is no longer where its offsets say
    (a hand-edited file): the caller then writes the plain text exactly as before marks existed.
    """
    s, e = sent.start, sent.end
    if not block.marks or s is None or e is None or block.text[s:e] != sent.text:
        return None
    return mark_tree(sent.text, block.marks, s)


def target_marks(sent: Sentence) -> list[Node | str] | None:
    """A translated sentence with the marks carried onto it (offsets into its own text), or None."""
    if not sent.marks or any(m.end > len(sent.text) for m in sent.marks):
        return None
    return mark_tree(sent.text, sent.marks, 0)


def mark_tree(raw: str, marks: list[Mark], offset: int = 0) -> list[Node | str] | None:
    """``raw`` (which starts at ``offset`` of the text the marks point into), whitespace collapsed, as a tree."""
    s, e = offset, offset + len(raw)
    text, pos = _squash(raw)
    clipped: list[tuple[int, int, int, Mark]] = []
    for i, mark in enumerate(marks):
        a, b = max(mark.start, s), min(mark.end, e)
        if a >= b:
            continue
        na, nb = pos[a - s], pos[b - s]
        # a mark never starts or ends on the space that joins two words
        if na < nb and text[na] == " ":
            na += 1
        if na < nb and text[nb - 1] == " ":
            nb -= 1
        if na < nb:
            clipped.append((na, nb, i, mark))
    if not clipped:
        return None
    cuts = sorted({0, len(text), *(c[0] for c in clipped), *(c[1] for c in clipped)})
    root: list[Node | str] = []
    stack: list[tuple[tuple[int, int, int, Mark], list[Node | str]]] = []
    for p, q in zip(cuts, cuts[1:]):
        active = sorted((c for c in clipped if c[0] <= p and q <= c[1]), key=lambda c: (c[0], -c[1], c[2]))
        keep = 0
        while keep < len(stack) and keep < len(active) and stack[keep][0] is active[keep]:
            keep += 1
        del stack[keep:]  # crossing marks are closed here and reopened below: always well nested
        for c in active[keep:]:
            node = Node(c[3])
            (stack[-1][1] if stack else root).append(node)
            stack.append((c, node.children))
        (stack[-1][1] if stack else root).append(text[p:q])
    return root


def followable_links(block: Block, sent: Sentence) -> list[tuple[Mark, str, str]]:
    """(mark, anchor text, address) of the safe links in a source sentence, in reading order."""
    found: list[tuple[Mark, str, str]] = []

    def walk(nodes: list[Node | str]) -> None:
        for n in nodes:
            if isinstance(n, str):
                continue
            href = safe_href(n.mark.href) if n.mark.kind == "link" else None
            if href is not None:
                found.append((n.mark, n.text(), href))
            walk(n.children)

    walk(sentence_marks(block, sent) or [])
    return found


def render(nodes: list[Node | str], text: Callable[[str], str], wrap: Callable[[Node, str, str | None], str],
           in_link: bool = False) -> str:
    """Spell a mark tree for one output: ``text`` escapes plain words, ``wrap(node, inner, href)`` writes a mark.

    Why one walker: which links a reader may follow is decided here for every format. A link with an unsafe
    address, or one inside another link, keeps only its words; ``wrap`` sees links only with a safe ``href``.
    Images and raw markup get their address when it is safe (else None) and decide themselves what to write.
    """
    out = []
    for n in nodes:
        if isinstance(n, str):
            out.append(text(n))
        elif n.mark.kind == "link":
            href = None if in_link else safe_href(n.mark.href)
            inner = render(n.children, text, wrap, True)
            out.append(inner if href is None else wrap(n, inner, href))
        elif n.mark.kind in ("image", "raw"):  # inside a link an image's address cannot be a link itself
            out.append(wrap(n, render(n.children, text, wrap, in_link), None if in_link else safe_href(n.mark.href)))
        else:
            out.append(wrap(n, render(n.children, text, wrap, in_link), None))
    return "".join(out)
