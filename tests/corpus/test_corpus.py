"""`bilingual run PATH...` over many documents: inputs, tree output, index page, failures, shared batches, resume."""

from __future__ import annotations

import io
import os
import re
import signal
import subprocess
import sys
import time
from pathlib import Path, PurePosixPath

import pytest
from helpers import ROOT, parse_page, run_main, text_in_lang
from tiny_config import ONE_PER_BATCH, config_file

from pipeline.corpus.inputs import collect_inputs
from pipeline.corpus.progress import CollectionProgress
from pipeline.bitext.document import load_document

SAMPLE = ROOT / "seeds" / "belgorod.id.txt"


#: Engines are loaded in this process (runs go through ``run_main``).
pytestmark = pytest.mark.usefixtures("hub_progress_bars_kept")


def _article(title: str, n: int, offset: int = 0) -> str:
    return title + "\n\n" + "\n\n".join(
        f"Kalimat nomor {i + offset} tentang harga beras di kota ini naik {i} persen." for i in range(n)) + "\n"


def _site(root: Path) -> Path:
    """A small content tree: Markdown, text, HTML, a binary file, a hidden folder and a file --glob skips."""
    site = root / "content" / "id"
    (site / "berita" / "2024").mkdir(parents=True)
    (site / ".git").mkdir()
    (site / "berita" / "2024" / "harga.md").write_text(
        "# Harga naik & turun\n\nHarga beras naik 3,5 persen. Pedagang mengeluh.\n",
        encoding="utf-8")
    (site / "berita" / "cuaca.txt").write_text(_article("Cuaca <script>alert(1)</script> hari ini", 3), encoding="utf-8")
    (site / "halaman.html").write_text(
        "<!DOCTYPE html><html lang=\"id\"><head><title>Judul halaman</title></head><body><article>"
        "<h1>Judul halaman</h1><p>Ini kalimat pertama tentang banjir di kota. Ini kalimat kedua tentang hujan "
        "yang turun sejak pagi.</p></article></body></html>\n", encoding="utf-8")
    (site / "berita" / "rusak.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00" + bytes(range(256)))
    (site / ".git" / "notes.md").write_text("Tidak dibaca.\n", encoding="utf-8")
    (site / "gambar.png").write_bytes(b"\x89PNG")
    return site


# ---------------------------------------------------------------- inputs and output folders


def test_inputs_mirror_the_tree_and_never_share_a_folder(tmp_path: Path) -> None:
    site = _site(tmp_path)
    (site / "berita" / "cuaca.md").write_text("# Cuaca\n\nHujan.\n", encoding="utf-8")
    docs = collect_inputs([str(site)])
    rels = [str(d.rel) for d in docs]
    assert rels == ["berita/2024/harga", "berita/cuaca", "berita/cuaca-2", "berita/rusak", "halaman"]
    assert not any(".git" in d.source or d.source.endswith(".png") for d in docs)
    flat = [str(d.rel) for d in collect_inputs([str(site)], layout="flat")]
    assert flat == ["berita-2024-harga", "berita-cuaca", "berita-cuaca-2", "berita-rusak", "halaman"]
    only_md = collect_inputs([str(site)], glob="*.md")
    assert [str(d.rel) for d in only_md] == ["berita/2024/harga", "berita/cuaca"]
    listing = tmp_path / "list.txt"
    listing.write_text(f"# today's stories\n{site / 'halaman.html'}\n\n{site / 'berita' / 'cuaca.txt'}\n"
                       "https://example.org/berita/banjir-jakarta.html\n", encoding="utf-8")
    listed = collect_inputs([str(site / "halaman.html")], from_list=str(listing))  # named twice: once
    assert [d.rel for d in listed] == [PurePosixPath("halaman"), PurePosixPath("cuaca"),
                                       PurePosixPath("example.org-berita-banjir-jakarta")]


