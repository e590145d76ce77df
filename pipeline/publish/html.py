"""The interactive bilingual reading page: one self-contained HTML file.

Why it is built this way:

* No template engine, no CDN, no web font: the page must open offline from a file, and every piece of
  article text passes through ``escape`` (``_e``) on its way in, so a hostile article can never inject
  markup or script. No article text ever becomes an attribute name or a script; the only URLs are the
  article's own links (Markdown input), and only those with a safe scheme (see ``inline.safe_href``).
* One DOM serves all four layouts. Switching is a ``data-layout`` attribute on ``<main>``; the
  sentence-interleaved layout reorders the same sentence elements with CSS ``order`` (each sentence carries
  its slot in ``--o``), so switching never rebuilds anything and works for any article size.
* Interaction uses event delegation: a handful of listeners on ``<main>``, never one per sentence, and
  the link index is built on first use, so a 2,000-sentence article opens as fast as a short one.
"""

from __future__ import annotations

from html import escape

from pipeline import __version__
from pipeline.document import Block, Document, Sentence
from pipeline.publish.credits import credits_html
from pipeline.publish.inline import Node, followable_links, render, sentence_marks
from pipeline.publish.pairs import link_flags, target_text

LAYOUTS = {
    "side-by-side": "Side by side",
    "paragraphs": "Paragraphs",
    "sentences": "Sentences",
    "translation": "Translation only",
}
DEFAULT_LAYOUT = "side-by-side"


def _e(value: object) -> str:
    return escape(str(value), quote=True)


