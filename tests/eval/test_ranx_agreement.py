"""Our metric functions agree with ranx on the same qrels and run (so reports can be cross-checked)."""

import random

import pytest

from eval.metrics import mean, per_query


def _data():
    rng = random.Random(3)
    qrels, run = {}, {}
    for q in range(60):
        docs = [f"d{i}" for i in range(30)]
        qrels[f"q{q}"] = {d: 1 for d in rng.sample(docs, rng.randint(1, 3))}
        run[f"q{q}"] = {d: rng.random() for d in rng.sample(docs, 15)}
    return qrels, run


def test_metrics_match_ranx():
    from ranx import Qrels, Run, evaluate

    qrels, run = _data()
    ours = {name: mean(values) for name, values in per_query(qrels, run).items()}
    theirs = evaluate(
        Qrels(qrels),
        Run(run),
        ["hit_rate@1", "hit_rate@5", "mrr@10", "ndcg@10", "recall@10"],
        make_comparable=True,
    )
    assert ours["hit@1"] == pytest.approx(theirs["hit_rate@1"])
    assert ours["hit@5"] == pytest.approx(theirs["hit_rate@5"])
    assert ours["mrr@10"] == pytest.approx(theirs["mrr@10"])
    assert ours["ndcg@10"] == pytest.approx(theirs["ndcg@10"])
    assert ours["recall@10"] == pytest.approx(theirs["recall@10"])
