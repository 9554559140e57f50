"""Typed expressions with exact offsets into the sentence they were found in."""

from qa.readers.expressions import (
    LENGTH_OR_TIME,
    PATTERNS,
    Expression,
    find,
    joined,
    numbers,
    unit_agreement,
    units_agree,
)

SENTENCE = "隨著該協議於2016年6月實施，內地對香港服務業開放的部門達153個，佔全部服務貿易部門約96%。"


def _texts(found):
    return [(e.kind, e.text, e.unit) for e in found]


def test_dates_with_month_and_relative_forms():
    text = "口岸預計在2018年年底竣工，去年10月在港合辦會議，1998年成立，去年1月底動工。"
    found = find("date", text)
    assert [e.text for e in found] == ["2018年年底", "去年10月", "1998年", "去年1月底"]
    assert all(text[e.start : e.end] == e.text for e in found)


def test_counts_percentages_and_money_but_not_the_year():
    assert _texts(numbers(SENTENCE)) == [("count", "153個", "個"), ("percent", "約96%", "%")]
    money = numbers("迅速注資90億港元到基金，涉及港幣7,065億元。")
    assert _texts(money) == [("money", "90億港元", "money"), ("money", "港幣7,065億元", "money")]


def test_at_least_a_figure_is_part_of_it():
    # 1年以上 (a year or more): the count in 年, with its 以上
    assert _texts(numbers("年期由以往的2年以上降至1年以上。")) == [
        ("count", "2年以上", "年"),
        ("count", "1年以上", "年"),
    ]


def test_pdf_thousands_space_and_bare_large_numbers():
    assert _texts(numbers("逾2 400位官員出席")) == [("count", "逾2 400位", "位")]
    assert _texts(numbers("港人人數可達30萬，")) == [("count", "30萬", None)]


def test_posts_stop_at_little_words():
    text = "由政務司司長及深圳市市長共同主持的深港合作會議"
    (post,) = find("post", text)
    assert post.text == "政務司司長及深圳市市長"
    assert text[post.start : post.end] == post.text


def test_people_classifiers_agree_and_the_general_one_answers_any():
    assert units_agree("人", "位") and units_agree("場", "個") and units_agree(None, "份")
    assert not units_agree("份", "名")


def test_the_asked_classifier_agrees_more_than_the_general_one():
    assert unit_agreement("份", "份") == unit_agreement("份", "項") == 1.0
    assert unit_agreement("份", "個") == unit_agreement(None, "所") == 0.5
    assert unit_agreement("份", "名") == 0.0
    # 幾多個 asks in the general classifier: any count answers, a little below the asked one
    assert unit_agreement("個", "項") == 0.5


def test_a_span_of_time_answers_only_how_long():
    assert unit_agreement(None, "年") == 0.0  # "how many schools" is not answered by 3年
    assert unit_agreement("年", "個月") == 1.0
    assert unit_agreement(LENGTH_OR_TIME, "年") == unit_agreement(LENGTH_OR_TIME, "公里") == 1.0
    assert unit_agreement(LENGTH_OR_TIME, "所") == 0.0


def test_an_ordinal_is_not_a_count():
    text = "2017年第10屆亞洲金融論壇，共有54個內地及香港基金獲批"
    assert [e.text for e in numbers(text)] == ["54個"]


def test_people_are_not_counted_in_the_general_classifier():
    assert unit_agreement("人", "個") == 0.0
    assert unit_agreement("人", "名") == 1.0


def test_a_body_does_not_run_through_includes():
    text = "現時特區政府駐內地的辦事處包括駐北京辦事處、駐廣東經濟貿易辦事處"
    assert "駐北京辦事處" in [e.text for e in find("body", text)]
    assert all("包括" not in e.text for e in find("body", text))


def test_a_time_of_day_is_a_clock_expression_and_a_calendar_date_is_not():
    assert [e.text for e in find("clock", "口岸每日上午7時至晚上10時開放，部分24小時通關")] == [
        "上午7時",
        "晚上10時",
        "24小時",
    ]
    assert find("clock", "預計在2018年年底竣工") == []


def test_the_end_of_a_school_year_is_not_a_count():
    found = numbers("自2012 /13年度至2016 /17年度，受惠香港青年的總數由7 900個增加至19 200個")
    assert [e.text for e in found] == ["7 900個", "19 200個"]


