"""Local review server: standard-library HTTP on 127.0.0.1, one document, one secret token per session.

Why so strict: any web page the person visits can send requests to localhost. Every request must carry the
session token, name this server in its Host header (against DNS rebinding) and, for changes, be a JSON POST
from this origin. The server never takes a path from a request: it reads and writes only the opened bitext,
its numbered ``.bak.N`` backups and its ``.html`` page.
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pipeline.document import Document
from pipeline.errors import BilingualError, ReviewError
from pipeline.review import ops
from pipeline.review.storage import BitextFile, ConflictError

MAX_BODY = 1024 * 1024
TOKEN_HEADER = "X-Review-Token"
#: Seconds a client may stall mid-request before its connection (and thread) is dropped.
SOCKET_TIMEOUT = 30
#: A request body nested deeper than this is refused before it is parsed (a real one is 3 levels deep).
MAX_JSON_DEPTH = 32


def _too_deep(body: bytes, limit: int = MAX_JSON_DEPTH) -> bool:
    """Bracket depth outside strings: cheap, and it keeps json.loads from recursing into a hostile body."""
    depth, in_string, escaped = 0, False, False
    for ch in body.decode("utf-8", "replace"):
        if in_string:
            if escaped:
                escaped = False
            elif ch == "\\":
                escaped = True
            elif ch == '"':
                in_string = False
        elif ch == '"':
            in_string = True
        elif ch in "[{":
            depth += 1
            if depth > limit:
                return True
        elif ch in "]}":
            depth -= 1
    return False


def _static(name: str) -> str:
    return resources.files("pipeline.review").joinpath("static", name).read_text(encoding="utf-8")


def state_json(doc: Document) -> dict[str, Any]:
    """What the page needs to draw: links with their sentences' texts, nothing else of the file."""
    blocks = []
    left = total = confirmed = 0
    for b in doc.blocks:
        if not b.links:
            continue
        texts = {s.id: s.text for s in [*b.source, *b.target]}
        links = []
        for link in b.links:
            review = ops.needs_review(link)
            left += review
            total += 1
            confirmed += link.status == "confirmed"
            links.append({
                "src": [{"id": i, "text": texts[i]} for i in link.src],
                "tgt": [{"id": i, "text": texts[i]} for i in link.tgt],
                "score": link.score, "status": link.status, "flags": link.flags, "review": review,
            })
        blocks.append({"id": b.id, "kind": b.kind, "links": links})
    return {"blocks": blocks, "left": left, "total": total, "confirmed": confirmed,
            "source_lang": doc.meta.source_lang, "target_lang": doc.meta.target_lang, "title": doc.meta.title}


class ReviewSession:
    """The document, its undo history and its file; one lock, because the HTTP server is threaded."""

    def __init__(self, path: str | Path) -> None:
        self.file = BitextFile(path)
        self.history = ops.History.start(self.file.doc)
        self.version = 0
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()

    def state(self) -> dict[str, Any]:
        return {**state_json(self.history.current), "version": self.version, "file": self.file.path.name,
                "html": self.file.html_path.name, "can_undo": self.history.can_undo(),
                "can_redo": self.history.can_redo()}

    def apply(self, req: dict[str, Any]) -> dict[str, Any]:
        """Run one operation; the file is saved before the history moves, so a refused save changes nothing."""
        with self.lock:
            if req.get("version") != self.version and req.get("op") != "reload":
                raise ConflictError("the page is out of date (changed in another tab?); reload the page")
            op = req.get("op")
            doc = self.history.current
            message = ""
            if op == "undo" or op == "redo":
                if not (self.history.can_undo() if op == "undo" else self.history.can_redo()):
                    raise ReviewError(f"nothing to {op}")
                target = self.history.states[self.history.position + (-1 if op == "undo" else 1)]
                self.file.save(target)
                if op == "undo":
                    self.history.undo()
                else:
                    self.history.redo()
                message = f"{op} saved"
            elif op == "publish":
                self.file.check_unchanged()  # never publish a page from a document the file no longer holds
                self.file.doc = doc
                message = f"wrote {self.file.publish_html().name}"
            elif op == "reload":
                self.history = ops.History.start(self.file.reload())
                message = f"reloaded {self.file.path.name} from disk"
            else:
                new = self._change(doc, op, req)
                self.file.save(new)
                self.history.push(new)
                message = "saved"
            self.version += 1
            return {**self.state(), "message": message}

    @staticmethod
    def _change(doc: Document, op: Any, req: dict[str, Any]) -> Document:
        block, index = str(req.get("block", "")), req.get("index")
        if op != "edit" and not isinstance(index, int):
            raise ReviewError("no link selected")
        if op == "merge":
            return ops.merge(doc, block, index, str(req.get("direction")))
        if op == "split":
            return ops.split(doc, block, index)
        if op == "move":
            return ops.move(doc, block, index, str(req.get("side")), str(req.get("direction")))
        if op == "confirm":
            confirmed = req.get("confirmed")
            if not isinstance(confirmed, bool):  # "false" is a true string: never guess
                raise ReviewError("confirm needs \"confirmed\": true or false")
            return ops.set_confirmed(doc, block, index, confirmed)
        if op == "edit":
            edits = req.get("edits")
            if not isinstance(edits, dict) or not all(isinstance(v, str) for v in edits.values()):
                raise ReviewError("edit needs {sentence id: text}")
            return ops.edit_texts(doc, {str(k): v for k, v in edits.items()})
        raise ReviewError(f"unknown operation {op!r}")


