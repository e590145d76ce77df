"""Bad input gives one clear line and a non-zero exit, never a traceback, and never destroys a user's file."""

from __future__ import annotations

from pathlib import Path

from helpers import ROOT, assert_one_line_error, run_cli

SAMPLE = ROOT / "seeds" / "belgorod.id.txt"


def test_missing_file(isolated: Path) -> None:
    assert_one_line_error(run_cli("run", "nope.txt", cwd=isolated), "nope.txt", "no such file")


def test_empty_file(isolated: Path) -> None:
    (isolated / "empty.txt").write_text("  \n\n", encoding="utf-8")
    assert_one_line_error(run_cli("segment", "empty.txt", cwd=isolated), "empty.txt", "empty")


def test_binary_file(isolated: Path) -> None:
    (isolated / "x.txt").write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(range(256)))
    assert_one_line_error(run_cli("run", "x.txt", cwd=isolated), "x.txt", "binary")


def test_directory_instead_of_file(isolated: Path) -> None:
    (isolated / "d").mkdir()
    assert_one_line_error(run_cli("segment", "d", cwd=isolated), "directory")


def test_corrupt_bitext_file(isolated: Path) -> None:
    p = isolated / "doc.bitext.json"
    p.write_text('{"schema": 1, "meta": {}, "blocks": [', encoding="utf-8")
    line = assert_one_line_error(run_cli("publish", str(p), cwd=isolated), "doc.bitext.json", "corrupt")
    assert "line 1" in line


def test_newer_schema_bitext_file(isolated: Path) -> None:
    p = isolated / "doc.bitext.json"
    p.write_text('{"schema": 99, "meta": {}, "blocks": []}', encoding="utf-8")
    assert_one_line_error(run_cli("translate", str(p), cwd=isolated), "schema 99", "newer")


def test_bitext_with_dangling_link(isolated: Path) -> None:
    p = isolated / "doc.bitext.json"
    p.write_text('{"schema": 1, "meta": {}, "blocks": [{"id": "b1", "kind": "paragraph", "text": "x", '
                 '"source": [{"id": "b1.s1", "text": "x"}], "links": [{"src": ["b1.s9"], "tgt": []}]}]}',
                 encoding="utf-8")
    assert_one_line_error(run_cli("publish", str(p), cwd=isolated), "b1.s9")


def test_corrupt_bitext_is_not_overwritten_by_run(isolated: Path, tiny_marian: Path) -> None:
    (isolated / "a.txt").write_text("Ini teks.\n", encoding="utf-8")
    bitext = isolated / "output" / "a" / "a.bitext.json"
    bitext.parent.mkdir(parents=True)
    bitext.write_text("{ half a file", encoding="utf-8")
    assert_one_line_error(run_cli("run", "a.txt", "--model", str(tiny_marian), cwd=isolated), "corrupt")
    assert bitext.read_text(encoding="utf-8") == "{ half a file"


def test_unknown_config_key(isolated: Path) -> None:
    (isolated / "c.toml").write_text("[translate]\nbeam = 4\n", encoding="utf-8")
    assert_one_line_error(run_cli("segment", str(SAMPLE), "--config", "c.toml", cwd=isolated),
                          "unknown key 'beam'", "beam_size")


def test_unknown_config_section(isolated: Path) -> None:
    (isolated / "c.toml").write_text("[translation]\nmodel = 'x'\n", encoding="utf-8")
    assert_one_line_error(run_cli("segment", str(SAMPLE), "--config", "c.toml", cwd=isolated), "[translation]")


def test_invalid_toml(isolated: Path) -> None:
    (isolated / "c.toml").write_text("[translate\n", encoding="utf-8")
    assert_one_line_error(run_cli("segment", str(SAMPLE), "--config", "c.toml", cwd=isolated), "invalid TOML")


def test_unavailable_model_offline(isolated: Path) -> None:
    proc = run_cli("run", str(SAMPLE), "--model", "Helsinki-NLP/opus-mt-id-en", cwd=isolated)
    line = assert_one_line_error(proc, "opus-mt-id-en")
    assert "--model" in line and "models pull" in line  # says how to get it


def test_model_directory_that_is_not_a_model(isolated: Path) -> None:
    (isolated / "m").mkdir()
    assert_one_line_error(run_cli("run", str(SAMPLE), "--model", str(isolated / "m"), cwd=isolated),
                          "not a model directory")


def test_windows_1252_needs_encoding_option(isolated: Path) -> None:
    text = "Caf\u00e9 \u201cbaru\u201d dibuka di Jakarta. Harganya \u20ac5.\n"
    (isolated / "w.txt").write_bytes(text.encode("cp1252"))
    assert_one_line_error(run_cli("segment", "w.txt", "--lines", cwd=isolated), "w.txt", "--encoding cp1252")
    ok = run_cli("segment", "w.txt", "--lines", "--encoding", "cp1252", cwd=isolated)
    assert ok.returncode == 0, ok.stderr
    assert ok.stdout.splitlines() == ["Caf\u00e9 \u201cbaru\u201d dibuka di Jakarta.", "Harganya \u20ac5."]


def test_unknown_encoding(isolated: Path) -> None:
    assert_one_line_error(run_cli("segment", str(SAMPLE), "--encoding", "klingon", cwd=isolated), "klingon")


def test_help_has_examples() -> None:
    for cmd in ([], ["run"], ["segment"], ["translate"], ["align"], ["publish"]):
        proc = run_cli(*cmd, "--help")
        assert proc.returncode == 0, proc.stderr
        assert "Example" in proc.stdout, cmd


def test_huge_file_is_refused_quickly(isolated: Path) -> None:
    from pipeline.fileio import MAX_INPUT_BYTES

    (isolated / "big.txt").write_bytes(b"Kalimat. " * (MAX_INPUT_BYTES // 9 + 10))
    assert_one_line_error(run_cli("segment", "big.txt", cwd=isolated), "big.txt", "limit")


def test_huge_stdin_is_refused(isolated: Path) -> None:
    from pipeline.fileio import MAX_INPUT_BYTES

    proc = run_cli("segment", "-", "--lines", cwd=isolated, input=b"a" * (MAX_INPUT_BYTES + 5))
    assert_one_line_error(proc, "standard input", "larger than")