_CSS = """
:root{color-scheme:light dark;--fg:#1c1c1c;--bg:#fff;--muted:#5e5e5e;--soft:#f4f3ef;--line:#e3e1dc;
--hl:#ffe38a;--on:#ffd23f;--rv:#b45500;--fl:#c4262e;--accent:#2457a6}
@media (prefers-color-scheme:dark){:root{--fg:#e7e5e0;--bg:#151515;--muted:#a9a6a0;--soft:#222120;--line:#34322f;
--hl:#574600;--on:#7a6200;--rv:#f3a250;--fl:#ff8080;--accent:#8db4ff}}
*{box-sizing:border-box}
html{-webkit-text-size-adjust:100%;text-size-adjust:100%}
body{margin:0;font:1.0625rem/1.6 system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans",sans-serif;color:var(--fg);background:var(--bg)}
.bar{position:sticky;top:0;z-index:2;background:var(--bg);border-bottom:1px solid var(--line);padding:.45rem 1rem;
display:flex;flex-wrap:wrap;gap:.35rem 1.5rem;align-items:center;justify-content:space-between}
.layouts{display:flex;flex-wrap:wrap;gap:.3rem;align-items:center}
.layouts .lbl{font-size:.8rem;color:var(--muted);margin-right:.2rem}
.layouts label{position:relative}
.layouts input{position:absolute;opacity:0;width:1px;height:1px;margin:0}
.layouts span.opt{display:inline-block;padding:.15rem .7rem;border:1px solid var(--line);border-radius:999px;font-size:.82rem;cursor:pointer;white-space:nowrap}
.layouts input:checked+span.opt{background:var(--fg);color:var(--bg);border-color:var(--fg)}
.layouts input:focus-visible+span.opt{outline:2px solid var(--accent);outline-offset:2px}
.legend{font-size:.78rem;color:var(--muted);margin:0;padding:0;list-style:none;display:flex;flex-wrap:wrap;gap:.15rem 1rem}
.legend .s{cursor:default}
main{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2.5rem}
.blk{display:grid;grid-template-columns:minmax(0,1fr) minmax(0,1fr);column-gap:0}
.side{min-width:0;overflow-wrap:anywhere;word-break:normal;hyphens:auto}
.side.src{padding-right:1.4rem}
.side.tgt{padding-left:1.4rem;border-left:1px solid var(--line)}
.side>*{margin:.5rem 0}
h1{font-size:1.85rem;line-height:1.25;margin:.6rem 0 1rem}
h2{font-size:1.4rem;line-height:1.3}
h3{font-size:1.18rem}
h4,h5,h6{font-size:1.05rem}
blockquote{margin-left:0;padding-left:1rem;border-left:3px solid var(--line);font-style:italic}
pre{white-space:pre-wrap;overflow-wrap:anywhere;background:var(--soft);padding:.6rem .8rem;border-radius:.35rem;font-size:.88rem;line-height:1.45}
code{font-family:ui-monospace,SFMono-Regular,Menlo,Consolas,monospace}
.side>.li{margin:.25rem 0;padding-left:calc(var(--lv,1) * 1.4rem);text-indent:-1.4rem}
.li .mk{display:inline-block;min-width:1.4rem;padding-right:.3rem;text-indent:0;color:var(--muted)}
.s{border-radius:.2em;cursor:pointer;-webkit-box-decoration-break:clone;box-decoration-break:clone}
.s{unicode-bidi:isolate}
.s:focus{outline:none}
.s:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.s.hl{background:var(--hl)}
.s.on{background:var(--on)}
.rv{text-decoration:underline wavy var(--rv) 1px;text-underline-offset:.28em;text-decoration-skip-ink:none}
.fl{border-bottom:2px dotted var(--fl)}
.un{text-decoration:underline dashed var(--muted) 1px;text-underline-offset:.28em}
.sw{display:inline-block;padding:0 .3em;border-radius:.2em;background:var(--hl)}
#pop{position:absolute;z-index:3;left:0;top:0;max-width:min(28rem,calc(100vw - 1rem));background:var(--soft);color:var(--fg);
border:1px solid var(--line);border-radius:.45rem;padding:.45rem .7rem;box-shadow:0 4px 18px rgba(0,0,0,.2);font-size:.92rem;line-height:1.45;overflow-wrap:anywhere}
#pop[hidden]{display:none}
footer{max-width:78rem;margin:0 auto;padding:1rem 1.25rem 2rem;border-top:1px solid var(--line);color:var(--muted);font-size:.82rem}
footer dl{display:flex;flex-wrap:wrap;gap:.2rem 1.4rem;margin:0}
footer dt{font-weight:600;display:inline}
footer dd{display:inline;margin:0 0 0 .3rem;overflow-wrap:anywhere}
footer div{min-width:0}
main:not([data-layout="side-by-side"]){max-width:48rem}
main[data-layout="paragraphs"] .blk,main[data-layout="translation"] .blk{grid-template-columns:minmax(0,1fr)}
main:not([data-layout="side-by-side"]) .side.src{padding-right:0}
main[data-layout="paragraphs"] .side.tgt{border-left:3px solid var(--line);padding-left:.9rem;margin-bottom:.9rem}
main[data-layout="paragraphs"] .nt .tgt,main[data-layout="sentences"] .nt .tgt,main[data-layout="translation"] .src{display:none}
main[data-layout="translation"] .side.tgt{border:0;padding:0}
main[data-layout="translation"] .tgt .s{cursor:help}
main[data-layout="sentences"] .blk{display:flex;flex-direction:column}
main[data-layout="sentences"] .il .side,main[data-layout="sentences"] .il .side>*,main[data-layout="sentences"] .il blockquote>p{display:contents}
main[data-layout="sentences"] .il .s{display:block;order:var(--o,0);margin:.35rem 0 0}
main[data-layout="sentences"] .il .tgt .s{margin:.1rem 0 .5rem;padding-left:.8rem;border-left:3px solid var(--line)}
main[data-layout="sentences"] .side.tgt{border:0;padding:0}
main[data-layout="sentences"] .list_item .side.tgt{padding-left:.8rem;border-left:3px solid var(--line)}
main[data-layout="sentences"] .list_item .side>.li{margin:.1rem 0}
main[data-layout="sentences"] .title .s,main[data-layout="sentences"] .heading .s{margin-top:.8rem}
@media (max-width:40rem){
body{font-size:1rem}
.bar{position:static;padding:.4rem .6rem}
main{padding:.5rem .6rem 2rem}
main[data-layout="side-by-side"] .blk{font-size:.9rem;line-height:1.5}
.side.src{padding-right:.55rem}
.side.tgt{padding-left:.55rem}
h1{font-size:1.35rem}
h2{font-size:1.15rem}
h3{font-size:1.05rem}
footer{padding:1rem .6rem 2rem}
}
@media print{
.bar,#pop{display:none!important}
:root{--fg:#000;--bg:#fff;--muted:#444;--line:#bbb}
body{font-size:10pt;background:#fff;color:#000}
main[data-layout]{max-width:none;padding:0}
main[data-layout] .blk{display:grid!important;grid-template-columns:minmax(0,1fr) minmax(0,1fr)!important;break-inside:avoid}
main[data-layout] .side{display:block!important;border-left:0!important;margin:0!important}
main[data-layout] .side.src{padding-right:.6cm!important}
main[data-layout] .side.tgt{padding-left:.6cm!important;border-left:1px solid #bbb!important}
main[data-layout] .side>*{display:revert!important}
main[data-layout] .s{display:inline!important;margin:0!important;padding:0!important;border-left:0!important;background:none!important}
main[data-layout] .s.fl{border-bottom:2px dotted #000!important}
}
"""