def test_progress_line_counts_documents_rate_and_time_left() -> None:
    now = [100.0]
    out = io.StringIO()
    p = CollectionProgress(4, stream=out, clock=lambda: now[0])
    p.planned(100, unplanned_docs=2)  # two documents read, 100 sentences to translate, two unread
    p.start_window()
    p.sentences(0, 100)
    now[0] += 10
    p.sentences(50, 100)
    p.document_finished()
    assert p.line() == "documents 1/4 | 50 sentences | 5.0 sent/s | 0:30 left"  # 50 left + 2 x 50 unread
    p.close()
    assert out.getvalue().splitlines()[-1] == "documents 1/4 | 50 sentences | 5.0 sent/s | took 0:10"


# ---------------------------------------------------------------- a whole folder


def test_mixed_folder_publishes_the_tree_and_reports_the_broken_file(
        isolated: Path, tiny_marian: Path, fast_config_file: Path, capsys: pytest.CaptureFixture[str]) -> None:
    site = _site(isolated)
    code = run_main("run", str(site), "-o", "out", "--model", str(tiny_marian), "--config", str(fast_config_file),
                    "--format", "md,tmx")
    err = capsys.readouterr().err
    assert code == 1  # one document failed: the exit code says so
    errors = [ln for ln in err.splitlines() if "error" in ln]
    assert len(errors) == 1 and "rusak.txt" in errors[0] and "binary" in errors[0]
    assert "Traceback" not in err
    out = isolated / "out"
    for rel in ("berita/2024/harga/harga", "berita/cuaca/cuaca", "halaman/halaman"):
        for suffix in (".bitext.json", ".html", ".bilingual.md", ".tmx"):
            assert (out / (rel + suffix)).is_file(), rel + suffix
    assert not (out / "berita" / "rusak").exists()
    doc = load_document(out / "berita" / "cuaca" / "cuaca.bitext.json")
    assert len(doc.iter_source()) == 4 and all(s.mt is not None for _, s in doc.iter_source())
    assert all(b.links for b in doc.blocks if b.source)

    index = (out / "index.html").read_text(encoding="utf-8")
    page = parse_page(index)
    assert "<script>alert(1)</script>" in text_in_lang(page, "id")  # the title, as text, in Indonesian
    assert not page.scripts and not any(tag == "script" for tag, _ in page.tags)
    assert not any(v and v.startswith(("http:", "https:", "//")) for _, a in page.tags for v in a.values())
    assert page.tags[0] == ("html", {"lang": "en"})
    rows = {a["data-status"]: a for tag, a in page.tags if tag == "tr" and "data-status" in a}
    assert set(rows) == {"done", "failed"}
    assert "rusak.txt" in index and "binary" in index
    links = [a["href"] for tag, a in page.tags if tag == "a"]
    assert sorted(links) == ["berita/2024/harga/harga.html", "berita/cuaca/cuaca.html", "halaman/halaman.html"]
    for href in links:
        assert (out / href).is_file()
    # each row tells its sentences and the links that need review, as in the document itself
    harga = load_document(out / "berita" / "2024" / "harga" / "harga.bitext.json")
    review = sum(link.status == "needs_review" for b in harga.blocks for link in b.links)
    row = next(ln for ln in index.splitlines() if "harga.html" in ln)
    assert f'<td class="n">{len(harga.iter_source())}</td>' in row and f">{review}<" in row

    # a rerun does only what is unfinished: nothing, here; the finished files are not rewritten
    before = {p: p.stat().st_mtime_ns for p in out.rglob("*.bitext.json")}
    code = run_main("run", str(site), "-o", "out", "--model", str(tiny_marian), "--config", str(fast_config_file),
                    "--format", "md,tmx")
    assert code == 1
    assert {p: p.stat().st_mtime_ns for p in out.rglob("*.bitext.json")} == before
    assert (out / "index.html").read_text(encoding="utf-8").count('data-status="up to date"') == 3


