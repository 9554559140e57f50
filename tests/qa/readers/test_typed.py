"""The typed reader on the real index: answers with exact spans, and abstains saying what is missing."""

import json

import pytest

from corpus import FRONT_MATTER, PAPER_PARTS, SIGN_OFF
from qa.readers import Calibration
from qa.readers.calibration import UNCALIBRATED
from qa.readers.features import candidates, gives_reason
from qa.readers.question import analyse
from qa.readers.typed import answerability_features, says_why_next
from qa.service import READ_DEPTH
from tests.conftest import fusion_changed


def _check_offsets(service, reading):
    docs = {m.doc_id: service.document(m.doc_id) for m in service.documents()}
    for s in reading.sentences:
        assert docs[s.doc_id].text[s.start : s.end] == s.text
    if reading.span is not None:
        span = reading.span
        assert docs[span.doc_id].text[span.start : span.end] == span.text
        assert any(s.start <= span.start and span.end <= s.end for s in reading.sentences)


@pytest.mark.parametrize(
    ("question", "span"),
    [
        ("深港合作會議何時成立？", "2004年"),
        ("When was the Shenzhen-Hong Kong Cooperation Meeting set up?", "2004年"),
        ("深港合作会议是哪一年设立的？", "2004年"),
        ("CEPA《服務貿易協議》下內地對香港開放了多少個服務部門？", "153個"),
    ],
)
def test_typed_questions_get_their_span(real_service, question, span):
    result = real_service.ask(question)
    reading = result.reading
    assert not reading.abstained, reading.abstain_reason
    assert reading.span is not None and reading.span.text == span
    _check_offsets(real_service, reading)
    cited = reading.hits[reading.citations[0] - 1]
    assert cited.passage.doc_id == reading.span.doc_id


@pytest.mark.parametrize(
    "question", ["How much did Guangdong export to Hong Kong in 2010?", "2010年广东出口到香港的总额是多少？"]
)
def test_a_part_narrowed_from_a_total_answers_with_the_total_before_it(real_service, question):
    # 「……進出口總額約為港幣12,334億元……。其中出口到香港總額約為港幣11,870億元」: exports are the part
    reading = real_service.ask(question).reading
    assert reading.span is not None and reading.span.text == "港幣11,870億元"
    assert [s.text[:2] for s in reading.sentences] == ["3.", "其中"]
    _check_offsets(real_service, reading)


@pytest.mark.parametrize(
    "question",
    [
        "What was CMAB's May 2012 paper for the government-reorganisation subcommittee trying to explain?",
        "2012年那份关于港府推动与内地合作工作分工的文件，是要向议员说明什么？",
    ],
)
def test_a_piece_going_on_after_a_semicolon_is_read_with_the_piece_before(real_service, question):
    # 「本文旨在向委員闡釋……的工作分工；」「以及新一屆政府重組架構後的工作分工。」: the second alone says
    # half of what the paper explains
    reading = real_service.ask(question).reading
    assert not reading.abstained, reading.abstain_reason
    assert [s.text[:2] for s in reading.sentences] == ["本文", "以及"]
    _check_offsets(real_service, reading)


def test_a_list_broken_at_semicolons_is_read_to_the_end_of_its_sentence(real_service):
    # 「……包括投資控股、專業及商用服務；」「進出口貿易、批發及零售；」「和運輸及倉庫等……。」: one
    # list in three pieces, each read on from the one before
    for question in (
        "在香港營運的內地企業涵蓋哪些經濟活動？",
        "在香港經營業務的內地企業，做的是哪些經濟活動？",
    ):
        reading = real_service.ask(question).reading
        assert "投資控股" in reading.sentences[0].text
        assert [s.text[:4] for s in reading.sentences[1:]] == ["進出口貿", "和運輸及"]
        _check_offsets(real_service, reading)


