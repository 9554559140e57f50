"""Retrieval and answer metrics as pure functions over the plain run format ``{qid: {chunk_id: score}}``."""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping

Run = Mapping[str, Mapping[str, float]]
Qrels = Mapping[str, Mapping[str, int]]


def ranked(scores: Mapping[str, float]) -> list[str]:
    return sorted(scores, key=lambda d: (-scores[d], d))


def hit_at(qrels: Qrels, run: Run, k: int) -> dict[str, float]:
    return {q: float(any(d in qrels[q] for d in ranked(run.get(q, {}))[:k])) for q in qrels}


def mrr_at(qrels: Qrels, run: Run, k: int) -> dict[str, float]:
    out = {}
    for q in qrels:
        out[q] = next(
            (1.0 / i for i, d in enumerate(ranked(run.get(q, {}))[:k], start=1) if d in qrels[q]), 0.0
        )
    return out


def recall_at(qrels: Qrels, run: Run, k: int) -> dict[str, float]:
    return {
        q: (len(set(ranked(run.get(q, {}))[:k]) & set(qrels[q])) / len(qrels[q])) if qrels[q] else 0.0
        for q in qrels
    }


def ndcg_at(qrels: Qrels, run: Run, k: int) -> dict[str, float]:
    out = {}
    for q in qrels:
        gains = [1.0 if d in qrels[q] else 0.0 for d in ranked(run.get(q, {}))[:k]]
        dcg = sum(g / math.log2(i + 2) for i, g in enumerate(gains))
        ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(qrels[q]))))
        out[q] = dcg / ideal if ideal else 0.0
    return out


METRICS: dict[str, Callable[[Qrels, Run], dict[str, float]]] = {
    "hit@1": lambda qr, r: hit_at(qr, r, 1),
    "hit@5": lambda qr, r: hit_at(qr, r, 5),
    "mrr@10": lambda qr, r: mrr_at(qr, r, 10),
    "ndcg@10": lambda qr, r: ndcg_at(qr, r, 10),
    "recall@10": lambda qr, r: recall_at(qr, r, 10),
}


def per_query(qrels: Qrels, run: Run) -> dict[str, dict[str, float]]:
    """{metric: {qid: value}} for every metric."""
    return {name: fn(qrels, run) for name, fn in METRICS.items()}


def mean(values: Mapping[str, float] | list[float]) -> float:
    vals = list(values.values()) if isinstance(values, Mapping) else values
    return sum(vals) / len(vals) if vals else 0.0


def percentile(values: list[float], pct: float) -> float:
    """Nearest-rank percentile."""
    if not values:
        return 0.0
    ordered = sorted(values)
    rank = max(1, math.ceil(pct / 100 * len(ordered)))
    return ordered[rank - 1]


def abstention(abstained: Mapping[str, bool], answerable: Mapping[str, bool]) -> dict[str, float]:
    """Precision and recall of abstaining, where the questions the papers cannot answer are the positives."""
    true_pos = sum(1 for q, a in abstained.items() if a and not answerable[q])
    predicted = sum(1 for a in abstained.values() if a)
    positives = sum(1 for q in abstained if not answerable[q])
    return {
        "precision": true_pos / predicted if predicted else 1.0,
        "recall": true_pos / positives if positives else 1.0,
        "false_abstain_rate": sum(1 for q, a in abstained.items() if a and answerable[q])
        / max(1, sum(1 for q in abstained if answerable[q])),
    }
