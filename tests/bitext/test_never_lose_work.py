"""Nothing a person did may vanish: every case runs the real CLI in a subprocess, as a user would, and checks
the exit code, the one-line message and the checksums of every file the user had before the command.
"""

from __future__ import annotations

import hashlib
import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, assert_one_line_error, run_cli
from pipeline.align import align
from pipeline.config import Config
from pipeline.bitext.document import MachineTranslation, load_document, save_document
from pipeline.review import ops
from pipeline.review.storage import BitextFile
from pipeline.segment.stage import segment_text

ARTICLE = """Banjir di Kota Hujan

Hujan deras turun sejak pagi. Sungai meluap ke jalan. Warga mengungsi ke masjid.

Pemerintah kota membuka dapur umum. Relawan membagikan makanan hangat.

Air mulai surut pada malam hari.
"""
EDITED = "A person's careful translation of the second sentence."
NOT_OURS = {"cache", "hf-home", "models"}


def snapshot(root: Path) -> dict[str, str]:
    """sha256 of every file the user has under ``root`` (not the private caches the fixtures set up)."""
    out = {}
    for p in sorted(root.rglob("*")):
        rel = p.relative_to(root)
        if rel.parts[0] in NOT_OURS or p.is_dir():
            continue
        out[str(rel)] = hashlib.sha256(p.read_bytes()).hexdigest()
    return out


def assert_kept(before: dict[str, str], root: Path, changed: set[str] = frozenset()) -> dict[str, str]:  # type: ignore[assignment]
    """Every file the user had is still there with the same bytes, except those in ``changed``."""
    after = snapshot(root)
    for name, digest in before.items():
        assert name in after, f"{name} vanished"
        if name not in changed:
            assert after[name] == digest, f"{name} changed"
    return after


def sha(p: Path) -> str:
    return hashlib.sha256(p.read_bytes()).hexdigest()


def worked_bitext(path: Path, text: str = ARTICLE, source_file: str = "a.txt") -> None:
    """A bitext a person worked on: translations, a confirmed link and an edited translation (block b2)."""
    doc = segment_text(text, source_file=source_file)
    for _, s in doc.iter_source():
        s.mt = MachineTranslation(text=f"EN: {s.text}", score=-0.3, model="earlier-model")
    align(doc, Config().align)
    block = next(b for b in doc.blocks if len(b.links) >= 2)  # b2 of ARTICLE
    doc = ops.set_confirmed(doc, block.id, 0, True)
    doc = ops.edit_texts(doc, {doc.block(block.id).links[1].tgt[0]: EDITED})
    path.parent.mkdir(parents=True, exist_ok=True)
    save_document(doc, path)


def links_of(doc, block: str):  # type: ignore[no-untyped-def]
    b = doc.block(block)
    texts = {s.id: s.text for s in [*b.source, *b.target]}
    return [([texts[i] for i in x.src], [texts[i] for i in x.tgt], x.status) for x in b.links]


# ------------------------------------------------------------------ 1. no command overwrites its own input


@pytest.mark.parametrize("argv", [
    ["segment", "a.txt", "-o", "a.txt"],
    ["segment", "a.txt", "-o", "./sub/../a.txt"],
    ["segment", "a.txt", "-o", "hard.txt"],  # a hard link to the article: same inode
    ["segment", "a.txt", "-o", "sym.txt"],  # a symbolic link to the article
])
def test_segment_refuses_to_overwrite_its_article(isolated: Path, argv: list[str]) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (isolated / "sub").mkdir()
    os.link(isolated / "a.txt", isolated / "hard.txt")
    (isolated / "sym.txt").symlink_to("a.txt")
    before = snapshot(isolated)
    proc = run_cli(*argv, cwd=isolated)
    assert_one_line_error(proc, "refusing to overwrite", "the article this command reads", "-o")
    assert proc.returncode == 1
    assert_kept(before, isolated)


