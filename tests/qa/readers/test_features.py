"""Candidate features computed by hand on tiny sentences."""

from dataclasses import replace
from types import SimpleNamespace

import numpy as np
import pytest

from corpus import SIGN_OFF, Passage
from index import Entry, Glossary, Sentence, normalize, tokenize
from index.query import prepare_query
from qa.readers import expressions
from qa.readers.features import (
    FEATURES,
    Candidate,
    _dates_another_name,
    _topic_tokens,
    _under,
    _with_sibling_events,
    a_change_not_asked,
    another_phase,
    asked_places,
    concept_shares,
    concepts,
    counted_people,
    counts_another_thing,
    figures_of_another_year,
    gives_aim,
    gives_cost,
    gives_frequency,
    gives_rate,
    hide_inside_wider,
    names_another_meeting,
    names_another_place,
    names_items,
    narrows_to_asked,
    not_an_answer_alone,
    only_counts_the_list,
    place_expressions,
    place_missing,
    quotes_another_count,
    seen_tokens,
    sense_concepts,
    sides_named,
    sides_restated,
    table_row,
    typed_expressions,
    unit_strength,
    weakest_concept,
    who_expressions,
)
from qa.readers.question import analyse, without_source

# 深港合作會議 / 成立 (or its synonym 設立) / 收費, as normalised tokens
CONCEPTS = [[["深港合作会议"]], [["成立"], ["设立"]], [["收费"]]]


def test_the_least_present_concept_decides():
    assert weakest_concept("深港合作會議於2004年設立", CONCEPTS) == 0.0  # nothing about a fee
    assert weakest_concept("深港合作會議於2004年設立", CONCEPTS[:2]) == 1.0
    # half the characters of a concept (費 of 收費) count for half
    assert weakest_concept("深港合作會議設立，費用由雙方承擔", CONCEPTS) == 0.5


def test_no_concepts_is_no_evidence():
    assert weakest_concept("深港合作會議", []) == 0.0


def test_a_count_of_another_thing_does_not_answer_a_count_of_the_thing_asked():
    schools = analyse(prepare_query("香港援建四川灾区一共建了多少所学校？"))
    funds = analyse(prepare_query("基金互認安排下有多少隻基金獲批？"))
    sectors = analyse(prepare_query("CEPA服务贸易协议开放了多少个部门？"))

    def first_count(text: str) -> expressions.Expression:
        return expressions.numbers(text)[0]

    projects = "190個援建項目已全部投入服務"
    assert counts_another_thing(schools, projects, first_count(projects))
    mixed = "截至2017年2月底，共有54個內地及香港基金在此安排下獲批"
    assert not counts_another_thing(funds, mixed, first_count(mixed))
    # the question counts in the general classifier itself: nothing to tell apart
    assert not counts_another_thing(sectors, projects, first_count(projects))
    # 合作 of 合作文件 is in every noun of these papers: 15個合作領域 are not documents
    documents = analyse(prepare_query("第六次沪港合作会议签了多少份合作文件？"))
    fields = "就15個合作領域達成共識"
    assert counts_another_thing(documents, fields, first_count(fields))
    # passports are counted by the copy (幾多本護照): three offices are not passports
    passports = analyse(prepare_query("駐內地辦事處嘅入境事務組總共幫港人換咗幾多本特區護照？"))
    offices = "目前，駐京辦及3個駐內地辦事處已設有入境事務組，為香港居民提供香港特別行政區護照換領服務。"
    assert (passports.unit, passports.counted) == ("本", ("特区护照",))
    assert counts_another_thing(passports, offices, first_count(offices))
    assert analyse(prepare_query("香港有多少本地企业？")).unit != "本"
    # a count at the end of its clause says nothing about what it counts
    ended = "學校數目增至570所，"
    assert not counts_another_thing(schools, ended, first_count(ended))
    # a count followed by how it changed counts the same things as the one it changed to
    offices_asked = analyse(prepare_query("香港在內地有多少個聯絡處？"))
    offices_asked = replace(offices_asked, counted=("联络处",))
    rose = "將聯絡處總數由本屆政府上任前的3個大幅增加至11個。"
    assert not counts_another_thing(offices_asked, rose, first_count(rose))


def test_a_place_in_a_list_or_at_the_end_of_a_route_is_not_where_something_is():
    glossary = Glossary([Entry(("Guangzhou",), ("廣州",), "place"), Entry(("Futian",), ("福田",), "place")])
    found = place_expressions("廣深港高速鐵路廣州至深圳北段建成通車，福田站段2012年建成", glossary)
    assert [e.text for e in found] == ["福田"]
    assert place_expressions("加快蓮塘口岸、廣州、福田的規劃", glossary) == []


def test_a_place_takes_the_suffix_its_paper_writes_but_not_the_start_of_a_word():
    glossary = Glossary([Entry(("Dongguan",), ("東莞",), "place"), Entry(("Mainland",), ("內地",), "place")])
    assert [e.text for e in place_expressions("廣東省於東莞市舉行博覽會", glossary)] == ["東莞市"]
    # 內地市場 is the Mainland market: 內地, not a city called 內地市
    assert [e.text for e in place_expressions("提供內地市場資訊", glossary)] == ["內地"]
    assert [e.text for e in place_expressions("支持內地省市舉辦展銷對接活動", glossary)] == ["內地"]


def test_a_city_in_brackets_after_its_province_is_a_place():
    glossary = Glossary([Entry(("Shaanxi",), ("陝西",), "place")])
    found = place_expressions("辦事處聯絡處上海武漢河南(鄭州)陝西(西安)重慶", glossary)
    assert [e.text for e in found] == ["陝西", "西安"]
    rail = Glossary([Entry(("Western Express Line",), ("港深西部快速軌道",), "place")])
    short_name = place_expressions("港深西部快速軌道（深西軌道）的研究", rail)
    assert [e.text for e in short_name] == ["港深西部快速軌道"]


def test_a_place_that_only_says_whose_body_it_is_is_not_where_something_is():
    glossary = Glossary(
        [Entry(("Hong Kong",), ("香港",), "place"), Entry(("InvestHK",), ("投資推廣署",), "organisation")]
    )
    assert place_expressions("香港投資推廣署參與2016年第19屆中國國際投資貿易洽談會。", glossary) == []
    assert [e.text for e in place_expressions("洽談會在香港舉行。", glossary)] == ["香港"]


def test_a_share_answers_how_far_a_figure_fell():
    fell = analyse(prepare_query("2006年至2015年區內二氧化硫年均值跌咗幾多？"))
    share, count = expressions.numbers("分別下降72%和3個")
    assert unit_strength(fell, share) == 1.0
    assert unit_strength(fell, count) == 0.5


def test_an_event_verb_is_found_as_any_verb_of_its_class():
    # 完工 asked, 竣工 written: the same act; 動工 (a start) is not it, and keeps only its shared character
    assert concept_shares("我們預計於2015年竣工。", [[["完工"]]]) == [1.0]
    assert concept_shares("工程已於2010年動工。", [[["完工"]]]) == [0.5]


def test_exports_are_not_found_inside_a_trade_total():
    asked = "2010年广东出口去香港的总额是多少?"
    total = "廣東省與香港的進出口總額約為港幣12,334億元"
    hidden = hide_inside_wider(total, asked)
    assert concept_shares(hidden, [[["出口"]]]) == [0.0]
    assert seen_tokens(frozenset({"进出口", "出口", "总额"}), hidden, asked) == frozenset({"进出口", "总额"})
    exported = "進出口總額約為港幣12,334億元，其中出口到香港總額約為港幣11,870億元"
    assert concept_shares(hide_inside_wider(exported, asked), [[["出口"]]]) == [1.0]
    # a question about the trade total itself keeps the word
    both = "2010年广东与香港的进出口总额是多少?"
    assert concept_shares(hide_inside_wider(total, both), [[["出口"]]]) == [1.0]


