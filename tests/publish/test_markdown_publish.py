"""Real Markdown documents come out publishable: the structural checker (tests/mdcheck.py) on real pages and
on a hand-made page with every construct, and the protected spans around the model."""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from pathlib import Path

import pytest
from conftest import SHARED
from mdcheck import check_dir

from pipeline.cli.main import cli
from pipeline.config import Config, load_config
from pipeline.translate.engines.base import Decoding, Hypothesis

ROOT = Path(__file__).resolve().parents[2]
MD_DEV = SHARED / "data" / "md-dev"
PAGES = ["what-is-kubernetes.id.md", "git-clone.id.md"]
HANDMADE = Path(__file__).resolve().parents[1] / "data" / "md_constructs.id.md"
ARTIFACTS = Path(__file__).resolve().parents[1] / "_artifacts" / "mdcheck"


def _cli(*args: str) -> None:
    """The real command line, in this process (torch is imported once for the whole session)."""
    cli.main(list(args), standalone_mode=False)


@pytest.fixture(scope="module")
def published(tiny_marian: Path, tmp_path_factory: pytest.TempPathFactory) -> Path:
    """``bilingual run ARTICLE --model TINY`` then ``publish --format md,target`` for every checked page."""
    out = tmp_path_factory.mktemp("mdcheck")
    cfg = out / "fast.toml"
    cfg.write_text(f'[translate]\nbeam_size = 1\nmax_new_tokens = 8\nretry_flagged = false\nmemory_dir = "{out / "tm"}"\n',
                   encoding="utf-8")
    for article in [*(MD_DEV / p for p in PAGES), HANDMADE]:
        _cli("run", str(article), "--model", str(tiny_marian), "-o", str(out), "--config", str(cfg), "--quiet")
        stem = article.name[: -len(".md")]
        _cli("publish", str(out / stem / f"{stem}.bitext.json"), "--format", "md,target")
    return out


@pytest.mark.parametrize("article", [*(MD_DEV / p for p in PAGES), HANDMADE], ids=[*PAGES, HANDMADE.name])
def test_structural_checker_finds_no_failed_invariant(published: Path, article: Path) -> None:
    if not article.exists():
        pytest.skip(f"{article} is not here (../shared/data)")
    report = check_dir(article, published / article.name[: -len(".md")])
    ARTIFACTS.mkdir(parents=True, exist_ok=True)
    (ARTIFACTS / f"{article.name}.txt").write_text(report.summary() + "\n", encoding="utf-8")
    assert report.checked >= 20
    assert not report.failures, report.summary()


def test_run_writes_the_target_export_beside_the_page(published: Path) -> None:
    folder = published / "git-clone.id"
    assert (folder / "git-clone.id.html").is_file() and (folder / "git-clone.id.en.md").is_file()


def test_checker_catches_what_it_checks() -> None:
    """The checker itself: each kind of damage to a correct output is reported."""
    from mdcheck import check_outputs

    source = ("---\ntitle: Judul\nweight: 3\n---\n\n# Judul\n\nLihat `kode` dan [tautan](https://a.id/x) "
              "{{< note >}}.\n\n- satu\n- dua\n\n> kutip\n\n```sh\nls\n```\n")
    page = '<html><body><div lang="id">Judul Lihat kode dan tautan note satu dua kutip ls</div><a href="https://a.id/x">x</a></body></html>'
    assert not check_outputs("ok", source, source, source, page).failures
    broken = {
        "weight": source.replace("weight: 3", "weight: 4"),
        "fence": source.replace("```sh\nls", "```sh\nls -l"),
        "shortcode": source.replace("{{< note >}}", "{{\\< note \\>}}"),
        "inline code": source.replace("`kode`", "kode"),
        "address": source.replace("https://a.id/x", "https://a.id/y"),
        "list_items": source.replace("- dua", "dua"),
        "quote_lines": source.replace("> kutip", "kutip"),
    }
    for what, target in broken.items():
        failures = check_outputs(what, source, target, source, page).failures
        assert any(what.split()[0] in f for f in failures), (what, failures)
    assert check_outputs("page", source, source, source, page.replace("tautan", "")).failures


