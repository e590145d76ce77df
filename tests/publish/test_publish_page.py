"""The reading page without a browser: valid HTML5, escaping, metadata, self-containment; and the CLI."""

from __future__ import annotations

import re
from pathlib import Path

import html5lib
import pytest
from click.testing import CliRunner

from pipeline import __version__
from pipeline.cli.main import cli
from pipeline.config import PublishConfig
from pipeline.publish import publish
from pipeline.bitext.document import load_document, save_document
from pipeline.publish.html import render_html
from pipeline.registry import PAGE_LAYOUTS
from publish_samples import hostile_document, large_document, markdown_document, sample_document

XHTML = "{http://www.w3.org/1999/xhtml}"


def _parse(page: str):  # type: ignore[no-untyped-def]
    """Strict HTML5 parse: any parse error (bad nesting, stray end tag, bad attribute) raises."""
    return html5lib.HTMLParser(strict=True, namespaceHTMLElements=True).parse(page)


@pytest.mark.parametrize("make", [sample_document, markdown_document, hostile_document])
def test_page_is_valid_html5(make) -> None:  # type: ignore[no-untyped-def]
    page = render_html(make())
    assert page.startswith("<!DOCTYPE html>\n")
    tree = _parse(page)
    ids = [e.get("id") for e in tree.iter() if e.get("id")]
    assert len(ids) == len(set(ids)), "duplicate ids"


def test_every_sentence_is_on_the_page_with_its_language() -> None:
    doc = sample_document()
    tree = _parse(render_html(doc))
    spans = {e.get("id"): e for e in tree.iter(f"{XHTML}span") if e.get("id")}
    for block in doc.blocks:
        for s in block.source:
            assert " ".join(spans[s.id].text.split()) == " ".join(s.text.split())
        for t in block.target:
            assert spans[t.id].text == " ".join(t.text.split())
    sides = [e for e in tree.iter(f"{XHTML}div") if "side" in (e.get("class") or "").split()]
    assert {e.get("lang") for e in sides if "src" in e.get("class")} == {"id"}
    assert {e.get("lang") for e in sides if "tgt" in e.get("class")} == {"en"}


def test_metadata_in_head_and_footer() -> None:
    doc = sample_document()
    page = render_html(doc)
    head, _, body = page.partition("</head>")
    footer = body[body.index("<footer>"):]
    for text in ("reference-translation", "test", f"bilingual {__version__}"):
        assert text in head and text in footer, text
    # a page never shows where its maker keeps files, nor a raw time stamp
    assert "belgorod.id.txt" in footer and "seeds/" not in page
    assert doc.meta.updated in head and doc.meta.updated not in footer and "14 August 2024" in footer
    assert "<title>Wilayah Belgorod Rusia dalam keadaan darurat di tengah serangan Ukraina / Russia&#x27;s Belgorod" in head


def test_page_is_self_contained() -> None:
    page = render_html(markdown_document())
    tree = _parse(page)
    refs = [(e.tag, k, v) for e in tree.iter() for k, v in e.attrib.items()
            if k in ("src", "href", "action", "srcset", "poster", "data") and not v.startswith("#")]
    assert refs == [], "no external references (only in-page anchors such as the skip link)"
    assert [e for e in tree.iter(f"{XHTML}link")] == []
    assert "@import" not in page and "url(" not in page and "@font-face" not in page
    assert "http" not in page.replace("https://example.com/sebuah", "")


def test_marks_reach_the_page() -> None:
    tree = _parse(render_html(sample_document(), review_marks=True))
    cls = {e.get("id"): (e.get("class") or "").split() for e in tree.iter(f"{XHTML}span") if e.get("id")}
    titles = {e.get("id"): e.get("title") for e in tree.iter(f"{XHTML}span") if e.get("id")}
    assert "rv" in cls["b10.s1"] and "rv" in cls["b10.t2"] and "unsure link" in titles["b10.s1"]
    assert "rv" in cls["b4.s1"] and "numbers missing (a number in the original" in titles["b4.s1"]
    assert "rv" in cls["b6.s1"] and "repetition" in titles["b6.s1"]
    assert cls["b2.s1"] == ["s"] and titles["b2.s1"] is None
    assert "rv" not in cls["b8.s1"] and "rv" not in cls["b12.s1"]  # confirmed, edited


def test_reader_edition_has_no_marks_and_no_legend() -> None:
    page = render_html(sample_document())
    tree = _parse(page)
    spans = [e for e in tree.iter(f"{XHTML}span") if e.get("id")]
    assert all((e.get("class") or "").split() == ["s"] for e in spans)
    assert all(e.get("title") is None for e in spans)
    assert 'id="legend"' not in page


def test_nothing_to_review_means_no_marks_even_when_asked() -> None:
    doc = sample_document()
    for block in doc.blocks:
        for link in block.links:
            link.status = "confirmed"
    page = render_html(doc, review_marks=True)
    assert 'id="legend"' not in page and ' rv"' not in page and "title=" not in page.split("<main")[1]
    assert "reviewed by a person: yes" in page