def test_a_deadline_does_not_answer_since_when():
    glossary = Glossary([])
    since = analyse(prepare_query("駐內地辦事處由幾時開始加設入境事務組？"))
    when = analyse(prepare_query("駐武漢辦事處幾時會設入境事務組？"))
    assert since.since and not when.since
    text = "駐武漢辦事處亦將於2017年年底前設入境事務組，2013年起提升職能"
    assert [e.text for e in typed_expressions(since, text, glossary)] == ["2013年"]
    assert [e.text for e in typed_expressions(when, text, glossary)] == ["2017年年底前", "2013年"]


def test_a_count_in_the_general_classifier_of_people_counts_people():
    text = "受惠香港青年的總數由7 900個增加至19 200個"
    people = [counted_people(text, e) for e in expressions.numbers(text)]
    assert [(e.text, e.unit) for e in people] == [("7 900個", "人"), ("19 200個", "人")]
    young = analyse(prepare_query("2016/17年度青年内地交流资助计划惠及多少名香港青年？"))
    assert unit_strength(young, people[1]) == 1.0
    # 190個援建項目 names no people: still the general classifier, which never counts people
    projects = expressions.numbers("190個援建項目已全部投入服務")[0]
    assert counted_people("190個援建項目已全部投入服務", projects).unit == "個"
    assert unit_strength(young, projects) == 0.0
    # a bare large figure with the people right after it counts them; one with money after it does not
    text = "涉及約100億港元，惠及超過30萬四川同胞。"
    assert [counted_people(text, e).unit for e in expressions.find("count", text)] == [None, "人"]


def test_people_counted_are_asked_in_people_whatever_stands_between():
    # 幾多個香港醫護人員: 個 with people after a place counts people; 多少個國家的代表 counts countries
    for question in (
        "CEPA之下，實際上有幾多個香港醫護人員去咗內地短期執業？",
        "How many Hong Kong doctors and nurses have gone to practise on the Mainland?",
        "Roughly how many Hong Kong civil servants a year go to the Mainland for training?",
    ):
        assert analyse(prepare_query(question)).unit == "人", question
    assert analyse(prepare_query("國際知識產權執法會議有多少個國家的代表參加？")).unit != "人"
    kinds = analyse(prepare_query("CEPA之下，實際上有幾多個香港醫護人員去咗內地短期執業？"))
    text = "此外，12類香港法定註冊醫療衞生專業人員，包括醫生、中醫、牙醫、護士等，可到內地短期執業。"
    assert unit_strength(kinds, expressions.numbers(text)[0]) == 0.0


def test_a_sentence_names_items_only_with_what_joins_them():
    for text in (
        "在師資培訓、學生交流等範疇",
        "北京和上海",
        "金融及經貿",
        "《深港創新圈建設三年行動計劃（2009-2011）》",
    ):
        assert names_items(text), text
    # 高等 is no 等, 參與 no 與, 涉及 no 及
    for text in (
        "開展內地部分高等院校免試招收香港學生計劃，也有助他們在內地或香港發展。",
        "參與計劃涉及多方",
    ):
        assert not names_items(text), text


def test_a_photo_caption_is_not_an_answer_alone():
    assert not_an_answer_alone("首屆「一帶一路」高峰論壇開幕儀式。")
    assert not_an_answer_alone("蓮塘/香園圍口岸構想圖。")
    assert not_an_answer_alone("4. ")
    # a sentence that says something, however short, is a candidate answer
    assert not not_an_answer_alone("截至2017年2月，監測網絡的監測站從16個增加至23個。")
    assert not not_an_answer_alone("2017年1月，港深雙方簽署合作備忘錄，舉行簽署儀式。")


def test_the_noun_after_a_question_word_is_the_kind_of_answer_not_a_topic():
    # 哪位官員: the answer names a post, not 官員; 2009年港深 is cut 2009 / 年港 / 深 by jieba
    question = "2009年港深成立的前海联合专责小组，港方组长是哪位官员？"
    tokens = _topic_tokens(tokenize(question), question, who=True)
    assert "官员" not in tokens and "年港" not in tokens
    assert {"前海", "组长", "2009"} <= set(tokens)
    # a who question's 哪個部門 asks for a body; what 「設立了甚麼機制」 set up is described as a 機制
    assert "部门" not in _topic_tokens(tokenize("由哪個部門負責？"), "由哪個部門負責？", who=True)
    assert "机制" in _topic_tokens(tokenize("設立了甚麼機制？"), "設立了甚麼機制？", who=False)


def test_a_verb_of_one_asked_event_is_found_as_a_verb_of_another_asked_one():
    # "When did the office open": 開放 (open) is found as 成立 (establish), both asked
    index = SimpleNamespace(term_stats={"开放", "成立", "武汉"})
    concepts = _with_sibling_events([[["武汉"]], [["开放"]]], frozenset({"open", "establish"}), index)
    assert concepts == [[["武汉"]], [["开放"], ["成立"]]]
    assert concept_shares("在2014年4月成立駐武漢經濟貿易辦事處", concepts) == [1.0, 1.0]
    # one event asked: nothing is added
    assert _with_sibling_events([[["开放"]]], frozenset({"open"}), index) == [[["开放"]]]


def test_the_post_of_a_person_the_question_names_is_not_its_answer():
    analysis = analyse(prepare_query("李克强宣布的措施由哪个局统筹？"))
    sentence = "國務院副總理李克強於8月訪港時宣布措施，財經事務及庫務局負責統籌。"
    glossary = Glossary([Entry(("Treasury Bureau",), ("財經事務及庫務局",), "organisation")])
    found = typed_expressions(analysis, sentence, glossary)
    assert [e.text for e in found] == ["財經事務及庫務局"]


def test_the_sides_the_question_names_joined_are_not_who_answers():
    glossary = Glossary([])
    sentence = "港深兩地政府簽訂合作備忘錄，共同發展港深創新及科技園。"
    both = analyse(prepare_query("簽署河套合作備忘錄嘅，港深兩邊分別係邊個？"))
    assert typed_expressions(both, sentence, glossary) == []
    assert sides_restated("港深两地政府", both.asked)
    assert sides_restated("粤港双方", "粤港合作 香港 广东")
    # one side of the two asked about may answer; a body with a name of its own is no restatement
    assert not sides_restated("香港特区政府", "香港定深圳")
    assert not sides_restated("粤港合作联席会议", "粤港")
    assert not sides_restated("港深两地政府", "落马洲河套")


def test_the_related_departments_of_both_sides_do_not_answer_which_department():
    glossary = Glossary([])
    sentence = "此外，兩地相關政府部門亦簽署了四份合作文件，涵蓋金融服務、教育、青年發展及食品安全範疇；"
    one = analyse(prepare_query("第五次京港合作會議簽嗰份食品安全合作文件，香港係由邊個部門簽署？"))
    assert typed_expressions(one, sentence, glossary) == []
    # which bodies signed: the papers' answer is that kind, named no further
    bodies = analyse(prepare_query("滬港合作會議第六次會議嗰20份合作文件，係邊啲單位簽嘅？"))
    assert [e.text for e in typed_expressions(bodies, sentence, glossary)] == ["兩地相關政府部門"]


