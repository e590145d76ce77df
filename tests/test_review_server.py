"""Review server security and saving, over plain HTTP (no browser): token, Host, origin, conflicts, backup."""

from __future__ import annotations

import http.client
import json
import threading
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest
from review_fixtures import belgorod_document

from pipeline.document import load_document, save_document
from pipeline.review import ops
from pipeline.review.server import TOKEN_HEADER, make_server


class Client:
    def __init__(self, port: int, token: str) -> None:
        self.port, self.token = port, token

    def request(self, method: str, path: str, body: Any = None, headers: dict[str, str] | None = None,
                token: bool = True) -> tuple[int, dict[str, str], bytes]:
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        hdrs = {"Host": f"127.0.0.1:{self.port}"}
        if token:
            hdrs[TOKEN_HEADER] = self.token
        data = None
        if body is not None:
            data = json.dumps(body).encode()
            hdrs["Content-Type"] = "application/json"
        hdrs.update(headers or {})
        conn.request(method, path, body=data, headers=hdrs)
        resp = conn.getresponse()
        out = resp.status, {k.lower(): v for k, v in resp.getheaders()}, resp.read()
        conn.close()
        return out

    def op(self, **body: Any) -> tuple[int, dict[str, Any]]:
        status, _, data = self.request("POST", "/api/op", body)
        return status, json.loads(data)


@pytest.fixture
def served(tmp_path: Path) -> Iterator[tuple[Client, Path, Any]]:
    path = tmp_path / "doc.bitext.json"
    save_document(belgorod_document(), path)
    server, url = make_server(path, 0)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    try:
        yield Client(server.server_address[1], server.session.token), path, server
    finally:
        server.shutdown()
        server.server_close()


def test_binds_loopback_and_url_carries_token(served: tuple[Client, Path, Any]) -> None:
    client, _, server = served
    assert server.server_address[0] == "127.0.0.1"
    assert len(server.session.token) >= 24
    status, headers, page = client.request("GET", f"/?token={client.token}", token=False)
    assert status == 200
    csp = headers["content-security-policy"]
    assert "default-src 'none'" in csp and "connect-src 'self'" in csp
    nonce = csp.split("'nonce-")[1].split("'")[0]
    assert f'<script nonce="{nonce}">' in page.decode()
    assert headers["referrer-policy"] == "no-referrer"


@pytest.mark.parametrize("path", ["/", "/api/state"])
def test_requests_without_the_right_token_are_refused(served: tuple[Client, Path, Any], path: str) -> None:
    client, _, _ = served
    assert client.request("GET", path, token=False)[0] == 403
    wrong = ("y" if client.token[0] == "x" else "x") + client.token[1:]  # one character off, never the token
    assert client.request("GET", path, token=False, headers={TOKEN_HEADER: wrong})[0] == 403
    assert client.request("GET", path + "?token=wrong", token=False)[0] == 403
    assert client.request("GET", path)[0] == 200


def test_foreign_host_and_origin_are_refused(served: tuple[Client, Path, Any]) -> None:
    client, path, _ = served
    before = path.read_bytes()
    for host in ("evil.example:%d", "127.0.0.1.evil.example:%d", "127.0.0.1:1", "localhost"):
        h = host % client.port if "%d" in host else host
        status, _, body = client.request("GET", "/api/state", headers={"Host": h})
        assert status == 403 and b"Host" in body, h
    assert client.request("GET", "/api/state", headers={"Host": f"localhost:{client.port}"})[0] == 200
    body = {"op": "confirm", "block": "b2", "index": 0, "confirmed": True, "version": 0}
    assert client.request("POST", "/api/op", body, headers={"Origin": "http://evil.example"})[0] == 403
    assert client.request("POST", "/api/op", body, headers={"Host": "evil.example"})[0] == 403
    assert client.request("POST", "/api/op", body, token=False)[0] == 403
    status, _, _ = client.request("POST", "/api/op", None, headers={"Content-Type": "text/plain", "Content-Length": "2"})
    assert status == 415
    assert client.request("GET", "/../doc.bitext.json")[0] == 404
    assert path.read_bytes() == before


def test_every_change_is_saved_with_a_backup(served: tuple[Client, Path, Any]) -> None:
    client, path, _ = served
    original = load_document(path)
    first = path.read_bytes()
    status, state = client.op(op="merge", block="b9", index=0, direction="next", version=0)
    assert status == 200, state
    assert state["can_undo"] and state["version"] == 1
    on_disk = load_document(path)
    assert on_disk.block("b9").links == ops.merge(original, "b9", 0, "next").block("b9").links
    assert path.with_name("doc.bitext.json.bak.1").read_bytes() == first
    status, state = client.op(op="undo", version=1)
    assert status == 200 and state["can_redo"]
    assert load_document(path).block("b9").links == original.block("b9").links
    status, state = client.op(op="redo", version=2)
    assert status == 200 and not state["can_redo"]
    assert load_document(path).block("b9").links == ops.merge(original, "b9", 0, "next").block("b9").links
    assert client.op(op="redo", version=3) == (400, {"error": "nothing to redo"})
    status, state = client.op(op="confirm", block="b9", index=0, confirmed=True, version=1)
    assert status == 409 and "out of date" in state["error"]
    status, state = client.op(op="merge", block="b2", index=0, direction="next", version=3)
    assert status == 400 and "cannot cross blocks" in state["error"]
    status, state = client.op(op="publish", version=3)
    assert status == 200 and state["message"] == "wrote doc.html"
    assert "Russia" in path.with_name("doc.html").read_text(encoding="utf-8")


def test_saving_refuses_when_the_file_changed_on_disk(served: tuple[Client, Path, Any]) -> None:
    client, path, _ = served
    foreign = load_document(path)
    foreign.meta.title = "changed elsewhere"
    save_document(foreign, path)
    theirs = path.read_bytes()
    status, state = client.op(op="confirm", block="b2", index=0, confirmed=True, version=0)
    assert status == 409 and "changed on disk" in state["error"]
    assert path.read_bytes() == theirs and not path.with_name("doc.bitext.json.bak.1").exists()
    _, state = client.op(op="reload", version=0)
    assert state["title"] == "changed elsewhere" and not state["can_undo"]
    status, state = client.op(op="confirm", block="b2", index=0, confirmed=True, version=state["version"])
    assert status == 200
    assert load_document(path).block("b2").links[0].status == "confirmed"
