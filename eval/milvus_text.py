"""Which lexical leg for Milvus: our BM25 weights as sparse vectors, or its full-text search (its own BM25)?

Three lexical legs over the shipped papers, in Milvus Lite, scored on the gold set (hit@5 per language):
- sparse:     our tokens and our lucene BM25 weights stored as sparse vectors (what the backend does);
- fts-ours:   Milvus's BM25 function over our tokens (each token written as its vocabulary id, "t123", so
              Milvus Lite's standard tokenizer keeps it whole): the same tokens, Milvus's own BM25 statistics;
- fts-jieba:  Milvus's BM25 function with its built-in jieba tokenizer over the raw text.
Also the per-query latency of each. Needs an index built with the embedded builder (make serve builds one).

Run: .venv/bin/python -m eval.milvus_text [index root]   (default var/index)
"""

from __future__ import annotations

import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

from eval.gold import load_gold, qrels
from eval.metrics import mean, per_query
from index import open_index

REPO = Path(__file__).resolve().parents[1]


def main() -> None:
    from pymilvus import DataType, Function, FunctionType

    root = Path(sys.argv[1]) if len(sys.argv) > 1 else REPO / "var" / "index"
    work = Path(tempfile.mkdtemp(prefix="policyqa-milvus-text-"))
    embedded = open_index(root, "embedded")
    milvus = open_index(root, "milvus", str(work / "milvus.db"))
    client = milvus.client  # type: ignore[attr-defined]
    passages = list(embedded.iter_passages())
    analyzer = embedded.analyzer
    vocab = embedded.bm25.vocab  # type: ignore[attr-defined]

    def ours(tokens: list[str]) -> str:
        return " ".join(f"t{vocab[t]}" for t in tokens if t in vocab)

    for name, params in (("fts_ours", {"tokenizer": "standard"}), ("fts_jieba", {"tokenizer": "jieba"})):
        schema = client.create_schema(auto_id=False)
        schema.add_field("row", DataType.INT64, is_primary=True)
        schema.add_field("chunk_id", DataType.VARCHAR, max_length=512)
        schema.add_field(
            "text", DataType.VARCHAR, max_length=65_535, enable_analyzer=True, analyzer_params=params
        )
        schema.add_field("sparse", DataType.SPARSE_FLOAT_VECTOR)
        schema.add_function(
            Function(
                name="bm25",
                function_type=FunctionType.BM25,
                input_field_names=["text"],
                output_field_names=["sparse"],
            )
        )
        index_params = client.prepare_index_params()
        index_params.add_index("sparse", index_type="SPARSE_INVERTED_INDEX", metric_type="BM25")
        client.create_collection(name, schema=schema, index_params=index_params)
        rows = []
        for i, p in enumerate(passages):
            text = f"{p.heading}\n{p.text}" if p.heading and p.heading not in p.text else p.text
            rows.append(
                {
                    "row": i,
                    "chunk_id": p.chunk_id,
                    "text": ours(analyzer.tokenize(text)) if name == "fts_ours" else text,
                }
            )
        client.insert(name, rows)
        client.load_collection(name)

    questions = load_gold()
    relevant = qrels(questions, passages)
    runs: dict[str, dict[str, dict[str, float]]] = {"sparse": {}, "fts_ours": {}, "fts_jieba": {}}
    took: dict[str, list[float]] = {k: [] for k in runs}
    for q in questions:
        prepared = milvus.prepare(q.question)
        t = time.perf_counter()
        hits = milvus.search(prepared, 5, "bm25")
        took["sparse"].append((time.perf_counter() - t) * 1000)
        runs["sparse"][q.qid] = {h.chunk_id: h.score for h in hits}
        for name, data in (("fts_ours", ours(list(prepared.tokens))), ("fts_jieba", q.question)):
            t = time.perf_counter()
            found = client.search(
                name,
                data=[data or "-"],
                anns_field="sparse",
                limit=5,
                search_params={"metric_type": "BM25"},
                output_fields=["chunk_id"],
            )
            took[name].append((time.perf_counter() - t) * 1000)
            runs[name][q.qid] = {r["entity"]["chunk_id"]: float(r["distance"]) for r in found[0]}
    print(f"{'leg':<10} {'hit@5 en':>9} {'zh-Hant':>8} {'zh-Hans':>8} {'all':>6} {'p50 ms':>7}")
    for name, run in runs.items():
        by_lang = {}
        for lang in ("en", "zh-Hant", "zh-Hans"):
            ids = {q.qid for q in questions if q.language == lang and q.qid in relevant}
            by_lang[lang] = mean(per_query({k: v for k, v in relevant.items() if k in ids}, run)["hit@5"])
        print(
            f"{name:<10} {by_lang['en']:>9.3f} {by_lang['zh-Hant']:>8.3f} {by_lang['zh-Hans']:>8.3f} "
            f"{mean(per_query(relevant, run)['hit@5']):>6.3f} {statistics.median(took[name]):>7.1f}"
        )
    milvus.close()
    shutil.rmtree(work, ignore_errors=True)


if __name__ == "__main__":
    main()
