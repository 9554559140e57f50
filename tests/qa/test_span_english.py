"""Answer spans said in English exactly, or not at all."""

import pytest

from qa.span_english import span_in_english


@pytest.mark.parametrize(
    ("span", "kind", "english"),
    [
        ("2016年6月", "date", "June 2016"),
        ("2018年年底", "date", "the end of 2018"),
        ("2011年6月底前", "date", "before the end of June 2011"),
        ("2018年第3季", "date", "Q3 2018"),
        ("90億港元", "money", "HK$9 billion"),
        ("港幣7,065億元", "money", "HK$706.5 billion"),
        ("3,692億元人民幣", "money", "RMB 369.2 billion"),
        ("約96%", "percent", "about 96%"),
        ("153個", "count", "153"),
        ("逾2 400位", "count", "over 2,400 people"),
        ("不少於10 000人", "count", "at least 10,000 people"),
        ("八份", "count", "8"),
        ("財政司副司長", "post", "Deputy Financial Secretary"),
    ],
)
def test_spans_in_english(span, kind, english):
    assert span_in_english(span, kind) == english


def test_what_cannot_be_said_exactly_gets_no_english():
    assert span_in_english("政務司司長與深圳市市長", "post") is None  # 深圳市市長 is not in the glossary
    assert span_in_english("去年10月", "date") is None
