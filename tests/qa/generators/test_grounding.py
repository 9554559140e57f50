"""The grounding check on tiny hand-written passages, with the real glossary."""

import pytest

from index import default_glossary
from qa.generators import GroundingChecker, citations_in

PASSAGES = {
    1: "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議。",
    2: "特區政府迅速注資90億港元到「香港特區支援四川地震災後重建信託基金」。",
    3: "本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。",
}


@pytest.fixture(scope="module")
def checker():
    return GroundingChecker(default_glossary())


def codes(grounding):
    return [p.code for p in grounding.problems]


def test_an_answer_that_says_only_what_its_passage_says_is_grounded(checker):
    g = checker.check("The Shenzhen-Hong Kong Cooperation Meeting was set up in 2004 [1].", "en", PASSAGES)
    assert (g.grounded, g.citations, g.problems) == (True, (1,), ())


def test_a_number_the_evidence_does_not_carry_is_not_grounded(checker):
    g = checker.check("The Shenzhen-Hong Kong Cooperation Meeting was set up in 2005 [1].", "en", PASSAGES)
    assert not g.grounded
    assert [(p.code, p.detail) for p in g.problems] == [
        ("figure_not_in_evidence", "2005 is not in the cited passages")
    ]


def test_a_number_from_a_passage_that_is_not_cited_does_not_count(checker):
    # 2009 is in passage 3, but the sentence cites passage 1 only.
    g = checker.check("The meeting was set up in 2009 [1].", "en", PASSAGES)
    assert codes(g) == ["figure_not_in_evidence"]


def test_amounts_are_compared_as_values(checker):
    assert checker.check("The government injected HK$9 billion [2].", "en", PASSAGES).grounded
    wrong = checker.check("The government injected HK$90 billion [2].", "en", PASSAGES)
    assert codes(wrong) == ["figure_not_in_evidence"]


def test_dates_with_months(checker):
    assert checker.check("The meeting was held on 30 November 2009 [3].", "en", PASSAGES).grounded
    g = checker.check("The meeting was held on 30 December 2009 [3].", "en", PASSAGES)
    assert [p.detail for p in g.problems] == ["December (month 12) is not in the cited passages"]


def test_citations_must_name_given_passages(checker):
    g = checker.check("It was set up in 2004 [1][7].", "en", PASSAGES)
    assert g.citations == (1, 7)
    assert [(p.code, p.detail) for p in g.problems] == [
        ("unknown_citation", "[7] names no passage that was given")
    ]
    assert codes(checker.check("It was set up in 2004.", "en", PASSAGES)) == ["no_citation"]


def test_names_the_glossary_knows_must_be_in_the_cited_passages(checker):
    ok = checker.check("The Chief Secretary for Administration co-chairs it [1].", "en", PASSAGES)
    assert ok.grounded, ok.problems
    g = checker.check("The Financial Secretary co-chairs it [1].", "en", PASSAGES)
    assert codes(g) == ["name_not_in_evidence"]


def test_an_english_answer_in_chinese_is_the_wrong_language(checker):
    g = checker.check("深港合作會議於2004年設立 [1]。", "en", PASSAGES)
    assert codes(g) == ["wrong_language"]


def test_chinese_answers_in_either_script(checker):
    assert checker.check("深港合作會議於2004年設立[1]。", "zh-Hant", PASSAGES).grounded
    assert checker.check("深港合作会议于2004年设立[1]。", "zh-Hans", PASSAGES).grounded
    g = checker.check("深港合作会议于2005年设立[1]。", "zh-Hans", PASSAGES)
    assert [p.detail for p in g.problems] == ["2005 is not in the cited passages"]
    named = checker.check("深港合作會議由財政司司長主持[1]。", "zh-Hant", PASSAGES)
    assert codes(named) == ["name_not_in_evidence"]


def test_citation_forms():
    assert citations_in("a [1] b [2, 3] c 【4】 d [1]") == (1, 2, 3, 4)


def test_the_setting_of_every_paper_is_not_a_claim(checker):
    # Passage 2 says 特區, not 香港: "Hong Kong" still needs no citation of its own.
    assert checker.check("The Hong Kong government injected HK$9 billion [2].", "en", PASSAGES).grounded


def test_a_trillion_said_as_billions_is_caught(checker):
    passages = {1: "2010年內地和香港的貨物貿易額為港幣31,280億元。"}
    assert checker.check("2010年貨物貿易額為港幣31,280億元 [1]。", "zh-Hant", passages).grounded
    assert checker.check("Trade was worth HK$3,128 billion in 2010 [1].", "en", passages).grounded
    wrong = checker.check("Trade was worth HK$31,280 billion in 2010 [1].", "en", passages)
    assert [p.detail for p in wrong.problems] == ["31,280 billion is not in the cited passages"]
