"""``kill -9`` of a real server while it builds an added paper: the previous version stays, leftovers go."""

import json
import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import httpx
import pytest

from tests.qa.test_http_papers import META, copy_index

pytestmark = pytest.mark.slow  # a real server rebuilding its index: CI runs these

KEY = "adm1n"
BIN = Path(sys.executable).parent / "policyqa"


def loopback_port() -> int:
    """A free port in the range this project's tests use for servers in other processes."""
    for port in range(18500, 18600):
        with socket.socket() as s:
            try:
                s.bind(("127.0.0.1", port))
            except OSError:
                continue
            return port
    raise RuntimeError("no free port in 18500-18599")


def start(index: Path, port: int, log: Path) -> subprocess.Popen:
    env = os.environ | {
        "POLICYQA_INDEX_PATH": str(index),
        "POLICYQA_DATA_PATH": str(index.parent / "data"),
        "POLICYQA_PORT": str(port),
        "POLICYQA_ADMIN_KEY": KEY,
        "POLICYQA_ACCESS_LOG": "false",
    }
    with log.open("w") as out:  # the child keeps its own copy of the descriptor
        process = subprocess.Popen([str(BIN), "serve"], env=env, stdout=out, stderr=subprocess.STDOUT)
    deadline = time.monotonic() + 180
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return process
        except httpx.TransportError:
            pass
        assert process.poll() is None, log.read_text(encoding="utf-8")
        time.sleep(0.2)
    process.kill()
    raise AssertionError("the server did not become ready: " + log.read_text(encoding="utf-8"))


def long_paper() -> bytes:
    """A paper of many paragraphs, so that embedding it keeps the build busy for a while."""
    lines = ["目的", ""]
    for n in range(1, 121):
        minutes, rooms = n % 7 + 50, n % 5 + 2
        lines += [f"{n}. 第{n}班跨境渡輪由中環碼頭開出，航程約{minutes}分鐘，船上設有{rooms}個候船區。", ""]
    return "\n".join(lines).encode("utf-8")


def test_kill_9_during_an_add_keeps_the_served_version(real_index_root, tmp_path):
    index = copy_index(real_index_root, tmp_path / "index")
    port = loopback_port()
    url = f"http://127.0.0.1:{port}"
    server = start(index, port, tmp_path / "first.log")
    try:
        served = httpx.get(url + "/readyz").json()["index_version"]
        before = (index / "CURRENT").read_text(encoding="utf-8")
        r = httpx.post(
            url + "/v1/admin/papers",
            files={"file": ("ferries.txt", long_paper())},
            data={"meta": json.dumps(json.loads(META) | {"doc_id": "ferries"})},
            headers={"x-api-key": KEY},
            timeout=60,
        )
        assert r.status_code == 202, r.text
        deadline = time.monotonic() + 60
        while not list((index / "versions").glob("*.partial")):
            assert time.monotonic() < deadline, "no build started"
            time.sleep(0.005)
        os.kill(server.pid, signal.SIGKILL)
        server.wait(10)
    finally:
        if server.poll() is None:
            server.kill()
    assert list((index / "versions").glob("*.partial")), "the build was not interrupted"
    assert (index / "CURRENT").read_text(encoding="utf-8") == before

    again = start(index, port, tmp_path / "second.log")
    try:
        assert httpx.get(url + "/readyz").json()["index_version"] == served
        listed = httpx.get(url + "/v1/admin/papers", headers={"x-api-key": KEY}).json()
        assert "ferries" not in {p["doc_id"] for p in listed} and len(listed) == 5
    finally:
        again.send_signal(signal.SIGTERM)
        again.wait(30)
    assert not list((index / "versions").glob("*.partial"))
    assert (index / "CURRENT").read_text(encoding="utf-8") == before
