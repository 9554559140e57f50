"""Load on a loopback server: N concurrent clients for T seconds against /v1/ask, bounded in time and count.

Prints status counts, latency percentiles (answered and refused separately), whether every 503 carried
Retry-After, transport errors (connection resets) and throughput. Clients are well behaved: each keeps one
keep-alive connection and, after a 503, waits the Retry-After it was given (--ignore-retry-after hammers).

Run: .venv/bin/python bench/bench_load.py --index var/index [--clients 64] [--seconds 30] [--port 8132]
"""

from __future__ import annotations

import argparse
import asyncio
import os
import signal
import statistics
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import httpx

POLICYQA = str(Path(sys.executable).parent / "policyqa")
QUESTIONS = [
    "深港合作會議何時成立？",
    "前海的定位是什么？",
    "What is Qianhai positioned as?",
    "CEPA服務貿易協議開放了多少個部門？",
    "When did construction of the Hong Kong-Zhuhai-Macao Bridge main works start?",
    "東江水每年供水量是多少？",
    "Who leads the Steering Group on Integration into National Development?",
    "落馬洲河套地區發展甚麼？",
]
MAX_REQUESTS = 200_000


def pct(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, max(0, int(round(p / 100 * len(ordered))) - 1))]


async def client(
    http: httpx.AsyncClient,
    url: str,
    deadline: float,
    n: int,
    results: list,
    errors: Counter,
    honour: bool,
    budget: list[int],
) -> None:
    async with http:
        i = n
        while time.monotonic() < deadline and budget[0] > 0:
            budget[0] -= 1
            question = QUESTIONS[i % len(QUESTIONS)]
            i += 1
            started = time.monotonic()
            try:
                r = await http.post(url + "/v1/ask", json={"question": question})
            except httpx.TransportError as exc:
                errors[type(exc).__name__] += 1
                continue
            seconds = time.monotonic() - started
            retry_after = r.headers.get("retry-after")
            results.append((r.status_code, seconds, retry_after, started))
            if r.status_code == 503 and honour and retry_after:
                await asyncio.sleep(min(float(retry_after), 5))


async def run(url: str, clients: int, seconds: float, honour: bool) -> tuple[list, Counter, float]:
    results: list = []
    errors: Counter = Counter()
    budget = [MAX_REQUESTS]
    # Clients are made before the clock starts: making one (its TLS context) costs the client ~30 ms of CPU.
    https = [httpx.AsyncClient(timeout=30, limits=httpx.Limits(max_connections=1)) for _ in range(clients)]
    started = time.monotonic()
    deadline = started + seconds
    await asyncio.gather(
        *(client(http, url, deadline, n, results, errors, honour, budget) for n, http in enumerate(https))
    )
    return results, errors, time.monotonic() - started


def start_server(index: Path, port: int, extra_env: dict[str, str]) -> subprocess.Popen:
    env = {**os.environ, "POLICYQA_INDEX_PATH": str(index), "POLICYQA_PORT": str(port)}
    env |= {"POLICYQA_ACCESS_LOG": "false", **extra_env}
    proc = subprocess.Popen(
        [POLICYQA, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                return proc
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server not ready")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="var/index")
    parser.add_argument("--clients", type=int, default=64)
    parser.add_argument("--seconds", type=float, default=30)
    parser.add_argument("--port", type=int, default=8132)
    parser.add_argument("--ignore-retry-after", action="store_true")
    parser.add_argument(
        "--env", action="append", default=[], help="NAME=value for the server, e.g. POLICYQA_MAX_IN_FLIGHT=8"
    )
    args = parser.parse_args()
    extra = dict(item.split("=", 1) for item in args.env)
    proc = start_server(Path(args.index), args.port, extra)
    url = f"http://127.0.0.1:{args.port}"
    try:
        results, errors, took = asyncio.run(run(url, args.clients, args.seconds, not args.ignore_retry_after))
        health = httpx.get(url + "/healthz", timeout=5).status_code
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()
    statuses = Counter(status for status, _, _, _ in results)
    ok = [s for status, s, _, _ in results if status == 200]
    refused = [s for status, s, _, _ in results if status == 503]
    without_retry_after = sum(1 for status, _, ra, _ in results if status == 503 and not ra)
    first = min((t for _, _, _, t in results), default=0.0)
    slowest = sorted(results, key=lambda row: -row[1])[:5]
    print(
        f"{args.clients} clients for {took:.1f} s against {url}/v1/ask ({' '.join(args.env) or 'defaults'})"
    )
    print(f"  responses: {dict(sorted(statuses.items()))}   transport errors: {dict(errors) or 0}")
    print(f"  answered/s: {len(ok) / took:.1f}   all responses/s: {len(results) / took:.1f}")
    for name, values in (("200", ok), ("503", refused), ("all", ok + refused)):
        if values:
            print(
                f"  {name:>3} latency: p50 {pct(values, 50) * 1000:7.1f} ms  p95 {pct(values, 95) * 1000:7.1f} ms"
                f"  p99 {pct(values, 99) * 1000:7.1f} ms  max {max(values) * 1000:7.1f} ms"
                f"  mean {statistics.fmean(values) * 1000:7.1f} ms"
            )
    print(f"  503 without Retry-After: {without_retry_after}   /healthz after the run: {health}")
    print(
        "  slowest: "
        + ", ".join(f"{s * 1000:.0f} ms ({st}) sent at +{t - first:.1f} s" for st, s, _, t in slowest)
    )


if __name__ == "__main__":
    main()
