"""Papers added and removed while clients ask questions: every question must still be answered (200).

A real server on a loopback port; C clients ask gold questions in a loop while the admin adds a small
Traditional Chinese paper, waits for its job, checks it is found, removes it, and repeats R rounds.
Bounded: at most --max-questions questions and --max-seconds seconds in all.

Prints the questions asked and failed (any status but 200, or a transport error), latency percentiles
while a build runs and while none does, and each job's time and embedded texts.

Run: .venv/bin/python bench/bench_papers_under_load.py [--index var/index] [--clients 4] [--rounds 3]
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import subprocess
import sys
import tempfile
import threading
import time
from collections import Counter
from pathlib import Path

import httpx

from gold_questions import gold_questions

REPO = Path(__file__).resolve().parents[1]
POLICYQA = str(Path(sys.executable).parent / "policyqa")
FIXTURE = REPO / "tests" / "fixtures" / "papers" / "cross-border-ferry-pilot"
KEY = "bench-admin-key"
FOUND = "跨境渡輪「一票通」試驗計劃為期多久？"


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered))) - 1))]


class Load:
    """Client threads asking questions; each answer is filed under 'building' or 'idle'."""

    def __init__(self, url: str, clients: int, max_questions: int) -> None:
        self.url = url
        self.questions = gold_questions()
        self.clients = clients
        self.max_questions = max_questions
        self.building = threading.Event()
        self.stop = threading.Event()
        self.statuses: Counter[str] = Counter()
        self.latency: dict[str, list[float]] = {"building": [], "idle": []}
        self.lock = threading.Lock()
        self.asked = 0
        self.threads = [threading.Thread(target=self.run, args=(n,)) for n in range(clients)]

    def run(self, n: int) -> None:
        with httpx.Client(base_url=self.url, timeout=60) as http:
            i = n
            while not self.stop.is_set():
                with self.lock:
                    if self.asked >= self.max_questions:
                        return
                    self.asked += 1
                phase = "building" if self.building.is_set() else "idle"
                started = time.perf_counter()
                try:
                    r = http.post("/v1/ask", json={"question": self.questions[i % len(self.questions)]})
                    status = "200" if r.status_code == 200 else f"{r.status_code} {r.json()['error']['code']}"
                except httpx.TransportError as exc:
                    status = type(exc).__name__
                took = (time.perf_counter() - started) * 1000
                with self.lock:
                    self.statuses[status] += 1
                    if status == "200":
                        self.latency[phase].append(took)
                i += self.clients


def wait_ready(url: str, process: subprocess.Popen[bytes], deadline: float) -> None:
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return
        except httpx.TransportError:
            pass
        if process.poll() is not None:
            raise SystemExit("the server exited")
        time.sleep(0.2)
    raise SystemExit("the server did not become ready")


def run_job(
    admin: httpx.Client, method: str, path: str, deadline: float, **kwargs: object
) -> dict[str, object]:
    r = admin.request(method, path, **kwargs)  # type: ignore[arg-type]
    if r.status_code != 202:
        raise SystemExit(f"{method} {path}: {r.status_code} {r.text}")
    job_id = r.json()["job"]
    while time.monotonic() < deadline:
        job: dict[str, object] = admin.get(f"/v1/admin/jobs/{job_id}").json()
        if job["status"] in ("done", "failed"):
            if job["status"] == "failed":
                raise SystemExit(f"job failed: {job['error']}")
            return job
        time.sleep(0.1)
    raise SystemExit("a job did not finish in time")


def is_found(url: str, deadline: float) -> bool:
    """Whether the added paper answers its question (a 503 busy, from the load itself, is asked again)."""
    while time.monotonic() < deadline:
        r = httpx.post(url + "/v1/ask", json={"question": FOUND}, timeout=60)
        if r.status_code == 200:
            return any(p["doc_id"] == "cross-border-ferry-pilot" for p in r.json()["passages"])
        time.sleep(float(r.headers.get("retry-after", "1")))
    return False


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument(
        "--index",
        type=Path,
        help="an index root to copy (default: the server builds one from the shipped seed)",
    )
    parser.add_argument(
        "--clients",
        type=int,
        default=3,
        help="with the admin's own check question, at most POLICYQA_MAX_IN_FLIGHT (4); more get 503 busy",
    )
    parser.add_argument("--rounds", type=int, default=3)
    parser.add_argument("--port", type=int, default=18550)
    parser.add_argument("--max-questions", type=int, default=20_000)
    parser.add_argument("--max-seconds", type=float, default=600)
    args = parser.parse_args()
    deadline = time.monotonic() + args.max_seconds
    scratch = Path(tempfile.mkdtemp(prefix="policyqa-bench-papers-"))
    if args.index:
        shutil.copytree(args.index, scratch / "index", ignore=shutil.ignore_patterns("*.partial"))
    url = f"http://127.0.0.1:{args.port}"
    env = os.environ | {
        "POLICYQA_INDEX_PATH": str(scratch / "index"),
        "POLICYQA_DATA_PATH": str(scratch / "data"),
        "POLICYQA_PORT": str(args.port),
        "POLICYQA_ADMIN_KEY": KEY,
        "POLICYQA_ACCESS_LOG": "false",
    }
    log = (scratch / "server.log").open("wb")
    server = subprocess.Popen([POLICYQA, "serve"], env=env, stdout=log, stderr=subprocess.STDOUT)
    jobs = []
    try:
        wait_ready(url, server, deadline)
        load = Load(url, args.clients, args.max_questions)
        for thread in load.threads:
            thread.start()
        time.sleep(2)  # some idle answers first
        meta = (FIXTURE.with_suffix(".json")).read_text(encoding="utf-8")
        paper = FIXTURE.with_suffix(".txt").read_bytes()
        with httpx.Client(base_url=url, headers={"X-API-Key": KEY}, timeout=60) as admin:
            for _ in range(args.rounds):
                load.building.set()
                added = run_job(
                    admin,
                    "POST",
                    "/v1/admin/papers",
                    deadline,
                    files={"file": ("paper.txt", paper)},
                    data={"meta": meta},
                )
                found = is_found(url, deadline)
                removed = run_job(admin, "DELETE", "/v1/admin/papers/cross-border-ferry-pilot", deadline)
                load.building.clear()
                version = str(added["index_version"])
                manifest = json.loads(
                    (scratch / "index" / "versions" / version / "manifest.json").read_text()
                )
                jobs.append(
                    (
                        float(added["finished_at"]) - float(added["created_at"]),  # type: ignore[arg-type]
                        float(removed["finished_at"]) - float(removed["created_at"]),  # type: ignore[arg-type]
                        manifest["counts"]["embedded_now"],
                        found,
                    )
                )
                time.sleep(1)
        load.stop.set()
        for thread in load.threads:
            thread.join(120)
    finally:
        server.send_signal(signal.SIGTERM)
        try:
            server.wait(30)
        except subprocess.TimeoutExpired:
            server.kill()
        shutil.rmtree(scratch, ignore_errors=True)
    failed = sum(n for status, n in load.statuses.items() if status != "200")
    print(f"clients {args.clients}, rounds {args.rounds} (add, ask, remove)")
    print(f"questions asked {sum(load.statuses.values())}, failed {failed}, statuses {dict(load.statuses)}")
    for phase, values in load.latency.items():
        print(
            f"  answered while {phase:<8} n={len(values):>5}  p50 {pct(values, 50):7.1f} ms  "
            f"p95 {pct(values, 95):7.1f} ms  p99 {pct(values, 99):7.1f} ms"
        )
    for n, (add_s, remove_s, embedded, found) in enumerate(jobs, start=1):
        print(
            f"  round {n}: add job {add_s:5.1f} s (embedded {embedded} new texts), remove job {remove_s:5.1f} s, "
            f"added paper found: {found}"
        )
    sys.exit(1 if failed or not all(j[3] for j in jobs) else 0)


if __name__ == "__main__":
    main()
