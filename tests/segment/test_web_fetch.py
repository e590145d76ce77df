"""URLs as input, served by a local HTTP server on 127.0.0.1 that each test starts and stops.

Checks what a user sees through the real CLI: one request per URL with a named User-Agent, robots.txt,
redirects without cookies, the cache (revalidated with the ETag, used when offline), and for every failure
(404, timeout, oversized, robots, redirect loop, no server) one clear line, a non-zero exit, no output.
"""

from __future__ import annotations

import json
import threading
import time
from collections.abc import Iterator
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from helpers import assert_one_line_error, run_cli
from pipeline import __version__
from pipeline.bitext.document import load_document

HTML_DIR = Path(__file__).resolve().parents[1] / "data" / "html"
PAGE = (HTML_DIR / "sungai-ciliwung.html").read_bytes()
PAGE_EN = (HTML_DIR / "translations" / "sungai-ciliwung.en.html").read_bytes()
EXPECTED = json.loads((HTML_DIR / "sungai-ciliwung.expected.json").read_text(encoding="utf-8"))
BIG = 11 * 1024 * 1024  # over the 10 MiB page limit


@dataclass
class Site:
    base: str
    requests: list[tuple[str, dict[str, str]]] = field(default_factory=list)
    server: ThreadingHTTPServer | None = None

    def paths(self) -> list[str]:
        return [p for p, _ in self.requests]

    def stop(self) -> None:
        if self.server is not None:
            self.server.shutdown()
            self.server.server_close()
            self.server = None


def _handler(site: Site) -> type[BaseHTTPRequestHandler]:
    class Handler(BaseHTTPRequestHandler):
        def log_message(self, *args: object) -> None:  # keep the test output clean
            pass

        def _send(self, status: int, body: bytes = b"", ctype: str = "text/html; charset=utf-8",
                  headers: dict[str, str] | None = None) -> None:
            self.send_response(status)
            self.send_header("Content-Type", ctype)
            for k, v in (headers or {}).items():
                self.send_header(k, v)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def do_GET(self) -> None:  # noqa: N802 - http.server's name
            site.requests.append((self.path, {k.lower(): v for k, v in self.headers.items()}))
            path = self.path
            try:
                if path == "/robots.txt":
                    self._send(200, b"User-agent: *\nDisallow: /private/\n", "text/plain")
                elif path in ("/berita/sungai.html", "/private/sungai.html"):
                    if self.headers.get("If-None-Match") == '"v1"':
                        self._send(304, headers={"ETag": '"v1"'})
                    else:
                        self._send(200, PAGE, headers={"ETag": '"v1"', "Set-Cookie": "seen=1; Path=/"})
                elif path == "/en/sungai.html":
                    self._send(200, PAGE_EN)
                elif path == "/pindah":
                    self._send(301, headers={"Location": "/berita/sungai.html", "Set-Cookie": "sid=rahasia; Path=/"})
                elif path == "/putar":
                    self._send(302, headers={"Location": "/putar"})
                elif path == "/hilang":
                    self._send(404, b"<html><body>Halaman tidak ditemukan</body></html>")
                elif path == "/lambat":
                    time.sleep(3)
                    self._send(200, PAGE)
                elif path == "/besar":  # no Content-Length: the limit must hold while reading
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.end_headers()
                    chunk = b"<p>" + b"isi " * 16000 + b"</p>\n"
                    sent = 0
                    self.wfile.write(b"<!DOCTYPE html><html><body>")
                    while sent < BIG:
                        self.wfile.write(chunk)
                        sent += len(chunk)
                elif path == "/besar-diumumkan":
                    self.send_response(200)
                    self.send_header("Content-Type", "text/html")
                    self.send_header("Content-Length", str(50 * 1024 * 1024))
                    self.end_headers()
                    self.wfile.write(b"<!DOCTYPE html>")
                elif path == "/gambar.png":
                    self._send(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 64, "image/png")
                else:
                    self._send(404)
            except (BrokenPipeError, ConnectionResetError):
                pass

    return Handler


@pytest.fixture
def site() -> Iterator[Site]:
    s = Site(base="")
    server = ThreadingHTTPServer(("127.0.0.1", 0), _handler(s))
    server.daemon_threads = True
    s.server = server
    s.base = f"http://127.0.0.1:{server.server_address[1]}"
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    yield s
    s.stop()


def _blocks(path: Path) -> list[list[str]]:
    return [[b.kind, b.text] for b in load_document(path).blocks]


