"""Eight concurrent clients asking over HTTP: micro-batched query encoding against one encoder call a question.

Two real servers (`policyqa serve`, loopback) over the same index: A with POLICYQA_QUERY_BATCH_MS=3, B with 0
(unbatched); both with the query-vector cache off, so every question is encoded. Rounds alternate A, B, A, B
...; in each round 8 client threads share the 285 gold questions (each asked once) and the round's answers/s
and p95 latency are recorded. Prints each pair and the median ratio A/B; last line JSON.

Run: .venv/bin/python bench/bench_concurrency.py [rounds]   (about two minutes)
"""

from __future__ import annotations

import json
import os
import queue
import statistics
import subprocess
import sys
import threading
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.gold_questions import gold_questions  # noqa: E402

CLIENTS = 8
ROUND_LIMIT_S = 120


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]


def start(port: int, batch_ms: float, root: Path) -> subprocess.Popen:
    env = os.environ | {
        "POLICYQA_INDEX_PATH": str(root),
        "POLICYQA_PORT": str(port),
        "POLICYQA_QUERY_BATCH_MS": str(batch_ms),
        "POLICYQA_QUERY_CACHE": "0",
    }
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "policyqa"), "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=2).status_code == 200:
                return server
        except httpx.TransportError:
            pass
        time.sleep(0.3)
    server.terminate()
    raise RuntimeError(f"server on port {port} did not become ready")


def one_round(port: int, questions: list[str]) -> tuple[float, float]:
    """(answers per second, p95 ms) for CLIENTS threads sharing the questions."""
    todo: queue.Queue[str] = queue.Queue()
    for q in questions:
        todo.put(q)
    latencies: list[float] = []
    lock = threading.Lock()
    stop = time.monotonic() + ROUND_LIMIT_S

    def client() -> None:
        with httpx.Client(timeout=60) as http:
            while time.monotonic() < stop:
                try:
                    q = todo.get_nowait()
                except queue.Empty:
                    return
                t = time.perf_counter()
                r = http.post(f"http://127.0.0.1:{port}/v1/ask", json={"question": q})
                r.raise_for_status()
                with lock:
                    latencies.append((time.perf_counter() - t) * 1000)

    started = time.perf_counter()
    threads = [threading.Thread(target=client) for _ in range(CLIENTS)]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    return len(latencies) / (time.perf_counter() - started), pct(latencies, 95)


def main() -> None:
    rounds = int(sys.argv[1]) if len(sys.argv) > 1 else 3
    root = REPO / "var" / "bench-concurrency"
    root.mkdir(parents=True, exist_ok=True)
    cache = REPO / "var" / "test-embedding-cache"
    if cache.exists() and not (root / "cache").exists():
        os.symlink(cache, root / "cache")
    questions = gold_questions()
    batched = start(8101, 3.0, root)  # the first start builds the index if needed
    unbatched = start(8102, 0.0, root)
    pairs = []
    try:
        one_round(8101, questions[:40])  # warm-up both
        one_round(8102, questions[:40])
        for i in range(rounds):
            a = one_round(8101, questions)
            b = one_round(8102, questions)
            pairs.append((a, b))
            print(
                f"round {i + 1}: batched {a[0]:6.1f} answers/s p95 {a[1]:6.0f} ms | "
                f"unbatched {b[0]:6.1f} answers/s p95 {b[1]:6.0f} ms | "
                f"ratio {a[0] / b[0]:.2f}x throughput, {a[1] / b[1]:.2f}x p95"
            )
    finally:
        for server in (batched, unbatched):
            server.terminate()
            server.wait(10)
    summary = {
        "clients": CLIENTS,
        "batched_answers_per_s": round(statistics.median(a[0] for a, _ in pairs), 1),
        "batched_p95_ms": round(statistics.median(a[1] for a, _ in pairs)),
        "unbatched_answers_per_s": round(statistics.median(b[0] for _, b in pairs), 1),
        "unbatched_p95_ms": round(statistics.median(b[1] for _, b in pairs)),
        "throughput_ratio": round(statistics.median(a[0] / b[0] for a, b in pairs), 2),
        "p95_ratio": round(statistics.median(a[1] / b[1] for a, b in pairs), 2),
    }
    print(json.dumps(summary))


if __name__ == "__main__":
    main()
