"""Candidate features computed by hand on tiny sentences."""

from qa.readers.features import weakest_concept

# 深港合作會議 / 成立 (or its synonym 設立) / 收費, as normalised tokens
CONCEPTS = [[["深港合作会议"]], [["成立"], ["设立"]], [["收费"]]]


def test_the_least_present_concept_decides():
    assert weakest_concept("深港合作會議於2004年設立", CONCEPTS) == 0.0  # nothing about a fee
    assert weakest_concept("深港合作會議於2004年設立", CONCEPTS[:2]) == 1.0
    # half the characters of a concept (費 of 收費) count for half
    assert weakest_concept("深港合作會議設立，費用由雙方承擔", CONCEPTS) == 0.5


def test_no_concepts_is_no_evidence():
    assert weakest_concept("深港合作會議", []) == 0.0
