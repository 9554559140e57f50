"""ranx (which computes our retrieval metrics) agrees exactly with a small independent implementation here."""

import math
import random

import pytest

from eval.metrics import per_query, ranked


def _hit(qrels, run, k):
    return {q: float(any(d in qrels[q] for d in ranked(run.get(q, {}))[:k])) for q in qrels}


def _mrr(qrels, run, k):
    return {
        q: next((1.0 / i for i, d in enumerate(ranked(run.get(q, {}))[:k], 1) if d in qrels[q]), 0.0)
        for q in qrels
    }


def _recall(qrels, run, k):
    return {
        q: len(set(ranked(run.get(q, {}))[:k]) & set(qrels[q])) / len(qrels[q]) if qrels[q] else 0.0
        for q in qrels
    }


def _ndcg(qrels, run, k):
    out = {}
    for q in qrels:
        gains = [1.0 if d in qrels[q] else 0.0 for d in ranked(run.get(q, {}))[:k]]
        ideal = sum(1.0 / math.log2(i + 2) for i in range(min(k, len(qrels[q]))))
        out[q] = sum(g / math.log2(i + 2) for i, g in enumerate(gains)) / ideal if ideal else 0.0
    return out


def _data(seed, ties):
    rng = random.Random(seed)
    qrels, run = {}, {}
    for q in range(60):
        docs = [f"d{i}" for i in range(30)]
        qrels[f"q{q}"] = {d: 1 for d in rng.sample(docs, rng.randint(1, 3))}
        # Coarse scores make ties; the order must still be ours (score, then chunk id).
        run[f"q{q}"] = {d: (rng.randint(0, 4) / 4 if ties else rng.random()) for d in rng.sample(docs, 15)}
    qrels["q-no-evidence"] = {}
    run["q-missing"] = {"d1": 1.0}
    qrels["q-missing"] = {"d1": 1}
    del run["q-missing"]
    return qrels, run


@pytest.mark.parametrize("ties", [False, True])
def test_ranx_matches_the_reference_per_question(ties):
    qrels, run = _data(3, ties)
    ours = per_query(qrels, run)
    reference = {
        "hit@1": _hit(qrels, run, 1),
        "hit@5": _hit(qrels, run, 5),
        "mrr@10": _mrr(qrels, run, 10),
        "ndcg@10": _ndcg(qrels, run, 10),
        "recall@10": _recall(qrels, run, 10),
    }
    for metric, values in reference.items():
        assert ours[metric].keys() == values.keys()
        for q in values:
            assert ours[metric][q] == pytest.approx(values[q], abs=1e-12), (metric, q)
