"""Helpers shared by test modules: running the real CLI (in a subprocess, or in this process) and reading HTML
as a browser would."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def run_cli(*args: str, cwd: Path | None = None, input: str | bytes | None = None,
            env: dict[str, str] | None = None, timeout: float = 300) -> subprocess.CompletedProcess[str]:
    """Run ``python -m pipeline ARGS`` exactly as a user's ``bilingual ARGS`` would run."""
    full_env = {**os.environ, "PYTHONPATH": str(ROOT), **(env or {})}
    full_env.pop("BILINGUAL_DEBUG", None)
    if isinstance(input, bytes):
        proc = subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, input=input, capture_output=True,
                              env=full_env, timeout=timeout)
        return subprocess.CompletedProcess(proc.args, proc.returncode, proc.stdout.decode("utf-8", "replace"),
                                           proc.stderr.decode("utf-8", "replace"))
    return subprocess.run([sys.executable, "-m", "pipeline", *args], cwd=cwd, input=input, capture_output=True,
                          text=True, env=full_env, timeout=timeout)


def load_script(path: Path):  # type: ignore[no-untyped-def]
    """A bench or generator script (not a package module) imported as a module, to test its parts."""
    import importlib.util

    spec = importlib.util.spec_from_file_location(path.stem, path)
    assert spec and spec.loader, path
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


def run_main(*args: str) -> int:
    """Run ``bilingual ARGS`` in this process, through the entry point (errors become one line and an exit
    code, as for a user); returns the exit code. In-process runs let a test patch what the command calls."""
    from pipeline.cli.main import main

    old, sys.argv = sys.argv, ["bilingual", *args]
    try:
        main()
    except SystemExit as exc:
        return int(exc.code or 0)
    finally:
        sys.argv = old
    return 0


#: The report line of a finished stage (pipeline/cli/guide.py): ``segment    3 sentences in 2 blocks (0.0 s)``.
STAGE_LINE = re.compile(r"^(segment|translate|align|publish) {2,}.*\(\d+\.\d s\)$")


def assert_one_line_error(proc: subprocess.CompletedProcess[str], *needles: str) -> str:
    """A user error is one line on stderr (besides report lines of finished stages and notes such as a
    deprecated spelling), a non-zero exit, and never a traceback."""
    assert proc.returncode != 0, proc.stderr
    assert "Traceback" not in proc.stderr, proc.stderr
    lines = [ln for ln in proc.stderr.splitlines()
             if ln.strip() and not STAGE_LINE.match(ln) and not ln.startswith("bilingual: note:")]
    assert len(lines) == 1, proc.stderr
    for needle in needles:
        assert needle.lower() in lines[0].lower(), lines[0]
    return lines[0]


class _TextByLang(HTMLParser):
    """Collect visible text per nearest ``lang`` attribute, and every script element's content."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, str | None]] = []
        self.text: dict[str, list[str]] = {}
        self.scripts: list[str] = []
        self.tags: list[tuple[str, dict[str, str | None]]] = []

    VOID = {"meta", "link", "br", "img", "input", "hr", "wbr", "source", "area", "base", "col", "embed", "track"}

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.tags.append((tag, dict(attrs)))
        if tag in self.VOID:
            return
        lang = dict(attrs).get("lang")
        parent = self.stack[-1][1] if self.stack else None
        self.stack.append((tag, lang if lang is not None else parent))

    def handle_endtag(self, tag: str) -> None:
        for i in range(len(self.stack) - 1, -1, -1):
            if self.stack[i][0] == tag:
                del self.stack[i:]
                break

    def handle_data(self, data: str) -> None:
        if not self.stack:
            return
        tag, lang = self.stack[-1]
        if tag == "script":
            self.scripts.append(data)
        elif tag not in ("style", "title"):
            self.text.setdefault(lang or "", []).append(data)


def parse_page(html: str) -> _TextByLang:
    p = _TextByLang()
    p.feed(html)
    p.close()
    return p


def norm(text: str) -> str:
    return " ".join(text.split())


def text_in_lang(page: _TextByLang, lang: str) -> str:
    return norm(" ".join(page.text.get(lang, [])))
