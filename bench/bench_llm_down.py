"""/v1/ask with the LLM server down against no LLM at all: the same answers, in the same time.

Two real servers on loopback ports, one without POLICYQA_LLM_URL and one pointed at a port where nothing
listens; the gold questions are asked of both in turn (interleaved, so the machine's load hits both alike),
one at a time. Prints p50 / p95 of each and their ratio, and checks every answer matches.

    python bench/bench_llm_down.py --questions 120
"""

from __future__ import annotations

import argparse
import signal
import socket
import statistics
import subprocess
import sys
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from bench.gold_questions import gold_questions  # noqa: E402

POLICYQA = str(Path(sys.executable).with_name("policyqa"))


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return int(s.getsockname()[1])


def start(index: str, extra: dict[str, str]) -> tuple[subprocess.Popen[bytes], str]:
    port = free_port()
    env = {
        "PATH": "/usr/bin:/bin",
        "POLICYQA_INDEX_PATH": index,
        "POLICYQA_PORT": str(port),
        "POLICYQA_ACCESS_LOG": "false",
        **extra,
    }
    proc = subprocess.Popen([POLICYQA, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    url = f"http://127.0.0.1:{port}"
    deadline = time.monotonic() + 300
    while time.monotonic() < deadline:
        try:
            if httpx.get(url + "/readyz", timeout=1).status_code == 200:
                return proc, url
        except httpx.TransportError:
            pass
        time.sleep(0.1)
    proc.kill()
    raise RuntimeError("server not ready")


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(p / 100 * len(ordered)))]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--index", default="var/index")
    parser.add_argument("--questions", type=int, default=120)
    args = parser.parse_args()
    questions = gold_questions()[: args.questions]
    plain, plain_url = start(args.index, {})
    down, down_url = start(args.index, {"POLICYQA_LLM_URL": f"http://127.0.0.1:{free_port()}/v1"})
    times: dict[str, list[float]] = {"no LLM": [], "LLM down": []}
    mismatches, errors = 0, 0
    try:
        with httpx.Client(timeout=60) as client:
            for question in questions[:5]:  # warm both
                client.post(plain_url + "/v1/ask", json={"question": question})
                client.post(down_url + "/v1/ask", json={"question": question})
            for i, question in enumerate(questions):
                order = [("no LLM", plain_url), ("LLM down", down_url)]
                answers = {}
                for name, url in order if i % 2 == 0 else order[::-1]:
                    started = time.perf_counter()
                    r = client.post(url + "/v1/ask", json={"question": question})
                    times[name].append((time.perf_counter() - started) * 1000)
                    data = r.json()
                    answers[name] = (r.status_code, data.get("answer") and data["answer"]["text"])
                    if name == "LLM down" and data.get("answer") and data.get("generation_error") is None:
                        errors += 1
                mismatches += answers["no LLM"] != answers["LLM down"]
    finally:
        for proc in (plain, down):
            proc.send_signal(signal.SIGINT)
            proc.wait(15)
    for name, values in times.items():
        print(
            f"{name:9s} n={len(values)} p50 {statistics.median(values):7.1f} ms"
            f"  p95 {pct(values, 95):7.1f} ms  max {max(values):7.1f} ms"
        )
    ratio = [d / p for d, p in zip(times["LLM down"], times["no LLM"], strict=True)]
    print(f"ratio down / none per question: median {statistics.median(ratio):.3f}, p95 {pct(ratio, 95):.3f}")
    print(f"answers that differ: {mismatches}; answered without generation_error while down: {errors}")


if __name__ == "__main__":
    main()