# ------------------------------------------------------------------ what the model sees


class _Recording:
    """Wraps the real engine and records every text it is given (test double only in tests/)."""

    def __init__(self, inner: object, seen: list[str], answer: str | None = None) -> None:
        self.inner, self.seen, self.answer = inner, seen, answer
        self.name = "recording"
        self.input_limit = inner.input_limit  # type: ignore[attr-defined]

    def count_tokens(self, texts: Sequence[str]) -> list[int]:
        return self.inner.count_tokens(texts)  # type: ignore[attr-defined]

    def translate_batches(self, batches: Sequence[Sequence[str]], decoding: Decoding) -> Iterator[list[Hypothesis]]:
        for batch in batches:
            self.seen.extend(batch)
        if self.answer is not None:  # a model that drops every placeholder
            for batch in batches:
                yield [Hypothesis(self.answer, -0.5) for _ in batch]
            return
        yield from self.inner.translate_batches(batches, decoding)  # type: ignore[attr-defined]


def _translate(text: str, name: str, model: Path, tmp_path: Path, answer: str | None = None) -> tuple[object, list[str]]:
    from pipeline.align import align
    from pipeline.segment.stage import segment_text
    from pipeline.translate.stage import load_engine, translate

    config = Config()
    config.translate.model = str(model)
    config.translate.beam_size, config.translate.max_new_tokens = 1, 8
    config.translate.memory_dir = str(tmp_path / "tm")
    config.translate.retry_flagged = False
    doc = segment_text(text, source_file=name, config=config)
    seen: list[str] = []
    translate(doc, config.translate, engine_factory=lambda t, m: _Recording(load_engine(t, m), seen, answer))
    align(doc, config.align)
    return doc, seen


def test_the_model_never_sees_code_addresses_shortcodes_or_front_matter(tiny_marian: Path, tmp_path: Path) -> None:
    text = HANDMADE.read_text(encoding="utf-8") + "\n" + (MD_DEV / "what-is-kubernetes.id.md").read_text(encoding="utf-8")
    # the two front matters cannot both lead the file: the second one is checked through its own page
    doc, seen = _translate(HANDMADE.read_text(encoding="utf-8"), "h.md", tiny_marian, tmp_path)
    _, seen2 = _translate((MD_DEV / "what-is-kubernetes.id.md").read_text(encoding="utf-8"), "k.md", tiny_marian, tmp_path)
    seen += seen2
    assert seen and text
    forbidden = ["kode sebaris", "make install", "https://", "contoh.id", "admin@", "{{", "{id}", "%s", "[^1]",
                 "<b>", "<a ", "</a>", "<i>", "weight", "content_type", "concepts", "author", "git clone",
                 "githubbranch", "whatsnext", "prerequisites", "/docs/", ".svg", "ikon.png"]
    for text_seen in seen:
        for bad in forbidden:
            assert bad not in text_seen, (bad, text_seen)
    # the translatable front matter values and the words around the code did reach the model
    joined = " ".join(seen)
    assert "Panduan" in joined and "Cara memasang alat" in joined and "Paragraf dengan" in joined
    assert "Apa itu Kubernetes" in joined


