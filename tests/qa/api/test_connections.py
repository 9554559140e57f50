"""Findings about connections, through real sockets: slow-loris heads, too many held connections, 405."""

import socket
import time

import httpx

from tests.conftest import LiveServer, make_app


def _closed_within(sock: socket.socket, seconds: float) -> bool:
    """True if the server closes the connection (recv gives b"") within ``seconds``."""
    sock.settimeout(seconds)
    try:
        while True:
            data = sock.recv(4096)
            if not data:
                return True
    except TimeoutError:
        return False
    except ConnectionResetError:
        return True


def test_a_half_sent_request_head_is_dropped_after_the_header_timeout(real_service):
    with LiveServer(make_app(real_service, header_timeout=1.0)) as server:
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            started = time.monotonic()
            assert _closed_within(sock, 5)
            assert time.monotonic() - started < 3
        # A client trickling one header byte at a time gains nothing: the deadline is for the whole head.
        with socket.create_connection(("127.0.0.1", server.port)) as sock:
            started = time.monotonic()
            sock.sendall(b"GET /healthz HTTP/1.1\r\nHost: x\r\n")
            closed = False
            for _ in range(20):
                try:
                    sock.sendall(b"X")
                except (BrokenPipeError, ConnectionResetError):
                    closed = True
                    break
                time.sleep(0.25)
            assert closed or _closed_within(sock, 1)
            assert time.monotonic() - started < 4
        assert httpx.get(server.url + "/healthz").status_code == 200


def test_a_connection_that_never_sends_is_dropped_too(real_service):
    with (
        LiveServer(make_app(real_service, header_timeout=1.0)) as server,
        socket.create_connection(("127.0.0.1", server.port)) as sock,
    ):
        assert _closed_within(sock, 5)


def test_connections_past_the_cap_are_closed_at_once(real_service):
    with LiveServer(make_app(real_service, max_connections=8, header_timeout=30.0)) as server:
        held = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(8)]
        try:
            time.sleep(0.3)
            extra = [socket.create_connection(("127.0.0.1", server.port)) for _ in range(12)]
            assert all(_closed_within(sock, 3) for sock in extra)
            for sock in extra:
                sock.close()
        finally:
            for sock in held:
                sock.close()
        time.sleep(0.3)
        # Once the held connections are gone, the server takes new ones again.
        assert httpx.get(server.url + "/healthz").status_code == 200


def test_405_says_which_methods_are_allowed(live_server):
    r = httpx.get(live_server.url + "/v1/ask")
    assert r.status_code == 405
    assert r.headers["allow"] == "POST"
    assert r.json()["error"]["code"] == "method_not_allowed"
    r = httpx.delete(live_server.url + "/v1/search?q=x")
    assert r.status_code == 405 and "GET" in r.headers["allow"]


def test_reload_onto_a_bad_manifest_keeps_serving_the_old_index(real_service, real_index_root, tmp_path):
    import shutil

    from index.store import FORMAT_VERSION, resolve

    root = tmp_path / "index"
    shutil.copytree(real_index_root, root, symlinks=True)
    app = make_app(real_service, admin_key="adm1n", index_path=root)
    with LiveServer(app) as server:
        shapeless = b'{"format_version": %d}' % FORMAT_VERSION
        for manifest in (b"\xff\xfe not utf-8", b'["not", "an", "object"]', shapeless):
            (resolve(root) / "manifest.json").write_bytes(manifest)
            r = httpx.post(server.url + "/v1/admin/reload", headers={"x-api-key": "adm1n"})
            assert r.status_code == 503 and r.json()["error"]["code"] == "index_invalid"
            assert "manifest" in r.json()["error"]["message"]
            assert httpx.get(server.url + "/readyz").status_code == 200
