"""Self-contained side-by-side HTML.

Why no template engine and no CDN: the page must open offline from a file, and every piece of text passes
through one escaping function, so a hostile article can never inject markup or script.
"""

from __future__ import annotations

import json
from html import escape

from pipeline import __version__
from pipeline.document import Block, Document

_CSS = """
:root{--fg:#1b1b1b;--bg:#fff;--muted:#666;--hl:#ffe58a;--line:#ddd}
@media (prefers-color-scheme:dark){:root{--fg:#e8e8e8;--bg:#161616;--muted:#aaa;--hl:#5b4a00;--line:#333}}
*{box-sizing:border-box}
body{margin:0;font:17px/1.55 system-ui,sans-serif;color:var(--fg);background:var(--bg)}
main{max-width:1200px;margin:0 auto;padding:1rem}
.row{display:grid;grid-template-columns:1fr 1fr;gap:2rem;border-bottom:1px solid var(--line);padding:.4rem 0}
.side{min-width:0;overflow-wrap:anywhere}
.s{border-radius:3px;cursor:pointer;outline-offset:2px}
.s.hl{background:var(--hl)}
.review{text-decoration:underline wavy #d08000}
footer{color:var(--muted);font-size:.85em;padding:1rem;max-width:1200px;margin:0 auto}
pre{white-space:pre-wrap}
@media (max-width:700px){.row{grid-template-columns:1fr;gap:.3rem}}
"""

_JS = """
(function(){
 var links=JSON.parse(document.getElementById('links').textContent);
 var peers={};
 links.forEach(function(l){var all=l[0].concat(l[1]);all.forEach(function(id){peers[id]=all;});});
 function set(id,on){(peers[id]||[id]).forEach(function(p){var e=document.getElementById(p);if(e)e.classList.toggle('hl',on);});}
 document.querySelectorAll('.s').forEach(function(e){
  ['mouseenter','focus'].forEach(function(ev){e.addEventListener(ev,function(){set(e.id,true);});});
  ['mouseleave','blur'].forEach(function(ev){e.addEventListener(ev,function(){set(e.id,false);});});
 });
})();
"""


def _sentences(block: Block, side: str) -> str:
    sents = block.source if side == "source" else block.target
    review = {sid for link in block.links if link.status == "needs_review" for sid in (*link.src, *link.tgt)}
    parts = []
    for s in sents:
        cls = "s review" if s.id in review else "s"
        parts.append(f'<span class="{cls}" id="{escape(s.id)}" tabindex="0">{escape(s.text)}</span>')
    return " ".join(parts)


def _block_html(block: Block, side: str) -> str:
    if not block.translate:
        return f"<pre><code>{escape(block.text)}</code></pre>"
    inner = _sentences(block, side)
    if block.kind == "title":
        return f"<h1>{inner}</h1>"
    if block.kind == "heading":
        level = min(max((block.level or 2), 2), 6)
        return f"<h{level}>{inner}</h{level}>"
    if block.kind == "list_item":
        marker = f"{escape(block.marker)} " if block.marker else ""
        return f'<p class="li">{marker}{inner}</p>'
    if block.kind == "quote":
        return f"<blockquote>{inner}</blockquote>"
    return f"<p>{inner}</p>"


def render_html(doc: Document) -> str:
    m = doc.meta
    src_lang, tgt_lang = escape(m.source_lang), escape(m.target_lang)
    rows = []
    for b in doc.blocks:
        rows.append(
            f'<div class="row {escape(b.kind)}" id="{escape(b.id)}">'
            f'<div class="side src" lang="{src_lang}">{_block_html(b, "source")}</div>'
            f'<div class="side tgt" lang="{tgt_lang}">{_block_html(b, "target")}</div></div>'
        )
    links = [[link.src, link.tgt] for b in doc.blocks for link in b.links]
    links_json = json.dumps(links).replace("<", "\\u003c")
    model = m.model.get("name", "") if m.model else ""
    revision = m.model.get("revision", "") if m.model else ""
    title = escape(m.title or "bilingual document")
    footer = (
        f"Source: {escape(m.source_file)} · Model: {escape(model or 'none')}"
        f"{' @ ' + escape(revision) if revision else ''} · Date: {escape(m.updated)} · bilingual {escape(__version__)}"
    )
    return (
        "<!DOCTYPE html>\n"
        f'<html lang="{tgt_lang}"><head><meta charset="utf-8">'
        '<meta name="viewport" content="width=device-width, initial-scale=1">'
        f"<title>{title}</title>"
        f'<meta name="generator" content="bilingual {escape(__version__)}">'
        f'<meta name="model" content="{escape(model)}"><meta name="date" content="{escape(m.updated)}">'
        f"<style>{_CSS}</style></head><body><main>{''.join(rows)}</main>"
        f"<footer>{footer}</footer>"
        f'<script type="application/json" id="links">{links_json}</script>'
        f"<script>{_JS}</script></body></html>\n"
    )