def test_a_list_opened_by_including_reads_on_through_items_without_commas(real_service):
    # 「……涵蓋範疇包括《……》(CEPA) 和專業服務；」「在粵港資企業轉型升級；」…「及旅遊等各方面。」
    reading = real_service.ask("粵港2011年重點工作入面，商貿方面嘅項目涵蓋邊啲範疇？").reading
    assert "涵蓋範疇包括" in reading.sentences[0].text
    assert reading.sentences[-1].text.startswith("及旅遊等各方面")
    _check_offsets(real_service, reading)


@pytest.mark.parametrize(
    "question",
    [
        "2011年粵港兩地除咗開文化合作會議，仲籌備緊邊啲大型嘅文化合作項目？",
        "What big new joint cultural projects were Guangdong and Hong Kong lining up for 2011?",
    ],
)
def test_a_sentence_announcing_things_reads_on_into_the_one_naming_them(real_service, question):
    # 「……亦會籌備多個嶄新的大型合作項目。」 then 「當中包括……、……」: the second names what the first
    # announces
    reading = real_service.ask(question).reading
    assert len(reading.sentences) == 2 and reading.sentences[1].text.startswith("當中包括")
    _check_offsets(real_service, reading)


@pytest.mark.parametrize(
    "question",
    ["港府驻陕西联络处设在哪个城市？", "Which city is the HK government's Shaanxi liaison office in?"],
)
def test_a_maps_label_places_an_office_in_the_city_after_its_province(real_service, question):
    # the booklet's map of the offices: 河南(鄭州)陝西(西安)重慶……
    reading = real_service.ask(question).reading
    assert reading.span is not None and reading.span.text == "西安"
    _check_offsets(real_service, reading)


def test_a_maps_city_does_not_answer_where_another_thing_is(real_service):
    reading = real_service.ask("港深西部快速軌道香港段的終點站設於哪裏？").reading
    assert reading.span is None or reading.span.text not in ("鄭州", "西安", "廣州", "瀋陽", "濟南")


def test_the_chief_executive_is_asked_as_the_askers_call_the_post(real_service):
    # 特首 is 行政長官, and 邊幾個 asks which, like 邊啲: neither is a topic the papers must write
    reading = real_service.ask("2013同2014年，特首帶過經貿團去內地邊幾個地方？").reading
    assert not reading.abstained and "重慶、廣西和福建" in reading.sentences[0].text
    _check_offsets(real_service, reading)


def test_a_question_on_what_was_signed_is_answered_by_the_signing_not_the_meeting(real_service):
    # the sentence before names the meeting and the framework agreement, but signs nothing
    reading = real_service.ask("粤港合作联席会议第十六次工作会议后，双方签了哪份落实框架协议的文件？").reading
    assert not reading.abstained and "2011年重點工作" in reading.sentences[0].text
    _check_offsets(real_service, reading)


def _kind_not_given(service, question):
    prepared, _ = service.prepare(question)
    vector = service.index.embed_query(prepared)
    hits = service.index.search(prepared, READ_DEPTH, "hybrid", None, vector=vector)
    analysis = analyse(prepared)
    scored, best, _, _ = service.reader.choose(analysis, candidates(analysis, hits, vector, service.index))
    chosen = best or scored[0][1]
    return answerability_features(analysis, scored, scored[0][0], chosen)["kind_not_given"]


def test_a_why_or_list_question_whose_sentence_gives_no_cause_or_items_weighs_against_answering(real_service):
    # the papers say which office sits under which, never why; they name the admission scheme and "some
    # Mainland institutions", never which: the answerability model weighs the missing cause or list
    assert _kind_not_given(real_service, "點解2012年駐福建聯絡處要掛喺駐廣東經貿辦之下？") == 1.0
    assert _kind_not_given(real_service, "免试招收香港学生计划有哪些内地高校参加？") == 1.0
    # a reason the papers give (為減省業界的資料輸入工作), a list they give (2009-2011)
    assert _kind_not_given(real_service, "點解兩地海關要統一道路貨物電子系統入面相同資料項目嘅格式？") == 0.0
    assert _kind_not_given(real_service, "深港创新圈建设三年行动计划覆盖的是哪几年？") == 0.0
    # fitted: a missing cause or list makes an answer less likely
    assert real_service.reader.calibration.answerability.get("kind_not_given", 0.0) < 0