def test_a_customs_service_is_a_body_named_by_its_side():
    assert [e.text for e in find("body", "雙方同意內地海關研究如何透過第三方平台")] == ["內地海關"]
    assert [e.text for e in find("body", "香港海關在去年5月推出「道路貨物資料系統」")] == ["香港海關"]
    assert [e.text for e in find("body", "海關總署廣東分署舉行培訓")] == ["海關總署廣東分署"]


def test_an_administrative_department_is_a_body():
    found = find("body", "立項審批工作將交由廣東省省級衞生行政部門負責")
    assert [e.text for e in found] == ["廣東省省級衞生行政部門"]
    found = find("body", "此外，兩地相關政府部門亦簽署了四份合作文件")
    assert [e.text for e in found] == ["兩地相關政府部門"]


def test_the_end_of_a_year_and_rounds_counted_in_chinese_numerals():
    assert [e.text for e in find("date", "現行的供水協議將於2011年終期滿")] == ["2011年終"]
    assert _texts(numbers("食環署目前已進行了四輪測試")) == [("count", "四輪", "輪")]
    assert units_agree("次", "輪")


def test_bodies_sharing_the_end_of_a_name_are_joined():
    text = "環保署、海事處、廣東及深圳海事局成立了工作組"
    found = [
        Expression("body", 0, 3, "環保署"),
        Expression("body", 4, 7, "海事處"),
        Expression("body", 11, 16, "深圳海事局"),
    ]
    chosen = joined(text, found[1], found)
    assert chosen.text == "海事處、廣東及深圳海事局"


def test_a_five_year_plans_period_is_a_date():
    text = "李克強副總理去年8月訪港時，亦提出在「十二五」期末，通過 CEPA 基本實現服務貿易自由化"
    assert [e.text for e in find("date", text)] == ["去年8月", "「十二五」期末"]
    assert [e.text for e in find("date", "在十四五規劃期間推進")] == ["十四五規劃期間"]


def test_a_school_or_tax_year_is_a_date():
    text = "2012 /13學年開展內地部分高等院校免試招收香港學生計劃，並自2013/14課稅年度起寬減利得稅"
    assert [e.text for e in find("date", text)] == ["2012 /13學年", "2013/14課稅年度"]


def test_ordinals_are_places_in_an_order():
    from qa.readers.expressions import ordinals

    text = "香港是內地的第三大貿易夥伴，第 2 位是日本"
    assert [e.text for e in ordinals(text)] == ["第三", "第 2"]
    assert all(text[e.start : e.end] == e.text for e in ordinals(text))
    # an anniversary is the twentieth
    found = ordinals("2017年是香港回歸祖國20周年")
    assert [(e.text, e.unit) for e in found] == [("20周年", "周年")]


def test_last_year_said_alone_is_when_a_thing_happened():
    assert [e.text for e in find("date", "雙方海關在去年已於各陸路口岸加強合作")] == ["去年"]
    # a month or a part of it is read whole; 去年 inside other words is no date
    assert [e.text for e in find("date", "在去年年底完成，於去年4月公布")] == ["去年年底", "去年4月"]
    assert find("date", "比去年增長32.4%") == []


def test_a_provinces_department_is_a_body_and_a_hall_is_not():
    text = "根據廣東省對外貿易經濟合作廳最新提供的貿易數字"
    assert [e.text for e in find("body", text)] == ["廣東省對外貿易經濟合作廳"]
    assert find("body", "在展覽廳舉行") == []


def test_a_legco_panels_long_name_is_one_body():
    # a paper's front matter names the panel it went to; a body's usual name is at most 8 characters
    # before its suffix
    assert [e.text for e in find("body", "立法會CB(1)123/24-25(01)號文件\n\n立法會經濟發展事務委員會")] == [
        "立法會經濟發展事務委員會"
    ]
    assert [e.text for e in find("body", "立法會工商及創新科技事務委員會")] == [
        "立法會工商及創新科技事務委員會"
    ]


def test_a_committees_name_on_a_line_of_its_own_is_one_body():
    name = "研究與政府總部架構重組有關的法例修訂建議小組委員會"
    text = f"立法會CB(2)2193/11-12(01)號文件 \n\n{name} \n\n香港特別行政區政府"
    assert next(e.text for e in find("body", text)) == name
    # within a sentence, a body's name still stops at the little words
    assert "研究與政府總部架構重組有關的法例修訂建議小組委員會" not in [
        e.text for e in find("body", "文件交研究與政府總部架構重組有關的法例修訂建議小組委員會討論。")
    ]


