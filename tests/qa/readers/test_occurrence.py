"""The occurrence a question names (the 4th meeting, 第十屆) and sentences about another one."""

import pytest

from index import normalize
from qa.readers.occurrence import (
    asked_occurrence,
    asked_supplement,
    chinese_number,
    names_another,
    names_another_supplement,
)


@pytest.mark.parametrize(
    ("question", "asked"),
    [
        ("When was the 4th meeting of the Beijing-Hong Kong Cooperation Conference held?", (4, None)),
        ("京港合作會議第四次會議係幾時開㗎？", (4, "次")),
        # an English question with a typographic dash is still English
        (
            "When was the 17th working meeting of the HK–Guangdong Cooperation Joint Conference held?",
            (17, None),
        ),
        # and one whose name between the ordinal and the meeting is joined with a dash
        ("When was the fifth Shanghai–Hong Kong Cooperation Conference held?", (5, None)),
        ("京港合作会议第四次会议是什么时候召开的？", (4, "次")),
        ("Who chaired the first round of the talks?", (1, "轮")),
        ("首屆粵港澳青年電影盛典喺邊度舉行？", (1, "届")),
        ("第十屆泛珠論壇在哪裡舉行？", (10, "届")),
        # "the sixth one" after the conference it counts; "the first one-stop centre" counts none
        ("When's the next Beijing-HK conference, the sixth one, supposed to take place?", (6, None)),
        ("Where is the first one-stop service centre?", None),
        # no occurrence named: "first" of an event, an ordinal of a plan, an ordinal asked for
        ("When did the close ties between Hong Kong and Shenzhen first start?", None),
        ("Under the 12th Five-Year Plan, which industries grow?", None),
        ("這是第幾次會議？", None),
    ],
)
def test_the_occurrence_a_question_names(question, asked):
    assert asked_occurrence(normalize(question)) == asked


def test_a_sentence_naming_only_another_occurrence_is_about_another_one():
    fourth = asked_occurrence(normalize("京港合作會議第四次會議係幾時開㗎？"))
    assert fourth is not None
    fifth = "2023年11月…舉行了「京港合作會議」第五次會議，就11個合作領域達成共識。"
    assert names_another(normalize(fifth), fourth)
    assert not names_another(normalize("京港合作會議第四次會議於2021年舉行"), fourth)
    # a sentence naming no occurrence may still be about it; a 屆 is not a 次
    assert not names_another(normalize("京港合作會議於2021年舉行"), fourth)
    assert not names_another(normalize("第五屆論壇"), fourth)
    # English leaves the kind open: any sitting or term counts
    assert names_another(normalize("第五屆論壇"), (4, None))


@pytest.mark.parametrize(
    ("text", "number"), [("四", 4), ("十", 10), ("十二", 12), ("二十三", 23), ("16", 16)]
)
def test_chinese_numbers(text, number):
    assert chinese_number(text) == number


@pytest.mark.parametrize(
    ("question", "number"),
    [
        ("CEPA補充協議八係幾時簽署嘅？", 8),
        ("第十份補充協議幾時生效？", 10),
        ("When was CEPA's eighth supplement signed?", 8),
        ("When did CEPA Supplement VII come into effect?", 7),
        ("What did Supplement No. 10 open?", 10),
        ("CEPA簽署以來共簽訂了多少份補充協議？", None),
    ],
)
def test_the_supplement_a_question_names(question, number):
    assert asked_supplement(normalize(question)) == number


def test_a_sentence_on_supplements_must_name_the_asked_one():
    counted = normalize("CEPA自2003年簽署以來，內地與香港已先後簽訂了八份補充協議。")
    seventh = normalize("CEPA補充協議七於今年1月1日起開始實施。")
    assert names_another_supplement(counted, 8)
    assert names_another_supplement(seventh, 8)
    assert not names_another_supplement(seventh, 7)
    assert not names_another_supplement(normalize("前海於2010年成立。"), 8)