def test_a_body_of_another_kind_does_not_answer_which_company():
    glossary = Glossary([])
    sentence = "港珠澳大橋管理局已於2010年12月與承建商簽署合約。"
    company = analyse(prepare_query("Which contractor won the bridge's main works contract?"))
    assert typed_expressions(company, sentence, glossary) == []
    body = analyse(prepare_query("Which body signed the bridge's main works contract?"))
    assert [e.text for e in typed_expressions(body, sentence, glossary)] == ["港珠澳大橋管理局"]
    school = analyse(prepare_query("廣東工業設計培訓學院喺香港嘅合作院校係邊間？"))
    found = typed_expressions(school, "廣東工業設計培訓學院（香港知專設計學院合作院校）共建項目", glossary)
    assert "香港知專設計學院" in [e.text for e in found]


def _candidate(row: int, text: str) -> Candidate:
    return Candidate(Sentence(row, "doc", 0, len(text), text, 0), 0, True, np.zeros(len(FEATURES)), (), ())


def test_a_sentence_narrowing_the_one_before_to_what_is_asked():
    whole = _candidate(7, "在2010年，廣東省與香港的進出口總額約為港幣12,334億元。")
    part = _candidate(8, "其中出口到香港總額約為港幣11,870億元。")
    exports = analyse(prepare_query("2010年廣東出口到香港的總額是多少？"))
    assert narrows_to_asked(exports, whole, part)
    # the total itself is asked; the part names nothing the total does not; not the next sentence
    assert not narrows_to_asked(analyse(prepare_query("廣東與香港的進出口總額是多少？")), whole, part)
    assert not narrows_to_asked(exports, whole, _candidate(8, "另外出口到香港總額約為港幣11,870億元。"))
    assert not narrows_to_asked(exports, whole, _candidate(9, part.sentence.text))


def test_a_head_count_does_not_answer_how_many_things():
    heads = expressions.Expression("count", 0, 8, "超過1 270名", "名")
    visits = expressions.Expression("count", 0, 8, "約17萬人次", "人次")
    hospitals = analyse(prepare_query("How many hospitals are there in Shenzhen?"))
    assert unit_strength(hospitals, heads) == 0.0
    assert unit_strength(analyse(prepare_query("How many visits were made?")), visits) > 0
    assert unit_strength(analyse(prepare_query("How many doctors are there?")), heads) > 0


def test_a_word_found_in_part_counts_its_characters_by_their_rarity():
    meeting = [[["闽港合作会议"]]]
    beijing = "京港合作高層會議由行政長官與北京市市長主持"
    # alike, 港合作會議 is four characters of six; weighted, 閩 (rare) is what names the meeting
    assert concept_shares(beijing, meeting) == [5 / 6]
    weights = {"闽": 5.0, "港": 0.2, "合": 0.5, "作": 0.5, "会": 0.3, "议": 0.3}
    assert concept_shares(beijing, meeting, weights)[0] < 0.3


def test_an_alternative_counts_by_all_its_tokens():
    # 合作 alone is not the mechanism 閩港合作機制 (its search-mode tokens: 合作, 機制, 閩港合作機制)
    mechanism = [[["闽港合作机制"], ["合作", "机制", "闽港合作机制"]]]
    assert concept_shares("加強兩地合作", mechanism)[0] < 0.5
    assert concept_shares("成立閩港合作機制", mechanism) == [1.0]


@pytest.mark.parametrize(
    ("question", "source"),
    [
        ("按2011年那份立法会文件，香港是内地第几大贸易伙伴？", "按2011年那份立法会文件，"),
        ("2011年嗰份文件講，香港係內地第幾大貿易夥伴？", "2011年嗰份文件講，"),
        (
            "Where did HK rank, according to the 2011 LegCo paper on trade?",
            "according to the 2011 LegCo paper on trade",
        ),
        # the paper as the subject; a preposition's phrase before it ("in the Bay Area") is asked about
        (
            "Which platforms in the Greater Bay Area does the 2024 Policy Address paper encourage HK to use?",
            "does the 2024 Policy Address paper",
        ),
        ("What role for HK in the Bay Area does CMAB's 2024 paper give it?", "does CMAB's 2024 paper"),
        ("What phrase does the bureau use in its 2024 paper?", "in its 2024 paper"),
        ("What documents does the agreement cover?", ""),
        # a year's paper named without 那份, or its part (總結嗰度, 的总结部分): where the asker read it
        (
            "2009年深港合作會議份文件總結嗰度，特區政府話會充分利用邊幾份文件？",
            "2009年深港合作會議份文件總結嗰度，",
        ),
        ("2009年深港合作会议文件的总结部分提到，政府将利用哪些文件？", "2009年深港合作会议文件的总结部分"),
        ("兩地簽咗份文件，講乜？", ""),
        # the paper by its title, and where in it
        (
            "《2012—2017年回顾》展望部分提到，香港能在哪些方面为国家提供重要平台？",
            "《2012—2017年回顾》展望部分提到，",
        ),
        # a title the question asks about is no source (《粵港合作框架協議》提到哪些範疇)
        ("《粵港合作框架協議》提到，兩地會合作發展哪些產業？", ""),
        # 合作文件 here is what is asked about, not where it was read
        ("簽署的合作文件，涵蓋哪些範疇？", ""),
        ("簽署的合作文件中提到哪些範疇？", ""),
        # the paper as the question's subject, named by its year
        ("政制及內地事務局2024年施政報告文件用咩說法形容香港嘅優勢？", "政制及內地事務局2024年施政報告文件"),
        (
            "政制及内地事务局关于2024年施政报告的文件用哪八个字概括？",
            "政制及内地事务局关于2024年施政报告的文件",
        ),
    ],
)
def test_the_paper_the_asker_read_is_not_what_they_ask_about(question, source):
    assert without_source(question)[1] == source


def test_a_post_inside_a_title_is_the_titles_name():
    question = analyse(prepare_query("政制及內地事務局局長是哪一位？"))
    text = "本文件旨在向委員介紹在《行政長官2024年施政報告》中，政制及內地事務局有關內地合作的政策措施。"
    assert typed_expressions(question, text, Glossary([])) == []


def test_character_rarity_comes_from_counts_stored_at_build_time(real_service, monkeypatch):
    from index import CharacterStats, normalize
    from qa.readers import features

    index = real_service.index
    assert index.characters is not None and index.characters.passages == index.term_stats.passages
    counted = CharacterStats.from_texts(normalize(p.text) for p in index.iter_passages())
    assert index.characters.document_frequency == counted.document_frequency
    stored = dict(features.character_weights(index))
    # An index built before the counts were stored counts them once by reading its passages: the same.
    monkeypatch.setattr(index, "characters", None)
    monkeypatch.setattr(features, "_WEIGHTS", {})
    assert features.character_weights(index) == stored
    assert stored["港"] < 1.0 < stored["閩" if "閩" in stored else "闽"]


def test_a_growth_rate_does_not_answer_a_share():
    sentence = "實際利用港商直接投資約港幣921億元，比2008年增長12.6 %，佔全省總數61.3%"
    glossary = Glossary([])
    share = analyse(prepare_query("What percentage of Guangdong's foreign investment came from Hong Kong?"))
    found = [e for e in typed_expressions(share, sentence, glossary) if e.kind == "percent"]
    assert [e.text for e in found if not a_change_not_asked(share, sentence, e)] == ["61.3%"]
    growth = analyse(prepare_query("By what percentage did Hong Kong investment in Guangdong grow in 2009?"))
    found = [e for e in typed_expressions(growth, sentence, glossary) if e.kind == "percent"]
    assert [e.text for e in found if not a_change_not_asked(growth, sentence, e)] == ["12.6 %", "61.3%"]


