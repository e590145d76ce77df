"""Inline markup as a published file spells it: which addresses a reader may follow, which tags stay live.

Why here and not in the document model: the tree of a sentence's marks (``pipeline.bitext.marks``) is the
same for the page, the Markdown export and the translation engine's placeholders; what may be followed or
kept live is a publishing decision, made once for the page and the Markdown export.
"""

from __future__ import annotations

import re
from collections.abc import Callable

from pipeline.bitext.document import Block, Mark, Sentence
from pipeline.bitext.marks import Node, sentence_marks

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