def test_a_dropped_placeholder_is_put_back_and_flagged(tiny_marian: Path, tmp_path: Path) -> None:
    md = "# Judul\n\nJalankan `make test` lalu buka [halaman ini](https://a.id/x) untuk **info** lanjut.\n"
    doc, seen = _translate(md, "a.md", tiny_marian, tmp_path, answer="Run it and then open the page for more info")
    assert all("make test" not in s and "https" not in s for s in seen)
    block = doc.blocks[1]
    mt = block.source[0].mt
    assert "markup_lost" in mt.flags and block.links[0].status == "needs_review"
    kinds = {(m.kind, mt.text[m.start:m.end], m.href) for m in mt.marks}
    assert ("code", "make test", None) in kinds
    assert any(k == "link" and h == "https://a.id/x" for k, _, h in kinds)
    assert any(k == "strong" and t == "info" for k, t, _ in kinds)  # the kept word gets its mark back
    from pipeline.publish.target import render_target

    target = render_target(doc)
    assert "`make test`" in target and "](https://a.id/x)" in target and "**info**" in target


def test_placeholders_the_model_copies_carry_marks_onto_the_translated_words(tiny_marian: Path, tmp_path: Path) -> None:
    md = "Klik [tautan ini](https://a.id/x) atau `kode` sekarang.\n"
    # a model that copies placeholders: answer with the placeholders in a new order of words
    from pipeline.segment.stage import segment_text
    from pipeline.translate.protect import mask

    seg = segment_text(md, source_file="a.md")
    masked = mask(seg.blocks[0], seg.blocks[0].source[0])
    numbers = re.findall(r"\d+", masked.text)
    assert len(numbers) == 3, masked.text  # link open, link close, code
    answer = f"Now {numbers[2]} or click {numbers[0]} this link {numbers[1]}."
    doc, _ = _translate(md, "a.md", tiny_marian, tmp_path, answer=answer)
    mt = doc.blocks[0].source[0].mt
    assert mt.text == "Now kode or click this link." and "markup_lost" not in mt.flags
    assert {(m.kind, mt.text[m.start:m.end]) for m in mt.marks} == {("code", "kode"), ("link", "this link")}


def test_duplicated_placeholders_keep_one_copy() -> None:
    from pipeline.segment.stage import segment_text
    from pipeline.translate.protect import mask, unmask

    doc = segment_text("Pakai `ls` saja.\n", source_file="a.md")
    masked = mask(doc.blocks[0], doc.blocks[0].source[0])
    n = re.findall(r"\d+", masked.text)[0]
    text, marks, lost = unmask(masked, f"Use {n} only {n}.")
    assert text.count("ls") == 1 and lost and [(m.kind, text[m.start:m.end]) for m in marks] == [("code", "ls")]


def test_only_protected_spans_are_copied_not_translated(tiny_marian: Path, tmp_path: Path) -> None:
    md = "Teks biasa.\n\n`git clone {{repo}}`\n\n## {{% heading \"whatsnext\" %}}\n\nhttps://a.id/x, admin@a.id.\n"
    doc, seen = _translate(md, "a.md", tiny_marian, tmp_path)
    assert len(seen) == 1 and "Teks biasa" in seen[0]
    copied = [b.source[0].mt for b in doc.blocks[1:]]
    assert [m.text for m in copied] == ["git clone {{repo}}", '{{% heading "whatsnext" %}}', "https://a.id/x, admin@a.id."]
    assert copied[0].marks[0].kind == "code"


# ------------------------------------------------------------------ ingest details


def test_front_matter_values_are_replaced_in_their_own_quoting() -> None:
    import tomllib

    yaml = pytest.importorskip("yaml")
    from pipeline.segment.markdown.frontmatter import front_matter_values, split_front_matter, write_value
    from pipeline.publish.regions import replace_spans

    hostile = 'He said: "go" # now \\ back'
    for front in ('---\ntitle: "A"\ndescription: B\nlinkTitle: \'C\'\nx: 1\n---\n',
                  '---\ntitle: >\n  Baris satu\n  baris dua\nx: [1, 2]\n---\n',
                  '+++\ntitle = "A"\ndescription = \'B\'\nx = 1\n+++\n'):
        values = front_matter_values(front)
        assert values
        out = replace_spans(front, [(v.start, v.end, write_value(v, hostile)) for v in values])
        body = out.split("\n", 1)[1].rsplit("+++" if front.startswith("+++") else "---", 1)[0]
        data = tomllib.loads(body) if front.startswith("+++") else yaml.safe_load(body)
        for v in values:
            got = data[v.key]
            assert got.strip() == hostile if v.style != "toml-literal" else got == hostile.replace("'", "\u2019")
        assert data["x"] in (1, [1, 2])
    assert split_front_matter("---\nno end\n") == ("", "---\nno end\n")