def test_a_city_does_not_answer_which_district():
    glossary = Glossary(
        [Entry(("Hong Kong",), ("香港",), "place"), Entry(("Nanshan District",), ("南山區",), "place")]
    )
    district = analyse(prepare_query("杜邦喺深圳嘅生產基地設喺邊個區？"))
    assert typed_expressions(district, "生產基地設於香港", glossary) == []
    assert [e.text for e in typed_expressions(district, "生產基地設於南山區", glossary)] == ["南山區"]
    # nor does a crossing in one, which does say where
    crossings = Glossary([Entry(("Man Kam To",), ("文錦渡",), "place")])
    checked = "特區政府人員在文錦渡檢查站就進口香港大學深圳醫院的藥物進行檢查"
    hospital = analyse(prepare_query("港大深圳醫院喺深圳邊個區？"))
    assert typed_expressions(hospital, checked, crossings) == []
    where = analyse(prepare_query("藥物喺邊度檢查？"))
    assert [e.text for e in typed_expressions(where, checked, crossings)] == ["文錦渡"]
    where = analyse(prepare_query("杜邦嘅生產基地喺邊度？"))
    assert [e.text for e in typed_expressions(where, "生產基地設於香港", glossary)] == ["香港"]


def test_a_pairing_of_the_sides_names_both_places():
    sides = analyse(prepare_query("When did the ties between Hong Kong and Shenzhen start?")).sides
    assert sides == {"港深": "香港 深圳", "深港": "深圳 香港"}
    assert sides_named("港深兩地的緊密聯繫始於1978年", sides) == " 香港 深圳"
    assert sides_named("粵港合作聯席會議", sides) == ""


def test_what_the_question_names_outside_the_paper_it_read_is_asked(real_service):
    question = analyse(
        real_service.index.prepare(
            "According to the paper on the 2009 Shenzhen-Hong Kong cooperation meeting, "
            "when did the ties between Hong Kong and Shenzhen start?"
        )
    )
    found = {
        t for alternatives in concepts(question, real_service.index) for alt in alternatives for t in alt
    }
    assert {"香港", "深圳"} <= found
    assert "深港合作会议" not in found  # only the paper's own subject


def test_first_before_the_asked_event_is_not_a_concept(real_service):
    def asked(text: str) -> set[str]:
        question = analyse(real_service.index.prepare(text))
        return {
            t for alternatives in concepts(question, real_service.index) for alt in alternatives for t in alt
        }

    assert "第一" not in asked("When did the ties between Hong Kong and Shenzhen first start?")
    assert "第一" in asked("When was the first Shenzhen-Hong Kong cooperation meeting held?")


def test_where_the_asker_saw_it_is_not_a_concept(real_service):
    question = analyse(real_service.index.prepare("回顧小冊子張相影嘅香港電影廣東展映周，係第幾屆？"))
    found = {
        t for alternatives in concepts(question, real_service.index) for alt in alternatives for t in alt
    }
    assert {"电影", "展映"} <= found
    assert not found & {"小册子", "小册", "册子", "张相"}


def test_how_a_question_is_framed_is_not_a_concept(real_service):
    def asked(text: str) -> set[str]:
        question = analyse(real_service.index.prepare(text))
        return {
            t for alternatives in concepts(question, real_service.index) for alt in alternatives for t in alt
        }

    found = asked("香港的建筑师、工程师想去广东注册执业，粤港有没有这方面的安排？")
    assert {"建筑师", "注册", "执业"} <= found
    assert not found & {"有没有", "没有", "这方", "这方面"}
    found = asked("粵港兩邊搞新法例，如果涉及雙方合作，會唔會事先互相通知同諮詢？")
    assert {"法例", "双方", "合作"} <= found
    assert not found & {"如果", "两边"}


def test_a_place_is_read_with_its_kind_and_not_inside_a_post():
    glossary = Glossary([Entry(("Dongguan",), ("東莞",), "place"), Entry(("Shenzhen",), ("深圳",), "place")])
    where = analyse(prepare_query("廣東外資企業產品內銷博覽會喺邊個城市舉行？"))
    found = typed_expressions(where, "廣東省於東莞市舉行的博覽會", glossary)
    assert [e.text for e in found] == ["東莞市"]
    # 深圳市代市長 is whose post, not where the press conference was
    city = analyse(prepare_query("Which city was the meeting held in?"))
    assert typed_expressions(city, "政務司司長及深圳市代市長亦於同日舉行記者會", glossary) == []


def test_a_count_the_english_question_writes_in_words_is_its_own():
    kids = analyse(
        prepare_query("How many kids are enrolled in the classes at the three schools in Shenzhen?")
    )
    assert typed_expressions(kids, "深圳三所民辦學校開辦港人子弟班", Glossary([])) == []
    schools = analyse(prepare_query("How many schools in Shenzhen run classes for Hong Kong children?"))
    assert [e.text for e in typed_expressions(schools, "深圳三所民辦學校開辦港人子弟班", Glossary([]))] == [
        "三所"
    ]


def test_imports_and_exports_asked_together_are_the_total():
    # the Chinese an English question brings for "imports and exports", and for "exports" alone
    assert "进出口" in hide_inside_wider(
        "廣東省與香港的進出口總額", "total value of imports and exports 进口 出口"
    )
    assert "进出口" not in hide_inside_wider("廣東省與香港的進出口總額", "how much was exported 出口")


def test_the_mainlands_body_keeps_its_side_and_the_post_that_leads_is_no_body():
    glossary = Glossary([Entry(("Customs",), ("海關",), "organisation")])
    who = analyse(prepare_query("是由谁来研究的？"))
    assert [e.text for e in typed_expressions(who, "雙方同意內地海關研究如何透過第三方平台", glossary)] == [
        "內地海關"
    ]
    led = "過去一年，行政長官率領特區政府代表團分別與北京市舉行了會議"
    assert "行政長官" in [e.text for e in typed_expressions(who, led, Glossary([]))]


def test_a_special_region_is_no_district_and_a_venue_is_a_place():
    glossary = Glossary([Entry(("Hong Kong SAR",), ("香港特區",), "place")])
    district = analyse(prepare_query("港府在深圳设立的联络单位具体在哪个区？"))
    assert typed_expressions(district, "設於香港特區", glossary) == []
    where = analyse(prepare_query("「武漢盛世」展覽喺邊度展出？"))
    assert [e.text for e in typed_expressions(where, "展覽在香港歷史博物館舉行", glossary)] == [
        "香港歷史博物館"
    ]


def test_the_questions_own_body_with_its_side_written_is_its_own():
    glossary = Glossary([Entry(("Invest Hong Kong",), ("投資推廣署",), "organisation")])
    who = analyse(prepare_query("香港邊個部門同大珠三角商務委員會一齊搞？"))
    sentence = "投資推廣署一直與香港大珠三角商務委員會合辦考察團"
    assert [e.text for e in typed_expressions(who, sentence, glossary)] == ["投資推廣署"]


def test_the_questions_amount_in_english_is_its_own():
    asked = analyse(prepare_query("What's the most a company can get from that HK$1bn fund?"))
    assert typed_expressions(asked, "設立10億元專項基金", Glossary([])) == []


