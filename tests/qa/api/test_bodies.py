"""Findings about request bodies, through real HTTP: bad text, deep JSON, big bodies, non-JSON media types."""

import socket
import time

import httpx
import pytest


def _post(server, content: bytes, content_type: str = "application/json"):
    return httpx.post(server.url + "/v1/ask", content=content, headers={"content-type": content_type})


def test_lone_surrogate_in_a_question_is_a_422_not_a_500(live_server):
    r = _post(live_server, b'{"question": "\\ud800 \xe5\x89\x8d\xe6\xb5\xb7"}')
    assert r.status_code == 422
    assert r.json()["error"]["code"] == "invalid_text"


@pytest.mark.parametrize(
    "body",
    [
        b"[" * 1000 + b"]" * 1000,
        b'{"question": "x", "extra": ' + b"[" * 1000 + b"]" * 1000 + b"}",
        b'{"question": "x", "extra": ' + b'{"a":' * 1000 + b"1" + b"}" * 1000 + b"}",
    ],
)
def test_json_nested_a_thousand_deep_is_a_400_not_a_500(live_server, body):
    assert len(body) < 8 * 1024
    r = _post(live_server, body)
    assert r.status_code == 400
    assert r.json()["error"]["code"] == "json_too_deep"


@pytest.mark.parametrize(
    "content_type",
    ["text/plain; a=json", "text/plain", "application/x-www-form-urlencoded; x=json", "multipart/form-data"],
)
def test_only_a_json_media_type_is_taken_as_json(live_server, content_type):
    # A page elsewhere can send these without a CORS preflight: they must not be answered.
    r = _post(live_server, '{"question": "前海的定位是甚麼？"}'.encode(), content_type)
    assert r.status_code == 415
    assert r.json()["error"]["code"] == "unsupported_media_type"


def test_json_with_charset_and_plus_json_are_json(live_server):
    body = '{"question": "前海的定位是甚麼？"}'.encode()
    assert _post(live_server, body, "application/json; charset=utf-8").status_code == 200
    assert _post(live_server, body, "application/problem+json").status_code == 200


def _raw(server, head: bytes, timeout: float = 5.0) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", server.port), timeout=timeout)
    sock.sendall(head)
    return sock


def _read_response(sock: socket.socket) -> bytes:
    data = b""
    while b"\r\n\r\n" not in data:
        chunk = sock.recv(65536)
        if not chunk:
            break
        data += chunk
    return data


def test_a_declared_100_mb_body_is_refused_before_it_is_sent(live_server):
    head = (
        b"POST /v1/ask HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
        b"content-length: 100000000\r\n\r\n"
    )
    with _raw(live_server, head) as sock:
        started = time.monotonic()
        response = _read_response(sock)
    assert response.startswith(b"HTTP/1.1 413")
    assert time.monotonic() - started < 2


def test_a_chunked_body_is_refused_while_it_is_read_not_after(live_server):
    head = (
        b"POST /v1/ask HTTP/1.1\r\nHost: x\r\ncontent-type: application/json\r\n"
        b"transfer-encoding: chunked\r\n\r\n"
    )
    chunk = b"x" * 16384
    with _raw(live_server, head) as sock:
        # 80 KiB of a body that never ends: a server that reads it all before checking never answers.
        for _ in range(5):
            sock.sendall(b"%x\r\n" % len(chunk) + chunk + b"\r\n")
        response = _read_response(sock)
    assert response.startswith(b"HTTP/1.1 413"), response[:100]
    assert b"body_too_large" in response or b"content-length" in response
