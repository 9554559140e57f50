"""What the reader's fit ships: weights fitted as the reader chooses, thresholds that do not jump with the
grid's accidents."""

from types import SimpleNamespace

import numpy as np

from eval.reader_fit import (
    Outcome,
    Prepared,
    choice_set,
    choose,
    conditional_logit,
    median_thresholds,
    worst_false_abstain,
)
from qa.readers import Calibration
from qa.readers.features import FEATURES


def test_shipped_thresholds_are_each_the_median_of_the_folds_choices():
    folds = [
        {"focus_coverage": 0.5, "min_confidence": 0.1, "min_confidence_untyped": 0.2},
        {"focus_coverage": 0.5, "min_confidence": 0.2, "min_confidence_untyped": 0.1},
        {"focus_coverage": 0.7, "min_confidence": 0.0, "min_confidence_untyped": 0.6},
        {"focus_coverage": 0.7, "min_confidence": 0.0, "min_confidence_untyped": 0.3},
        {"focus_coverage": 0.5, "min_confidence": 0.1, "min_confidence_untyped": 0.2},
    ]
    assert median_thresholds(folds) == {
        "focus_coverage": 0.5,
        "min_confidence": 0.1,
        "min_confidence_untyped": 0.2,
    }


def test_the_grid_takes_the_middle_of_a_plateau_not_its_loosest_edge():
    def setting(cut_off: float, untyped: float) -> Calibration:
        return Calibration({}, 0.0, 0.0, cut_off, min_confidence_untyped=untyped, encoder="e")

    # the objective is flat from no cut-off to 0.2 and falls after; the loosest abstains least
    tried = [
        (3.70, 0.030, setting(0.0, 0.1)),
        (3.70, 0.033, setting(0.1, 0.1)),
        (3.69, 0.036, setting(0.2, 0.1)),
        (3.60, 0.040, setting(0.3, 0.1)),
        (3.70, 0.035, setting(0.1, 0.3)),
    ]
    chosen = choose(tried)
    assert (chosen.min_confidence, chosen.min_confidence_untyped) == (0.1, 0.1)
    # the loose cut-off ties in more combinations of the untyped one: still the middle cut-off
    loose = [(3.70, 0.030, setting(0.0, u)) for u in (0.2, 0.3, 0.4, 0.5)]
    assert choose(tried + loose).min_confidence == 0.1
    # a clear best is taken whatever its place
    assert choose([(3.9, 0.04, setting(0.3, 0.1)), *tried]).min_confidence == 0.3


def test_the_cap_on_false_abstention_holds_for_each_language():
    def outcome(language: str, abstained: bool) -> Outcome:
        return Outcome("q", language, True, False, abstained, None, not abstained, None, None, False)

    # 1 in 4 English questions abstained: 25%, though 1 in 12 over all languages
    outcomes = [outcome("en", k == 0) for k in range(4)] + [
        outcome(lang, False) for lang in ("zh-Hant", "zh-Hans") for _ in range(4)
    ]
    assert worst_false_abstain(outcomes) == 0.25


def test_the_sentence_weights_learn_what_differs_within_a_question_not_between_questions():
    # Feature 0 marks the sentence that answers in each question; feature 1 is the same for all of a
    # question's sentences (how well the question's passages matched): it cannot say which one answers.
    rng = np.random.default_rng(0)
    sets = []
    for _ in range(40):
        shared = rng.uniform(0, 3)
        x = np.array([[1.0, shared], [0.0, shared], [0.0, shared], [0.3, shared]])
        sets.append((x, np.array([1.0, 0.0, 0.0, 0.0])))
    w = conditional_logit(sets, l2=1.0, start=np.zeros(2))
    assert w[0] > 2.0
    assert abs(w[1]) < 1e-3


def test_a_typed_question_is_fitted_on_the_sentences_it_may_be_answered_with():
    def candidate(typed: bool, on_topic: bool = True) -> SimpleNamespace:
        features = np.zeros(len(FEATURES))
        features[FEATURES.index("type_match")] = float(typed)
        features[FEATURES.index("unit_match")] = float(typed)
        return SimpleNamespace(features=features, on_topic=on_topic)

    def prepared(expected: str, typed: bool, labels: list[float]) -> Prepared:
        cands = [candidate(True), candidate(False), candidate(True, on_topic=False), candidate(True)]
        question = SimpleNamespace(answerable=True)
        analysis = SimpleNamespace(typed=typed, expected=expected)
        return Prepared(question, analysis, [], cands, np.array(labels))  # type: ignore[arg-type]

    typed_on_topic = choice_set(prepared("date", True, [1.0, 0.0, 0.0, 0.0]))
    assert typed_on_topic is not None
    x, y = typed_on_topic  # the untyped and the off-topic sentences are never chosen for a date
    assert y.tolist() == [1.0, 0.0]
    assert x[:, FEATURES.index("type_match")].tolist() == [1.0, 1.0]
    # The evidence is not among them: the question is fitted on all its sentences.
    assert len(choice_set(prepared("date", True, [0.0, 1.0, 0.0, 0.0]))[1]) == 4  # type: ignore[index]
    assert len(choice_set(prepared("list", False, [0.0, 1.0, 0.0, 0.0]))[1]) == 4  # type: ignore[index]
    assert choice_set(prepared("date", True, [0.0, 0.0, 0.0, 0.0])) is None
