"""ranx's fusions of two runs as baselines: exact values on a hand-made pair of runs."""

import pytest

from eval.ablation import fusion_baselines, fusion_table
from eval.run import QuestionResult, RunResult

QRELS = {"q1": {"a": 1}, "q2": {"b": 1}}


def _run(name, lists):
    results = [
        QuestionResult(
            qid, "zh-Hant", True, [(c, 1.0 - i / 10) for i, c in enumerate(ranked)], None, True, 1.0
        )
        for qid, ranked in lists.items()
    ]
    return RunResult(name, results, QRELS)


# About a minute on a fresh install: ranx compiles its fusions (numba) at the first call.
@pytest.mark.slow
def test_rrf_of_bm25_and_dense():
    # q1: BM25 puts the evidence second, dense first; RRF gives it 1/61 + 1/62, above x (1/61) and y (1/62).
    # q2: both put it second, behind different passages: 2/62 for b beats 1/61 for x and for y.
    bm25 = _run("bm25", {"q1": ["x", "a"], "q2": ["x", "b"]})
    dense = _run("dense", {"q1": ["a", "y"], "q2": ["y", "b"]})
    rows = {r["name"]: r for r in fusion_baselines([bm25, dense])}
    assert rows["bm25"]["hit@1"] == 0.0 and rows["dense"]["hit@1"] == 0.5
    assert rows["ranx rrf"]["hit@1"] == 1.0 and rows["ranx rrf"]["mrr@10"] == 1.0
    assert set(rows) == {
        "bm25",
        "dense",
        "ranx rrf",
        "ranx sum (min-max)",
        "ranx mnz (min-max)",
        "ranx max (min-max)",
    }
    assert fusion_table(list(rows.values())).splitlines()[4].startswith("| ranx rrf | 1.000 | 1.000 |")


def test_no_baselines_without_both_legs():
    assert fusion_baselines([_run("hybrid", {"q1": ["a"]})]) == []