def test_translate_refuses_to_write_over_the_article_from_another_folder(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    work = isolated / "work"
    worked_bitext(work / "a.bitext.json")
    elsewhere = isolated / "elsewhere"
    elsewhere.mkdir()
    before = snapshot(isolated)
    # relative to the current folder the recorded name "a.txt" means nothing: the content gives it away
    proc = run_cli("translate", str(work / "a.bitext.json"), "-o", str(isolated / "a.txt"), cwd=elsewhere)
    assert_one_line_error(proc, "a.txt", "holds the article this bitext was made from")
    assert_kept(before, isolated)


def test_publish_from_another_folder_does_not_overwrite_the_article(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    worked_bitext(isolated / "a.bitext.json")
    (isolated / "x").mkdir()
    before = snapshot(isolated)
    proc = run_cli("publish", "../a.bitext.json", "--format", "md", "-o", "../a.txt", cwd=isolated / "x")
    assert_one_line_error(proc, "a.txt", "article")
    assert_kept(before, isolated)


def test_align_refuses_to_overwrite_the_human_translation(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (isolated / "b.en.txt").write_text("Floods in the Rain City\n\nHeavy rain fell.\n", encoding="utf-8")
    before = snapshot(isolated)
    proc = run_cli("align", "a.txt", "b.en.txt", "-o", "b.en.txt", cwd=isolated)
    assert_one_line_error(proc, "b.en.txt", "refusing to overwrite", "the translation this command reads")
    assert_kept(before, isolated)


def test_align_refuses_a_page_over_its_bitext_named_html(isolated: Path) -> None:
    """A bitext named page.html: its page is page.html.html, never the bitext itself."""
    worked_bitext(isolated / "page.html")
    before = snapshot(isolated)
    proc = run_cli("align", "page.html", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "page.html.html" in proc.stderr
    assert load_document(isolated / "page.html").block("b2").links[0].status == "confirmed"
    assert_kept(before, isolated, changed={"page.html"})
    proc = run_cli("publish", "page.html", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    load_document(isolated / "page.html")  # still a bitext


# ------------------------------------------------------------------ 2. no silent replacement of a reviewed bitext


def test_segment_over_a_reviewed_bitext_carries_the_work_over(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    worked_bitext(isolated / "a.bitext.json")
    old = (isolated / "a.bitext.json").read_bytes()
    before = snapshot(isolated)
    proc = run_cli("segment", "a.txt", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    doc = load_document(isolated / "a.bitext.json")
    assert links_of(doc, "b2")[0][2] == "confirmed"
    assert [t for _, tgt, _ in links_of(doc, "b2") for t in tgt][1] == EDITED
    assert all(s.mt is not None for _, s in doc.iter_source())
    assert doc.to_dict()["blocks"] == json.loads(old)["blocks"]  # nothing of the work is lost
    assert_kept(before, isolated, changed={"a.bitext.json"})


def test_segment_force_replaces_and_keeps_a_numbered_backup(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    worked_bitext(isolated / "a.bitext.json")
    old = sha(isolated / "a.bitext.json")
    before = snapshot(isolated)
    proc = run_cli("segment", "a.txt", "--force", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert all(s.mt is None for _, s in load_document(isolated / "a.bitext.json").iter_source())
    after = assert_kept(before, isolated, changed={"a.bitext.json"})
    assert after["a.bitext.json.bak.1"] == old


def test_align_onto_the_path_run_used_refuses_without_force(isolated: Path) -> None:
    src, tgt = ROOT / "seeds" / "belgorod.id.txt", ROOT / "seeds" / "belgorod.en.txt"
    (isolated / "belgorod.id.txt").write_bytes(src.read_bytes())
    (isolated / "belgorod.en.txt").write_bytes(tgt.read_bytes())
    bitext = isolated / "output" / "belgorod.id" / "belgorod.id.bitext.json"
    worked_bitext(bitext, src.read_text(encoding="utf-8"), "belgorod.id.txt")
    before = snapshot(isolated)
    proc = run_cli("align", "belgorod.id.txt", "belgorod.en.txt", cwd=isolated)
    line = assert_one_line_error(proc, "belgorod.id.bitext.json", "reviewed links", "--force")
    assert "translated sentences" in line
    assert_kept(before, isolated)


def test_align_force_keeps_a_numbered_backup(isolated: Path) -> None:
    src, tgt = ROOT / "seeds" / "belgorod.id.txt", ROOT / "seeds" / "belgorod.en.txt"
    bitext = isolated / "out.bitext.json"
    worked_bitext(bitext, src.read_text(encoding="utf-8"), str(src))
    old = sha(bitext)
    before = snapshot(isolated)
    proc = run_cli("align", str(src), str(tgt), "-o", "out.bitext.json", "--force", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert load_document(bitext).meta.target_origin == "human"
    after = assert_kept(before, isolated, changed={"out.bitext.json"})
    assert after["out.bitext.json.bak.1"] == old


# ------------------------------------------------------------------ 3. reruns keep reviews at sentence level


def _run(isolated: Path, model: Path, config: Path, *extra: str, env: dict[str, str] | None = None):  # type: ignore[no-untyped-def]
    return run_cli("run", "a.txt", "--model", str(model), "--config", str(config), "--quiet", *extra,
                   cwd=isolated, env=env)


def test_run_after_a_paragraph_change_keeps_the_reviews_of_its_unchanged_sentences(
        isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    bitext = isolated / "output" / "a" / "a.bitext.json"
    worked_bitext(bitext)  # as an earlier run left it
    f = BitextFile(bitext)
    doc = ops.set_confirmed(f.doc, "b2", 0, True)  # "Hujan deras turun sejak pagi."
    doc = ops.edit_texts(doc, {doc.block("b2").links[1].tgt[0]: EDITED})  # "Sungai meluap ke jalan."
    doc = ops.edit_texts(doc, {doc.block("b2").links[2].tgt[0]: "Residents fled to the mosque."})
    f.save(doc)
    reviewed = bitext.read_bytes()
    # the person rewrites the third sentence of that paragraph, and adds one
    (isolated / "a.txt").write_text(ARTICLE.replace("Warga mengungsi ke masjid.",
                                                    "Ratusan warga mengungsi ke masjid. Sekolah diliburkan."),
                                    encoding="utf-8")
    before = snapshot(isolated)
    proc = _run(isolated, tiny_marian, fast_config_file)
    assert proc.returncode == 0, proc.stderr
    assert "1 reviewed links no longer match the article" in proc.stderr
    doc = load_document(bitext)
    b2 = links_of(doc, "b2")
    assert b2[0][0] == ["Hujan deras turun sejak pagi."] and b2[0][2] == "confirmed"
    assert b2[1] == (["Sungai meluap ke jalan."], [EDITED], "edited")
    assert [x[2] for x in b2[2:]] != [] and all(x[2] in ("auto", "needs_review") for x in b2[2:])
    assert [o.tgt for o in doc.orphans] == [["Residents fled to the mosque."]]
    assert doc.orphans[0].src == ["Warga mengungsi ke masjid."]
    after = assert_kept(before, isolated, changed={"output/a/a.bitext.json", "output/a/a.html",
                                                    "output/a/a.bitext.json.bak.1"})
    assert after["output/a/a.bitext.json.bak.1"] == hashlib.sha256(reviewed).hexdigest()
    # the orphaned review is shown to whoever reviews with the text file
    proc = run_cli("publish", str(bitext), "--format", "review", "-o", "r.txt", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "Residents fled to the mosque." in (isolated / "r.txt").read_text(encoding="utf-8")
    # and a further rerun keeps it (segment carries work over the same way, without a model)
    proc = run_cli("segment", "a.txt", "-o", str(bitext), cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert [o.tgt for o in load_document(bitext).orphans] == [["Residents fled to the mosque."]]


# ------------------------------------------------------------------ 4. run never overwrites edits saved meanwhile


def _start_paused(isolated: Path, model: Path, config: Path, pause: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([str(ROOT), str(ROOT / "tests" / "hooks")]),
           "BILINGUAL_TEST_PAUSE": str(pause)}
    env.pop("BILINGUAL_DEBUG", None)
    return subprocess.Popen([sys.executable, "-m", "pipeline", "run", "a.txt", "--model", str(model),
                             "--config", str(config), "--quiet"], cwd=isolated, env=env, text=True,
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))


def _wait_for(path: Path, proc: subprocess.Popen[str]) -> None:
    deadline = time.monotonic() + 120
    while not path.exists():
        assert proc.poll() is None, proc.communicate()
        assert time.monotonic() < deadline
        time.sleep(0.05)


def test_run_merges_edits_saved_in_the_editor_while_it_translates(
        isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    bitext = isolated / "output" / "a" / "a.bitext.json"
    worked_bitext(bitext)  # as an earlier run left it
    (isolated / "a.txt").write_text(ARTICLE.replace("Air mulai surut pada malam hari.",
                                                    "Air baru surut keesokan harinya."), encoding="utf-8")
    pause = isolated / "pause"
    pause.mkdir()
    proc = _start_paused(isolated, tiny_marian, fast_config_file, pause)
    _wait_for(pause / "started", proc)
    f = BitextFile(bitext)  # the editor saves two changes while the run translates
    doc = ops.set_confirmed(f.doc, "b3", 0, True)
    doc = ops.edit_texts(doc, {doc.block("b3").links[1].tgt[0]: "Volunteers handed out hot meals."})
    f.save(doc)
    theirs = sha(bitext)
    before = snapshot(isolated)
    (pause / "go").write_text("1")
    out, err = proc.communicate(timeout=300)
    assert proc.returncode == 0, err
    assert "saved by someone else during the run; their changes were kept" in err
    doc = load_document(bitext)
    assert links_of(doc, "b3")[0][2] == "confirmed"
    assert links_of(doc, "b3")[1] == (["Relawan membagikan makanan hangat."], ["Volunteers handed out hot meals."],
                                      "edited")
    assert links_of(doc, "b2")[1] == (["Sungai meluap ke jalan."], [EDITED], "edited")  # older reviews too
    assert doc.block("b4").source[0].text == "Air baru surut keesokan harinya."
    assert doc.block("b4").links and doc.block("b4").source[0].mt is not None  # the run's work arrived too
    after = assert_kept(before, isolated, changed={"output/a/a.bitext.json", "output/a/a.html",
                                                    "output/a/a.bitext.json.bak.1", "output/a/a.bitext.json.bak.2"})
    assert after["output/a/a.bitext.json.bak.1"] == theirs


def test_run_keeps_both_versions_when_the_saved_one_cannot_be_merged(
        isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    bitext = isolated / "output" / "a" / "a.bitext.json"
    worked_bitext(bitext)  # as an earlier run left it
    pause = isolated / "pause"
    pause.mkdir()
    (isolated / "a.txt").write_text(ARTICLE + "\nParagraf baru.\n", encoding="utf-8")
    proc = _start_paused(isolated, tiny_marian, fast_config_file, pause)
    _wait_for(pause / "started", proc)
    bitext.write_text('{"schema": 1, "blocks": [ half-saved by another tool', encoding="utf-8")
    before = snapshot(isolated)
    (pause / "go").write_text("1")
    out, err = proc.communicate(timeout=300)
    proc_result = subprocess.CompletedProcess(proc.args, proc.returncode, out, err)
    assert_one_line_error(proc_result, "a.bitext.json", "changed on disk", "a.conflict-1.bitext.json")
    after = assert_kept(before, isolated)
    assert "output/a/a.conflict-1.bitext.json" in after
    side = load_document(isolated / "output" / "a" / "a.conflict-1.bitext.json")
    assert side.blocks[-1].source[0].text == "Paragraf baru." and side.blocks[-1].source[0].mt is not None


# ------------------------------------------------------------------ 5. apply-review refuses stale files


def _export(isolated: Path, bitext: str, out: str) -> None:
    proc = run_cli("publish", bitext, "--format", "review", "-o", out, cwd=isolated)
    assert proc.returncode == 0, proc.stderr


def test_apply_review_twice_is_a_no_op(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    _export(isolated, "a.bitext.json", "r.txt")
    text = (isolated / "r.txt").read_text(encoding="utf-8")
    doc = load_document(isolated / "a.bitext.json")
    first_tgt = doc.block("b3").target[0].text
    (isolated / "r.txt").write_text(text.replace(f"| {first_tgt}", "| The city opened a public kitchen."),
                                    encoding="utf-8")
    assert run_cli("apply-review", "r.txt", "a.bitext.json", cwd=isolated).returncode == 0
    assert links_of(load_document(isolated / "a.bitext.json"), "b3")[0][2] == "edited"
    before = snapshot(isolated)
    proc = run_cli("apply-review", "r.txt", "a.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "no changes in r.txt" in proc.stderr
    assert_kept(before, isolated)
    # the person keeps editing the same file: that still applies, and edits stay edited
    text = (isolated / "r.txt").read_text(encoding="utf-8")
    second = doc.block("b3").target[1].text
    (isolated / "r.txt").write_text(text.replace(f"| {second}", "| Volunteers handed out hot meals."),
                                    encoding="utf-8")
    proc = run_cli("apply-review", "r.txt", "a.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    b3 = links_of(load_document(isolated / "a.bitext.json"), "b3")
    assert b3[0] == ([doc.block("b3").source[0].text], ["The city opened a public kitchen."], "edited")
    assert b3[1][1:] == (["Volunteers handed out hot meals."], "edited")


def test_apply_review_refuses_an_export_older_than_the_edits(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    _export(isolated, "a.bitext.json", "old.txt")
    f = BitextFile(isolated / "a.bitext.json")  # later, in the editor
    f.save(ops.edit_texts(f.doc, {f.doc.block("b3").target[0].id: "An edit made after the export."}))
    text = (isolated / "old.txt").read_text(encoding="utf-8")
    (isolated / "old.txt").write_text(text.replace("@ auto", "@ confirmed", 1), encoding="utf-8")
    before = snapshot(isolated)
    proc = run_cli("apply-review", "old.txt", "a.bitext.json", cwd=isolated)
    assert_one_line_error(proc, "old.txt", "another version of the document", "export it again")
    assert_kept(before, isolated)


def test_apply_review_refuses_a_file_of_another_article_with_the_same_layout(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    other = ARTICLE.replace("Banjir", "Kebakaran").replace("Hujan deras", "Angin kencang")
    worked_bitext(isolated / "b.bitext.json", other, "b.txt")
    _export(isolated, "b.bitext.json", "b.review.txt")
    before = snapshot(isolated)
    proc = run_cli("apply-review", "b.review.txt", "a.bitext.json", cwd=isolated)
    assert_one_line_error(proc, "b.review.txt", "another version of the document")
    assert_kept(before, isolated)
    assert json.loads((isolated / "a.bitext.json").read_text(encoding="utf-8"))["blocks"][0]["text"].startswith("Banjir")