def test_informational_flags_are_explained_but_not_marked() -> None:
    doc = sample_document()
    doc.block("b3").links[0].flags = ["retried"]
    doc.block("b4").links[0].status = "confirmed"  # numbers_missing, but a person looked
    tree = _parse(render_html(doc, review_marks=True))
    span = {e.get("id"): e for e in tree.iter(f"{XHTML}span") if e.get("id")}
    assert span["b3.s1"].get("class") == "s" and "note: retried" in span["b3.s1"].get("title")
    assert span["b4.s1"].get("class") == "s"
    legend = next(e for e in tree.iter(f"{XHTML}details") if e.get("id") == "legend")
    text = " ".join(legend.itertext())
    assert "retried" in text and "(a note, not a problem)" in text and "repetition" in text
    assert "numbers missing" not in text


def test_unlinked_sentences_are_marked() -> None:
    doc = sample_document()
    doc.block("b2").links = []
    tree = _parse(render_html(doc, review_marks=True))
    span = next(e for e in tree.iter(f"{XHTML}span") if e.get("id") == "b2.t1")
    assert "un" in span.get("class").split() and span.get("data-l") is None


def test_hostile_text_is_escaped_everywhere() -> None:
    page = render_html(hostile_document(), review_marks=True)
    tree = _parse(page)
    tags = [e.tag.replace(XHTML, "") for e in tree.iter() if isinstance(e.tag, str)]
    links = [e.get("href") for e in tree.iter(f"{XHTML}a")]
    assert tags.count("script") == 2 and "img" not in tags and links == ["#doc"] and "iframe" not in tags
    assert all(not k.startswith("on") for e in tree.iter() for k in e.attrib), "no event-handler attributes"
    assert "&lt;script&gt;window.__pwned=8&lt;/script&gt;" in page
    assert "&lt;/title&gt;&lt;script&gt;window.__pwned=10" in page
    assert 'content="&quot;&gt;&lt;script&gt;window.__pwned=11' in page


def test_hand_edited_ids_and_markers_stay_inert() -> None:
    doc = markdown_document()
    block = doc.blocks[1]
    block.id = 'b2" onmouseover="alert(1)'
    hostile_id = "x' autofocus onfocus='alert(2)"
    block.links[0].src = [hostile_id if i == block.source[0].id else i for i in block.links[0].src]
    block.source[0].id = hostile_id
    block.kind = "list_item"
    block.marker = "<script>alert(3)</script>"
    tree = _parse(render_html(doc))
    assert all(not k.startswith("on") and k != "autofocus" for e in tree.iter() for k in e.attrib)
    assert len([e for e in tree.iter(f"{XHTML}script")]) == 2  # the page's own two


def test_every_layout_of_the_registry_has_a_label_in_the_switcher() -> None:
    from pipeline.publish.html import LAYOUT_LABELS

    assert tuple(LAYOUT_LABELS) == PAGE_LAYOUTS


@pytest.mark.parametrize("layout", list(PAGE_LAYOUTS))
def test_layout_sets_the_default(layout: str) -> None:
    page = render_html(sample_document(), layout)
    assert f'<main id="doc" data-layout="{layout}" tabindex="-1">' in page
    assert re.findall(r'name="layout" value="([\w-]+)" checked', page) == [layout]


def test_large_page_is_linear() -> None:
    page = render_html(large_document(2000))
    assert len(re.findall(r'class="s[ "]', page)) == 4000
    text = page[page.index("<main"):page.index("</main>")]
    assert text.count('tabindex="0"') == 1, "the text is one tab stop"
    small = render_html(sample_document())
    assert page.count("addEventListener") == small.count("addEventListener") < 20, "event delegation"


# ------------------------------------------------------------------ CLI


@pytest.fixture()
def bitext(tmp_path: Path) -> Path:
    path = tmp_path / "belgorod.bitext.json"
    save_document(sample_document(), path)
    return path


def _run(*args: str):  # type: ignore[no-untyped-def]
    return CliRunner().invoke(cli, list(args), catch_exceptions=False)


def test_cli_publish_default_is_the_page(bitext: Path) -> None:
    result = _run("publish", str(bitext))
    assert result.exit_code == 0, result.output
    page = (bitext.parent / "belgorod.html").read_text(encoding="utf-8")
    assert 'data-layout="side-by-side"' in page


def test_cli_publish_several_formats_into_a_directory(bitext: Path, tmp_path: Path) -> None:
    out = tmp_path / "site"
    result = _run("publish", str(bitext), "--format", "html,tmx,md,txt,xliff,tsv,jsonl", "--layout", "sentences", "-o", str(out))
    assert result.exit_code == 0, result.output
    names = sorted(p.name for p in out.iterdir())
    assert names == sorted(["belgorod.html", "belgorod.tmx", "belgorod.bilingual.md", "belgorod.en.txt",
                            "belgorod.xlf", "belgorod.tsv", "belgorod.jsonl"])
    assert 'data-layout="sentences"' in (out / "belgorod.html").read_text(encoding="utf-8")