def test_engine_sees_sentences_of_several_documents_in_one_batch(
        isolated: Path, tiny_marian: Path, fast_config_file: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from pipeline.translate import stage

    for name, offset in (("a", 0), ("b", 100), ("c", 200)):
        (isolated / "docs").mkdir(exist_ok=True)
        (isolated / "docs" / f"{name}.txt").write_text(_article(f"Judul {name}", 4, offset), encoding="utf-8")
    loads: list[object] = []
    batches: list[list[str]] = []
    real = stage.load_engine

    def recording(t, model):  # type: ignore[no-untyped-def]
        engine = real(t, model)
        loads.append(engine)
        inner = engine.translate_batches

        def seen(bs, decoding):  # type: ignore[no-untyped-def]
            batches.extend(list(b) for b in bs)
            return inner(bs, decoding)

        engine.translate_batches = seen
        return engine

    monkeypatch.setattr(stage, "load_engine", recording)
    assert run_main("run", "docs", "-o", "out", "--model", str(tiny_marian), "--config", str(fast_config_file),
                    "--no-memory") == 0
    assert len(loads) == 1  # one model load for the whole folder
    owner = {}
    for name, offset in (("a", 0), ("b", 100), ("c", 200)):
        for i in range(4):
            owner[f"Kalimat nomor {i + offset} tentang harga beras di kota ini naik {i} persen."] = name
    first_pass = [b for b in batches if all(s in owner or s.startswith("Judul") for s in b)]
    assert any(len({owner.get(s, s) for s in b}) >= 2 for b in first_pass), batches
    for name in "abc":
        doc = load_document(isolated / "out" / name / f"{name}.bitext.json")
        assert [s.text for _, s in doc.iter_source()][0] == f"Judul {name}"
        assert all(s.mt is not None for _, s in doc.iter_source())


def test_sigint_in_the_middle_of_a_folder_resumes_only_the_unfinished(
        tmp_path: Path, tiny_marian: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    n_docs, per_doc = 6, 2
    for d in range(n_docs):
        (docs / f"d{d:02d}.txt").write_text(_article(f"Judul nomor {d}", per_doc, 10 * d), encoding="utf-8")
    # one sentence per batch, small windows: documents finish one after another
    cfg = config_file(tmp_path / "slow.toml", **ONE_PER_BATCH, threads=1, memory_dir=tmp_path / "tm")
    env = {**os.environ, "PYTHONPATH": str(ROOT), "HF_HUB_OFFLINE": "1"}
    args = [sys.executable, "-m", "pipeline", "run", str(docs), "-o", str(tmp_path / "out"), "--model",
            str(tiny_marian), "--config", str(cfg), "--window", str(per_doc + 1)]
    proc = subprocess.Popen(args, env=env, stderr=subprocess.PIPE, stdout=subprocess.PIPE, text=True,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
    out = tmp_path / "out"
    deadline = time.time() + 120
    while time.time() < deadline and proc.poll() is None and len(list(out.rglob("*.html"))) < 2:
        time.sleep(0.05)
    assert proc.poll() is None, f"the run finished before it could be interrupted: {proc.stderr.read()}"
    proc.send_signal(signal.SIGINT)
    _stdout, err = proc.communicate(timeout=60)
    assert proc.returncode == 130, err
    assert "Traceback" not in err
    finished = {p.parent.name: p.stat().st_mtime_ns for p in out.rglob("*.html") if p.name != "index.html"}
    assert 2 <= len(finished) < n_docs
    index = (out / "index.html").read_text(encoding="utf-8")  # the index tells what is done and what is not
    assert index.count('data-status="done"') == len(finished)
    for p in out.rglob("*.bitext.json"):
        load_document(p)  # every file written is whole
    again = subprocess.run(args, env=env, capture_output=True, text=True, timeout=300)
    assert again.returncode == 0, again.stderr
    for name, mtime in finished.items():  # finished documents are not redone
        assert (out / name / f"{name}.html").stat().st_mtime_ns == mtime
    pages = [p for p in out.rglob("*.html") if p.name != "index.html"]
    assert len(pages) == n_docs
    translated = int(re.search(r"^translate +(\d+) sentences? translated", again.stderr, re.M).group(1))
    assert translated <= (n_docs - len(finished)) * (per_doc + 1)  # only the unfinished documents' sentences
    for p in out.rglob("*.bitext.json"):
        assert all(s.mt is not None for _, s in load_document(p).iter_source())
