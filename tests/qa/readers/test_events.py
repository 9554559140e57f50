"""The event a date question asks about, and whether a sentence states it of the question's thing."""

import pytest

from index import normalize
from qa.readers.events import asked_events, object_events, states_event


def _states(sentence: str, question: str) -> bool:
    return states_event(sentence, asked_events(question), normalize(question))


@pytest.mark.parametrize(
    ("sentence", "question", "states"),
    [
        # the verb with nothing after it, or a time word, a preposition
        ("深港合作會議於2004年成立。", "深港合作會議何時成立？", True),
        ("雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議", "深港合作會議何時成立？", True),
        ("在2014年4月成立駐武漢經濟貿易辦事處後，辦事處數目增至5個", "駐武漢經濟貿易辦事處何時成立？", True),
        # a synonym of the class, but of another object
        (
            "2016年6月，前海管理局發布香港專業企業名冊及設立專業人士登記制度",
            "前海管理局是甚麼時候成立的？",
            False,
        ),
        # the moment of the event named to describe something else, undated (推出時的5個城市)
        (
            "內地有關部門於2010年6月大幅擴大跨境貿易人民幣結算試點的地域範圍，內地試點地區由試點推出時的5個城市"
            "擴展至20個省市",
            "跨境貿易人民幣結算試點最初喺五個城市推出，係幾時開始㗎？",
            False,
        ),
        ("計劃於2009年推出時共有5個城市參與", "計劃幾時推出？", True),
        # another event of the same thing
        ("港珠澳大橋主體工程自2009年12月中動工，進度良好", "港珠澳大橋係幾時正式通車㗎？", False),
        # signing another document: after a particle, and a title the question does not name
        ("會議後簽署了落實《框架協議》的《2011年重點工作》", "《粵港合作框架協議》是哪一天簽署的？", False),
        (
            "2014年12月在CEPA框架下簽署《關於內地在廣東與香港基本實現服務貿易自由化的協議》",
            "粤港合作框架协议是什么时候签的？",
            False,
        ),
        ("於2010年4月簽署《粵港合作框架協議》", "粤港合作框架协议是什么时候签的？", True),
        # 簽注 is an endorsement, not a signing
        ("由十二月十五日起可在深圳辦理個人遊簽注", "甚麼時候簽署？", False),
        # 國家 says whose plan was published, not what
        ("在2011年3月公布的國家「十二五」規劃綱要中", "「十二五」規劃綱要是什麼時候發布的？", True),
        # a meeting held
        ("本文件簡介於2009年11月30日舉行的深港合作會議的主要情況", "深港合作会议是哪一天召开的？", True),
        # 合作 says what kind of agreement was signed, the agreement is the object
        ("深港雙方在2007年就「深港創新圈」簽署合作協議", "深港創新圈的協議是哪一年簽的？", True),
        ("深港雙方在2007年就「深港創新圈」簽署合作備忘錄", "深港創新圈的協議是哪一年簽的？", False),
        # announced (宣布) what the question names, past a count with -odd (三十多項)
        (
            "李克強於2011年8月訪港時，宣布了三十多項中央政府制定的政策措施",
            "李克強幾時宣布嗰30幾項措施？",
            True,
        ),
        ("李克強於2011年8月訪港時，宣布了三十多項新安排", "李克強幾時宣布嗰30幾項措施？", False),
    ],
)
def test_a_sentence_states_the_asked_event_of_the_asked_thing(sentence, question, states):
    assert _states(sentence, question) is states


def test_an_english_question_names_its_object_through_the_chinese_it_is_given():
    question = "When did Hong Kong and Guangzhou sign the letter of intent on Nansha?"
    sentence = "特區政府和廣州市政府於2011年8月簽定意向書"
    events = asked_events(question)
    assert events == {"sign"}
    assert states_event(sentence, events, normalize(question)) is False
    assert states_event(sentence, events, normalize(question) + " 意向书") is True