def test_a_why_question_whose_sentence_says_only_what_was_done_abstains(real_service):
    # the papers say DuPont was invited to set up in Hong Kong, and that the acting mayor came, never why
    for question in (
        "美國杜邦公司點解揀香港設立太陽能光伏電薄膜全球業務總部？",
        "2009年深港合作會議點解係深圳代市長出面，而唔係市長？",
    ):
        reading = real_service.ask(question).reading
        assert reading.abstained and reading.abstain_reason == "no_reason_for_focus", question
    # a reason they give (為減省業界的資料輸入工作) is still read
    reading = real_service.ask("點解兩地海關要統一道路貨物電子系統入面相同資料項目嘅格式？").reading
    assert not reading.abstained


def test_a_sentence_close_behind_that_gives_the_reason_or_the_items_answers(real_service):
    # the sentence read on from the one before (「督導組」由行政長官親自擔任組長……) scores best but says
    # no why; the one before it (為繼續發揮好香港的獨特優勢……已成立) does, and covers the question better
    reading = real_service.ask(
        "Why did the current administration set up that steering group on plugging Hong Kong into national "
        "development as soon as it took office?"
    ).reading
    assert not reading.abstained and "為繼續發揮好香港的獨特優勢" in reading.sentences[0].text
    # the sentence before gives the purpose and is about the group: it answers, whatever purpose the verbs of
    # the one read on from it carry (帶領……對接)
    reading = real_service.ask(
        "Why did the current administration set up the Steering Group on Integration into National "
        "Development?"
    ).reading
    assert not reading.abstained and "為繼續發揮好香港的獨特優勢" in reading.sentences[0].text
    # a list asked: the sentence that names the places, not the one on the reorganisation beside it
    reading = real_service.ask("2012年政府架構重組之後，同內地邊幾個地方嘅高層會議機制會照舊延續？").reading
    assert not reading.abstained and "廣東、深圳、泛珠、北京和上海" in reading.sentences[0].text
    _check_offsets(real_service, reading)


def test_the_group_asked_is_not_who_is_in_charge_of_it(real_service):
    # 「融入國家發展大局督導組」（「督導組」）: the question's 督導組 in quoted brackets is the group itself;
    # who is in charge of it is its head
    reading = real_service.ask("督導組由邊個負責？").reading
    assert not reading.abstained and reading.span is not None and reading.span.text == "行政長官"


def test_a_paper_named_by_its_year_is_the_only_one_read(real_service):
    # the review (2012-2017) tells of delegations too, but the question names the paper of 2012
    question = "2012年講分工嗰份文件入面，政府點解會不時組經貿代表團上內地考察？"
    result = real_service.ask(question)
    assert {h.passage.doc_id for h in result.reading.hits} == {"division-of-work-2012"}
    assert not result.reading.abstained and "不時組織經貿代表團" in result.reading.sentences[0].text
    # a Policy Address the papers quote names none of them: every paper is searched
    result = real_service.ask("按2015年施政报告的建议，学生在小学和中学阶段各至少能获资助去内地交流几次？")
    assert result.reading.hits[0].passage.doc_id == "review-2012-2017" and not result.reading.abstained


def test_the_other_sides_customs_answers_who_works_beside_the_one_named(real_service):
    # "alongside Hong Kong Customs" names 香港海關: 內地海關 is not the kind asked, it is the answer
    reading = real_service.ask(
        "Who was building an electronic system to receive road cargo manifests, alongside Hong Kong Customs' "
        "Road Cargo System?"
    ).reading
    assert not reading.abstained and reading.span is not None and reading.span.text == "內地海關"


def test_a_fee_the_papers_do_not_give_is_said_to_be_missing_not_the_scheme(real_service):
    # the scheme is in the papers (推出自由貿易協定中轉貨物便利計劃); its application fee is not, and
    # the tariff savings (關稅優惠總值逾2 500萬美元) are no fee
    for question in (
        "How much does it cost to apply for the Free Trade Agreement Transshipment Facilitation Scheme?",
        "自由貿易協定中轉貨物便利計劃申請要俾幾多手續費？",
    ):
        reading = real_service.ask(question).reading
        assert reading.abstained and reading.abstain_reason == "no_number_for_focus", question


