"""Exchange formats: each is read back with a real parser and must give the same pairs as the document."""

from __future__ import annotations

import csv
import io
import json

import pytest

from pipeline.bitext.document import Document, Link, Sentence
from pipeline.errors import ConfigError
from pipeline.publish import FORMATS, OutputFormat, PublishOptions, parse_formats, register_format
from pipeline.publish.pairs import iter_pairs
from pipeline.publish.tabular import TSV_COLUMNS, read_tsv
from pipeline.publish.markdown import md_escape, render_markdown, render_text
from pipeline.publish.tmx import render_tmx
from pipeline.publish.xliff import STATE_OF_STATUS, XLIFF_NS, render_xliff
from publish_samples import hostile_document, markdown_document, sample_document


def _expected(doc: Document) -> list[tuple[str, str]]:
    return [(p.source, p.target) for p in iter_pairs(doc)]


def _awkward_document() -> Document:
    """The sample plus a pair whose text holds tabs, newlines, XML specials and a control character."""
    doc = sample_document()
    b = doc.block("b2")
    b.source[0].text = 'A\t"quoted" <b>&amp;</b> \\ back\x07slash'
    b.target[0] = Sentence(id="b2.t1", text="Line one\nline two & <three> ]]> end")
    return doc


@pytest.fixture(scope="module")
def doc() -> Document:
    return _awkward_document()


def test_pairs_cover_every_link_in_order(doc: Document) -> None:
    pairs = iter_pairs(doc)
    assert len(pairs) == sum(len(b.links) for b in doc.blocks if b.translate)
    assert [p.id for p in pairs][:3] == ["b1.l1", "b2.l1", "b3.l1"]
    b4 = next(p for p in pairs if p.id == "b4.l1")
    assert b4.source.count(".") >= 2 and b4.link.src == ["b4.s1", "b4.s2"]  # 2:1 link is one pair
    assert next(p for p in pairs if p.id == "b6.l1").flags == ["repetition"]


def test_tmx_reads_back_with_translate_toolkit(doc: Document) -> None:
    tmx = pytest.importorskip("translate.storage.tmx", reason="translate-toolkit not installed (pip install -e .[test])")
    store = tmx.tmxfile(render_tmx(doc).encode("utf-8"))
    got = [(u.source, u.target) for u in store.units]
    # XML cannot carry the control character; everything else survives
    expected = [(s.replace("\x07", ""), t) for s, t in _expected(doc)]
    assert got == expected
    assert [u.getid() for u in store.units] == [p.id for p in iter_pairs(doc)]


def test_tmx_header_has_every_required_attribute(doc: Document) -> None:
    from lxml import etree

    root = etree.fromstring(render_tmx(doc).encode("utf-8"))
    assert root.get("version") == "1.4"
    header = root.find("header")
    required = {"creationtool", "creationtoolversion", "segtype", "o-tmf", "adminlang", "srclang", "datatype"}
    assert required <= set(header.attrib)
    assert header.get("srclang") == "id" and header.get("segtype") == "sentence"
    statuses = [tu.findtext("prop[@type='x-status']") for tu in root.iter("tu")]
    assert statuses.count("needs_review") == 2 and "confirmed" in statuses and "edited" in statuses
    langs = {tuv.get("{http://www.w3.org/XML/1998/namespace}lang") for tuv in root.iter("tuv")}
    assert langs == {"id", "en"}


@pytest.mark.parametrize(("updated", "expected"), [("2024-08-14T12:00:00+02:00", "20240814T100000Z"),
                                                   ("2024-08-14", "20240814T000000Z"), ("kemarin", None), ("", None)])
def test_tmx_creation_date_is_the_documents_or_left_out(doc: Document, updated: str, expected: str | None) -> None:
    """A date that is not one is left out (TMX makes it optional) rather than replaced by the export's moment."""
    from lxml import etree

    doc.meta.updated = updated
    root = etree.fromstring(render_tmx(doc).encode("utf-8"))
    assert {e.get("creationdate") for e in [root.find("header"), *root.iter("tu")]} == {expected}


