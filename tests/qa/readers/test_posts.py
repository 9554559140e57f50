"""Who questions: the body whose post is asked, and a person's name written after a post."""

import pytest

from index import Glossary
from index.query import PreparedQuery
from qa.readers.posts import (
    english_owner,
    mentions_english_owner,
    mentions_owner,
    name_asked,
    names_person,
    owners,
)

EMPTY = Glossary([])


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("前海管理局局長係邊個？", ["前海管理局"]),
        ("香港特区政府驻北京办事处主任是谁？", ["驻北京办事处"]),
        ("「一帶一路」辦公室由邊個話事？", ["一带一路办公室"]),
        ("融入國家發展大局督導組由誰擔任組長？", ["融入国家发展大局督导组"]),
        ("特區政府由誰領導？", []),
        # a department of the Guangdong government: any Guangdong body, not the government itself
        ("廣東省人民政府邊個部門提供數字？", []),
        # the body asked for is no body the answer must be about
        ("前海同南沙嘅發展由邊個政策局統籌？", []),
        ("改组后由哪个局牵头与商务部磋商扩展CEPA？", []),
        # a central ministry: the papers name it (商務部) without 中央
        ("特區政府係同中央邊個部委合作？", []),
        ("特区政府是和中央哪个部委合作的？", []),
    ],
)
def test_the_bodies_a_who_question_is_about(question, expected):
    assert owners([question], EMPTY) == expected


def test_a_sentence_about_another_body_does_not_mention_the_owner():
    about_other = "雙方成立的聯合專責小組，由特區政府政制及內地事務局局長和深圳市常務副市長分別擔任組長"
    assert mentions_owner(about_other, ["前海管理局"]) is False
    assert mentions_owner(about_other, ["前海联合专责小组"]) is True  # 5 of its 7 pieces
    assert mentions_owner("任何句子", []) is True


@pytest.mark.parametrize(
    ("sentence", "named"),
    [
        ("政務司司長唐英年和廣東省副省長招玉芳並敲定了重點工作", True),
        ("政務司司長及深圳市代市長亦於同日舉行記者會", False),
        ("深港合作會議由政務司司長與深圳市市長主持", False),
        # what the post-holder does is no name
        ("行政長官定期主持召開「督導組」全體會議", False),
        # a table's columns run a post into a role (秘書長 | 聯絡員會議): no name
        ("行政長官秘書長會議務局常任秘書長與其他省區政府秘書長聯絡員會議", False),
    ],
)
def test_a_person_is_named_after_a_post(sentence, named):
    assert names_person(sentence) is named


def test_a_name_after_another_post_does_not_name_the_asked_one():
    sentence = "政務司司長唐英年和廣東省副省長招玉芳共同主持工作會議"
    assert names_person(sentence)
    assert not names_person(sentence, ("省长",))  # the deputy is not the governor
    assert names_person(sentence, ("副省长",))
    assert not names_person("與上海市市長龔正率領的代表團", ("行政长官",))


def test_the_sides_of_a_cooperation_meeting_are_names_not_a_verb():
    assert owners(["過去一年同北京、上海開合作會議，香港代表團係邊個帶隊？"], Glossary([])) == []
    assert owners(["閩港合作會議由誰主持？"], Glossary([])) == ["闽港合作会议"]


def test_a_question_asking_for_a_name():
    assert name_asked("深圳市代市長叫甚麼名字？")
    assert name_asked("What was the name of Shenzhen's acting mayor?")
    assert not name_asked("Who chairs the meeting?")
    assert name_asked("Who are the three deputy heads of the steering group — what are their names?")
    assert not name_asked("Which cities host the offices?")
    # a thing's name too, as 叫咩名 asks it (準備上市嗰隻ETF叫咩名)
    assert name_asked("What's the name of the HK-stocks ETF to be listed in Shenzhen?")
    assert name_asked("What are the names of the two HK firms that won the contracts?")
    assert not name_asked("What does the name of the scheme say about it?")


def test_the_body_named_short_after_the_sentence_before_named_it_in_full():
    before = "現屆政府已成立「融入國家發展大局督導組」（「督導組」），加強頂層規劃和督導。"
    sentence = "「督導組」由行政長官親自擔任組長"
    assert mentions_owner(sentence, ["融入国家发展大局督导组"], before) is True
    assert mentions_owner(sentence, ["融入国家发展大局督导组"]) is False
    other = "2017年5月，行政長官率領代表團參加「一帶一路」國際合作高峰論壇"
    named = "2016年8月，成立「一帶一路」辦公室。"
    assert mentions_owner(other, ["一带一路办公室"], named) is False


def test_a_sentence_that_goes_on_from_the_one_naming_the_body_is_about_it():
    before = "2024年4月與上海市政府代表團在香港舉行了「滬港合作會議」第六次會議，就15個合作領域達成共識。"
    sentence = "此外，兩地相關政府部門、法定機構和組織亦簽署了20份合作文件。"
    assert mentions_owner(sentence, ["沪港合作会议"], before) is True
    assert mentions_owner("兩地相關政府部門簽署了20份合作文件。", ["沪港合作会议"], before) is False


def test_a_paper_about_the_body_makes_each_of_its_sentences_about_it():
    sentence = "政務司司長及深圳市代市長亦於同日舉行記者會並發表新聞公報"
    assert not mentions_owner(sentence, ["深港合作会议"])
    assert mentions_owner(sentence, ["深港合作会议"], title="2009年深港合作會議")
    assert not mentions_owner(sentence, ["深港合作会议"], title="與內地合作工作回顧（2012–2017）")


def test_a_cooperation_meeting_is_told_from_another_by_its_sides():
    # 京港合作會議 shares 港合, 合作 and 會議 with 閩港合作會議, but it is another meeting
    assert owners(["閩港合作會議由邊兩位主持㗎？"], EMPTY) == ["闽港合作会议"]
    beijing = "京港合作高層會議行政長官與北京市市長主持，並由財政司司長與北京市副市長支援"
    assert mentions_owner(beijing, ["闽港合作会议"]) is False
    assert mentions_owner("閩港合作會議由兩地官員主持", ["闽港合作会议"]) is True


def test_an_english_body_no_glossary_knows_is_named_by_most_of_its_words():
    question = "Who heads the Guangdong-Hong Kong Industrial Design Cooperation Working Group?"
    prepared = PreparedQuery(
        question,
        "en",
        (),
        expansions=(
            ("heads", "主持"),
            ("Guangdong", "廣東"),
            ("Guangdong", "粵"),
            ("Industrial Design", "工業設計"),
        ),
        senses=(("Cooperation", "合作"), ("Working Group", "工作組")),
    )
    pieces = english_owner(prepared)
    assert pieces == [("工业设计",), ("合作",), ("工作组",)]  # the places say nothing of which body
    chairs = "政務司司長和廣東省副省長共同主持粵港合作聯席會議第十六次工作會議"
    assert not mentions_english_owner(chairs, pieces)
    assert mentions_english_owner("成立粵港工業設計合作工作小組，由創新科技署署長擔任組長", pieces)
    # too few words to tell: no check
    assert mentions_english_owner(chairs, [("文化",)])


def test_a_bureaus_short_name_is_the_bureau_it_shortens():
    sentence = "運輸及房屋局局長聽取路政署報告。"
    assert mentions_owner(sentence, ["运房局"]) is True
    assert mentions_owner("商務及經濟發展局及其下的工業貿易署會發放資訊", ["商经局"]) is True
    # another bureau's name does not hold it
    assert mentions_owner("發展局局長出席", ["运房局"]) is False