#: Only pages of articles with inline markup carry it (a plain article's page stays byte-identical).
_MARKS_CSS = """
.side a{color:var(--accent);text-underline-offset:.18em}
.side a:focus-visible{outline:2px solid var(--accent);outline-offset:1px}
.src-link{margin-left:.25em;padding:0 .1em;font-size:.85em;text-decoration:none;border-radius:.2em}
.src-link:hover{text-decoration:underline}
@media print{.src-link{display:none}}
"""

#: Only pages of articles that say where they come from have a byline and a credit line.
_CREDITS_CSS = """
.byline-row .side{margin:0 0 1rem;color:var(--muted);font-size:.9rem}
.byline-row a,footer .credit a{color:var(--accent)}
footer .credit{margin:0 0 .8rem;font-size:.88rem;color:var(--fg)}
main[data-layout="translation"] .byline-row .src{display:none}
"""

_JS = """
(function(){
"use strict";
var main=document.getElementById("doc"),pop=document.getElementById("pop"),KEY="bilingual.layout";
var radios=document.querySelectorAll('input[name="layout"]');
function setLayout(v,save){
 var ok=false;
 for(var i=0;i<radios.length;i++){if(radios[i].value===v){radios[i].checked=true;ok=true;}}
 if(!ok)return;
 main.setAttribute("data-layout",v);
 hidePop();
 if(save){try{localStorage.setItem(KEY,v);}catch(e){}}
}
try{var saved=localStorage.getItem(KEY);if(saved)setLayout(saved,false);}catch(e){}
document.getElementById("layouts").addEventListener("change",function(e){
 if(e.target&&e.target.name==="layout")setLayout(e.target.value,true);
});
var index=null,lit=[],cur=null,pinned=null;
function build(){
 index=Object.create(null);
 var all=main.querySelectorAll(".s[data-l]");
 for(var i=0;i<all.length;i++){
  var ls=all[i].getAttribute("data-l").split(" ");
  for(var j=0;j<ls.length;j++){(index[ls[j]]||(index[ls[j]]=[])).push(all[i]);}
 }
}
function peers(el){
 if(!index)build();
 var out=[el],ls=(el.getAttribute("data-l")||"").split(" ");
 for(var i=0;i<ls.length;i++){var g=index[ls[i]]||[];for(var j=0;j<g.length;j++){if(out.indexOf(g[j])<0)out.push(g[j]);}}
 return out;
}
function hidePop(){pop.hidden=true;}
function clear(){for(var i=0;i<lit.length;i++)lit[i].classList.remove("hl","on");lit=[];cur=null;hidePop();}
function showPop(el){
 var src=[];
 for(var i=0;i<lit.length;i++){if(lit[i].closest(".src"))src.push(lit[i].textContent);}
 if(!src.length)return;
 pop.textContent=src.join(" ");
 pop.hidden=false;
 var r=el.getBoundingClientRect(),vw=document.documentElement.clientWidth;
 var left=Math.max(8,Math.min(r.left,vw-pop.offsetWidth-8));
 pop.style.left=(left+window.scrollX)+"px";
 var h=pop.offsetHeight,below=r.bottom+6+h<=window.innerHeight||r.top<h+6;
 pop.style.top=((below?r.bottom+6:r.top-h-6)+window.scrollY)+"px";
}
function show(el){
 if(el===cur)return;
 clear();
 if(!el)return;
 cur=el;lit=peers(el);
 for(var i=0;i<lit.length;i++)lit[i].classList.add("hl");
 el.classList.add("on");
 if(main.getAttribute("data-layout")==="translation"&&el.closest(".tgt"))showPop(el);
}
function sentence(t){return t&&t.closest?t.closest(".s"):null;}
main.addEventListener("mouseover",function(e){var s=sentence(e.target);if(s)show(s);});
main.addEventListener("mouseout",function(e){
 var s=sentence(e.target);if(!s)return;
 var to=sentence(e.relatedTarget);if(!to||!main.contains(to))show(pinned);
});
main.addEventListener("focusin",function(e){var s=sentence(e.target);if(s){pinned=s;show(s);}});
main.addEventListener("focusout",function(e){if(!sentence(e.relatedTarget)){pinned=null;clear();}});
main.addEventListener("click",function(e){var s=sentence(e.target);pinned=s;if(s){cur=null;show(s);}else clear();});
document.addEventListener("keydown",function(e){if(e.key==="Escape"){pinned=null;clear();}});
window.addEventListener("resize",function(){if(!pop.hidden&&cur)showPop(cur);});
})();
"""


