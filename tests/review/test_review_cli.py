"""The review commands as a user runs them: the server prints its URL and serves only with the token;
mistakes are one line and a non-zero exit."""

from __future__ import annotations

import re
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

from helpers import ROOT, assert_one_line_error, run_cli
from review_fixtures import belgorod_document

from pipeline.bitext.document import save_document
from pipeline.segment.stage import segment_text


def test_review_command_serves_with_token_only(tmp_path: Path) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), bitext)
    proc = subprocess.Popen([sys.executable, "-m", "pipeline", "review", str(bitext), "--no-browser"],
                            stderr=subprocess.PIPE, text=True, env={"PYTHONPATH": str(ROOT), "PATH": "/usr/bin:/bin"})
    try:
        assert proc.stderr is not None
        line = proc.stderr.readline()
        m = re.search(r"open (http://127\.0\.0\.1:(\d+)/\?token=([\w-]+))", line)
        assert m, line
        with urllib.request.urlopen(m.group(1), timeout=10) as resp:
            assert resp.status == 200 and b"bilingual review" in resp.read()
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{m.group(2)}/api/state", timeout=10)
            raise AssertionError("served without a token")
        except urllib.error.HTTPError as err:
            assert err.code == 403
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_review_command_errors_are_one_line(tmp_path: Path) -> None:
    assert_one_line_error(run_cli("review", "missing.bitext.json", "--no-browser", cwd=tmp_path), "no such file")
    bare = tmp_path / "bare.bitext.json"
    save_document(segment_text("Satu. Dua.\n", source_file="a.txt"), bare)
    assert_one_line_error(run_cli("review", str(bare), "--no-browser", cwd=tmp_path), "no links yet")
    assert_one_line_error(run_cli("publish", str(bare), "--format", "review", cwd=tmp_path), "no links yet")
    assert_one_line_error(run_cli("apply-review", "nope.txt", str(bare), cwd=tmp_path), "nope.txt", "no such file")


def test_swapped_arguments_get_a_hint(tmp_path: Path) -> None:
    bitext = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), bitext)
    assert run_cli("publish", str(bitext), "--format", "review", cwd=tmp_path).returncode == 0
    before = bitext.read_bytes()
    assert_one_line_error(run_cli("apply-review", str(bitext), "doc.review.txt", cwd=tmp_path), "swapped")
    assert bitext.read_bytes() == before
