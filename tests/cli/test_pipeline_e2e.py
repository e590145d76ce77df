"""End-to-end: the real CLI on the sample article with tiny random models of each supported architecture."""

from __future__ import annotations

import json
import re
import shutil
from pathlib import Path

import pytest

from helpers import ROOT, norm, parse_page, run_cli, text_in_lang
from pipeline.bitext.document import load_document

SAMPLE = ROOT / "seeds" / "belgorod.id.txt"


def _check_outputs(folder: Path, stem: str) -> None:
    bitext = folder / f"{stem}.bitext.json"
    html = (folder / f"{stem}.html").read_text(encoding="utf-8")
    doc = load_document(bitext)
    # The bitext file round-trips: reading and writing it again gives the same JSON.
    assert json.loads(doc.to_json()) == json.loads(bitext.read_text(encoding="utf-8"))
    page = parse_page(html)
    id_text = text_in_lang(page, "id")
    en_text = text_in_lang(page, "en")
    article = SAMPLE.read_text(encoding="utf-8")
    paragraphs = [norm(p) for p in article.split("\n\n") if p.strip()]
    assert len(doc.blocks) == len(paragraphs)
    for para in paragraphs:  # every source paragraph is on the Indonesian side, as text
        assert para in id_text, para
    for block in doc.blocks:
        assert block.source and block.target, block.id
        for s in block.source:
            assert s.mt is not None and s.mt.text.strip(), s.id
        for t in block.target:
            assert norm(t.text) in en_text
        linked = {sid for link in block.links for sid in link.src}
        assert linked == {s.id for s in block.source}
    assert doc.meta.model["name"] and doc.meta.model["revision"]
    assert doc.meta.stages.keys() >= {"segment", "translate", "align"}


