"""Fusion functions with exact expected values (as ranx's rrf_test)."""

import pytest

from index.fusion import min_max, rank, rrf, weighted


def test_rrf_exact():
    bm25 = {"a": 3.0, "b": 2.0, "c": 1.0}
    dense = {"c": 0.9, "a": 0.5}
    fused = rrf([bm25, dense])
    assert fused["a"] == pytest.approx(1 / (60 + 1) + 1 / (60 + 2))
    assert fused["c"] == pytest.approx(1 / (60 + 3) + 1 / (60 + 1))
    assert fused["b"] == pytest.approx(1 / (60 + 2))
    assert rank(fused) == ["a", "c", "b"]


def test_rrf_weights_and_k():
    fused = rrf([{"a": 1.0}, {"a": 1.0}], k=10, weights=[0.25, 0.75])
    assert fused["a"] == pytest.approx(0.25 / 11 + 0.75 / 11)


def test_min_max_guards_equal_scores():
    assert min_max({"a": 2.0, "b": 2.0}) == {"a": 1.0, "b": 1.0}
    assert min_max({}) == {}
    assert min_max({"a": 1.0, "b": 3.0, "c": 2.0}) == {"a": 0.0, "b": 1.0, "c": 0.5}


def test_weighted_exact():
    fused = weighted([{"a": 10.0, "b": 0.0}, {"b": 0.9, "c": 0.7, "a": 0.5}], [0.3, 0.7])
    assert fused == pytest.approx({"a": 0.3 * 1.0 + 0.7 * 0.0, "b": 0.3 * 0.0 + 0.7 * 1.0, "c": 0.7 * 0.5})


def test_rank_breaks_ties_by_id():
    assert rank({"b": 1.0, "a": 1.0, "c": 2.0}) == ["c", "a", "b"]


def test_rerank_by_sentence_scores_the_top_anew_and_keeps_the_rest_below():
    from index.fusion import rerank_by_sentence

    fused = {"a": 0.9, "b": 0.7, "c": 0.5, "d": 0.4}
    best_sentence = {"a": 0.80, "b": 0.90, "c": 0.85}
    out = rerank_by_sentence(fused, best_sentence, weight=0.5, depth=3)
    # a: 1 + 0.5 * 0 ; b: 0.5 + 0.5 * 1 ; c: 0 + 0.5 * 0.5
    assert {c: round(out[c], 6) for c in "abc"} == {"a": 1.0, "b": 1.0, "c": 0.25}
    assert out["d"] < out["c"]
    assert rerank_by_sentence(fused, best_sentence, weight=0.0, depth=3) == fused


def test_two_runs_of_a_leg_are_summed_and_a_passage_one_missed_counts_the_lowest_score():
    from index.fusion import summed

    question = {"a": 0.8, "b": 0.6, "c": 0.5}
    translation = {"b": 0.9, "d": 0.7, "c": 0.4}
    out = summed(question, translation)
    assert out == pytest.approx({"a": 0.8 + 0.4, "b": 1.5, "c": 0.9, "d": 0.7 + 0.4})
    assert max(out, key=out.get) == "b"
    assert summed(question, {}) == question and summed({}, translation) == translation