def _sentence_slots(block: Block) -> tuple[dict[str, list[int]], dict[str, int]]:
    """Link numbers of each sentence (block-local, 0-based) and its slot in the sentence-by-sentence layout.

    Why slots: a source group is followed by its linked target group even when the two sides are
    separate elements; unlinked target sentences stay just after the target sentence before them.
    """
    links_of: dict[str, list[int]] = {}
    for k, link in enumerate(block.links):
        for sid in (*link.src, *link.tgt):
            links_of.setdefault(sid, []).append(k)
    slot: dict[str, int] = {}
    group = 0
    for s in block.source:
        ks = links_of.get(s.id)
        if s.id in slot:
            continue
        if not ks:
            slot[s.id] = 2 * group
            group += 1
            continue
        link = block.links[ks[0]]
        for sid in link.src:
            slot.setdefault(sid, 2 * group)
        for tid in link.tgt:
            slot.setdefault(tid, 2 * group + 1)
        group += 1
    previous = 1
    for t in block.target:
        previous = slot.setdefault(t.id, previous)
    return links_of, slot


_TAGS = {"em": "em", "strong": "strong", "code": "code"}


def _html_mark(node: Node, inner: str, href: str | None) -> str:
    if href is not None:
        return f'<a href="{_e(href)}" rel="noopener noreferrer">{inner}</a>'
    tag = _TAGS[node.mark.kind]
    return f"<{tag}>{inner}</{tag}>"


def _inline_html(nodes: list[Node | str]) -> str:
    """Marked-up text; a link with an unsafe address, or inside another link, keeps only its words."""
    return render(nodes, _e, _html_mark)