def test_tables_html_blocks_and_images_become_blocks(tmp_path: Path) -> None:
    from pipeline.segment.stage import segment_text

    doc = segment_text(HANDMADE.read_text(encoding="utf-8"), source_file="h.md")
    kinds = [b.kind for b in doc.blocks]
    assert kinds[0] == "front_matter" and doc.meta.title == 'Panduan "cepat" memasang alat'
    table = next(b for b in doc.blocks if b.kind == "table")
    assert table.level == 3 and table.marker == "l,c,r"
    assert [s.text for s in table.source] == ["Nama", "Nilai", "Keterangan", "env", "produksi", "lihat dokumen",
                                              "kosong", "ikon alat", "--opsi|-o", "pilihan", "teks biasa"]
    html = [b for b in doc.blocks if b.kind == "html"]
    translated = {s.text for b in html for s in b.source}
    assert "Klik untuk melihat <b>rincian</b> lengkap" in translated and "Sel tabel HTML" in translated
    assert not any("pra-format" in s or "komentar" in s for s in translated)
    code = [b for b in doc.blocks if b.kind == "code"]
    assert code[0].text == "git clone {{repo}}\n\ncd repo" and code[0].level == 1
    assert code[1].raw == "> ```\n> kode dalam kutipan\n> ```"  # inside its quote
    assert code[2].raw == "~~~yaml {linenos=true}\nkunci: nilai\n\ndaftar: [a, b]\n~~~"


# ------------------------------------------------------------------ the page


def test_page_shows_tables_images_and_hides_comments(published: Path) -> None:
    page = (published / "md_constructs.id" / "md_constructs.id.html").read_text(encoding="utf-8")
    assert page.count("<table>") == 2 and "komentar tersembunyi" not in page
    assert '<a class="addr" href="/img/ikon.png"' in page and "<img" not in page  # nothing is loaded
    assert "https://img.shields.io/badge/status-ok-green.svg" in page


def test_images_load_writes_lazy_img_tags(published: Path, tmp_path: Path) -> None:
    cfg = tmp_path / "load.toml"
    cfg.write_text('[publish]\nimages = "load"\n', encoding="utf-8")
    out = tmp_path / "page.html"
    _cli("publish", str(published / "md_constructs.id" / "md_constructs.id.bitext.json"), "-o", str(out),
         "--config", str(cfg))
    page = out.read_text(encoding="utf-8")
    assert re.search(r'<img src="/img/ikon.png" alt="" loading="lazy"', page)
    assert load_config(str(cfg)).publish.images == "load"


# ------------------------------------------------------------------ in a browser

SCREENSHOTS = Path(__file__).resolve().parents[1] / "_artifacts" / "screenshots"


@pytest.mark.parametrize("width", [1280, 375])
@pytest.mark.parametrize("article", [*PAGES, HANDMADE.name])
def test_real_pages_in_a_browser(browser, published: Path, article: str, width: int) -> None:  # type: ignore[no-untyped-def]
    """Screenshots of the pages at desktop and phone width (tests/_artifacts/screenshots/md-*.png); the page
    loads nothing, shows its tables and does not scroll sideways on a phone."""
    stem = article[: -len(".md")]
    ctx = browser.new_context(viewport={"width": width, "height": 900})
    try:
        page = ctx.new_page()
        requests: list[str] = []
        page.on("request", lambda r: requests.append(r.url))
        page.goto((published / stem / f"{stem}.html").as_uri())
        SCREENSHOTS.mkdir(parents=True, exist_ok=True)
        shot = SCREENSHOTS / f"md-{stem}-{width}.png"
        page.screenshot(path=str(shot), full_page=True)
        assert shot.stat().st_size > 0
        assert [u for u in requests if not u.startswith("file:")] == []
        widths = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.clientWidth]")
        assert widths[0] <= widths[1], widths
        if stem == "md_constructs.id":
            assert page.locator(".table .src table tr").count() == 4 and page.locator(".img").count() >= 4
            assert page.locator(".tgt a[href='https://contoh.id/a_b?x=1&y=2']").count() >= 1
    finally:
        ctx.close()


