"""Metrics over the plain run format ``{qid: {chunk_id: score}}``: retrieval through ranx, answers by hand."""

from __future__ import annotations

import math
import warnings
from collections.abc import Iterator, Mapping
from contextlib import contextmanager

Run = Mapping[str, Mapping[str, float]]
Qrels = Mapping[str, Mapping[str, int]]

# Our names (in reports and the gate) for ranx's metrics.
RANX_METRICS = {
    "hit@1": "hit_rate@1",
    "hit@5": "hit_rate@5",
    "mrr@10": "mrr@10",
    "ndcg@10": "ndcg@10",
    "recall@10": "recall@10",
}


@contextmanager
def quiet_numba() -> Iterator[None]:
    """ranx's compiled kernels warn about integer casts that cannot matter for these sizes."""
    with warnings.catch_warnings():
        warnings.filterwarnings("ignore", module="numba")
        warnings.filterwarnings("ignore", message=".*unsafe cast.*")
        warnings.filterwarnings("ignore", category=DeprecationWarning)
        yield


def ranked(scores: Mapping[str, float]) -> list[str]:
    """Best first; equal scores by chunk id, so every tool sees the same order."""
    return sorted(scores, key=lambda d: (-scores[d], d))


def by_rank(run: Run) -> dict[str, dict[str, float]]:
    """The run with scores replaced by ``n - position``: ties broken as ``ranked`` does, for any tool."""
    out = {}
    for q, scores in run.items():
        order = ranked(scores)
        out[q] = {d: float(len(order) - i) for i, d in enumerate(order)}
    return out


def per_query(qrels: Qrels, run: Run) -> dict[str, dict[str, float]]:
    """{metric: {qid: value}} for every metric, computed by ranx, for every query in ``qrels``.

    A question whose evidence is in no passage keeps its place with 0 (it counts against the run).
    """
    from ranx import Qrels as RanxQrels
    from ranx import Run as RanxRun
    from ranx import evaluate

    judged = {q: dict(docs) for q, docs in qrels.items() if docs}
    out: dict[str, dict[str, float]] = {name: dict.fromkeys(qrels, 0.0) for name in RANX_METRICS}
    if not judged:
        return out
    ranx_run = RanxRun(by_rank({q: run.get(q, {}) for q in judged}))
    with quiet_numba():
        evaluate(
            RanxQrels(judged), ranx_run, list(RANX_METRICS.values()), return_mean=False, make_comparable=True
        )
    for name, ranx_name in RANX_METRICS.items():
        out[name].update({q: float(v) for q, v in ranx_run.scores[ranx_name].items()})
    return out


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
