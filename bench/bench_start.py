"""Start-up numbers for `policyqa serve`: seconds until /readyz answers 200, and passages embedded.

Two cases, each a real server process on a loopback port:
  first start  - an empty index folder and no embedding cache (a fresh clone): builds the index; the
                 shipped seed should mean 0 passages are embedded;
  warm start   - the index from the first start is present: should be ready in <= 2 s.

Run: .venv/bin/python bench/bench_start.py [--port 8131] [--runs 3]
"""

from __future__ import annotations

import argparse
import json
import os
import resource
import shutil
import signal
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import httpx

REPO = Path(__file__).resolve().parents[1]
POLICYQA = str(Path(sys.executable).parent / "policyqa")


def time_to_ready(index: Path, port: int, timeout: float = 600) -> tuple[float, float]:
    """(wall seconds until /readyz is 200, CPU seconds the server used until it was stopped right after).

    The CPU figure is what the start costs on an idle machine; the wall figure also holds the waiting for
    cores that other work on the machine took.
    """
    before = resource.getrusage(resource.RUSAGE_CHILDREN)
    wall = _time_to_ready(index, port, timeout)
    after = resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = (after.ru_utime - before.ru_utime) + (after.ru_stime - before.ru_stime)
    return wall, cpu


def _time_to_ready(index: Path, port: int, timeout: float) -> float:
    env = {**os.environ, "POLICYQA_INDEX_PATH": str(index), "POLICYQA_PORT": str(port)}
    env["POLICYQA_LOG_FORMAT"] = "text"
    started = time.perf_counter()
    proc = subprocess.Popen(
        [POLICYQA, "serve"], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
    )
    try:
        while time.perf_counter() - started < timeout:
            if proc.poll() is not None:
                raise RuntimeError(f"server exited: {proc.stderr.read() if proc.stderr else ''}")
            try:
                if httpx.get(f"http://127.0.0.1:{port}/readyz", timeout=1).status_code == 200:
                    return time.perf_counter() - started
            except httpx.TransportError:
                pass
            time.sleep(0.05)
        raise RuntimeError("not ready in time")
    finally:
        proc.send_signal(signal.SIGINT)
        try:
            proc.wait(15)
        except subprocess.TimeoutExpired:
            proc.kill()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--port", type=int, default=8131)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()
    scratch = Path(tempfile.mkdtemp(prefix="policyqa-start-"))
    try:
        index = scratch / "index"
        first, first_cpu = time_to_ready(index, args.port)
        manifest = json.loads(
            (index / "versions" / (index / "CURRENT").read_text().strip() / "manifest.json").read_text()
        )
        counts = manifest["counts"]
        print(
            f"first start (no index, no cache): ready in {first:6.2f} s ({first_cpu:.2f} CPU s), "
            f"embedded {counts['embedded_now']} of {counts['passages']} passages"
        )
        runs = [time_to_ready(index, args.port) for _ in range(args.runs)]
        warm = [wall for wall, _ in runs]
        cpu = [c for _, c in runs]
        print(
            f"warm start (index present):       ready in {statistics.median(warm):6.2f} s median, "
            f"max {max(warm):.2f} s over {len(warm)} runs ({statistics.median(cpu):.2f} CPU s median)"
        )
        print(f"load average while measuring: {os.getloadavg()[0]:.2f} on {os.cpu_count()} cores")
    finally:
        shutil.rmtree(scratch, ignore_errors=True)


if __name__ == "__main__":
    main()
