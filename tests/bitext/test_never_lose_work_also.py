"""The "also fix" cases of never losing work, each through the CLI as a user would run it (the review server
through its own `bilingual review` process): exit code, the one-line message, checksums of the user's files.
"""

from __future__ import annotations

import http.client
import json
import os
import re
import socket
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from helpers import ROOT, assert_one_line_error, run_cli
from test_never_lose_work import ARTICLE, assert_kept, sha, snapshot, worked_bitext
from pipeline.bitext.document import load_document
from pipeline.review.server import TOKEN_HEADER

# ------------------------------------------------------------------ modes, links, read-only files, temp files


def test_outputs_get_the_umask_mode_not_0600(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    old = os.umask(0o022)
    try:
        assert run_cli("segment", "a.txt", cwd=isolated).returncode == 0
        worked_bitext(isolated / "w.bitext.json")
        assert run_cli("publish", "w.bitext.json", "--format", "html,md", "-o", "site/", cwd=isolated).returncode == 0
    finally:
        os.umask(old)
    for name in ("a.bitext.json", "site/w.html", "site/w.bilingual.md"):
        assert stat.S_IMODE((isolated / name).stat().st_mode) == 0o644, name


def test_a_rewrite_keeps_the_files_mode(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    os.chmod(isolated / "a.bitext.json", 0o640)
    proc = run_cli("align", "a.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert stat.S_IMODE((isolated / "a.bitext.json").stat().st_mode) == 0o640


def test_a_read_only_bitext_is_refused_not_replaced(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    os.chmod(isolated / "a.bitext.json", 0o444)
    before = snapshot(isolated)
    proc = run_cli("align", "a.bitext.json", cwd=isolated)
    assert_one_line_error(proc, "a.bitext.json", "read-only", "chmod")
    assert_kept(before, isolated)
    assert stat.S_IMODE((isolated / "a.bitext.json").stat().st_mode) == 0o444


def test_a_symlinked_bitext_stays_a_link_and_errors_name_the_real_file(isolated: Path) -> None:
    (isolated / "store").mkdir()
    worked_bitext(isolated / "store" / "real.bitext.json")
    (isolated / "a.bitext.json").symlink_to("store/real.bitext.json")
    proc = run_cli("segment", "--force", "-o", "a.bitext.json", str(ROOT / "seeds" / "belgorod.id.txt"),
                   cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert (isolated / "a.bitext.json").is_symlink()
    assert "Belgorod" in load_document(isolated / "store" / "real.bitext.json").meta.title
    assert (isolated / "store" / "real.bitext.json.bak.1").exists()  # the backup lies next to the real file
    os.chmod(isolated / "store" / "real.bitext.json", 0o444)
    before = snapshot(isolated)
    proc = run_cli("segment", "--force", "-o", "a.bitext.json", "a.bitext.json", cwd=isolated)
    assert_one_line_error(proc)
    proc = run_cli("align", "a.bitext.json", "-o", "a.bitext.json", cwd=isolated)
    assert_one_line_error(proc, "a.bitext.json (->", "store/real.bitext.json", "read-only")
    assert_kept(before, isolated)


def test_temp_files_of_a_crashed_write_are_cleaned_up_on_the_next_run(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    dead = subprocess.Popen([sys.executable, "-c", "pass"])
    dead.wait()
    stale = isolated / f".a.bitext.json.{dead.pid}.x1y2z3.tmp"
    stale.write_text('{"schema": 1, "blocks": [', encoding="utf-8")
    assert run_cli("segment", "a.txt", cwd=isolated).returncode == 0
    assert not stale.exists()
    assert sorted(p.name for p in isolated.iterdir() if p.name.endswith(".tmp")) == []


def test_backups_are_numbered_and_bounded_by_the_config(isolated: Path) -> None:
    (isolated / "c.toml").write_text("[files]\nbackups = 3\n", encoding="utf-8")
    versions = []
    for i in range(5):
        (isolated / "a.txt").write_text(ARTICLE.replace("pagi", f"pagi ke-{i}"), encoding="utf-8")
        if (isolated / "a.bitext.json").exists():
            versions.append(sha(isolated / "a.bitext.json"))
        proc = run_cli("segment", "a.txt", "--force", "--config", "c.toml", cwd=isolated)
        assert proc.returncode == 0, proc.stderr
    assert [sha(isolated / f"a.bitext.json.bak.{n}") for n in (1, 2, 3)] == versions[::-1][:3]
    assert not (isolated / "a.bitext.json.bak.4").exists() and not (isolated / "a.bitext.json.bak").exists()


# ------------------------------------------------------------------ the bitext schema


@pytest.mark.parametrize(("change", "needles"), [
    (lambda t: t.replace('"score": -0.3', '"score": NaN', 1), ["NaN", "finite"]),
    (lambda t: t.replace('"score": -0.3', '"score": -Infinity', 1), ["-Infinity", "finite"]),
    (lambda t: t.replace('"level": 1', '"level": 1000000000', 1), ["blocks[1].level", "200"]),
    (lambda t: t.replace('"start": 0', '"start": -5', 1), ["blocks[1].source[1].start", "-5"]),
    (lambda t: t.replace('"start": 0', '"start": 99999999999', 1), ["blocks[1].source[1].start", "smaller"]),
    (lambda t: t.replace('"translate": true', '"translate": "no"', 1), ["blocks[1].translate", "boolean"]),
    (lambda t: t.replace('"title": "Banjir di Kota Hujan"', '"title": 5', 1), ["meta.title", "string"]),
    (lambda t: t.replace('"stages": {', '"stages": {"x": [1], ', 1), ["meta.stages.x", "string"]),
    (lambda t: t.replace('"flags": []', '"flags": [1]', 1), ["flags[1]", "string"]),
    (lambda t: t.replace('"meta": {', '"meta": {"deep": ' + "[" * 100 + "]" * 100 + ", ", 1), ["nested"]),
])
def test_the_loader_names_the_field_a_value_is_wrong_in(isolated: Path, change, needles) -> None:  # type: ignore[no-untyped-def]
    worked_bitext(isolated / "a.bitext.json")
    p = isolated / "a.bitext.json"
    text = p.read_text(encoding="utf-8")
    bad = change(text)
    assert bad != text
    p.write_text(bad, encoding="utf-8")
    before = snapshot(isolated)
    assert_one_line_error(run_cli("publish", "a.bitext.json", cwd=isolated), "a.bitext.json", *needles)
    assert_kept(before, isolated)


def test_the_schema_ships_with_the_package() -> None:
    from pipeline.bitext.schema import schema_text

    schema = json.loads(schema_text())
    assert schema["properties"]["blocks"]["items"] == {"$ref": "#/definitions/block"}


# ------------------------------------------------------------------ translation memory failures


def _tm_run(isolated: Path, model: Path, tm_dir: Path, article: str = "a.txt"):  # type: ignore[no-untyped-def]
    (isolated / "tm.toml").write_text(f"[translate]\nbeam_size = 2\nmax_new_tokens = 24\nmemory_dir = \"{tm_dir}\"\n",
                                      encoding="utf-8")
    return run_cli("run", article, "--model", str(model), "--config", "tm.toml", "--quiet", cwd=isolated)


def _warned_once(proc) -> None:  # type: ignore[no-untyped-def]
    assert proc.returncode == 0, proc.stderr
    warnings = [ln for ln in proc.stderr.splitlines() if "translation memory" in ln]
    assert len(warnings) == 1 and "going on without it" in warnings[0], proc.stderr
    assert "Traceback" not in proc.stderr


def test_an_unusable_memory_folder_warns_once_and_the_run_saves_its_work(isolated: Path, tiny_marian: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (isolated / "not-a-folder").write_text("x", encoding="utf-8")
    before = snapshot(isolated)
    _warned_once(_tm_run(isolated, tiny_marian, isolated / "not-a-folder" / "tm"))
    doc = load_document(isolated / "output" / "a" / "a.bitext.json")
    assert all(s.mt is not None for _, s in doc.iter_source())
    assert_kept(before, isolated)


def test_a_foreign_table_and_malformed_rows_in_the_memory_are_survived(isolated: Path, tiny_marian: Path) -> None:
    from pipeline.translate.memory import Entry, TranslationMemory

    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    foreign = isolated / "foreign"
    foreign.mkdir()
    with sqlite3.connect(foreign / "translation-memory.sqlite3") as db:
        db.execute("CREATE TABLE translations (id INTEGER PRIMARY KEY, body BLOB)")
    _warned_once(_tm_run(isolated, tiny_marian, foreign))
    doc = load_document(isolated / "output" / "a" / "a.bitext.json")
    assert all(s.mt is not None for _, s in doc.iter_source())
    # a memory of the right shape, for this model and these settings, whose rows were damaged
    model = doc.meta.model
    good = isolated / "good"
    tm = TranslationMemory(good, model["name"], model["revision"], model["signature"].split("|", 1)[1])
    tm.put_many([(" ".join(s.text.split()), Entry("stored", -0.1, [])) for _, s in doc.iter_source()])
    tm.close()
    with sqlite3.connect(good / "translation-memory.sqlite3") as db:
        assert db.execute("UPDATE translations SET flags = '{not json'").rowcount == len(doc.iter_source())
    (isolated / "b.txt").write_text(ARTICLE, encoding="utf-8")  # a new output: every sentence is looked up
    _warned_once(_tm_run(isolated, tiny_marian, good, "b.txt"))
    doc = load_document(isolated / "output" / "b" / "b.bitext.json")
    assert all(s.mt is not None and s.mt.text != "stored" for _, s in doc.iter_source())


# ------------------------------------------------------------------ output folders, encodings, file names


def test_run_checks_an_unwritable_output_folder_before_any_work(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    before = snapshot(isolated)
    # the model does not exist either: the folder must be the first thing checked, before model or translation
    proc = run_cli("run", "a.txt", "-o", "/proc/bilingual-out", "--model", str(isolated / "no-model"), cwd=isolated)
    assert_one_line_error(proc, "/proc/bilingual-out")
    assert "no-model" not in proc.stderr
    (isolated / "file").write_text("x", encoding="utf-8")
    proc = run_cli("run", "a.txt", "-o", "file/out", "--model", str(isolated / "no-model"), cwd=isolated)
    assert_one_line_error(proc, "file", "cannot create the output folder")
    assert_kept(before, isolated)


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-le", "utf-16-be", "utf-32"])
def test_utf16_and_utf32_files_with_a_bom_are_read(isolated: Path, encoding: str) -> None:
    import codecs

    bom = {"utf-16": b"", "utf-16-le": codecs.BOM_UTF16_LE, "utf-16-be": codecs.BOM_UTF16_BE, "utf-32": b""}[encoding]
    (isolated / "a.txt").write_bytes(bom + ARTICLE.encode(encoding))
    before = snapshot(isolated)
    for extra in ([], ["--encoding", "utf-16" if "16" in encoding else "utf-32"]):
        proc = run_cli("segment", "a.txt", "--lines", *extra, cwd=isolated)
        assert proc.returncode == 0, proc.stderr
        assert "Hujan deras turun sejak pagi." in proc.stdout and "\ufeff" not in proc.stdout
    assert_kept(before, isolated)


def test_a_file_name_that_is_not_utf8(isolated: Path) -> None:
    name = os.fsdecode(b"caf\xe9.txt")
    (isolated / name).write_text(ARTICLE, encoding="utf-8")
    before = snapshot(isolated)
    proc = run_cli("segment", name, cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    out = isolated / "caf\ufffd.bitext.json"
    assert load_document(out).meta.source_file == "caf\ufffd.txt"
    assert_kept(before, isolated)
    assert_one_line_error(run_cli("segment", os.fsdecode(b"caf\xe9-missing.txt"), cwd=isolated), "caf")


def test_an_article_named_dots_txt_stays_inside_outdir(isolated: Path, tiny_marian: Path, fast_config_file: Path) -> None:
    (isolated / "out").mkdir()
    (isolated / "out" / "...txt").write_text(ARTICLE, encoding="utf-8")
    before = snapshot(isolated)
    proc = run_cli("run", "out/...txt", "-o", "out/site", "--model", str(tiny_marian), "--config",
                   str(fast_config_file), "--quiet", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    after = assert_kept(before, isolated)
    new = set(after) - set(before)
    assert new and all(n.startswith("out/site/article/") for n in new), new


# ------------------------------------------------------------------ Markdown nesting


def test_deeply_nested_markdown_keeps_every_word(isolated: Path) -> None:
    lists = "".join("  " * i + f"- butir tingkat {i}.\n" for i in range(12))
    quotes = "".join(">" * i + f" kutipan tingkat {i}.\n\n" for i in range(1, 24))
    (isolated / "a.md").write_text("# Judul\n\n" + lists + "\n" + quotes, encoding="utf-8")
    proc = run_cli("segment", "a.md", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    texts = [b.text for b in load_document(isolated / "a.bitext.json").blocks]
    assert "butir tingkat 11." in texts and "kutipan tingkat 23." in texts
    (isolated / "deep.md").write_text("".join(">" * i + f" kutipan {i}.\n\n" for i in range(1, 230)), encoding="utf-8")
    before = snapshot(isolated)
    assert_one_line_error(run_cli("segment", "deep.md", cwd=isolated), "nests", "levels deep", "line")
    assert_kept(before, isolated)


# ------------------------------------------------------------------ the review server


class ReviewProcess:
    """`bilingual review --no-browser` in its own process; the URL comes from its stderr."""

    def __init__(self, bitext: Path, cwd: Path) -> None:
        env = {**os.environ, "PYTHONPATH": str(ROOT)}
        env.pop("BILINGUAL_DEBUG", None)
        import signal

        self.proc = subprocess.Popen([sys.executable, "-m", "pipeline", "review", str(bitext), "--no-browser"],
                                     cwd=cwd, env=env, stderr=subprocess.PIPE, text=True,
                                     preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL))
        assert self.proc.stderr is not None
        seen, m = [], None
        while m is None and len(seen) < 20:  # other lines (a quality estimate) may come first
            seen.append(self.proc.stderr.readline())
            m = re.search(r"http://127\.0\.0\.1:(\d+)/\?token=(\S+)", seen[-1])
        assert m, seen
        self.port, self.token = int(m.group(1)), m.group(2)

    def post(self, body: bytes) -> tuple[int, dict]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        conn.request("POST", "/api/op", body=body, headers={
            "Host": f"127.0.0.1:{self.port}", TOKEN_HEADER: self.token, "Content-Type": "application/json"})
        resp = conn.getresponse()
        out = resp.status, json.loads(resp.read())
        conn.close()
        return out

    def state(self) -> dict:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=20)
        conn.request("GET", "/api/state", headers={"Host": f"127.0.0.1:{self.port}", TOKEN_HEADER: self.token})
        out = json.loads(conn.getresponse().read())
        conn.close()
        return out

    def stop(self) -> str:
        import signal

        self.proc.send_signal(signal.SIGINT)
        _, err = self.proc.communicate(timeout=30)
        return err


def test_review_server_survives_hostile_and_clumsy_clients(isolated: Path) -> None:
    worked_bitext(isolated / "a.bitext.json")
    server = ReviewProcess(isolated / "a.bitext.json", isolated)
    try:
        before = snapshot(isolated)
        for _ in range(3):  # clients that go away mid-request or mid-body
            s = socket.create_connection(("127.0.0.1", server.port))
            s.sendall(b"POST /api/op HTTP/1.1\r\nHost: x\r\nContent-Length: 500\r\n\r\n{\"op\"")
            s.close()
        status, body = server.post(b'{"a": ' * 50000 + b"1" + b"}" * 50000)
        assert status == 400 and body["error"] == "malformed JSON"
        version = server.state()["version"]
        status, body = server.post(json.dumps({"op": "confirm", "block": "b3", "index": 0, "confirmed": "false",
                                               "version": version}).encode())
        assert status == 400 and "true or false" in body["error"]
        assert_kept(before, isolated)  # nothing was confirmed
        status, body = server.post(json.dumps({"op": "confirm", "block": "b3", "index": 0, "confirmed": True,
                                               "version": version}).encode())
        assert status == 200, body
        # someone else rewrites the file; Publish must not write a page from the editor's stale copy
        worked_bitext(isolated / "a.bitext.json", ARTICLE.replace("Banjir", "Banjir besar"))
        before = snapshot(isolated)
        status, body = server.post(json.dumps({"op": "publish", "version": version + 1}).encode())
        assert status == 409 and "changed on disk" in body["error"]
        assert_kept(before, isolated)
        assert not (isolated / "a.html").exists()
    finally:
        err = server.stop()
    assert "Traceback" not in err and "Error" not in err, err


def test_a_stalled_client_is_dropped_after_the_socket_timeout(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    import threading

    from pipeline.review import server as review_server

    worked_bitext(tmp_path / "a.bitext.json")
    monkeypatch.setattr(review_server._Handler, "timeout", 0.5)  # the real value is 30 s
    srv, _ = review_server.make_server(tmp_path / "a.bitext.json", 0)
    thread = threading.Thread(target=srv.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        s = socket.create_connection(("127.0.0.1", srv.server_address[1]), timeout=10)
        s.sendall(b"GET /api/state HTTP/1.1\r\n")  # and then nothing
        start = time.monotonic()
        assert s.recv(100) == b""  # the server hung up on it
        assert time.monotonic() - start < 8
        s.close()
    finally:
        srv.shutdown()
        srv.server_close()
    assert review_server.SOCKET_TIMEOUT == 30


# ------------------------------------------------------------------ bidi controls stay inside their sentence


def test_bidi_controls_in_one_sentence_do_not_reorder_the_next(isolated: Path, browser) -> None:  # type: ignore[no-untyped-def]
    text = ARTICLE.replace("Hujan deras turun sejak pagi.", "Hujan deras \u202eturun sejak pagi.")
    worked_bitext(isolated / "a.bitext.json", text)
    assert run_cli("publish", "a.bitext.json", cwd=isolated).returncode == 0
    page = browser.new_page()
    try:
        page.goto((isolated / "a.html").as_uri())
        # the sentence after the one with U+202E (RIGHT-TO-LEFT OVERRIDE) must still run left to right
        boxes = page.evaluate("""() => {
            const s = document.getElementById('b2.s2');
            const r = document.createRange();
            const t = s.firstChild;
            const first = (r.setStart(t, 0), r.setEnd(t, 1), r.getBoundingClientRect().left);
            const last = (r.setStart(t, t.length - 2), r.setEnd(t, t.length - 1), r.getBoundingClientRect().left);
            return {first, last, bidi: getComputedStyle(s).unicodeBidi};
        }""")
        assert boxes["bidi"] == "isolate"
        assert boxes["first"] < boxes["last"]
    finally:
        page.close()


def test_an_output_that_is_not_a_bitext_is_replaced_only_with_force(isolated: Path) -> None:
    (isolated / "a.txt").write_text(ARTICLE, encoding="utf-8")
    (isolated / "notes.md").write_text("# my notes\n\nnot a bitext\n", encoding="utf-8")
    before = snapshot(isolated)
    assert_one_line_error(run_cli("segment", "a.txt", "-o", "notes.md", cwd=isolated), "notes.md", "not a bitext")
    assert_kept(before, isolated)
    proc = run_cli("segment", "a.txt", "-o", "notes.md", "--force", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert load_document(isolated / "notes.md").blocks[0].text == "Banjir di Kota Hujan"
    after = assert_kept(before, isolated, changed={"notes.md"})
    assert after["notes.md.bak.1"] == before["notes.md"]