def test_run_marian_end_to_end(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    proc = run_cli("run", str(SAMPLE), "--model", str(tiny_marian), "--config", str(fast_config_file),
                   "--outdir", "out", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    _check_outputs(isolated / "out" / "belgorod.id", "belgorod.id")
    # guidance: a line per stage with its time, then where the bitext is and what to do next
    lines = proc.stderr.splitlines()
    for stage in ("segment", "translate", "align", "publish"):
        assert any(re.match(rf"{stage} +.+ \(\d+\.\d s\)$", ln) for ln in lines), (stage, proc.stderr)
    bitext = Path("out") / "belgorod.id" / "belgorod.id.bitext.json"
    assert f"bitext:    {bitext}" in lines
    assert any(ln.startswith(f"next:      bilingual review {bitext}") for ln in lines), proc.stderr
    assert proc.stdout.strip() == str(Path("out") / "belgorod.id" / "belgorod.id.html")
    page = (isolated / "out" / "belgorod.id" / "belgorod.id.html").read_text(encoding="utf-8")
    assert 'id="legend"' not in page and 'class="s rv"' not in page  # run publishes the reader's edition
    assert "by machine translation with tiny-marian" in page and "reviewed by a person: no" in page


@pytest.mark.parametrize(("arch", "src", "tgt"), [("m2m100", "id", "en"), ("nllb", "ind_Latn", "eng_Latn")])
def test_run_multilingual_models_with_language_codes(
    request: pytest.FixtureRequest, isolated: Path, arch: str, src: str, tgt: str
) -> None:
    model = request.getfixturevalue(f"tiny_{arch}")
    cfg = isolated / "codes.toml"
    cfg.write_text(f'[translate]\nsource_lang_code = "{src}"\ntarget_lang_code = "{tgt}"\n'
                   "beam_size = 2\nmax_new_tokens = 24\n", encoding="utf-8")
    proc = run_cli("run", str(SAMPLE), "--model", str(model), "--config", str(cfg), "-o", "out", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "-o DIR is deprecated here; use --outdir DIR" in proc.stderr  # the old spelling still works
    _check_outputs(isolated / "out" / "belgorod.id", "belgorod.id")
    doc = load_document(isolated / "out" / "belgorod.id" / "belgorod.id.bitext.json")
    for _, s in doc.iter_source():  # language-code tokens never leak into the text
        assert s.mt is not None and tgt not in s.mt.text.split() and f"__{tgt}__" not in s.mt.text


def test_unknown_target_language_code_is_one_line(isolated: Path, tiny_nllb: Path) -> None:
    cfg = isolated / "bad.toml"
    cfg.write_text('[translate]\nsource_lang_code = "ind_Latn"\ntarget_lang_code = "xxx_Zzzz"\n', encoding="utf-8")
    proc = run_cli("run", str(SAMPLE), "--model", str(tiny_nllb), "--config", str(cfg), cwd=isolated)
    from helpers import assert_one_line_error

    assert_one_line_error(proc, "xxx_Zzzz")


def test_stages_one_by_one(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    shutil.copy(SAMPLE, isolated / "a.txt")
    p = run_cli("segment", "a.txt", "-o", "doc.bitext.json", cwd=isolated)
    assert p.returncode == 0, p.stderr
    doc = load_document(isolated / "doc.bitext.json")
    assert doc.blocks[0].kind == "title" and all(s.mt is None for _, s in doc.iter_source())
    # 'Kementerian ... taktis. Pangkalan ...' is two sentences in one paragraph.
    assert [len(b.source) for b in doc.blocks][3] == 2

    p = run_cli("translate", "doc.bitext.json", "--model", str(tiny_marian), "--config", str(fast_config_file),
                cwd=isolated)
    assert p.returncode == 0, p.stderr
    doc = load_document(isolated / "doc.bitext.json")
    assert all(s.mt is not None for _, s in doc.iter_source())

    for b in doc.blocks:  # drop the links, then let align rebuild them
        b.links, b.target = [], []
    (isolated / "doc.bitext.json").write_text(doc.to_json(), encoding="utf-8")
    p = run_cli("align", "doc.bitext.json", cwd=isolated)
    assert p.returncode == 0, p.stderr
    doc = load_document(isolated / "doc.bitext.json")
    assert all(b.links for b in doc.blocks)
    assert "Kementerian Pertahanan Rusia" in text_in_lang(parse_page((isolated / "doc.html").read_text("utf-8")), "id")

    p = run_cli("publish", "doc.bitext.json", "-o", "page.html", cwd=isolated)
    assert p.returncode == 0, p.stderr
    page = parse_page((isolated / "page.html").read_text(encoding="utf-8"))
    assert "Kementerian Pertahanan Rusia" in text_in_lang(page, "id")


def test_rerun_reuses_finished_translations(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    args = ("run", "a.txt", "--model", str(tiny_marian), "--config", str(fast_config_file), "-o", "out")
    (isolated / "a.txt").write_text(SAMPLE.read_text(encoding="utf-8"), encoding="utf-8")
    assert run_cli(*args, cwd=isolated).returncode == 0
    bitext = isolated / "out" / "a" / "a.bitext.json"
    first = load_document(bitext)
    # A person edits one machine translation; a rerun must keep finished work rather than redo it.
    first.blocks[1].source[0].mt.text = "EDITED BY A PERSON"  # type: ignore[union-attr]
    bitext.write_text(first.to_json(), encoding="utf-8")
    p = run_cli(*args, cwd=isolated)
    assert p.returncode == 0, p.stderr
    again = load_document(bitext)
    assert again.blocks[1].source[0].mt.text == "EDITED BY A PERSON"  # type: ignore[union-attr]


def test_stdin_article(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    p = run_cli("run", "-", "--model", str(tiny_marian), "--config", str(fast_config_file), "-o", "out",
                cwd=isolated, input="Judul berita\n\nIni kalimat pertama. Ini kalimat kedua.\n")
    assert p.returncode == 0, p.stderr
    doc = load_document(isolated / "out" / "stdin" / "stdin.bitext.json")
    assert doc.blocks[0].kind == "title" and len(doc.blocks[1].source) == 2


def test_hostile_article_is_escaped(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    hostile = ("Judul <b>tebal</b>\n\nIni <script>alert('x')</script> teks. "
               "Lihat <img src=x onerror=alert(1)> gambar.\n")
    (isolated / "h.txt").write_text(hostile, encoding="utf-8")
    p = run_cli("run", "h.txt", "--model", str(tiny_marian), "--config", str(fast_config_file), "-o", "out",
                cwd=isolated)
    assert p.returncode == 0, p.stderr
    html = (isolated / "out" / "h" / "h.html").read_text(encoding="utf-8")
    page = parse_page(html)
    assert "<script>alert('x')</script>" in text_in_lang(page, "id")  # shown as text
    assert not any(tag == "img" for tag, _ in page.tags)
    assert not any(tag == "b" for tag, _ in page.tags)
    assert all("alert" not in s for s in page.scripts)