def test_url_is_fetched_once_politely_cached_and_works_offline(isolated: Path, site: Site) -> None:
    url = f"{site.base}/berita/sungai.html"
    proc = run_cli("segment", url, "-o", "doc.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert site.paths() == ["/robots.txt", "/berita/sungai.html"]
    ua = site.requests[1][1]["user-agent"]
    assert ua.startswith(f"bilingual/{__version__}")
    doc = load_document(isolated / "doc.bitext.json")
    assert _blocks(isolated / "doc.bitext.json") == EXPECTED["blocks"]
    assert doc.meta.source_file == url
    assert doc.meta.author == "Rina Wulandari" and doc.meta.date == "2024-10-14"
    assert doc.meta.source_url == EXPECTED["meta"]["source_url"]  # the page's canonical address

    # a rerun asks "changed?" with the ETag and uses the stored page on 304
    proc = run_cli("segment", url, "-o", "again.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert site.requests[-1][1].get("if-none-match") == '"v1"'
    assert _blocks(isolated / "again.bitext.json") == EXPECTED["blocks"]

    # offline: the server is gone, the cached copy serves, and the user is told
    site.stop()
    proc = run_cli("segment", url, "-o", "offline.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "using the copy fetched" in proc.stderr
    assert _blocks(isolated / "offline.bitext.json") == EXPECTED["blocks"]


def test_redirect_is_followed_and_no_cookie_is_sent_back(isolated: Path, site: Site) -> None:
    proc = run_cli("segment", f"{site.base}/pindah", "-o", "doc.bitext.json", cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert site.paths() == ["/robots.txt", "/pindah", "/berita/sungai.html"]
    assert all("cookie" not in headers for _, headers in site.requests)
    assert _blocks(isolated / "doc.bitext.json") == EXPECTED["blocks"]


@pytest.mark.parametrize(
    ("path", "extra", "needle"),
    [
        ("/hilang", [], "HTTP 404"),
        ("/lambat", ["--timeout", "0.5"], "no answer within 0.5 s"),
        ("/besar", [], "larger than the 10.0 MiB limit"),
        ("/besar-diumumkan", [], "larger than the 10.0 MiB limit"),
        ("/private/sungai.html", [], "robots.txt"),
        ("/putar", [], "more than 5 redirects"),
        ("/gambar.png", [], "image/png"),
    ],
)
def test_each_failure_is_one_line_nonzero_and_writes_nothing(isolated: Path, site: Site, tiny_marian: Path,
                                                             path: str, extra: list[str], needle: str) -> None:
    url = f"{site.base}{path}"
    # `run` checks the model is there before reading anything; the page is what fails here
    proc = run_cli("run", url, "--model", str(tiny_marian), "-o", "out", *extra, cwd=isolated, timeout=120)
    line = assert_one_line_error(proc, needle)
    assert url in line or path in line
    assert not (isolated / "out").exists()
    proc = run_cli("segment", url, "-o", "doc.bitext.json", *extra, cwd=isolated, timeout=60)
    assert_one_line_error(proc, needle)
    assert not (isolated / "doc.bitext.json").exists()
    assert not list((isolated / "cache").rglob("*.body")) if (isolated / "cache").exists() else True


def test_ignore_robots_fetches_a_disallowed_page(isolated: Path, site: Site) -> None:
    proc = run_cli("segment", f"{site.base}/private/sungai.html", "--ignore-robots", "-o", "doc.bitext.json",
                   cwd=isolated)
    assert proc.returncode == 0, proc.stderr
    assert "/robots.txt" not in site.paths()
    assert _blocks(isolated / "doc.bitext.json") == EXPECTED["blocks"]


def test_no_server_and_no_cache_is_one_clear_line(isolated: Path, site: Site) -> None:
    url = f"{site.base}/berita/sungai.html"
    site.stop()
    proc = run_cli("segment", url, "-o", "doc.bitext.json", cwd=isolated)
    assert_one_line_error(proc, "cannot connect to 127.0.0.1")
    assert not (isolated / "doc.bitext.json").exists()


def test_align_two_urls(isolated: Path, site: Site, capsys: pytest.CaptureFixture[str]) -> None:
    """Both sides of `align SOURCE TRANSLATION` fetched (in-process, so the encoder loads once per session)."""
    import sys

    from pipeline.cli.main import main

    old = sys.argv
    sys.argv = ["bilingual", "align", f"{site.base}/berita/sungai.html", f"{site.base}/en/sungai.html",
                "-o", str(isolated / "doc.bitext.json")]
    try:
        main()
    except SystemExit as exc:
        assert not exc.code, capsys.readouterr().err
    finally:
        sys.argv = old
    doc = load_document(isolated / "doc.bitext.json")
    assert [[b.kind, b.text] for b in doc.blocks] == EXPECTED["blocks"]
    assert doc.meta.author == "Rina Wulandari"
    targets = " ".join(t.text for b in doc.blocks for t in b.target)
    assert "A clean river is our first line of defence" in targets and "Read also" not in targets
    assert sorted(site.paths()) == ["/berita/sungai.html", "/en/sungai.html", "/robots.txt"]  # robots.txt once