# ------------------------------------------------------------------ human translations in Markdown


def test_human_markdown_translation_keeps_its_marks_front_matter_and_tables(
        real_encoder) -> None:  # type: ignore[no-untyped-def]
    from pipeline.align import align_translation
    from pipeline.segment.stage import segment_text

    src = ("---\ntitle: Kucing besar\nweight: 2\n---\n\nKucing makan di [rumah](https://a.id/r) merah.\n\n"
           "| Nama | Warna |\n| --- | --- |\n| kucing | merah |\n\n```sh\nls\n```\n\nAnjing besar makan.\n")
    tgt = ("---\ntitle: Big cat\nweight: 2\n---\n\nThe cat eats at the red [house](https://a.id/h).\n\n"
           "| Name | Colour |\n| --- | --- |\n| cat | red |\n\n```sh\nls\n```\n\nThe big dog eats.\n")
    config = Config()
    config.align.check_language = False
    doc = align_translation(segment_text(src, source_file="a.id.md", config=config),
                            segment_text(tgt, source_file="a.en.md", config=config, lang="en"),
                            config.align, encoder=real_encoder).doc
    front, para, table = doc.blocks[0], doc.blocks[1], doc.blocks[2]
    assert [t.text for t in front.target] == ["Big cat"] and front.links[0].src == [front.source[0].id]
    assert all(t.text != "Big cat" for b in doc.blocks[1:] for t in b.target)  # never aligned as a sentence
    (sent,) = para.target
    assert [(m.kind, sent.text[m.start:m.end], m.href) for m in sent.marks] == [("link", "house", "https://a.id/h")]
    assert [t.text for t in table.target] == ["Name", "Colour", "cat", "red"]
    assert [len(link.src) for link in table.links] == [1, 1, 1, 1]
    from pipeline.publish.target import render_target

    out = render_target(doc)
    assert out.startswith("---\ntitle: Big cat\nweight: 2\n---\n") and "[house](https://a.id/h)" in out
    assert "| cat | red |" in out and "```sh\nls\n```" in out


def test_a_changed_address_reaches_the_reused_translation() -> None:
    from pipeline.bitext.document import MachineTranslation, Mark
    from pipeline.bitext.carry import carry_over
    from pipeline.segment.stage import segment_text

    old = segment_text("Buka [situs](https://a.id/lama) sekarang.\n", source_file="a.md")
    s = old.blocks[0].source[0]
    s.mt = MachineTranslation("Open the site now.", marks=[Mark(9, 13, "link", "https://a.id/lama")])
    new = segment_text("Buka [situs](https://a.id/baru) sekarang.\n", source_file="a.md")
    carry_over(new, old)
    assert [m.href for m in new.blocks[0].source[0].mt.marks] == ["https://a.id/baru"]


