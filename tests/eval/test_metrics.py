"""Metrics with exact expected values."""

import math

import pytest

from eval.ablation import paired_randomization
from eval.gate import EVIDENCE_IN_ANSWER_MIN, check
from eval.metrics import abstention, hit_at, mrr_at, ndcg_at, percentile, recall_at

QRELS = {"q1": {"a": 1}, "q2": {"b": 1, "c": 1}}
RUN = {"q1": {"x": 0.9, "a": 0.8, "y": 0.1}, "q2": {"c": 0.5, "z": 0.4, "b": 0.3}}


def test_hit_mrr_recall_ndcg_exact():
    assert hit_at(QRELS, RUN, 1) == {"q1": 0.0, "q2": 1.0}
    assert hit_at(QRELS, RUN, 2) == {"q1": 1.0, "q2": 1.0}
    assert mrr_at(QRELS, RUN, 10) == {"q1": 0.5, "q2": 1.0}
    assert recall_at(QRELS, RUN, 2) == {"q1": 1.0, "q2": 0.5}
    ndcg = ndcg_at(QRELS, RUN, 10)
    assert ndcg["q1"] == pytest.approx((1 / math.log2(3)) / 1.0)
    assert ndcg["q2"] == pytest.approx((1 + 1 / math.log2(4)) / (1 + 1 / math.log2(3)))


def test_percentile_and_abstention():
    assert percentile([5.0, 1.0, 3.0, 2.0, 4.0], 50) == 3.0
    assert percentile([1.0, 2.0, 3.0, 4.0], 95) == 4.0
    result = abstention(
        {"a": True, "b": False, "u": True, "v": False}, {"a": True, "b": True, "u": False, "v": False}
    )
    assert result == {"precision": 0.5, "recall": 0.5, "false_abstain_rate": 0.5}


def test_paired_randomization():
    assert paired_randomization([1.0] * 5, [1.0] * 5) == 1.0
    assert paired_randomization([1.0] * 30, [0.0] * 30) < 0.01


def test_gate_passes_and_fails():
    good = {lang: {"hit@1": 0.9, "hit@5": 0.95} for lang in ("en", "zh-Hant", "zh-Hans")}
    answer = {f"evidence_in_answer_{lang}": 0.95 for lang in ("en", "zh-Hant", "zh-Hans")}
    good |= {
        "abstention": {"recall": 0.7, "false_abstain_rate": 0.02},
        "abstention_near_topic_recall": 0.9,
        "answer": answer | {"citations_ok": True, "span_exact": 0.9},
    }
    assert check(good) == []
    bad = good | {"en": {"hit@1": 0.2, "hit@5": 0.95}}
    assert check(bad) == ["en hit@1 = 0.200 < 0.650"]
    wrong_sentences = good | {"answer": good["answer"] | {"evidence_in_answer_en": 0.1}}
    assert check(wrong_sentences) == [f"en evidence in answer = 0.100 < {EVIDENCE_IN_ANSWER_MIN['en']:.3f}"]
