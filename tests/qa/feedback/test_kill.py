"""A server killed with SIGKILL while feedback is being written loses nothing it acknowledged (WAL)."""

import os
import signal
import sqlite3
import subprocess
import sys
import threading
import time

import httpx

from qa.feedback import FeedbackStore
from tests.conftest import free_port

BODY = {"question": "前海的定位是甚麼？", "language": "zh-Hant", "index_version": "v", "verdict": "down"}


def test_kill_9_mid_write_keeps_every_acknowledged_row(real_index_root, tmp_path):
    port = free_port()
    env = os.environ | {
        "POLICYQA_INDEX_PATH": str(real_index_root),
        "POLICYQA_DATA_PATH": str(tmp_path / "data"),
        "POLICYQA_PORT": str(port),
        "POLICYQA_ACCESS_LOG": "false",
    }
    log = (tmp_path / "server.log").open("wb")
    server = subprocess.Popen(
        [sys.executable, "-m", "qa.cli", "serve"], env=env, stdout=log, stderr=subprocess.STDOUT
    )
    url = f"http://127.0.0.1:{port}"
    acknowledged: list[int] = []
    stop = threading.Event()

    def post_until_refused() -> None:
        with httpx.Client(timeout=5) as client:
            n = 0
            # Bounded: at most 5000 posts or 60 s, whichever comes first.
            deadline = time.monotonic() + 60
            while not stop.is_set() and n < 5000 and time.monotonic() < deadline:
                n += 1
                try:
                    response = client.post(url + "/v1/feedback", json=BODY | {"comment": f"c{n}"})
                except httpx.TransportError:
                    return
                if response.status_code == 201:
                    acknowledged.append(response.json()["id"])

    try:
        deadline = time.monotonic() + 60
        while time.monotonic() < deadline:
            try:
                if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                    break
            except httpx.TransportError:
                pass
            time.sleep(0.1)
        else:
            raise AssertionError("server did not become ready")
        writers = [threading.Thread(target=post_until_refused) for _ in range(3)]
        for w in writers:
            w.start()
        while len(acknowledged) < 60 and time.monotonic() < deadline:
            time.sleep(0.01)
        server.send_signal(signal.SIGKILL)
        server.wait(10)
        stop.set()
        for w in writers:
            w.join(10)
    finally:
        if server.poll() is None:
            server.kill()
            server.wait(10)
        log.close()
    assert len(acknowledged) >= 60, (tmp_path / "server.log").read_text(errors="replace")[-2000:]
    store = FeedbackStore(tmp_path / "data")
    with sqlite3.connect(store.path) as db:
        assert db.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    stored = {f.feedback_id for f in store.feedback()}
    assert set(acknowledged) <= stored
    # Rows are whole: every stored comment is one the client sent.
    assert all(f.comment and f.comment.startswith("c") for f in store.feedback())
