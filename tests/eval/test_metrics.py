"""Metrics with exact expected values (retrieval through ranx), the gate, and the paired test."""

import math

import pytest

from eval.gate import EVIDENCE_IN_ANSWER_MIN, check
from eval.metrics import abstention, by_rank, per_query, percentile
from eval.significance import paired_p_value

# Two questions about 前海 and 深港合作會議; "a", "b", "c" hold the evidence.
QRELS = {"q1": {"a": 1}, "q2": {"b": 1, "c": 1}, "q3": {}}
RUN = {"q1": {"x": 0.9, "a": 0.8, "y": 0.1}, "q2": {"c": 0.5, "z": 0.4, "b": 0.3}}


def test_hit_mrr_recall_ndcg_exact():
    scores = per_query(QRELS, RUN)
    assert scores["hit@1"] == {"q1": 0.0, "q2": 1.0, "q3": 0.0}
    assert scores["hit@5"] == {"q1": 1.0, "q2": 1.0, "q3": 0.0}
    assert scores["mrr@10"] == {"q1": 0.5, "q2": 1.0, "q3": 0.0}
    assert scores["recall@10"] == {"q1": 1.0, "q2": 1.0, "q3": 0.0}
    assert scores["ndcg@10"]["q1"] == pytest.approx(1 / math.log2(3), abs=1e-12)
    assert scores["ndcg@10"]["q2"] == pytest.approx(
        (1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3)), abs=1e-12
    )


def test_ties_are_broken_by_chunk_id_for_ranx_too():
    tied = {"q1": {"b": 0.5, "a": 0.5, "c": 0.9}}
    assert by_rank(tied) == {"q1": {"c": 3.0, "a": 2.0, "b": 1.0}}
    assert per_query({"q1": {"b": 1}}, tied)["mrr@10"] == {"q1": 1 / 3}


def test_percentile_and_abstention():
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 95) == 4.0
    result = abstention(
        {"a": True, "b": False, "u": True, "v": False}, {"a": True, "b": True, "u": False, "v": False}
    )
    assert result == {"precision": 0.5, "recall": 0.5, "false_abstain_rate": 0.5}


def test_paired_p_value():
    assert paired_p_value([1.0] * 5, [1.0] * 5) == 1.0
    assert paired_p_value([1.0] * 30, [0.0] * 30) < 0.01
    # One question of ten differs: every swap leaves |difference| as it was, so it proves nothing.
    assert paired_p_value([1.0] + [0.0] * 9, [0.0] * 10) == 1.0
    # Seven of ten better and none worse: about 2 / 2**7 of the sign patterns are as extreme.
    assert 0.0 < paired_p_value([1.0] * 7 + [0.0] * 3, [0.0] * 10) < 0.05
    with pytest.raises(ValueError, match="length"):
        paired_p_value([1.0], [1.0, 0.0])


def test_gate_passes_and_fails():
    good = {lang: {"hit@1": 0.9, "hit@5": 0.95} for lang in ("en", "zh-Hant", "zh-Hans")}
    answer = {f"evidence_in_answer_{lang}": 0.95 for lang in ("en", "zh-Hant", "zh-Hans")}
    good |= {
        "abstention": {"recall": 0.85, "false_abstain_rate": 0.02},
        "abstention_near_topic_recall": 0.9,
        "answer": answer | {"citations_ok": True, "span_exact": 0.9},
    }
    assert check(good) == []
    bad = good | {"en": {"hit@1": 0.2, "hit@5": 0.95}}
    assert check(bad) == ["en hit@1 = 0.200 < 0.650"]
    wrong_sentences = good | {"answer": good["answer"] | {"evidence_in_answer_en": 0.1}}
    assert check(wrong_sentences) == [f"en evidence in answer = 0.100 < {EVIDENCE_IN_ANSWER_MIN['en']:.3f}"]