def test_a_meeting_of_the_year_asked_is_not_held_in_another():
    held = analyse(prepare_query("When was the 2010 Shenzhen-Hong Kong Cooperation Meeting held?"))
    sentence = "於2009年11月30日舉行的深港合作會議，雙方將於2010年3月舉辦活動"
    assert [e.text for e in typed_expressions(held, sentence, Glossary([]))] == ["2010年3月"]
    published = analyse(prepare_query("When were the 2010 figures due to be published?"))
    assert [e.text for e in typed_expressions(published, "將於2011年年底公布", Glossary([]))] == [
        "2011年年底"
    ]


def test_an_ordinal_answers_in_what_the_question_orders():
    edition = analyse(prepare_query("粵港話支持嘅「國際環保博覽會」係第幾屆？"))
    sixth, first = expressions.ordinals("第六屆「國際環保博覽會」，第一階段公眾參與")
    assert (unit_strength(edition, sixth), unit_strength(edition, first)) == (1.0, 0.0)
    rank = analyse(prepare_query("香港係內地第幾大貿易夥伴？"))
    assert unit_strength(rank, first) == 1.0


@pytest.mark.parametrize(
    ("body", "row"),
    [
        # the 2012 paper's table of cooperation mechanisms, its cells read across
        (
            "粵港合作粵港聯席會議行政長官及廣東省省長粵港聯席工作會議政務司司長與廣東省副省長粵港聯席下25個專責小組",
            True,
        ),
        # a map's labels
        (
            "金果灣東莞金桔咀花果山萬頃沙深圳東湖中山荔園紫馬嶺塔門唐家元朗荃灣江門東涌珠海大潭山香港端芬澳門",
            True,
        ),
        (
            "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議，以鞏固多個合作項目上取得的成果。",
            False,
        ),
        ("本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。", False),  # short, one mark
    ],
)
def test_a_table_row_read_across_is_told_from_a_sentence(body, row):
    assert table_row(body) is row


def test_a_month_does_not_answer_which_day():
    question = analyse(prepare_query("特首同廣西黨委書記喺香港見面，係2024年5月邊日？"))
    assert typed_expressions(question, "今年5月和9月，行政長官在香港會面", Glossary([])) == []
    found = typed_expressions(question, "今年5月16日，行政長官在香港會面", Glossary([]))
    assert [e.text for e in found] == ["今年5月16日"]


def test_a_venue_asked_is_answered_by_a_venue_not_its_city():
    question = analyse(prepare_query("高峰論壇喺邊個場地舉行？"))
    assert (
        typed_expressions(
            question, "在北京舉行的高峰論壇", Glossary([Entry(("Beijing",), ("北京",), "place")])
        )
        == []
    )
    found = typed_expressions(question, "高峰論壇在香港會議展覽中心舉行", Glossary([]))
    assert [e.text for e in found] == ["香港會議展覽中心"]


def test_english_words_only_the_dictionary_knows_are_concepts_of_their_own():
    # "pilot" is the glossary's; "certificates" and "signature" only the dictionary's, each sense an
    # alternative of one concept
    glossary = Glossary([Entry(("pilot",), ("試點",), "term")])
    dictionary = Glossary(
        [
            Entry(("certificates",), ("證書", "證明"), "dictionary"),
            Entry(("signature",), ("簽名", "簽字"), "dictionary"),
        ]
    )
    prepared = prepare_query(
        "When was the pilot on e-signature certificates announced?", glossary, fallback=dictionary
    )
    index = SimpleNamespace(term_stats={"试点", "证书", "证明", "签名", "签字"})
    senses = sense_concepts(analyse(prepared), index)  # type: ignore[arg-type]
    assert sorted(senses) == [[["签名"], ["签字"]], [["证书"], ["证明"]]]
    # a Chinese question has none
    assert sense_concepts(analyse(prepare_query("試點幾時公布？", glossary)), index) == []  # type: ignore[arg-type]


def test_a_sentence_about_another_place_misses_the_asked_one():
    glossary = Glossary(
        [
            Entry(("Hubei",), ("湖北",), "place"),
            Entry(("Guangdong",), ("廣東", "廣東省", "粵"), "place"),
            Entry(("Hong Kong",), ("香港",), "place"),
        ]
    )
    hubei = analyse(prepare_query("When did HK set up its cooperation mechanism with Hubei?", glossary))
    places = asked_places(hubei, glossary)
    assert places == [("湖北",)]  # Hong Kong is what every paper is about
    assert place_missing(places, "並於2015年成立閩港合作機制") == 1.0
    assert place_missing(places, "香港特區已經與北京、湖北以及泛珠三角區域設立區域合作機制") == 0.0
    # the papers' other names of a place count, in either script; 粵 alone is not a place named
    guangdong = asked_places(analyse(prepare_query("香港同广东省有几多合作？", glossary)), glossary)
    assert guangdong == [("广东", "广东省", "粤")]
    assert place_missing(guangdong, "粵港合作聯席會議") == 0.0
    assert asked_places(analyse(prepare_query("粵港合作聯席會議幾時成立？", glossary)), glossary) == []


def test_why_a_thing_was_done_in_another_year_does_not_say_why_of_the_year_asked():
    set_up = "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議，以鞏固合作項目上取得的成果。"
    assert figures_of_another_year(analyse(prepare_query("2009年深港合作會議點解係深圳代市長出面？")), set_up)
    assert not figures_of_another_year(analyse(prepare_query("2004年點解要設立深港合作會議？")), set_up)