class _Handler(BaseHTTPRequestHandler):
    server: _Server
    server_version = "bilingual-review"
    sys_version = ""
    timeout = SOCKET_TIMEOUT  # socketserver sets it on the connection: a stalled client cannot hold a thread

    def log_message(self, format: str, *args: Any) -> None:  # noqa: A002 - quiet: the terminal shows the URL only
        pass

    # ------------------------------------------------------------------ checks
    def _allowed(self) -> bool:
        port = self.server.server_address[1]
        if self.headers.get("Host", "") not in (f"127.0.0.1:{port}", f"localhost:{port}"):
            self._send(HTTPStatus.FORBIDDEN, {"error": "wrong Host header"})
            return False
        origin = self.headers.get("Origin")
        if origin is not None and origin not in (f"http://127.0.0.1:{port}", f"http://localhost:{port}"):
            self._send(HTTPStatus.FORBIDDEN, {"error": "foreign origin"})
            return False
        url = urlsplit(self.path)
        given = self.headers.get(TOKEN_HEADER) or (parse_qs(url.query).get("token") or [""])[0]
        if not secrets.compare_digest(given.encode(), self.server.session.token.encode()):
            self._send(HTTPStatus.FORBIDDEN, {"error": "missing or wrong session token"})
            return False
        return True

    def _send(self, status: HTTPStatus, body: dict[str, Any] | str, *, nonce: str = "") -> None:
        if isinstance(body, str):
            data, ctype = body.encode("utf-8"), "text/html; charset=utf-8"
        else:
            data, ctype = json.dumps(body, ensure_ascii=False).encode("utf-8"), "application/json; charset=utf-8"
        self.send_response(status)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Length", str(len(data)))
        self.send_header("Cache-Control", "no-store")
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Content-Security-Policy",
                         f"default-src 'none'; script-src 'nonce-{nonce}'; style-src 'nonce-{nonce}'; "
                         "connect-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")
        self.end_headers()
        self.wfile.write(data)

    # ------------------------------------------------------------------ routes
    def do_GET(self) -> None:  # noqa: N802 - http.server's naming
        if not self._allowed():
            return
        path = urlsplit(self.path).path
        session = self.server.session
        if path == "/":
            nonce = secrets.token_urlsafe(16)
            page = (_static("editor.html").replace("{{nonce}}", nonce)
                    .replace("{{css}}", _static("editor.css")).replace("{{js}}", _static("editor.js")))
            self._send(HTTPStatus.OK, page, nonce=nonce)
        elif path == "/api/state":
            with session.lock:
                self._send(HTTPStatus.OK, session.state())
        else:
            self._send(HTTPStatus.NOT_FOUND, {"error": "not found"})

    def do_POST(self) -> None:  # noqa: N802
        if not self._allowed():
            return
        if urlsplit(self.path).path != "/api/op":
            self._send(HTTPStatus.NOT_FOUND, {"error": "not found"})
            return
        if self.headers.get("Content-Type", "").split(";")[0].strip() != "application/json":
            self._send(HTTPStatus.UNSUPPORTED_MEDIA_TYPE, {"error": "expected application/json"})
            return
        try:
            length = int(self.headers.get("Content-Length", ""))
        except ValueError:
            length = -1
        if not 0 <= length <= MAX_BODY:
            self._send(HTTPStatus.REQUEST_ENTITY_TOO_LARGE, {"error": "body missing or too large"})
            return
        try:
            body = self.rfile.read(length)
            if _too_deep(body):
                raise ValueError("nested too deeply")
            req = json.loads(body.decode("utf-8"))
            if not isinstance(req, dict):
                raise ValueError
        except (ValueError, RecursionError):
            self._send(HTTPStatus.BAD_REQUEST, {"error": "malformed JSON"})
            return
        try:
            self._send(HTTPStatus.OK, self.server.session.apply(req))
        except BilingualError as err:
            status = HTTPStatus.CONFLICT if isinstance(err, ConflictError) else HTTPStatus.BAD_REQUEST
            self._send(status, {"error": str(err)})
        except OSError as err:
            self._send(HTTPStatus.INTERNAL_SERVER_ERROR, {"error": f"cannot write: {err.strerror or err}"})
        except Exception as err:  # noqa: BLE001 - a request the operations did not expect: answer, do not crash
            self._send(HTTPStatus.BAD_REQUEST, {"error": f"request not understood ({type(err).__name__})"})

    def _not_allowed(self) -> None:
        self._send(HTTPStatus.METHOD_NOT_ALLOWED, {"error": "method not allowed"})

    do_PUT = do_DELETE = do_PATCH = _not_allowed


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, session: ReviewSession, port: int) -> None:
        self.session = session
        super().__init__(("127.0.0.1", port), _Handler)

    def handle_error(self, request: Any, client_address: Any) -> None:
        """A client that goes away or stalls is normal; anything else is one line, never a traceback."""
        err = sys.exc_info()[1]
        if isinstance(err, (ConnectionError, TimeoutError)):
            return
        print(f"bilingual review: a request failed ({type(err).__name__}: {err})", file=sys.stderr, flush=True)


def make_server(path: str | Path, port: int = 0) -> tuple[_Server, str]:
    """Open the document and bind the server; returns it and the URL (with the token) to open."""
    session = ReviewSession(path)
    if not any(b.links for b in session.file.doc.blocks):
        raise ReviewError(f"{path} has no links yet; run align (or translate) first")
    try:
        server = _Server(session, port)
    except OSError as err:
        raise ReviewError(f"cannot listen on 127.0.0.1:{port} ({err.strerror or err}); try another --port") from err
    url = f"http://127.0.0.1:{server.server_address[1]}/?token={session.token}"
    return server, url