def test_xliff_reads_back_with_the_same_pairs_and_states(doc: Document) -> None:
    from lxml import etree

    root = etree.fromstring(render_xliff(doc).encode("utf-8"))
    ns = {"x": XLIFF_NS}
    assert root.tag == f"{{{XLIFF_NS}}}xliff" and root.get("version") == "2.1"
    assert (root.get("srcLang"), root.get("trgLang")) == ("id", "en")
    segments = root.findall(".//x:unit/x:segment", ns)
    got = [(s.findtext("x:source", namespaces=ns), s.findtext("x:target", default="", namespaces=ns)) for s in segments]
    assert got == [(s.replace("\x07", ""), t) for s, t in _expected(doc)]
    pairs = iter_pairs(doc)
    assert [s.get("state") for s in segments] == [STATE_OF_STATUS[p.link.status] for p in pairs]
    assert [s.get("subState") for s in segments] == [f"bilingual:{p.link.status}" for p in pairs]
    assert {s.get("state") for s in segments} == {"translated", "initial", "final", "reviewed"}
    # segment ids are unique within their unit, unit ids unique in the file
    units = root.findall(".//x:unit", ns)
    assert len({u.get("id") for u in units}) == len(units)
    for u in units:
        ids = [s.get("id") for s in u.findall("x:segment", ns)]
        assert len(set(ids)) == len(ids)


def test_tsv_reads_back(doc: Document) -> None:
    """Spreadsheet rules (csv excel-tab): read back by the csv module, not by splitting on tabs."""
    text = FORMATS["tsv"].render(doc, PublishOptions())
    assert tuple(text.splitlines()[0].split("\t")) == TSV_COLUMNS
    rows = list(csv.reader(io.StringIO(text, newline=""), dialect="excel-tab"))[1:]
    assert all(len(r) == len(TSV_COLUMNS) for r in rows)
    assert [(r[0], r[1]) for r in rows] == _expected(doc)
    pairs = iter_pairs(doc)
    assert [r[3] for r in rows] == [p.link.status for p in pairs]
    assert [r[5].split() for r in rows] == [p.link.src for p in pairs]
    assert [float(r[2]) for r in rows] == [p.link.score for p in pairs]
    assert [(r["source"], r["target"]) for r in read_tsv(text)] == _expected(doc)


def test_jsonl_is_one_link_per_line(doc: Document) -> None:
    text = FORMATS["jsonl"].render(doc, PublishOptions())
    records = [json.loads(line) for line in text.splitlines()]
    assert len(records) == len(iter_pairs(doc))
    assert [(r["source"], r["target"]) for r in records] == _expected(doc)
    assert records[3]["status"] == "needs_review" and records[3]["source_ids"] == ["b4.s1", "b4.s2"]
    assert records[3]["flags"] == ["numbers_missing"]


def test_links_without_target_still_export() -> None:
    doc = sample_document()
    b = doc.block("b3")
    b.links = [Link(src=["b3.s1"], tgt=[], status="needs_review")]
    tsv = FORMATS["tsv"].render(doc, PublishOptions())
    assert any(line.startswith("Gubernur") and line.split("\t")[1] == "" for line in tsv.splitlines())
    from lxml import etree

    root = etree.fromstring(render_xliff(doc).encode("utf-8"))
    seg = root.find(f".//{{{XLIFF_NS}}}unit[@id='b3']/{{{XLIFF_NS}}}segment")
    assert seg.find(f"{{{XLIFF_NS}}}target") is None and seg.get("state") == "initial"


# ------------------------------------------------------------------ Markdown and plain text


def _md_tokens(text: str) -> list:
    from markdown_it import MarkdownIt

    return MarkdownIt("commonmark").parse(text)


@pytest.mark.parametrize(
    "text",
    ["81. selama satu hari", "# bukan judul", "> bukan kutipan", "- bukan butir", "<script>alert(1)</script>",
     "a *b* _c_ `d` [e](javascript:f) &amp; | ~"],
)
def test_md_escape_keeps_words_as_words(text: str) -> None:
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(md_escape(text))
    assert html.startswith("<p>"), html
    assert "<script" not in html and "<a " not in html and "<em>" not in html and "<code>" not in html


