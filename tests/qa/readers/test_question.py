"""Question analysis: the answer type, and for numbers the kind and classifier, in three languages."""

import pytest

from index.query import prepare_query
from qa.readers.expressions import LENGTH_OR_TIME
from qa.readers.question import analyse, expected_type


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the Shenzhen-Hong Kong Cooperation Meeting set up?", "date"),
        ("深港合作會議何時成立？", "date"),
        ("深港合作会议是哪年设立的？", "date"),
        ("港珠澳大橋係幾時通車㗎？", "date"),
        ("CEPA服务贸易协议开放了多少个部门？", "number"),
        ("How much did the government inject into the fund?", "number"),
        ("駐粵辦有幾多個職員？", "number"),
        ("Who chairs the Shenzhen-Hong Kong Cooperation Meeting?", "who"),
        ("深港合作會議由誰主持？", "who"),
        ("邊個負責統籌？", "who"),
        ("Where does the high-speed rail leave from?", "place"),
        ("特區政府在內地設有哪些辦事處？", "list"),
        ("Which areas does the agreement cover?", "list"),
        ("為何要設立督導組？", "reason"),
        ("What is the scheme for?", "reason"),
        ("前海的定位是甚麼？", "description"),
    ],
)
def test_expected_type(question, expected):
    assert expected_type(question) == expected


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("2009年深港合作會議簽署了多少份合作協議？", "count", "份"),
        ("CEPA服务贸易协议开放了多少个部门？", "count", "個"),
        ("要为多少种中药材制定标准？", "count", "種"),
        ("How many projects has the programme funded?", "count", None),
        ("How much did the government inject into the trust fund?", "money", "money"),
        ("特區政府向信託基金注資多少？", "money", "money"),
        ("What percentage of sectors were opened?", "percent", "%"),
        ("How many years does the study last?", "count", "年"),
        # no classifier asked: the thing counted names one
        ("How many sister schools are there?", "count", "所"),
        ("有多少学生参加了内地交流计划？", "count", "人"),
        ("免試招收計劃錄取了多少香港學生？", "count", "人"),
        ("How many agreements were signed?", "count", "份"),
        # how long: a span of time; "how long is" may also be a length
        ("How long did the construction take?", "count", "年"),
        ("大橋要建多久？", "count", "年"),
        ("How long is the joint study?", "count", LENGTH_OR_TIME),
    ],
)
def test_number_kind_and_unit(question, kind, unit):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind, analysis.unit) == ("number", kind, unit)


def test_the_chinese_of_english_names_is_part_of_what_is_asked():
    analysis = analyse(prepare_query("Who leads the Shenzhen-Hong Kong Cooperation Meeting?"))
    assert "深港合作会议" in analysis.asked


@pytest.mark.parametrize(
    ("question", "wants_post"),
    [
        ("Who's the director of the Beijing Office?", True),
        ("前海管理局局長係邊個？", True),
        ("深圳代市长叫什么名字？", True),
        ("Who chairs the Shenzhen-Hong Kong Cooperation Meeting?", False),
        ("哪個政策局負責統籌？", False),
    ],
)
def test_a_question_naming_a_post_wants_a_person_or_post(question, wants_post):
    assert analyse(prepare_query(question)).wants_post is wants_post


def test_a_unit_word_counts_only_right_after_how_many():
    assert analyse(prepare_query("How many years does the study last?")).unit == "年"
    assert analyse(prepare_query("How many projects are in the three-year plan?")).unit != "年"
