"""The collection's ``index.html``: every document of a run with its title, size, review work and page.

Why a page of its own: a site translated in one run should be browsable as one bilingual collection, and
whoever reviews it needs to see at a glance which documents failed and which have links to check. Like
the reading pages it is one self-contained file (no scripts, fonts or styles from the network); every
text from a document is escaped and carries the language it is written in.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from html import escape
from urllib.parse import quote


@dataclass(frozen=True)
class IndexEntry:
    """One row; ``page`` is relative to the index (``a/b/b.html``), empty when there is none."""

    name: str
    title: str
    sentences: int
    review: int
    page: str
    status: str  # done | up to date | failed | interrupted
    error: str = ""
    source_lang: str = "id"


_CSS = """
:root{color-scheme:light dark;--fg:#1d1d1f;--bg:#fff;--mute:#5f6368;--line:#d0d4da;--bad:#a40e26;--warn:#8a5300}
@media (prefers-color-scheme:dark){:root{--fg:#e8eaed;--bg:#17181a;--mute:#a8adb4;--line:#3c4043;--bad:#ff8a8a;
--warn:#f5c06a}}
body{font:16px/1.5 system-ui,sans-serif;color:var(--fg);background:var(--bg);margin:0 auto;max-width:70rem;
padding:1rem}
table{border-collapse:collapse;width:100%}th,td{text-align:left;padding:.4rem .5rem;border-bottom:1px solid var(--line);
vertical-align:top}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.failed{color:var(--bad)}.review{color:var(--warn);font-weight:600}.mute{color:var(--mute)}
a{color:inherit}a:focus-visible{outline:3px solid #1a73e8;outline-offset:2px}
@media print{a{text-decoration:none}}
"""


def render_index(entries: Sequence[IndexEntry], *, title: str = "Bilingual collection") -> str:
    """The whole page; entries are shown in the order given."""
    done = [e for e in entries if e.status in ("done", "up to date")]
    failed = [e for e in entries if e.status == "failed"]
    review = sum(e.review for e in done)
    rows = "\n".join(_row(e) for e in entries)
    summary = (f"{len(done)} of {len(entries)} documents published, {sum(e.sentences for e in done)} sentences, "
               f"{review} link{'s' if review != 1 else ''} to review"
               + (f", {len(failed)} failed" if failed else ""))
    return f"""<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="bilingual">
<title>{escape(title)}</title>
<style>{_CSS}</style>
</head>
<body>
<main>
<h1>{escape(title)}</h1>
<p id="summary">{escape(summary)}</p>
<table>
<caption class="mute">Each document's reading page shows the original and the translation side by side.</caption>
<thead><tr><th scope="col">Document</th><th scope="col">Title</th><th scope="col" class="n">Sentences</th>
<th scope="col" class="n">To review</th><th scope="col">Status</th></tr></thead>
<tbody>
{rows}
</tbody>
</table>
</main>
</body>
</html>
"""


def _row(e: IndexEntry) -> str:
    name = escape(e.name)
    cell = f'<a href="{escape(quote(e.page))}">{name}</a>' if e.page else name
    title = f'<span lang="{escape(e.source_lang)}">{escape(e.title)}</span>' if e.title else ""
    if e.status == "failed":
        status = f'<span class="failed">failed: {escape(e.error)}</span>'
    else:
        status = escape(e.status)
    review = f'<span class="review">{e.review}</span>' if e.review else "0"
    sentences = str(e.sentences) if e.status != "failed" else ""
    return (f'<tr data-status="{escape(e.status)}"><td>{cell}</td><td>{title}</td><td class="n">{sentences}</td>'
            f'<td class="n">{review if e.status != "failed" else ""}</td><td>{status}</td></tr>')