def test_cli_publish_one_format_to_a_file(bitext: Path, tmp_path: Path) -> None:
    result = _run("publish", str(bitext), "--format", "tmx", "-o", str(tmp_path / "memory.tmx"))
    assert result.exit_code == 0 and (tmp_path / "memory.tmx").read_text(encoding="utf-8").startswith("<?xml")
    result = _run("publish", str(bitext), "-f", "jsonl", "-o", str(tmp_path / "new") + "/")
    assert result.exit_code == 0 and (tmp_path / "new" / "belgorod.jsonl").is_file()


def test_cli_formats_default_from_config(bitext: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "c.toml"
    cfg.write_text('[publish]\nformats = ["tsv", "txt"]\nlayout = "translation"\n', encoding="utf-8")
    assert _run("publish", str(bitext), "--config", str(cfg)).exit_code == 0
    assert (tmp_path / "belgorod.tsv").is_file() and (tmp_path / "belgorod.en.txt").is_file()
    assert not (tmp_path / "belgorod.html").exists()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--format", "html,pdf"], "unknown output format 'pdf'"),
        (["--layout", "columns"], "Invalid value for '--layout'"),
    ],
)
def test_cli_publish_bad_options(bitext: Path, args: list[str], message: str) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    proc = subprocess.run([sys.executable, "-m", "pipeline", "publish", str(bitext), *args],
                          capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": ""})
    assert proc.returncode != 0 and message in proc.stderr and "Traceback" not in proc.stderr


def test_cli_publish_never_overwrites_its_input(bitext: Path, tmp_path: Path) -> None:
    import subprocess
    import sys

    root = Path(__file__).resolve().parents[2]
    before = bitext.read_bytes()
    proc = subprocess.run([sys.executable, "-m", "pipeline", "publish", str(bitext), "--format", "jsonl", "-o", str(bitext)],
                          capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": ""})
    assert proc.returncode == 1 and "refusing to overwrite the input file" in proc.stderr
    assert bitext.read_bytes() == before
    # nor the article the document came from, which md/txt outputs could share a name with
    article = tmp_path / "art.en.txt"
    article.write_text("original", encoding="utf-8")
    doc = load_document(bitext)
    doc.meta.source_file = str(article)
    save_document(doc, tmp_path / "art.bitext.json")
    proc = subprocess.run([sys.executable, "-m", "pipeline", "publish", str(tmp_path / "art.bitext.json"), "--format", "txt"],
                          capture_output=True, text=True, cwd=root, env={"PYTHONPATH": str(root), "PATH": ""})
    assert proc.returncode == 1 and article.read_text(encoding="utf-8") == "original"


def test_the_stage_writes_the_page_into_a_new_folder(tmp_path: Path) -> None:
    target = tmp_path / "out" / "page.html"
    result = publish(sample_document(), PublishConfig(), formats=["html"], output=target)
    assert result.report.written == {"html": target}
    page = target.read_text(encoding="utf-8")
    assert 'id="layouts"' in page and 'lang="id"' in page


def test_hostile_or_odd_metadata_stays_text() -> None:
    doc = sample_document()
    doc.meta.author = '<script>window.__pwned=20</script>'
    doc.meta.site_name = '" onmouseover="alert(21)'
    doc.meta.source_url = "javascript:alert(22)"
    doc.meta.date = "kemarin sore"
    doc.meta.source_file = "C:\\Users\\someone\\Desktop\\artikel.txt"
    doc.meta.model = {"name": "/home/someone/models/my-opus", "revision": "r1"}
    doc.meta.target_origin = "machine"
    page = render_html(doc)
    tree = _parse(page)
    assert all(not k.startswith("on") for e in tree.iter() for k in e.attrib)
    assert [e.get("href") for e in tree.iter(f"{XHTML}a")] == ["#doc"], "an unsafe original address is not linked"
    assert "&lt;script&gt;window.__pwned=20&lt;/script&gt;" in page
    footer = page[page.index("<footer"):]
    assert "artikel.txt" in footer and "Users" not in footer and "/home/" not in footer
    assert "with my-opus;" in footer and "kemarin sore" in page  # an unreadable date is shown as written


def test_readable_dates() -> None:
    from pipeline.publish.credits import readable_date

    assert readable_date("2024-08-14", "id") == "14 Agustus 2024"
    assert readable_date("2024-03-01T23:30:00+07:00", "en") == "1 March 2024"
    assert readable_date("2024-03-01", "id-ID") == "1 Maret 2024"
    assert readable_date("", "en") == ""