def test_target_marks_round_trip_and_are_validated(tmp_path: Path) -> None:
    from pipeline.bitext.document import Document, Mark, Sentence, load_document, save_document
    from pipeline.errors import BitextError
    from pipeline.segment.stage import segment_text

    doc = segment_text("```sh\nls\n\n```\n\nTeks [a](https://a.id).\n", source_file="a.md")
    doc.blocks[1].target = [Sentence("b2.t1", "Text a.", marks=[Mark(5, 6, "link", "https://a.id")])]
    path = tmp_path / "a.bitext.json"
    save_document(doc, path)
    back = load_document(path)
    assert back.blocks[0].raw == "```sh\nls\n\n```" and back.blocks[0].text == "ls\n"
    assert back.blocks[1].target[0].marks == [Mark(5, 6, "link", "https://a.id")]
    data = Document.to_dict(back)
    data["blocks"][1]["target"][0]["marks"][0]["end"] = 99
    import json

    path.write_text(json.dumps(data), encoding="utf-8")
    with pytest.raises(BitextError, match="outside"):
        load_document(path)
    plain = segment_text("Teks.\n", source_file="a.txt").to_dict()
    assert "raw" not in plain["blocks"][0] and "marks" not in json.dumps(plain["blocks"][0]["source"])


def test_editing_a_translation_moves_its_marks() -> None:
    from pipeline.bitext.document import Mark, Sentence
    from pipeline.review.ops import edit_texts
    from pipeline.segment.stage import segment_text

    doc = segment_text("Teks [a](https://a.id).\n", source_file="a.md")
    doc.blocks[0].target = [Sentence("b1.t1", "See a now.", marks=[Mark(4, 5, "link", "https://a.id")])]
    new = edit_texts(doc, {"b1.t1": "Please see a now."})
    (t,) = new.blocks[0].target
    assert [(t.text[m.start:m.end], m.href) for m in t.marks] == [("a", "https://a.id")]


# ------------------------------------------------------------------ hostile structure

HOSTILE = {
    "deep quotes": "".join(">" * i + " kutipan level %d.\n" % i for i in range(1, 40)),
    "deep lists": "".join("    " * i + "- butir %d\n" % i for i in range(0, 30)),
    "deep emphasis": "*" * 60 + "kata" + "*" * 60 + "\n",
    "front matter only": "---\ntitle: Hanya judul\n---\n",
    "unbalanced html": "<div><p>Teks <b>tebal tanpa tutup\n\n<details><summary>Ringkas",
    "odd shortcodes": 'Teks {{< a "x >}}" >}} dan {{% b %}} {{< /a >}} selesai.\n\n[l]({{< ref "x.md" >}})\n',
    "ragged table": "| a | b |\n|---|---|\n| 1 |\n| 1 | 2 | 3 |\n",
    "images in a link": "[![a](x.png) dan ![b](y.png)](https://z.id) `k`\n",
    "code in headings": "# `kode` saja\n\n## Judul dengan `kode` dan [tautan](https://a.id)\n",
}


@pytest.mark.parametrize("name", list(HOSTILE))
def test_hostile_structure_survives(name: str) -> None:
    """With a model that copies every placeholder (a test double), the checker finds nothing to fault."""
    from mdcheck import check_outputs

    from pipeline.align import align
    from pipeline.bitext.document import MachineTranslation
    from pipeline.publish.html import render_html
    from pipeline.publish.target import render_target
    from pipeline.publish.markdown import render_markdown
    from pipeline.segment.stage import segment_text
    from pipeline.translate.protect import mask, unmask

    md = HOSTILE[name]
    doc = segment_text(md, source_file="h.md")
    for block, sent in doc.iter_source():
        masked = mask(block, sent)
        text, marks, lost = unmask(masked, masked.text)
        assert not lost
        sent.mt = MachineTranslation(text, marks=marks)
    align(doc, Config().align)
    report = check_outputs(name, md, render_target(doc), render_markdown(doc), render_html(doc))
    assert not report.failures, report.summary()


def test_nesting_too_deep_for_the_parser_is_refused_not_dropped() -> None:
    from pipeline.errors import InputError
    from pipeline.segment.stage import segment_text

    with pytest.raises(InputError, match=r"x\.md: .*levels deep"):
        segment_text(">" * 300 + " teks yang hilang\n\nakhir.\n", source_file="x.md")
