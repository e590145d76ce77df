"""Local review server: standard-library HTTP on 127.0.0.1, one document, one secret token per session.

Why so strict: any web page the person visits can send requests to localhost. Every request must carry the
session token, name this server in its Host header (against DNS rebinding) and, for changes, be a JSON POST
from this origin. The server never takes a path from a request: it reads and writes only the opened bitext,
its numbered ``.bak.N`` backups and its ``.html`` page.

Why the standard library and not Starlette or Bottle: the checks (token, Host, Origin, CSP) are 26 lines
here; as middleware they would be about as long, since Starlette's host check ignores the port, the token
page and the body limits are ours either way, and neither framework bounds a request body. That is not
worth two dependencies, an ASGI server and an async rewrite of the session's lock. The operations the page
asks for are a table in ``pipeline.review.actions``.
"""

from __future__ import annotations

import json
import secrets
import sys
import threading
from http import HTTPStatus
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from importlib import resources
from collections.abc import Callable
from pathlib import Path
from typing import Any
from urllib.parse import parse_qs, urlsplit

from pipeline.bitext.document import Block, Document
from pipeline.errors import BilingualError, ReviewError
from pipeline.review import actions, ops
from pipeline.bitext.status import link_qe, reason_json, review_of
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


def block_json(block: Block) -> dict[str, Any]:
    """One block as the page draws it: its links with their sentences' texts, nothing else of the file.

    ``review`` and its ``reasons`` (and informational ``notes``) come from ``pipeline.bitext.status``, the one
    definition the CLI and the reading page use too.
    """
    texts = {s.id: s.text for s in [*block.source, *block.target]}
    links = []
    for link in block.links:
        state = review_of(block, link)
        links.append({
            "src": [{"id": i, "text": texts[i]} for i in link.src],
            "tgt": [{"id": i, "text": texts[i]} for i in link.tgt],
            "score": link.score, "status": link.status, "flags": link.flags, "review": state.needed,
            "reasons": [reason_json(r) for r in state.reasons], "notes": [reason_json(r) for r in state.notes],
            "qe": link_qe(block, link),
        })
    return {"id": block.id, "kind": block.kind, "links": links}


def counts(doc: Document) -> dict[str, int]:
    links = [(b, x) for b in doc.blocks for x in b.links]
    return {"left": sum(review_of(b, x).needed for b, x in links), "total": len(links),
            "confirmed": sum(x.status == "confirmed" for _, x in links)}


def state_json(doc: Document) -> dict[str, Any]:
    """Everything the page needs to draw the whole document."""
    return {"blocks": [block_json(b) for b in doc.blocks if b.links], **counts(doc),
            "source_lang": doc.meta.source_lang, "target_lang": doc.meta.target_lang, "title": doc.meta.title}


def delta_json(old: Document, new: Document) -> dict[str, Any]:
    """Only the blocks that differ between two snapshots (which share every block a change did not touch).

    Why: at 10,000 links the whole state is megabytes; a confirm changes one block. ``order`` (the ids of
    the blocks with links) comes only when blocks were joined, added or removed.
    """
    before = {id(b) for b in old.blocks}
    changed = [block_json(b) for b in new.blocks if id(b) not in before and b.links]
    out: dict[str, Any] = {"changed": changed}
    order = [b.id for b in new.blocks if b.links]
    if order != [b.id for b in old.blocks if b.links]:
        out["order"] = order
    return out


def token_page(*, missing: bool, nonce: str) -> str:
    """What a person sees who opens the editor without its session token: what happened and what to do."""
    what = "has no session token" if missing else "has a wrong or outdated session token"
    return _static("token.html").replace("{{nonce}}", nonce).replace("{{what}}", what)


#: What a session operation gives back: the message, the link to select, and whether the page redraws all.
Outcome = tuple[str, "ops.Spot | None", bool]


class ReviewSession:
    """The document, its undo history and its file; one lock, because the HTTP server is threaded."""

    def __init__(self, path: str | Path) -> None:
        self.file = BitextFile(path)
        self.file.prepare()
        self.history = ops.History.start(self.file.doc)
        self.version = 0
        self.token = secrets.token_urlsafe(24)
        self.lock = threading.Lock()

    def summary(self) -> dict[str, Any]:
        undo, redo = self.history.next_undo(), self.history.next_redo()
        return {"version": self.version, "file": self.file.path.name,
                "html": self.file.html_path.name, "can_undo": self.history.can_undo(),
                "can_redo": self.history.can_redo(), "undo_label": undo.label if undo else "",
                "redo_label": redo.label if redo else ""}

    def state(self) -> dict[str, Any]:
        return {**state_json(self.history.current), **self.summary()}  # counts only here: the page keeps them

    def apply(self, req: dict[str, Any]) -> dict[str, Any]:
        """Run one operation; the file is saved before the history moves, so a refused save changes nothing."""
        with self.lock:
            op = req.get("op")
            if req.get("version") != self.version and op != "reload":
                raise ConflictError("the page is out of date (changed in another tab?); reload the page")
            doc = self.history.current
            own = self._session_operations().get(op) if isinstance(op, str) else None
            if own is not None:
                message, select, full = own()
            else:
                new, change = actions.change(doc, op, req)
                self.file.save(new)
                self.history.push(new, change)
                message, select, full = change.label, change.after, False
            self.version += 1
            now = self.history.current
            body = state_json(now) if full else delta_json(doc, now)
            return {**body, **self.summary(), "message": message,
                    "select": None if select is None else {"block": select[0], "index": select[1]}}

    def _session_operations(self) -> dict[str, Callable[[], Outcome]]:
        """The operations on the session itself (its history and file); the document's are ``actions.OPERATIONS``."""
        return {"undo": lambda: self._step("undo"), "redo": lambda: self._step("redo"),
                "publish": self._publish, "reload": self._reload}

    def _step(self, op: str) -> Outcome:
        undo = op == "undo"
        change = self.history.next_undo() if undo else self.history.next_redo()
        if not (self.history.can_undo() if undo else self.history.can_redo()):
            raise ReviewError(f"nothing to {op}")
        self.file.save(self.history.states[self.history.position + (-1 if undo else 1)])
        self.history.undo() if undo else self.history.redo()
        label = change.label if change else "a change"
        select = (change.before if undo else change.after) if change else None
        return (f"undid: {label}" if undo else f"redid: {label}"), select, False

    def _publish(self) -> Outcome:
        self.file.check_unchanged()  # never publish a page from a document the file no longer holds
        self.file.doc = self.history.current
        return f"wrote {self.file.publish_html().name}", None, False

    def _reload(self) -> Outcome:
        self.history = ops.History.start(self.file.reload())
        self.file.prepare()
        return f"reloaded {self.file.path.name} from disk", None, True


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
            if self.command == "GET" and url.path == "/":
                nonce = secrets.token_urlsafe(16)
                self._send(HTTPStatus.FORBIDDEN, token_page(missing=not given, nonce=nonce), nonce=nonce)
            else:
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
    from pipeline.stages import require

    require(session.file.doc, "review", str(path))
    try:
        server = _Server(session, port)
    except OSError as err:
        raise ReviewError(f"cannot listen on 127.0.0.1:{port} ({err.strerror or err}); try another --port") from err
    url = f"http://127.0.0.1:{server.server_address[1]}/?token={session.token}"
    return server, url
