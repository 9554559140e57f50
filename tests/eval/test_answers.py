"""Answer outcomes and verdicts on tiny hand-written questions; bootstrap intervals; exact values."""

from eval.answers import answer_groups, outcome
from eval.bootstrap import bootstrap_mean
from eval.gold import GoldQuestion


def _q(qid, evidence, kind="date", answer="2004年", lang="zh-Hant"):
    return GoldQuestion(qid, qid, lang, "深港合作會議何時成立？", None, tuple(evidence), kind, None, answer)


RIGHT = outcome(
    _q("r", ["2004年設立"]), "雙方更在2004年設立深港合作會議。", "2004年", True, ["c2", "c1"], {"c1"}, 10.0
)
WRONG = outcome(_q("w", ["2004年設立"]), "深港合作會議由政務司司長主持。", None, True, ["c9"], {"c1"}, 20.0)
MISSED = outcome(_q("m", ["2004年設立"], lang="en"), None, None, True, [], {"c1"}, 30.0)
ABSTAINED = outcome(_q("a", [], kind="unanswerable", answer=None), None, None, True, ["c1"], set(), 40.0)
SHOULD = outcome(
    _q("s", [], kind="unanswerable", answer=None, lang="zh-Hans"), "前海。", None, False, [], set(), 50.0
)


def test_verdicts_ranks_and_spans():
    assert [o.verdict for o in (RIGHT, WRONG, MISSED, ABSTAINED, SHOULD)] == [
        "right",
        "wrong",
        "missed",
        "abstained",
        "should abstain",
    ]
    assert (RIGHT.rank, WRONG.rank, ABSTAINED.rank) == (2, None, None)
    assert (RIGHT.span_exact, WRONG.span_exact, MISSED.span_exact) == (True, False, None)
    assert (RIGHT.evidence_in_answer, WRONG.evidence_in_answer, SHOULD.evidence_in_answer) == (
        True,
        False,
        None,
    )


def test_groups_count_each_metric_on_its_own_questions():
    groups = answer_groups([RIGHT, WRONG, MISSED, ABSTAINED, SHOULD], ("en", "zh-Hant", "zh-Hans"))
    every = groups["all"]
    assert every["n"] == 5
    assert (every["evidence_in_answer"]["value"], every["evidence_in_answer"]["n"]) == (0.5, 2)
    assert (every["abstain_precision"]["value"], every["abstain_precision"]["n"]) == (0.5, 2)  # m, a
    assert (every["abstain_recall"]["value"], every["abstain_recall"]["n"]) == (0.5, 2)  # a, s
    assert (every["false_abstention"]["value"], every["false_abstention"]["n"]) == (round(1 / 3, 4), 3)
    assert every["citations_exact"]["value"] == 0.8
    assert (every["p50_ms"], every["p95_ms"]) == (30.0, 50.0)
    assert groups["en"]["n"] == 1 and groups["zh-Hans"]["abstain_recall"]["value"] == 0.0
    assert groups["kind:date"]["n"] == 3 and groups["kind:unanswerable"]["n"] == 2


def test_bootstrap_interval():
    constant = bootstrap_mean([1.0] * 20)
    assert (constant.value, constant.low, constant.high, constant.n) == (1.0, 1.0, 1.0, 20)
    half = bootstrap_mean([1.0, 0.0] * 50)
    assert half.value == 0.5 and 0.38 < half.low < 0.45 and 0.55 < half.high < 0.62
    assert bootstrap_mean([1.0, 0.0] * 50) == half  # seeded: the same interval every time
    assert bootstrap_mean([]).n == 0 and str(bootstrap_mean([])) == "–"
    assert str(bootstrap_mean([1.0, 1.0])) == "1.000 [1.000, 1.000]"