def test_a_figure_of_another_year_does_not_answer_for_the_year_asked():
    settled = "自2010年1月至12月，香港的人民幣貿易結算總額達3,692億元人民幣。"
    assert figures_of_another_year(
        analyse(prepare_query("2009年經香港銀行辦理的人民幣貿易結算總額是多少？")), settled
    )
    assert figures_of_another_year(
        analyse(prepare_query("How much RMB trade was settled via HK in 2009?")), settled
    )
    # the year asked, a year inside the span written, a year relative to the paper's, or a count up to a year
    assert not figures_of_another_year(analyse(prepare_query("2010年人民幣貿易結算總額是多少？")), settled)
    span = "2006年至2015年，區內錄得的二氧化硫年均值下降72%。"
    assert not figures_of_another_year(analyse(prepare_query("2009年二氧化硫下降了多少？")), span)
    assert not figures_of_another_year(
        analyse(prepare_query("2011年粵港貿易結算佔幾成？")), "現時佔大約三成。2010年……"
    )
    # the sentence's own year governs its figures; the one before is read only when it writes none
    tests = "食物安全中心每年檢測約65 000個食物樣本，2016年整體合格率為99.8%。"
    pass_rate = analyse(prepare_query("2015年食物樣本整體合格率係幾多？"))
    assert figures_of_another_year(pass_rate, tests, "2012年至2016年，中心與內地合作。")
    assert not figures_of_another_year(pass_rate, "整體合格率為99.8%。", "在2015年，中心檢測樣本。")
    # who, where or which, of a thing the question dates: not the same kind of thing in another year
    forum = "2017年5月，行政長官率領香港特區代表團參加在北京舉行的「一帶一路」國際合作高峰論壇。"
    for question in (
        "2016年5月喺香港搞嘅首屆一帶一路高峰論壇，係邊個機構主辦？",
        "Who organised the first Belt and Road Summit held in Hong Kong in May 2016?",
    ):
        assert figures_of_another_year(analyse(prepare_query(question)), forum), question
    assert not figures_of_another_year(analyse(prepare_query("2017年一帶一路高峰論壇係邊個帶團去？")), forum)
    # the same year, another month: the office of 2016年8月 did not organise the summit of 2016年5月
    office = "2016年8月，成立「一帶一路」辦公室，負責研究和協調相關工作。"
    for question in (
        "2016年5月喺香港搞嘅首屆一帶一路高峰論壇，係邊個機構主辦？",
        "Who organised the first Belt and Road Summit held in Hong Kong in May 2016?",
    ):
        assert figures_of_another_year(analyse(prepare_query(question)), office), question
    summit = analyse(prepare_query("2016年5月喺香港搞嘅首屆一帶一路高峰論壇，係邊個機構主辦？"))
    # the month asked, a range holding it, no month written, or a month without its year (同年5月)
    assert not figures_of_another_year(summit, "2016年5月，特區政府與香港貿易發展局合辦高峰論壇。")
    assert not figures_of_another_year(summit, "2016年3月至8月期間，貿發局舉辦多項活動。")
    assert not figures_of_another_year(summit, "2016年，貿發局舉辦首屆高峰論壇。")
    assert not figures_of_another_year(summit, "2016年8月成立辦公室，同年5月舉辦論壇。")
    # a question naming no month, or two, asks no one month
    assert not figures_of_another_year(analyse(prepare_query("2016年一帶一路辦公室由誰領導？")), office)
    # a year relative to the paper's own is read with the paper's year: 去年 of a 2011 paper is 2010
    checks = "雙方海關在去年已於各陸路口岸加強合作，參考對方的查驗結果。"
    where = analyse(prepare_query("Where was the inspection arrangement going to be rolled out to in 2011?"))
    assert figures_of_another_year(where, checks, paper_year=2011)
    assert not figures_of_another_year(where, checks, paper_year=2012)
    assert not figures_of_another_year(where, checks)  # no paper's year: 去年 may be the year asked
    # a year an event is dated by, asked before or after it, is not the year asked
    before = analyse(prepare_query("Before the 2012 reorganisation, which bureau led the CEPA talks?"))
    assert not figures_of_another_year(before, "商務及經濟發展局去年牽頭磋商。", paper_year=2012)
    # years from one to another are a span, not the year asked
    booklet = analyse(prepare_query("The 2012–17 review booklet has a photo of food checks. Where?"))
    assert not figures_of_another_year(booklet, "檢查站。", "在2015年，中心檢測樣本。")
    signed = "自2003年簽署CEPA以來，雙方已簽署八份補充協議。"
    assert not figures_of_another_year(
        analyse(prepare_query("How many CEPA supplements were signed by 2012?")), signed
    )


def test_a_sentence_that_only_counts_what_a_list_question_asks_lists_nothing():
    counted = "2024年4月舉行了「滬港合作會議」第六次會議，就15個合作領域達成共識。"
    for question in (
        "What exactly were the 15 cooperation areas agreed at the 6th Shanghai–HK Cooperation Conference?",
        "第六次滬港合作會議達成共識嗰15個合作領域，具體係邊15個？",
        "2009年深港合作会议后签署的七份合作协议分别是哪些？",
    ):
        analysis = analyse(prepare_query(question))
        assert analysis.expected == "list", question
    assert only_counts_the_list(
        analyse(prepare_query("第六次滬港合作會議達成共識嗰15個合作領域，具體係邊15個？")), counted
    )
    seven = analyse(prepare_query("2009年深港合作会议后签署的七份合作协议分别是哪些？"))
    assert only_counts_the_list(seven, "會後，雙方簽署七份合作協議(合作協議內容見附件)。")
    # the sentence lists them, or counts another number of things
    assert not only_counts_the_list(seven, "雙方簽署七份合作協議，包括創新科技、教育、醫療等。")
    assert not only_counts_the_list(seven, "雙方簽署兩份合作協議。")
    # a list before the count in its own clause names them; a 、 of another clause (a PDF column run into
    # the sentence) does not
    assert not only_counts_the_list(seven, "雙方就創新科技、教育、醫療等七份合作協議達成共識。")
    three = analyse(prepare_query("截至2017年3月，喺香港開咗專屬自保保險公司嗰三間內地企業係邊三間？"))
    assert three.expected == "list"
    assert only_counts_the_list(
        three, "截至償付準備金要求、豁免在香港維持2017年3月，有3家內地企業在香港成立專屬自保保險公司。"
    )


def test_a_sentence_counting_other_things_than_the_ones_a_question_quotes_is_about_others():
    arts = "藝術發展基金資助共60個內地文化交流項目（資助額逾600萬港元），香港藝術發展局則資助共74個項目。"
    tech = analyse(prepare_query("粵港科技合作資助計劃資助的近80個項目，撥款總額是多少？"))
    assert quotes_another_count(tech, arts)
    # the quoted count is there, or what is quoted is an amount (HK$1bn), not a count
    assert not quotes_another_count(analyse(prepare_query("藝發局資助嗰74個項目，資助額總共有幾多？")), arts)
    fund = analyse(prepare_query("What's the most a company can get from the HK$1bn fund for 60 projects?"))
    assert not quotes_another_count(fund, arts)
    assert not quotes_another_count(
        analyse(prepare_query("What's the most a company can get from the HK$1bn fund?")), arts
    )


def test_a_date_only_planned_does_not_say_when_a_thing_happened():
    planned = "駐武漢辦事處亦將於2017年年底前設入境事務組。"
    done = analyse(
        prepare_query("When did the Wuhan ETO actually get its immigration division up and running?")
    )
    assert done.done
    assert typed_expressions(done, planned, Glossary([])) == []
    # the plan asked, or a date reported
    plan = analyse(prepare_query("When was the Wuhan ETO expected to get its immigration division?"))
    assert not plan.done
    assert [e.text for e in typed_expressions(plan, planned, Glossary([]))] == ["2017年年底前"]
    assert [e.text for e in typed_expressions(done, "駐武漢辦事處於2018年設入境事務組。", Glossary([]))] == [
        "2018年"
    ]


def test_a_date_in_brackets_dates_the_name_before_it():
    text = "當中包括粵港合作聯席會議（1998年成立）、滬港經貿合作會議（2003年成立）"
    first, second = expressions.find("date", text)
    sichuan = normalize("川港溝通協調機制係幾時正式設立㗎？")
    shanghai = normalize("滬港經貿合作會議幾時成立？")
    assert _dates_another_name(text, first, sichuan) and _dates_another_name(text, second, sichuan)
    assert _dates_another_name(text, first, shanghai) and not _dates_another_name(text, second, shanghai)
    # a paper's own date in brackets is not an event of the name before it
    source = "資料來源：落馬洲河套地區發展規劃及工程研究–資料摘要（2013年7月）"
    (date,) = expressions.find("date", source)
    assert not _dates_another_name(source, date, "which month is the info digest from")


@pytest.mark.parametrize(
    "question",
    [
        "Before the 2012 government reorganisation, which bureau led the talks on expanding CEPA?",
        "政府總部重組之前，由哪個政策局牽頭與商務部磋商？",
    ],
)
def test_a_sentence_on_after_the_reorganisation_does_not_say_what_held_before(question):
    analysis = analyse(prepare_query(question))
    assert another_phase(analysis, "改組後的工商及產業局繼續牽頭與商務部就有關進一步擴展 CEPA 進行磋商")
    assert not another_phase(analysis, "商務及經濟發展局牽頭與商務部就有關進一步擴展 CEPA 展開磋商")
    after = analyse(prepare_query("改組後由哪個局牽頭磋商？"))
    assert another_phase(after, "改組前由商務及經濟發展局牽頭")
    assert not another_phase(analyse(prepare_query("前海幾時成立？")), "改組後的工商及產業局")