def test_events_that_require_are_not_launches(real_service):
    # the road cargo system's launch (推出) is dated; when it became compulsory is not
    reading = real_service.ask("香港海關嘅道路貨物資料系統由幾時開始強制要用？").reading
    assert reading.abstained


def test_a_count_of_kinds_of_people_is_not_how_many_people(real_service):
    # 12類……醫療衞生專業人員 counts kinds of professionals, not how many went
    for question in (
        "CEPA之下，實際上有幾多個香港醫護人員去咗內地短期執業？",
        "How many Hong Kong doctors and nurses have gone to practise short-term on the Mainland under CEPA?",
    ):
        reading = real_service.ask(question).reading
        assert reading.span is None or reading.span.text != "12類", question


@pytest.mark.parametrize(
    ("question", "reason"),
    [
        ("騰訊的主席是誰？", "focus_not_found"),
        ("東京奧運會開幕式在哪一天舉行？", "focus_not_found"),
        # a question wanting no typed answer: no sentence read holds half of what it is about
        ("2022年世界盃足球賽冠軍是哪一隊？", "focus_not_found"),
    ],
)
def test_questions_about_things_the_papers_lack_abstain_with_a_reason(real_service, question, reason):
    reading = real_service.ask(question).reading
    assert reading.abstained and reading.sentences == () and reading.span is None
    assert reading.abstain_reason is not None
    assert reading.abstain_reason in (reason, "weak_evidence") or reading.abstain_reason.startswith("no_")


def test_the_index_carries_its_encoders_calibration(real_service):
    calibration = real_service.reader.calibration
    assert calibration.calibrated and calibration.encoder == real_service.index.encoder.name
    assert calibration.fitted_on["folds"] == 5


def test_calibration_round_trip_and_unknown_features_refused():
    text = UNCALIBRATED.to_json()
    assert Calibration.from_json(text) == UNCALIBRATED
    data = json.loads(text)
    data["weights"]["made_up"] = 1.0
    with pytest.raises(ValueError, match="made_up"):
        Calibration.from_json(json.dumps(data))


@pytest.mark.slow
def test_every_answer_of_the_gold_set_checks_out(real_service):
    from eval.gold import load_gold

    for q in load_gold():
        _check_offsets(real_service, real_service.ask(q.question).reading)


def test_the_passage_that_answers_comes_first_and_the_rest_keep_their_order(real_service):
    # Without a translation or the passages' English renderings "the Wuhan trade office" retrieves the
    # passage with its opening date second.
    with fusion_changed(real_service.index, english=(0.0, 0.0)):
        result = real_service.ask("When did the Wuhan trade office open?")
    reading = result.reading
    retrieved = [h.chunk_id for h in result.retrieved]
    served = [h.chunk_id for h in reading.hits]
    assert ["2014年4月" in h.passage.text for h in result.retrieved[:2]] == [False, True]
    assert reading.span is not None and reading.span.text == "2014年4月"
    assert reading.citations[0] == 1 and served[0] == retrieved[1]
    assert served[1:] == [c for c in retrieved if c != served[0]][: len(served) - 1]
    _check_offsets(real_service, reading)
    for position, spans in reading.highlights.items():
        text = reading.hits[position].passage.text
        assert all(0 <= a < b <= len(text) for a, b in spans)
    assert any("2014年4月" in reading.hits[0].passage.text[a:b] for a, b in reading.highlights[0])


def test_reordering_a_reading_keeps_every_citation_and_refuses_to_drop_one(real_service):
    reading = real_service.ask("深港合作會議何時成立？").reading
    order = list(range(len(reading.hits)))[::-1]
    turned = reading.with_hits(order)
    assert [h.chunk_id for h in turned.hits] == [reading.hits[i].chunk_id for i in order]
    assert [turned.hits[s.hit].chunk_id for s in turned.sentences] == [
        reading.hits[s.hit].chunk_id for s in reading.sentences
    ]
    cited = reading.sentences[0].hit
    with pytest.raises(ValueError, match="cited"):
        reading.with_hits([i for i in range(len(reading.hits)) if i != cited])


