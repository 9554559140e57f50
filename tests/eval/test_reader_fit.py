"""What the reader's fit ships: thresholds that do not jump with the grid's accidents."""

from eval.reader_fit import median_thresholds


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