def test_a_long_title_the_asker_paraphrases_is_the_asked_one():
    sentence = "2016年12月，香港和內地簽署《關於內地與香港特別行政區法院就民商事案件相互委託提取證據的安排》"
    assert _states(sentence, "兩地法院喺民商事案件互相委託提取證據嘅安排係幾時簽嘅？")
    # a title sharing only the words every title holds is another one
    assert not _states(sentence, "內地與香港關於建立更緊密經貿關係的安排何時簽署？")


def test_a_title_is_named_by_a_whole_word_of_it():
    sentence = "在2016年12月簽訂《內地與香港船舶大氣污染防治合作協議》"
    question = "When did the Mainland and Hong Kong sign their deal on air pollution from ships?"
    events = asked_events(question)
    # "air pollution" came into Chinese (大氣污染), "ships" did not: the four characters name the title
    assert states_event(sentence, events, normalize(question) + " 内地 香港 大气污染")
    assert not states_event(sentence, events, normalize(question) + " 内地 香港 污染")


@pytest.mark.parametrize(
    ("question", "event"),
    [
        ("When does the current water supply agreement run out?", "expire"),
        ("現行嘅東江供水協議幾時到期？", "expire"),
        ("When did the design competition get going?", "start"),
        # a park, a hall or a shop opens (開園, 開館, 開張)
        ("前海深港青年梦工场是哪一年开园的？", "open"),
        ("新館幾時開館？", "open"),
        # a release that came out was published (發出, 出㗎, "come out")
        ("第十六次粤港合作工作会议的新闻公报是什么时候发出来的？", "publish"),
        ("粵港第十六次工作會議嘅新聞公報係幾時出㗎？", "publish"),
        ("When did the press release on its results come out?", "publish"),
    ],
)
def test_everyday_verbs_name_events(question, event):
    assert event in asked_events(question)


def test_an_event_a_date_is_reckoned_from_is_not_the_one_asked():
    # the train's delivery is asked; the rail link's opening only places it in time
    question = "When was the first high-speed rail train delivered ahead of the Express Rail Link opening?"
    assert "open" not in asked_events(question)
    assert "open" in asked_events("When did the Express Rail Link open?")


def test_a_scheme_starts_when_it_is_carried_out():
    question = "When did the Mainland–Hong Kong mutual recognition of funds scheme kick off?"
    assert asked_events(question) == {"start", "effect"}
    events = asked_events(question)
    mentioned = normalize(question) + " 基金互认安排"
    assert states_event("在2015年7月實施內地與香港基金互認安排", events, mentioned)
    # a task force starts when set up, not when a rule of it is carried out
    assert "effect" not in asked_events("When did the task force start?")


def test_a_new_agreement_is_the_agreement_and_a_meeting_opened_is_held():
    question = "When was the new Dongjiang water supply agreement expected to be signed?"
    assert states_event("預期在2011年內簽訂新的供水協議", {"sign"}, normalize(question) + " 供水协议")
    assert asked_events("2010年嗰次深港合作會議係幾時開㗎？") == {"hold"}


def test_a_count_before_the_object_is_no_object_of_its_own():
    asked = normalize("「深港創新圈」三年行動計劃係幾時通過㗎？")
    assert states_event("兩地政府在2009年3月通過一份「深港創新圈」三年行動計劃", {"approve"}, asked)
    assert not states_event("兩地政府在2009年3月通過一份財政預算", {"approve"}, asked)


def test_a_count_given_loosely_is_still_only_a_count():
    asked = normalize("嗰130幾個「一程多站」旅遊推廣項目，係由幾時到幾時推出嘅？")
    sentence = "自2012年1月至2017年2月，推出超過130個「一程多站」旅遊推廣項目。"
    assert states_event(sentence, {"start"}, asked)
    assert not states_event("自2012年1月至2017年2月，推出超過130項優惠措施。", {"start"}, asked)


def test_the_count_an_english_question_quotes_names_the_things_counted():
    question = "Those 300-plus Chinese opera, dance and music shows staged in HK — between when and when?"
    sentence = "自2012年7月至2017年3月，在香港舉辦超過300場文化節目，包括戲曲、舞蹈及音樂等。"
    asked = normalize(question)
    assert states_event(sentence, {"hold"}, asked, english=True)
    # another count of other things is no sign of them
    assert not states_event("在香港舉辦超過200場文化節目。", {"hold"}, asked, english=True)


