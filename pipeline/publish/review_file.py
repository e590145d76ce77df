"""The plain-text review file: the alignment as one paragraph per link, for people who live in their editor.

Why the writer is here with the other exports and the reader in ``pipeline.review.textfile``: publish writes
every file a person takes away, review takes their edits back in; the two share the header's wording and the
fingerprint, which are defined here.
"""

from __future__ import annotations

import hashlib

from pipeline.bitext.document import LINK_STATUSES, Document, Link
from pipeline.bitext.marks import clean_text

HEADER = """\
# bilingual review file{name}
#
# One paragraph per link: the source sentences ("src") and their translation ("tgt"),
# with the link's status on its "@" line. Lines starting with "#" are comments.
#   @ STATUS (score, flags)   STATUS is one of: {statuses}
#   src ID | source sentence  (fix typos after the "|")
#   tgt ID | target sentence  (edit the translation after the "|")
# How to edit:
#   confirm  write "@ confirmed" instead of "@ auto" or "@ needs_review"
#   merge    delete the blank line and the "@" line between two links of the same block
#   split    insert a blank line between the sentence lines of a link
#   move     move a "src" or "tgt" line to the end of the link above or the start of the link below
# Keep every sentence line exactly once and in order, and keep the ID before the "|".
# Links cannot cross blocks ("# == b3" lines). A link you merge, split, move or edit becomes
# "edited" unless you write another status. Apply with:
#   bilingual apply-review THIS_FILE BITEXT
"""
FINGERPRINT = "# fingerprint:"


def fingerprint(doc: Document) -> str:
    """A hash of the document's content version: sentence ids and texts, links and their statuses.

    Why content and not ids only: a file exported before later edits (or from another article with the same
    layout) would otherwise be applied as if current and silently revert those edits. A person may still keep
    editing a file after applying it and apply it again: the document remembers which export it was and
    what applying it gave (``pipeline.review.textfile.APPLIED_KEY``), so that case is told apart from a stale file.
    """
    h = hashlib.sha256()
    for b in doc.blocks:
        if b.links:
            h.update(repr((b.id, [(s.id, s.text) for s in b.source], [(s.id, s.text) for s in b.target],
                           [(x.src, x.tgt, x.status) for x in b.links])).encode("utf-8"))
    return h.hexdigest()[:24]


def _status_line(link: Link) -> str:
    extra = []
    if link.score is not None:
        extra.append(f"score {link.score:.2f}")
    if link.flags:
        extra.append("flags: " + ", ".join(link.flags))
    return f"@ {link.status}" + (f"   ({'; '.join(extra)})" if extra else "")


def write_review_text(doc: Document, name: str = "") -> str:
    """Render the review file; applying it unchanged changes nothing."""
    out = [HEADER.format(name=f" for {name}" if name else "", statuses=", ".join(LINK_STATUSES)).rstrip("\n"),
           f"{FINGERPRINT} {fingerprint(doc)}"]
    if doc.orphans:
        out += ["#", f"# {len(doc.orphans)} orphaned reviews: reviewed links whose source sentences are no longer in",
                "# the article (kept, not applied; copy a translation you still want into a link below):"]
        for o in doc.orphans:
            out.append(f"#   @ {o.status} (was in {o.block or '?'}; {o.reason or 'source changed'})")
            out.extend(f"#   src | {clean_text(t)}" for t in o.src)
            out.extend(f"#   tgt | {clean_text(t)}" for t in o.tgt)
    for block in doc.blocks:
        if not block.links:
            continue
        out.append("")
        out.append(f"# == {block.id} ({block.kind})")
        texts = {s.id: clean_text(s.text) for s in [*block.source, *block.target]}
        for link in block.links:
            out.append("")
            out.append(_status_line(link))
            out.extend(f"src {sid} | {texts[sid]}" for sid in link.src)
            out.extend(f"tgt {tid} | {texts[tid]}" for tid in link.tgt)
    return "\n".join(out) + "\n"