def test_a_purpose_is_said_by_its_words_not_by_the_yi_of_yiji():
    from index import normalize
    from qa.readers import features

    assert features._PURPOSE.search(normalize("以加強宣傳推廣香港的優勢"))
    # 以及 joins, 以上 and 以來 measure: none of them says what for
    # ... nor does the 以 of 可以 ("can") or 難以
    for text in (
        "駐福建聯絡處，以及屬駐成都經貿辦編制內的駐重慶聯絡處",
        "2012年以來",
        "三年以上",
        "讓符合資格的港人子弟班小六學生，可以參加「中學學位分配辦法」",
        "難以預計",
    ):
        assert not features._PURPOSE.search(normalize(text)), text


def test_a_reason_is_a_purpose_a_cause_or_an_aim():
    from qa.readers import features
    from qa.readers.features import gives_reason

    for text in (
        "以加強宣傳推廣香港和「一國兩制」的各種優勢。",
        "港資企業往往需要因應內地在政策法規上的轉變而作出調節。",
        "令深西軌道有效發揮交通的多重功能，方便往來深港兩地的跨境旅客。",
    ):
        assert gives_reason(text), text
    # the means, then what it is for: an aim; a means with nothing after it is none
    assert features.gives_aim("投資推廣署在海外市場透過合辦投資推介會，推廣香港與內地的聯合優勢。")
    assert not features.gives_aim("計劃已透過諮詢會收集意見。")
    # what is done, then what it raises: an aim; raising as the sentence's own subject is none
    assert features.gives_aim("增加夥伴實驗室的數目，並提供財政資助，提升其研發能力。")
    assert features.gives_aim(
        "廣東學習借鑒香港家務助理培訓等發展家政服務業的先進經驗，提升廣東家政服務水平。"
    )
    assert not features.gives_aim("提升研發能力是長遠工作。")
    assert features.gives_aim("繼續實施清潔生產夥伴計劃標誌計劃，支持企業節能減排。")
    assert not features.gives_aim("廣東支持省內商業銀行申請資格。")
    # the part a thing is to play: an aim; a role named without it being played is none
    assert features.gives_aim("共同探索並發揮替代性爭議解決方式在構建兩地和諧經貿關係中的獨特作用。")
    assert not features.gives_aim("替代性爭議解決方式的作用日益重要。")
    assert not gives_reason("現時特區政府駐內地的辦事處包括駐北京辦事處，以及駐重慶聯絡處。")


def test_a_river_mouth_is_a_place_that_says_where():
    glossary = Glossary([])
    found = place_expressions("共同保護珠江口紅樹林等濱海濕地", glossary)
    assert [e.text for e in found] == ["珠江口"]
    # a crossing (口岸) and an export (出口) are no river's mouth
    assert place_expressions("深圳灣口岸及出口貨物", glossary) == []
    question = analyse(prepare_query("紅樹林喺邊度？"))
    assert question.locative
    assert [e.text for e in typed_expressions(question, "共同保護珠江口紅樹林等濱海濕地", glossary)] == [
        "珠江口"
    ]


def test_the_doer_of_a_thing_is_a_who_answer_whoever_they_are():
    glossary = Glossary([])
    found = [
        e.text
        for e in who_expressions(
            "另外，由廣東省、香港和澳門三地有關部門和電影業界舉辦的首屆「粵港澳青年電影盛典」已於今年二月圓滿結束",
            glossary,
        )
    ]
    assert "廣東省、香港和澳門三地有關部門和電影業界" in found
    providers = who_expressions("鼓勵香港服務提供者在粵舉辦養老及殘疾人社會福利機構", glossary)
    assert "香港服務提供者" in [e.text for e in providers]
    # one side of a pairing doing a thing, not both sides or an aspect (各方面)
    assert [e.text for e in who_expressions("並宣傳粵方在廣東舉辦的考前培訓班", glossary)] == ["粵方"]
    assert who_expressions("雙方同意在各方面加強合作，方便市民", glossary) == []
    assert who_expressions("包括委託部份跨境工程予深方", glossary) == []
    # 由 before a date, a place it starts from or 此 names nobody
    for text in ("由2012年起推行計劃", "由此成立了工作小組", "由於成立工作小組"):
        assert not any(e.text.startswith(("2012", "此", "於")) for e in who_expressions(text, glossary)), text


def test_kinds_of_doers_answer_who_takes_part_only_where_no_one_is_named():
    glossary = Glossary([])
    text = "推動兩地會展業相關政府管理部門、行業中介機構和企業建立合作互動機制"
    assert [e.text for e in who_expressions(text, glossary, kinds=True)] == ["行業中介機構", "企業"]
    # only for who takes part: those who sign or organise a thing are named
    assert who_expressions(text, glossary) == []
    summit = "逾2 400位內地及沿線國家主要官員、國際機構代表及行業領袖共同探討商機"
    people = who_expressions(summit, glossary, kinds=True)
    assert [e.text for e in people][-2:] == ["國際機構代表", "行業領袖"]
    # a named body is the answer, not the kinds beside it
    named = [e.text for e in who_expressions("由香港貿易發展局及香港企業合辦", glossary, kinds=True)]
    assert "香港貿易發展局" in named and "香港企業" not in named
    # 企業的 is what belongs to firms
    assert who_expressions("為企業的發展提供支援", glossary, kinds=True) == []
    # which questions ask who takes part
    for question, asked in (
        ("Who took part in the first Belt and Road Summit?", True),
        ("In that plan, who was meant to join the cooperation mechanism?", True),
        ("會展業合作互動機制係由邊啲單位一齊搞？", True),
        ("Who organised the first Belt and Road Summit?", False),
        ("邊個簽咗份協議？", False),
    ):
        assert analyse(prepare_query(question)).participants is asked, question


def test_the_side_that_does_what_is_asked_answers_who():
    glossary = Glossary([])
    item = "1.支持香港醫療服務提供者在粵獨資設立醫院，廣東制定出台香港服務提供者在粵開辦獨資醫院的操作指引。"
    asked = normalize("操作指引由邊個負責制定？")
    assert "廣東" in [e.text for e in who_expressions(item, glossary, asked=asked)]
    # a side doing something else is no answer to who drew up the guide
    assert who_expressions("3.廣東研究制訂扶持政策。", glossary, asked=asked) == []
    # and it answers though the question names the side as the place (港資喺廣東開……)
    question = analyse(prepare_query("港資喺廣東開獨資醫院嘅操作指引，由邊個負責制定？"))
    assert "廣東" in [e.text for e in typed_expressions(question, item, glossary)]
    # but not where the question makes the side its own subject: it asks whose support the side seeks
    asked = normalize("廣東要爭取邊個部門支持？")
    assert "廣東" not in [
        e.text for e in who_expressions("廣東爭取國家教育部的支持。", glossary, asked=asked)
    ]


def test_a_bureau_before_a_bare_title_is_the_title_s_own_but_a_meeting_is_not():
    glossary = Glossary(
        [
            Entry(("CMAB",), ("政制及內地事務局",), "organisation"),
            Entry(("Permanent Secretary",), ("常任秘書長",), "role"),
            Entry(("Chief Secretary",), ("政務司司長",), "role"),
        ]
    )
    posts = [e.text for e in who_expressions("工作小組會議由政制及內地事務局常任秘書長主持", glossary)]
    assert "政制及內地事務局常任秘書長" in posts
    # a table's row: the meeting, then who chairs it
    assert "政務司司長" in [
        e.text for e in who_expressions("深港合作會議政務司司長與深圳市市長主持", glossary)
    ]