def _source_links(block: Block) -> dict[str, list[tuple[str, str]]]:
    """Links of the original to repeat after a translation: on the last target sentence of each link.

    Why: the translation cannot know which of its words carry the link, yet an English reader must be able
    to follow it; one small link after the translated sentence group, named after the original anchor.
    """
    out: dict[str, list[tuple[str, str]]] = {}
    if not block.marks:
        return out
    for link in block.links:
        if not link.tgt:
            continue
        # one entry per mark (a link cut by a sentence boundary is one link) and per address
        anchors: dict[int, tuple[list[str], str]] = {}
        for sid in link.src:
            for mark, anchor, href in followable_links(block, block.sentence(sid)):
                anchors.setdefault(id(mark), ([], href))[0].append(anchor)
        found = out.setdefault(link.tgt[-1], [])
        for words, href in anchors.values():
            item = (" ".join(words), href)
            if item not in found:
                found.append(item)
    return out


def _sentences(block: Block, side: str, first_link: int) -> str:
    sents: list[Sentence] = block.source if side == "src" else block.target
    links_of, slot = _sentence_slots(block)
    src_links = _source_links(block) if side == "tgt" else {}
    parts = []
    for s in sents:
        ks = links_of.get(s.id, [])
        classes = ["s"]
        notes = []
        links = [block.links[k] for k in ks]
        if any(link.status == "needs_review" for link in links):
            classes.append("rv")
            notes.append("needs review")
        flags = list(dict.fromkeys(f for link in links for f in link_flags(block, link)))
        if side == "src" and s.mt is not None:
            flags = list(dict.fromkeys([*flags, *s.mt.flags]))
        if flags:
            classes.append("fl")
            notes.append("flagged: " + ", ".join(f.replace("_", " ") for f in flags))
        if not ks and block.target:
            classes.append("un")
            notes.append("not linked")
        attrs = f' class="{" ".join(classes)}" id="{_e(s.id)}" tabindex="0" style="--o:{slot.get(s.id, 0)}"'
        if ks:
            attrs += f' data-l="{" ".join(str(first_link + k) for k in ks)}"'
        if notes:
            attrs += f' title="{_e("; ".join(notes))}"'
        marked = sentence_marks(block, s) if side == "src" else None
        body = _e(" ".join(s.text.split())) if marked is None else _inline_html(marked)
        for anchor, href in src_links.get(s.id, []):
            body += (
                f'<a class="src-link" href="{_e(href)}" rel="noopener noreferrer"'
                f' aria-label="{_e(f"link from the original: {anchor}")}" title="{_e(f"{anchor} ({href})")}">↗</a>'
            )
        parts.append(f"<span{attrs}>{body}</span>")
    return " ".join(parts)


def _block_inner(block: Block, side: str, first_link: int) -> str:
    if not block.translate:
        return f'<pre translate="no"><code>{_e(block.text)}</code></pre>'
    inner = _sentences(block, side, first_link)
    if block.kind == "title":
        return f"<h1>{inner}</h1>"
    if block.kind == "heading":
        level = min(max(block.level or 2, 2), 6)
        return f"<h{level}>{inner}</h{level}>"
    if block.kind == "list_item":
        level = min(max(block.level or 1, 1), 8)
        marker = f'<span class="mk">{_e(block.marker)}</span>' if block.marker else ""
        return f'<p class="li" style="--lv:{level}">{marker}{inner}</p>'
    if block.kind == "quote":
        return f"<blockquote><p>{inner}</p></blockquote>"
    return f"<p>{inner}</p>"


def _blocks(doc: Document, byline: str = "") -> str:
    """Every block as a row; ``byline`` (already HTML) goes right after the title, or first."""
    src_lang, tgt_lang = _e(doc.meta.source_lang), _e(doc.meta.target_lang)
    rows, first_link = [], 0
    if byline and not any(b.kind == "title" for b in doc.blocks):
        rows.append(byline)
    for b in doc.blocks:
        # nt: not translated (code, raw HTML); il: interleaved sentence by sentence in the sentences
        # layout (a list item keeps its marker line whole, so it is stacked like a paragraph instead)
        nt = " nt" if not b.translate else ("" if b.kind == "list_item" else " il")
        rows.append(
            f'<div class="blk {_e(b.kind)}{nt}" id="{_e(b.id)}">'
            f'<div class="side src" lang="{src_lang}">{_block_inner(b, "src", first_link)}</div>'
            f'<div class="side tgt" lang="{tgt_lang}">{_block_inner(b, "tgt", first_link)}</div></div>'
        )
        if byline and b.kind == "title":
            rows.append(byline)
            byline = ""
        first_link += len(b.links)
    return "\n".join(rows)


