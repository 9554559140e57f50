"""What the reader's fit ships: thresholds that do not jump with the grid's accidents."""

from eval.reader_fit import Outcome, median_thresholds, worst_false_abstain


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


def test_the_cap_on_false_abstention_holds_for_each_language():
    def outcome(language: str, abstained: bool) -> Outcome:
        return Outcome("q", language, True, False, abstained, None, not abstained, None, None, False)

    # 1 in 4 English questions abstained: 25%, though 1 in 12 over all languages
    outcomes = [outcome("en", k == 0) for k in range(4)] + [
        outcome(lang, False) for lang in ("zh-Hant", "zh-Hans") for _ in range(4)
    ]
    assert worst_false_abstain(outcomes) == 0.25