def test_every_abstain_reason_the_api_names_has_its_own_message_in_both_languages():
    from qa.api.schemas import AskResponse
    from qa.presentation import ABSTAIN_MESSAGES

    described = AskResponse.model_fields["abstain_reason"].description
    reasons = [r.strip() for r in described.split(":", 1)[1].split(",")]
    assert "no_reason_for_focus" in reasons and "list_not_given" in reasons
    for messages in ABSTAIN_MESSAGES.values():
        assert {r.removesuffix("_for_focus") for r in reasons} <= set(messages)


def test_a_list_of_places_asked_weighs_against_a_sentence_naming_none(real_service):
    # the 2025 promotion targets count events and people, and name no city but the Bay Area asked about
    assert _kind_not_given(real_service, "政府2025年推廣大灣區的活動會在哪些城市舉行？") == 1.0
    # the offices' cities are named
    assert _kind_not_given(real_service, "特區政府在內地哪些城市設有經貿辦？") == 0.0


def test_cities_asked_and_none_named_abstains_however_sure_the_reading(real_service):
    # the caption says the tour went to 內地重點高新科技城市 and names none of them (a stranger's probe)
    for question in (
        "Which Mainland cities did the young people on the 'Hong Kong Young Entrepreneurs Mainland Tour' "
        "actually visit?",
        "「香港創業青年內地行」啲參加者去咗內地邊幾個城市？",
    ):
        reading = real_service.ask(question).reading
        assert reading.abstained and reading.abstain_reason == "list_not_given"
    # which places: 內地重點高新科技城市 may be the answer, and the reading decides
    reading = real_service.ask("“香港创业青年内地行”的参加者去内地哪些地方参访？").reading
    assert not reading.abstained and "重點高新科技城市" in reading.sentences[0].text


def test_as_is_no_cause_and_a_why_goes_on_in_the_next_sentence():
    # 作為 is "as", not "for": the sentence says what is promoted, not why
    told = "向海外各界宣傳推廣大灣區建設的重大機遇，以及香港作為大灣區中心城市的重要角色；"
    assert not gives_reason(told)
    assert gives_reason("為了方便跨境旅客，兩地同意……")
    assert says_why_next("一方面吸引外國資金、人才、技術通過香港進入灣區和內地的廣袤市場")
    assert says_why_next("從而提升香港的競爭力。")
    assert not says_why_next("截至2017年2月，已有超過260名學生參與計劃。")


@pytest.mark.parametrize(
    ("question", "span"),
    [
        (
            "When did the government put out its information paper on the 2009 Shenzhen-HK meeting?",
            "二零零九年十二月",
        ),
        ("2024年施政報告內地合作措施嗰份文件係幾時出嘅？", "2024年10月"),
        ("那份讲2012年各部门推动与内地合作分工的文件是什么时候发出的？", "2012年5月"),
    ],
)
def test_when_a_paper_came_out_is_answered_from_its_sign_off(real_service, question, span):
    reading = real_service.ask(question).reading
    assert not reading.abstained, reading.abstain_reason
    assert reading.span is not None and reading.span.text == span
    cited = reading.hits[reading.citations[0] - 1]
    assert cited.passage.kind == SIGN_OFF
    _check_offsets(real_service, reading)


@pytest.mark.parametrize(
    ("question", "committee"),
    [
        (
            "Which LegCo panel got the CMAB's paper on the 2024 Policy Address measures?",
            "工商及創新科技事務委員會",
        ),
        ("2011年粵港聯席會議商貿嗰份文件係交咗俾立法會邊個委員會？", "工商事務委員會"),
    ],
)
def test_the_committee_a_paper_went_to_is_answered_from_its_front_matter(real_service, question, committee):
    reading = real_service.ask(question).reading
    assert not reading.abstained, reading.abstain_reason
    assert committee in reading.sentences[0].text
    assert reading.hits[reading.citations[0] - 1].passage.kind == FRONT_MATTER
    _check_offsets(real_service, reading)