def _switcher(layout: str) -> str:
    options = "".join(
        f'<label><input type="radio" name="layout" value="{value}"{" checked" if value == layout else ""}>'
        f'<span class="opt">{label}</span></label>'
        for value, label in LAYOUTS.items()
    )
    return f'<div class="layouts" id="layouts" role="radiogroup" aria-label="Layout"><span class="lbl">Layout</span>{options}</div>'


_LEGEND = (
    '<ul class="legend">'
    '<li><span class="sw">highlight</span> linked sentences (point, focus or tap one)</li>'
    '<li><span class="s rv">wavy underline</span> link needs review</li>'
    '<li><span class="s fl">dotted underline</span> flagged by a quality check</li>'
    '<li><span class="s un">dashed underline</span> not linked</li>'
    "</ul>"
)


def _meta(doc: Document) -> dict[str, str]:
    m = doc.meta
    return {
        "source": m.source_file or "",
        "model": str(m.model.get("name", "")) if m.model else "",
        "revision": str(m.model.get("revision", "")) if m.model else "",
        "date": m.updated,
        "version": __version__,
    }


def _title(doc: Document) -> str:
    title_block = next((b for b in doc.blocks if b.kind == "title"), None)
    source = " ".join((doc.meta.title or "").split())
    target = target_text(title_block) if title_block is not None else ""
    return " / ".join(t for t in (source, target) if t) or "Bilingual document"


def render_html(doc: Document, layout: str = DEFAULT_LAYOUT) -> str:
    """The whole page as one string; ``layout`` is the layout shown until the reader picks another."""
    if layout not in LAYOUTS:
        layout = DEFAULT_LAYOUT
    info = _meta(doc)
    m = doc.meta
    head_meta = "\n".join(
        f'<meta name="{name}" content="{_e(value)}">'
        for name, value in (
            ("generator", f"bilingual {info['version']}"),
            ("description", f"Bilingual edition ({m.source_lang}/{m.target_lang}) with sentence-linked translation"),
            ("dcterms.source", info["source"]),
            ("dcterms.date", info["date"]),
            ("bilingual.model", info["model"]),
            ("bilingual.model-revision", info["revision"]),
            ("bilingual.version", info["version"]),
        )
    )
    footer_items = (
        ("Source", info["source"] or "unknown"),
        ("Model", info["model"] or "none (human or unknown translation)"),
        ("Revision", info["revision"] or "n/a"),
        ("Date", info["date"]),
        ("Tool", f"bilingual {info['version']}"),
    )
    footer = "".join(f"<div><dt>{_e(k)}</dt><dd>{_e(v)}</dd></div>" for k, v in footer_items)
    byline, credit = credits_html(doc)
    return (
        "<!DOCTYPE html>\n"
        '<html lang="en">\n<head>\n<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        f"<title>{_e(_title(doc))}</title>\n{head_meta}\n"
        f"<style>{_CSS}{_MARKS_CSS if any(b.marks for b in doc.blocks) else ''}{_CREDITS_CSS if byline else ''}"
        "</style>\n</head>\n<body>\n"
        f'<header class="bar">{_switcher(layout)}{_LEGEND}</header>\n'
        f'<main id="doc" data-layout="{layout}">\n{_blocks(doc, byline)}\n</main>\n'
        f'<div id="pop" role="tooltip" lang="{_e(m.source_lang)}" hidden></div>\n'
        f"<footer>{credit}<dl>{footer}</dl></footer>\n"
        f"<script>{_JS}</script>\n</body>\n</html>\n"
    )
