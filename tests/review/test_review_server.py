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

from pipeline.bitext.document import load_document, save_document
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
    status, state = client.op(op="merge", block="b1", index=0, direction="next", version=3)
    assert status == 400 and "only two paragraphs" in state["error"]
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


def test_a_page_without_the_token_explains_what_to_do(served: tuple[Client, Path, Any]) -> None:
    client, _, _ = served
    for path, missing in (("/", True), ("/?token=stale", False)):
        status, headers, body = client.request("GET", path, token=False)
        page = body.decode()
        assert status == 403 and headers["content-type"].startswith("text/html")
        assert ("has no session token" if missing else "has a wrong or outdated session token") in page
        assert "bilingual review FILE.bitext.json" in page and client.token not in page
        nonce = headers["content-security-policy"].split("'nonce-")[1].split("'")[0]
        assert f'<style nonce="{nonce}">' in page
    status, headers, body = client.request("GET", "/api/state", token=False)  # the API still answers in JSON
    assert status == 403 and json.loads(body) == {"error": "missing or wrong session token"}


def test_an_answer_carries_only_the_blocks_that_changed(served: tuple[Client, Path, Any]) -> None:
    client, _, _ = served
    status, state = client.op(op="confirm", block="b5", index=0, confirmed=True, version=0)
    assert status == 200 and state["message"] == "confirmed b5·1"
    assert [b["id"] for b in state["changed"]] == ["b5"] and "order" not in state and "blocks" not in state
    assert state["changed"][0]["links"][0]["status"] == "confirmed"
    assert state["select"] == {"block": "b5", "index": 0} and state["undo_label"] == "confirmed b5·1"
    status, state = client.op(op="merge", block="b14", index=0, direction="prev", version=1)
    assert state["message"] == "merged b14·1 with b13·1 into b13·1 (2:2); joined paragraphs b13 and b14"
    assert [b["id"] for b in state["changed"]] == ["b13"] and "b14" not in state["order"]
    assert state["select"] == {"block": "b13", "index": 0}
    status, state = client.op(op="undo", version=2)
    assert state["message"].startswith("undid: merged b14·1") and "b14" in state["order"]
    assert {b["id"] for b in state["changed"]} == {"b13", "b14"} and state["select"] == {"block": "b14", "index": 0}
    status, state = client.op(op="confirm_above", block="b3", index=0, version=3)
    assert state["message"] == "confirmed 3 links down to b3·1"
    assert [b["id"] for b in state["changed"]] == ["b1", "b2", "b3"]
    status, state = client.op(op="split", block="b4", index=0, sid="b4.s2", offset=0, version=4)
    assert state["message"] == "split b4·1 into b4·1 (1:1) and b4·2 (1:0)"
    status, state = client.op(op="edit", edits={"b4.t1": "The ministry said so."}, version=5)
    assert state["message"] == "edited the translation of b4·1 (b4.t1)" and state["select"] == {"block": "b4", "index": 0}
    status, state = client.op(op="split", block="b4", index=0, sid="b4.t1", offset="3", version=6)
    assert status == 400 and "offset" in state["error"]


def test_the_needs_review_count_is_the_link_status(tmp_path: Path) -> None:
    """A flagged link that the aligner did not doubt is shown with its flags but does not count."""
    from pipeline.review.server import ReviewSession

    doc = belgorod_document()
    doc.block("b2").links[0].flags = ["retried"]
    path = tmp_path / "doc.bitext.json"
    save_document(doc, path)
    state = ReviewSession(path).state()
    assert state["left"] == 2
    b2 = next(b for b in state["blocks"] if b["id"] == "b2")["links"][0]
    assert b2["flags"] == ["retried"] and b2["review"] is False


def test_malformed_operations_are_refused_with_a_message(served: tuple[Client, Path, Any]) -> None:
    client, path, _ = served
    before = path.read_bytes()
    bodies: list[dict[str, Any]] = [
        {"op": 7}, {"op": "merge"}, {"op": "merge", "block": "b9", "index": "0", "direction": "next"},
        {"op": "merge", "block": "b9", "index": True, "direction": "next"},
        {"op": "merge", "block": "b9", "index": -1, "direction": "next"},
        {"op": "merge", "block": "b9", "index": 10 ** 9, "direction": "next"},
        {"op": "merge", "block": 5, "index": 0, "direction": "next"},
        {"op": "merge", "block": "b9", "index": 0, "direction": "up"},
        {"op": "move", "block": "b9", "index": 0, "side": "__class__", "direction": "next"},
        {"op": "move", "block": "b9", "index": 0, "side": "src"},
        {"op": "split", "block": "b4", "index": 0, "sid": 3, "offset": 1},
        {"op": "split", "block": "b4", "index": 0, "sid": "b4.t1", "offset": None},
        {"op": "split", "block": "b4", "index": 0, "sid": "b4.t1", "offset": -5},
        {"op": "split", "block": "b4", "index": 0, "sid": "b9.t1", "offset": 2},
        {"op": "confirm_above", "block": "b4", "index": 99},
        {"op": "edit", "edits": ["b2.t1"]}, {"op": "edit", "edits": {"b2.t1": 5}}, {"op": "edit", "edits": {}},
        {"op": "edit", "edits": {"nope": "x"}}, {"op": "edit", "edits": {"b2.t1": "  "}},
    ]
    for body in bodies:
        status, state = client.op(**body, version=0)
        assert status == 400 and state["error"], body
    assert path.read_bytes() == before