def test_markdown_keeps_structure_and_pairs_blocks() -> None:
    out = render_markdown(markdown_document())
    types = [t.type for t in _md_tokens(out)]
    assert types.count("heading_open") == 4  # title and heading, each in both languages
    assert types.count("bullet_list_open") >= 1 and "ordered_list_open" in types
    assert types.count("blockquote_open") == 2 and types.count("fence") == 1
    assert out.index("Paragraf pertama.") < out.index("First paragraph.") < out.index("## Bagian satu")


def test_markdown_of_hostile_article_has_no_live_html() -> None:
    out = render_markdown(hostile_document())
    tokens = _md_tokens(out)
    inline_html = [c for t in tokens for c in (t.children or []) if c.type in ("html_inline", "link_open", "image")]
    assert [t for t in tokens if t.type == "html_block"] == [] and inline_html == []
    from markdown_it import MarkdownIt

    html = MarkdownIt("commonmark").render(out)  # the commonmark preset lets raw HTML through
    assert "<script" not in html and "<img" not in html and "<div" not in html and "<a " not in html
    assert "&lt;script&gt;window.__pwned = 5" in html  # the raw HTML block is shown as code


def test_sample_markdown_has_a_block_per_block() -> None:
    doc = sample_document()
    out = render_markdown(doc)
    paragraphs = [t for t in _md_tokens(out) if t.type == "paragraph_open"]
    headings = [t for t in _md_tokens(out) if t.type == "heading_open"]
    assert len(paragraphs) + len(headings) == 2 * len(doc.blocks)
    assert "81\\. selama satu hari" in out  # not an ordered list


def test_text_is_the_translation_alone() -> None:
    doc = markdown_document()
    out = render_text(doc)
    assert "Paragraf" not in out and "First paragraph. The second sentence is here." in out
    assert "- First item." in out and "  1. Nested item." in out
    assert 'print("kode tidak diterjemahkan")' in out
    assert len(out.strip().split("\n\n")) == len(doc.blocks)


# ------------------------------------------------------------------ registry


def test_parse_formats() -> None:
    assert parse_formats("html, TMX,md,html") == ["html", "tmx", "md"]
    assert parse_formats(["jsonl"]) == ["jsonl"]
    assert parse_formats("review") == ["review"]  # the review file is a format like the others
    with pytest.raises(ConfigError, match="unknown output format 'pdf'"):
        parse_formats("html,pdf")
    with pytest.raises(ConfigError, match="no output format"):
        parse_formats(" , ")


def test_a_later_format_plugs_in() -> None:
    register_format(OutputFormat("demo", ".demo.txt", lambda d, o: f"{len(d.blocks)} {o.layout}\n"))
    try:
        assert parse_formats("demo") == ["demo"]
        assert FORMATS["demo"].render(sample_document(), PublishOptions(layout="sentences")) == "23 sentences\n"
    finally:
        del FORMATS["demo"]


def test_hand_edited_ids_and_markers_cannot_inject_markup() -> None:
    doc = markdown_document()
    item = next(b for b in doc.blocks if b.kind == "list_item")
    item.marker = "<img src=x onerror=alert(1)>"
    out = render_markdown(doc)
    assert "<img" not in out
    from markdown_it import MarkdownIt

    assert "<img" not in MarkdownIt("commonmark").render(out)


@pytest.mark.parametrize("fmt", ["html", "md", "txt", "tmx", "xliff", "tsv", "jsonl"])
def test_a_document_without_translation_still_publishes(fmt: str) -> None:
    from pipeline.segment.stage import segment_text
    from publish_samples import SEEDS

    doc = segment_text((SEEDS / "belgorod.id.txt").read_text(encoding="utf-8"), source_file="x.txt")
    out = FORMATS[fmt].render(doc, PublishOptions())
    assert out.endswith("\n") or (fmt == "jsonl" and out == "")
    if fmt in ("html", "md"):
        assert "Belgorod" in out