def test_a_pilot_zone_in_a_name_is_no_start_and_co_hosting_is_holding():
    question = "When did HK team up with Guangdong to hold a briefing on the Guangdong pilot free trade zone?"
    assert asked_events(question) == {"hold"}
    # a scheme piloted started, or was carried out (實施)
    assert asked_events("When was the scheme piloted?") == {"start", "effect"}
    sentence = "2015年5月與廣東省政府合辦中國（廣東）自由貿易試驗區政策宣講會"
    assert states_event(sentence, {"hold"}, normalize(question) + " 广东 自由贸易试验区 宣讲会")


def test_a_standing_body_starts_when_it_is_set_up():
    assert "establish" in asked_events(
        "What year did the Pan-Pearl River Delta regional cooperation forum start?"
    )
    assert _states(
        "泛珠三角區域合作與發展論壇（2004年成立）",
        "What year did the Pan-Pearl River Delta forum start? 泛珠",
    )
    # works start when they break ground, not when something is set up
    assert asked_events("When did work on the bridge start?") == frozenset({"start"})


def test_ties_that_began_in_a_year_started_then():
    events = asked_events("When did the close ties between Hong Kong and Shenzhen first start?")
    assert events == frozenset({"start"})
    assert asked_events("港深兩地的緊密聯繫始於哪一年？") == frozenset({"start"})
    assert _states("港深兩地的緊密聯繫始於1978年的「改革開放」", "港深兩地的緊密聯繫始於哪一年？")


def test_a_clause_with_only_a_date_before_its_verb_is_about_the_sentence_before():
    # 「持續推行清潔生產伙伴計劃……。由2008年開展至今，共批准超過2 700個資助項目」
    question = normalize("协助广东港资工厂的清洁生产伙伴计划是哪一年开始实施的？")
    assert "start" in asked_events(question)
    assert states_event("由2008年開展至今，共批准超過2 700個資助項目", {"start"}, question)
    # a clause naming its own subject still has to name the asked thing
    assert not states_event("深圳於2008年開展至今，共批准超過2 700個資助項目", {"start"}, question)
    # nor a clause whose verb governs an object of its own
    assert not states_event(
        "在2014年4月成立駐武漢經濟貿易辦事處", {"establish"}, normalize("駐天津聯絡處幾時成立？")
    )


@pytest.mark.parametrize(
    ("question", "made"),
    [
        ("粤港合作联席会议第十六次工作会议后，双方签了哪份落实框架协议的文件？", {"sign"}),
        ("政務司司長同廣東副省長簽咗份咩文件？", {"sign"}),
        ("Which agreement did Shenzhen and Hong Kong sign in 2008?", {"sign"}),
        ("特區政府同廣州市政府簽咗意向書之後，成立咗咩小組？", {"establish"}),
        # the event only describes the thing asked about; 建立什么关系 builds ties, named otherwise
        ("2003年簽署的CEPA涵蓋哪些範疇？", set()),
        ("香港教育局会安排香港学校和这些学校建立什么关系？", set()),
        ("港府是通过哪个机构举办推广活动？", set()),
    ],
)
def test_a_question_asking_what_an_event_made_names_that_event(question, made):
    assert object_events(question) == made


def test_a_paper_cited_with_its_date_came_out_then():
    question = "資料來源嗰份規劃及工程研究資料摘要係幾時出嘅？"
    assert _states("發展規劃及工程研究–資料摘要（2013年7月）", question)
    assert not _states("發展規劃及工程研究資料摘要提出四個方案。", question)


def test_an_open_tender_is_no_opening():
    assert asked_events("When did two Hong Kong firms win the open tenders for aid projects?") == frozenset()
    assert asked_events("When did the Wuhan office open?") >= {"open"}
    assert asked_events("When was the market opened to Hong Kong banks?") == {"open"}
