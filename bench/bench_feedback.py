"""Feedback on a loopback server: sequential and concurrent POST /v1/feedback, then the admin reads.

Each write is one SQLite transaction synced to the WAL (synchronous=FULL), so this measures what durability
costs per 👍/👎. Starts its own server on a fresh data folder; bounded in count and time.

Run: .venv/bin/python bench/bench_feedback.py --index var/index [--posts 300] [--clients 8] [--port 18712]
"""

from __future__ import annotations

import argparse
import os
import signal
import subprocess
import sys
import tempfile
import time
from concurrent.futures import ThreadPoolExecutor
from pathlib import Path

import httpx

POLICYQA = str(Path(sys.executable).parent / "policyqa")
ADMIN_KEY = "bench-admin-key"
DEADLINE_S = 120.0


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))] if ordered else 0.0


def wait_ready(url: str) -> None:
    deadline = time.monotonic() + 120
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        time.sleep(0.2)
    raise SystemExit("server did not become ready")


def post_many(url: str, body: dict[str, object], count: int, stop_at: float) -> list[float]:
    took = []
    with httpx.Client(timeout=10) as client:
        for _ in range(count):
            if time.monotonic() > stop_at:
                break
            started = time.perf_counter()
            response = client.post(url + "/v1/feedback", json=body)
            took.append((time.perf_counter() - started) * 1000)
            if response.status_code != 201:
                raise SystemExit(f"feedback refused: {response.status_code} {response.text}")
    return took


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--index", default="var/index")
    parser.add_argument("--posts", type=int, default=300)
    parser.add_argument("--clients", type=int, default=8)
    parser.add_argument("--port", type=int, default=18712)
    args = parser.parse_args()
    url = f"http://127.0.0.1:{args.port}"
    data = Path(tempfile.mkdtemp(prefix="policyqa-feedback-"))
    env = os.environ | {
        "POLICYQA_INDEX_PATH": args.index,
        "POLICYQA_DATA_PATH": str(data),
        "POLICYQA_PORT": str(args.port),
        "POLICYQA_ADMIN_KEY": ADMIN_KEY,
        "POLICYQA_ACCESS_LOG": "false",
    }
    server = subprocess.Popen(
        [POLICYQA, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        wait_ready(url)
        answer = httpx.post(url + "/v1/ask", json={"question": "深港合作會議何時成立？"}, timeout=60).json()
        body = {
            "question": answer["question"],
            "language": answer["language"],
            "answer": answer["answer"]["text"],
            "citations": [
                {k: s[k] for k in ("doc_id", "start", "end")} for s in answer["answer"]["sentences"]
            ],
            "index_version": answer["index_version"],
            "verdict": "up",
            "comment": "bench",
        }
        stop_at = time.monotonic() + DEADLINE_S
        sequential = post_many(url, body, args.posts, stop_at)
        started = time.perf_counter()
        per_client = max(1, args.posts // args.clients)
        with ThreadPoolExecutor(args.clients) as pool:
            parts = list(pool.map(lambda _: post_many(url, body, per_client, stop_at), range(args.clients)))
        wall = time.perf_counter() - started
        concurrent = [t for part in parts for t in part]
        headers = {"X-API-Key": ADMIN_KEY}
        t0 = time.perf_counter()
        rows = httpx.get(url + "/v1/admin/feedback", headers=headers, timeout=60).text.count("\n")
        export_ms = (time.perf_counter() - t0) * 1000
        t0 = time.perf_counter()
        httpx.get(url + "/v1/admin/quality", headers=headers, timeout=60).raise_for_status()
        quality_ms = (time.perf_counter() - t0) * 1000
    finally:
        server.send_signal(signal.SIGTERM)
        server.wait(15)
    print(
        f"sequential: {len(sequential)} posts, p50 {pct(sequential, 50):.1f} ms, p95 {pct(sequential, 95):.1f} ms"
    )
    print(
        f"{args.clients} clients: {len(concurrent)} posts in {wall:.2f} s ({len(concurrent) / wall:.0f}/s), "
        f"p50 {pct(concurrent, 50):.1f} ms, p95 {pct(concurrent, 95):.1f} ms"
    )
    print(f"export of {rows} rows: {export_ms:.1f} ms; quality summary: {quality_ms:.1f} ms")


if __name__ == "__main__":
    main()