def test_a_paper_with_no_front_matter_gets_no_other_papers_committee(real_service):
    # the 2012-2017 review booklet names no committee; the 2012 paper's and the 2011 paper's are not its
    reading = real_service.ask(
        "Which LegCo panel was the 2012-2017 review of Mainland cooperation sent to?"
    ).reading
    assert reading.abstained
    # nor are the arbitration commissions its body tells of, once only the review is searched
    reading = real_service.ask(
        "总结2012年至2017年香港与内地合作成果的那份文件，是提交给立法会哪个委员会的？"
    ).reading
    assert reading.abstained


def test_a_question_not_about_a_paper_reads_no_front_matter_or_sign_off(real_service):
    # 政制及內地事務局 signs four papers: their sign-offs would fill the passages of a question about it
    result = real_service.ask("政制事務局何時改名為政制及內地事務局？", top_k=8)
    assert len(result.reading.hits) >= 8
    assert all(h.passage.kind not in PAPER_PARTS for h in result.reading.hits)
    assert result.reading.span is not None and result.reading.span.text == "2007年"


@pytest.mark.parametrize(
    "question",
    [
        "搬咗去廣東住嘅長者，廣東計劃係咪照樣有生果金攞？係咩津貼？",
        "What allowance do elderly people living in Guangdong get from the Guangdong Scheme?",
    ],
)
def test_a_scheme_named_after_another_place_does_not_answer_for_the_one_asked(real_service, question):
    # the next sentence says the Fujian Scheme pays the same allowance 「同樣」: it is about Fujian
    reading = real_service.ask(question).reading
    assert reading.abstained or "福建" not in reading.sentences[0].text


def test_a_sentence_on_the_fujian_scheme_names_another_scheme(real_service):
    from qa.readers.features import names_another_scheme

    glossary = real_service.index.analyzer.glossary
    fujian = (
        "特區政府在2017年《施政報告》宣布推出福建計劃，向選擇移居福建的合資格香港長者同樣每月發放高齡津貼。"
    )
    guangdong = "在2013年10月推出廣東計劃，向選擇移居廣東的合資格香港長者每月發放高齡津貼。"
    asked = analyse(real_service.index.prepare("What does the Guangdong Scheme pay?"))
    assert names_another_scheme(fujian, asked, glossary)
    assert not names_another_scheme(guangdong, asked, glossary)
    # a question naming no scheme, or both
    assert not names_another_scheme(
        fujian, analyse(real_service.index.prepare("長者高齡津貼有幾多？")), glossary
    )
    both = analyse(real_service.index.prepare("福建計劃同廣東計劃有咩分別？"))
    assert not names_another_scheme(fujian, both, glossary)


def test_a_paper_saying_what_it_is_for_answers_no_question_on_its_topic(real_service):
    from qa.readers.features import states_papers_purpose

    assert states_papers_purpose(
        "本文件旨在向委員介紹在《行政長官2024年施政報告》中，政制及內地事務局有關內地合作的政策措施。"
    )
    assert states_papers_purpose("本文件向委員簡介於2009年11月30日舉行的深港合作會議的主要情況。")
    assert not states_papers_purpose("本局會繼續落實上述各項政策措施。")
    # the 2011 paper's 「本文件向委員簡介……粵港合作聯席會議第十六次工作會議有關商貿方面的主要內容」 names
    # the meeting and trade; the other fields discussed are in its paragraph 5
    for question in (
        "Apart from trade, what else did the 16th working meeting of the HK-Guangdong conference cover?",
        "What ceremony followed the 2009 Shenzhen-Hong Kong meeting?",
        "2024年施政報告講嘅粵港、港深合作機制同專班，用嚟做咩？",
    ):
        reading = real_service.ask(question).reading
        assert reading.abstained or not states_papers_purpose(reading.sentences[0].text), question
    # ... but the day it writes answers when the meeting was held
    reading = real_service.ask("2009年深港合作會議喺邊日開？").reading
    assert reading.span is not None and reading.span.text == "2009年11月30日"