@pytest.mark.parametrize(
    ("text", "rate"),
    [
        ("食物安全中心每年檢測約65 000個食物樣本。", True),
        ("1995年至2015年年均增長接近40%。", True),
        ("最終年供水量為11億立方米。", True),
        ("在中小學階段最少各獲1次資助到內地交流機會。", True),
        ("超過1 270名長者曾在香港大學深圳醫院使用醫療券，涉及醫療券金額約港幣220萬元。", False),
    ],
)
def test_an_amount_per_unit_is_told_from_a_total(text, rate):
    assert gives_rate(text) is rate


def test_another_pairings_meeting_is_not_the_one_asked():
    sixth_shanghai = "2024年4月與上海市市長在香港舉行了「滬港合作會議」第六次會議，就15個合作領域達成共識。"
    assert names_another_meeting("第六次京港合作会议定在什么时候召开", sixth_shanghai)
    assert not names_another_meeting("第六次沪港合作会议", sixth_shanghai)
    # the same sides in the other order; a question naming no such meeting
    assert not names_another_meeting("港深合作会议", "深港合作會議於2004年成立。")
    assert not names_another_meeting("合作会议", sixth_shanghai)
    # the asked meeting under a longer name, beside another
    listed = "當中包括粵港合作聯席會議（1998年成立）、滬港經貿合作會議（2003年成立）"
    assert not names_another_meeting("沪港合作会议", listed)


@pytest.mark.parametrize(
    ("text", "frequency"),
    [
        ("粵港合作聯席會議每年舉行一次。", True),
        ("會議每兩年一次，由兩地輪流主辦。", True),
        ("雙方定期舉行會議。", True),
        ("2024年4月與上海市市長在香港舉行了「滬港合作會議」第六次會議，就15個合作領域達成共識。", False),
    ],
)
def test_how_often_is_told_from_one_date(text, frequency):
    assert gives_frequency(text) is frequency


@pytest.mark.parametrize(
    ("text", "cost"),
    [
        ("申請手續費為每宗港幣100元。", True),
        ("藝術發展基金資助共60個項目（資助額逾600萬港元）。", True),
        ("特區政府迅速注資90億港元到信託基金。", True),
        ("截至2017年1月，有超過4 300宗申請，關稅優惠總值逾2 500萬美元。", False),
        ("為200種香港常用中藥材制訂安全性及品質方面的標準。", False),
    ],
)
def test_a_cost_is_told_from_another_sum(text, cost):
    assert gives_cost(text) is cost


@pytest.mark.parametrize(
    ("text", "aim"),
    [
        ("致力抓緊內地經濟迅速發展的機遇，使之成為香港經濟發展的動力。", True),
        ("研究開拓更多新的合作平台，更好發揮香港「一國兩制」的獨特優勢。", True),
        ("雙方更成功邀請美國杜邦公司於香港設立其全球業務總部和研發中心。", False),
    ],
)
def test_what_a_sentence_means_to_bring_about(text, aim):
    assert gives_aim(text) is aim


def test_a_year_end_asked_is_one_point_in_time_but_by_a_year_is_not():
    share = "內地亦同時是香港最大的外來投資者，截至2009年年底，內地投資佔香港外來直接投資總額的36.4%。"
    for asked in ("What share came from Hong Kong by end-2010?", "截至2010年年底，香港資金佔幾多？"):
        assert figures_of_another_year(analyse(prepare_query(asked)), share)
    assert not figures_of_another_year(
        analyse(prepare_query("What share came from Hong Kong by 2010?")), share
    )


@pytest.mark.parametrize(
    "question",
    [
        "Which overseas markets are in the 20-odd markets where HK pushes multi-destination tours?",
        "香港同內地、澳門一齊推「一程多站」旅遊產品嗰二十幾個海外市場，係邊幾個？",
    ],
)
def test_a_loose_count_quoted_counts_the_list_without_naming_it(question):
    sentence = "與內地和澳門旅遊局合作，在20多個主要海外市場推廣「一程多站」旅遊產品。"
    assert only_counts_the_list(analyse(prepare_query(question)), sentence)
    assert not only_counts_the_list(
        analyse(prepare_query("Which markets does HK promote tours in?")), sentence
    )


def _passage_under(heading: str | None, text: str = "", kind: str = "paragraph") -> Passage:
    return Passage("d:0-1", "d", 0, len(text), text, None, heading, None, None, kind)


def test_a_numbered_topic_heading_is_read_with_the_items_under_it():
    item = "1.強化警方高層及偵查主管工作會晤及交流，完善跨境犯罪刑事偵查直接聯絡制度。"
    assert _under(_passage_under("（三）治安管理"), item) == "治安管理"
    assert _under(_passage_under("二、文化交流"), item) == "文化交流"
    # a paper's part names no topic, and a heading the sentence repeats adds nothing
    assert _under(_passage_under("背景"), item) == ""
    assert _under(_passage_under(None), item) == ""
    assert _under(_passage_under("（一）警方"), "警方合作") == ""


def test_a_sign_off_is_read_with_the_front_matter_it_signs():
    front = "資料文件 立法會工商事務委員會 2009年深港合作會議"
    sign_off = "政制及內地事務局\n\n二零零九年十二月"
    assert _under(_passage_under(front, sign_off, kind=SIGN_OFF), sign_off) == front


def test_a_letter_alone_is_no_concept(real_service):
    from qa.readers.features import concepts
    from qa.readers.question import analyse

    prepared, _ = real_service.prepare("I run a firm, i.e. a company: which HK body helps Guangdong firms?")
    found = [alt for concept in concepts(analyse(prepared), real_service.index) for alt in concept]
    assert ["i"] not in found and ["e"] not in found


def test_a_target_does_not_say_how_many_were_actually_done():
    from qa.readers.features import target_for_actual

    target = "21. 今年《施政報告》優化了工作指標，即駐內地辦事處在2025年造訪內地機關或組織不少於3 300次。"
    done = "自2012年7月至2016年12月，藝術發展基金為此資助共60個內地文化交流項目。"
    for question in (
        "駐內地辦事處2024年實際上拜訪咗幾多次內地機關？",
        "How many visits have the offices made so far?",
    ):
        analysed = analyse(prepare_query(question))
        assert target_for_actual(analysed, target)
        assert not target_for_actual(analysed, done)
    # a target asked is answered by one
    assert not target_for_actual(analyse(prepare_query("駐內地辦事處2025年要拜訪幾多次內地機關？")), target)


@pytest.mark.parametrize(
    ("question", "names"),
    [
        # cities asked: 廣東省 is a province, so the sentence names no city
        ("In which Mainland cities was Hong Kong going to hold the briefings on food safety law?", False),
        ("香港到内地举办食品安全新法例说明会，具体在哪些城市办？", False),
        # a province may answer when the question asks for one
        ("香港會喺內地邊啲省市辦食物安全說明會？", True),
    ],
)
def test_a_province_names_no_city_asked(question, names):
    glossary = Glossary([Entry(("Guangdong",), ("廣東",), "place"), Entry(("Mainland",), ("內地",), "place")])
    analysis = analyse(prepare_query(question, glossary))
    text = "我們會在內地(包括廣東省)舉辦說明會，介紹例如《食物安全條例草案》等重要的新法例。"
    assert names_another_place(text, analysis, glossary) is names
