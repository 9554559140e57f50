"""Figures as values: the same number in digits, Chinese numerals, English words of magnitude."""

import pytest

from qa.generators import figures


@pytest.mark.parametrize(
    ("text", "value"),
    [
        ("二零零九", 2009),
        ("三千五百", 3500),
        ("十一", 11),
        ("一萬二千", 12000),
        ("兩", 2),
        ("九十億", 9_000_000_000),
    ],
)
def test_chinese_numerals(text, value):
    assert figures.hanzi_value(text) == value


def test_not_a_numeral():
    assert figures.hanzi_value("合作") is None
    assert figures.hanzi_value("") is None


def test_evidence_values_read_digits_magnitudes_and_numerals():
    values = figures.evidence_values("雙方在2004年設立，注資90億港元，由3個增至11個，「十一五」規劃")
    assert {2004.0, 90.0, 9e9, 3.0, 11.0} <= values
    assert 9e10 not in values  # 90 billion is not what 90億 says


def test_evidence_months():
    assert figures.evidence_months("2016年6月及二零零九年十二月") == {6, 12}


def test_english_figures_with_magnitude_ordinals_and_no_citations():
    found = figures.english_figures(
        "Set up in 2004 [1] with HK$9 billion, 2,400 people, 1.5% and the 12th plan [2, 3]."
    )
    assert [(f.surface, f.value) for f in found] == [
        ("2004", 2004.0),
        ("9 billion", 9e9),
        ("2,400", 2400.0),
        ("1.5", 1.5),
        ("12th", 12.0),
    ]


def test_a_magnitude_next_to_chinese_is_still_read():
    # "90 billion港元" is 9e10, not 90: the word must not be lost because Chinese follows it.
    assert [f.value for f in figures.english_figures("invested 90 billion港元")] == [9e10]


def test_chinese_figures_count_only_numerals_that_date_or_count():
    found = figures.chinese_figures("雙方在2004年設立[1]，注資九十億元，推出三個項目，兩地合作")
    assert sorted(f.value for f in found) == [3.0, 2004.0, 9e9]


def test_months_in_both_languages():
    assert figures.english_months("In June 2016 [1]") == [("June", 6)]
    assert figures.chinese_months("於2009年11月30日舉行") == [("11月", 11)]


def test_a_magnitude_after_digits_is_read_once_with_them():
    found = figures.chinese_figures("港幣31,280億元 [1]")
    assert [(f.surface, f.value) for f in found] == [("31,280", 31280.0), ("31,280億", 3.128e12)]