def test_a_plans_bare_years_and_an_annual_reports_year_are_dates():
    assert [e.text for e in find("date", "《珠江三角洲地區空氣質素管理計劃（2002-2010）》")] == ["2002-2010"]
    assert [e.text for e in find("date", "資料來源：2015年度中國對外直接投資統計公報")] == ["2015年度"]
    # bare figures joined by a dash outside brackets are not dates (a paper's reference number)
    assert find("date", "立法會CB(2)2193/11-12(01)號文件") == []


def test_a_verb_or_word_ending_like_a_body_is_not_one():
    text = "合約已於2010年12月21日簽署，並按布局部署。政制及內地事務局負責，入境事務處和海關"
    bodies = [m.group(0) for m in PATTERNS["body"].finditer(text)]
    assert not any(b.endswith(("簽署", "部署", "布局")) for b in bodies), bodies
    assert any(b.endswith("事務局") for b in bodies)


def test_a_year_within_and_a_part_of_the_papers_own_year():
    text = "預期在2011年內簽訂，我們亦將於年中推出，加深青年內地實習，今年年中，2010年內地與香港的貿易"
    assert [e.text for e in find("date", text)] == ["2011年內", "年中", "今年年中", "2010年"]


def test_an_ordinal_keeps_what_it_orders_and_hours_are_counted():
    from qa.readers.expressions import numbers, ordinals

    assert [e.text for e in ordinals("除了第十二次粵港澳文化合作會議外，香港是第三大貿易夥伴")] == [
        "第十二次",
        "第三",
    ]
    assert [(e.text, e.unit) for e in numbers("推展「144 小時便利簽證」")] == [("144 小時", "小時")]


def test_a_non_government_body_is_no_government():
    assert [e.text for e in find("body", "由香港非政府機構營運，深圳市政府")] == ["深圳市政府"]


def test_a_venue_is_found_by_the_end_of_its_name():
    text = "展覽在香港歷史博物館舉行，論壇在香港會議展覽中心舉行"
    assert [e.text for e in find("venue", text)] == ["香港歷史博物館", "香港會議展覽中心"]
    # where a fund is listed: 在深圳交易所上市
    assert [e.text for e in find("venue", "推動港股組合 ETF 在深圳交易所上市")] == ["深圳交易所"]


def test_a_body_acted_through_is_named_without_through():
    text = "此外，我們亦透過香港貿易發展局舉辦推廣及展銷活動，通過駐內地辦事處為港人提供協助"
    assert [e.text for e in find("body", text)] == ["香港貿易發展局", "駐內地辦事處"]
    # 為此 ("for this") is not part of the name after it
    assert [e.text for e in find("body", "為此特區政府與四川省人民政府建立機制")] == [
        "特區政府",
        "四川省人民政府",
    ]


def test_the_same_day_as_the_event_before_is_a_date():
    assert [e.text for e in find("date", "新聞公報於同日下午發布，以交代會議的成果。")] == ["同日下午"]
    # not a day that only sits in a name or a clause without 於
    assert find("date", "同日同步舉行的展覽。") == []


def test_a_month_written_alone_is_a_date_of_the_year_around_it():
    # after 於 or 在, or as 同年: the year is the paragraph's, the month answers "which month"
    assert [e.text for e in find("date", "在12月，內地有關部門公布擴大試點企業名單")] == ["12月"]
    assert [e.text for e in find("date", "並於同年5月成立聯合工作小組")] == ["同年5月"]
    # a month inside other words, or none at all, is no date
    assert find("date", "在月內完成") == []
    assert find("date", "每12個月檢討一次") == []


def test_a_supplement_numbered_after_its_name_is_a_place_in_their_order():
    from qa.readers.expressions import ordinals

    text = "根據CEPA補充協議六，有關銀行業的措施；補充協議 10 亦已簽署"
    assert [(e.text, e.unit) for e in ordinals(text)] == [("補充協議六", "份"), ("補充協議 10", "份")]
    assert all(text[e.start : e.end] == e.text for e in ordinals(text))
    assert ordinals("補充協議的措施") == []
