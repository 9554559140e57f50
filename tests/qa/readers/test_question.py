"""Question analysis: the answer type, and for numbers the kind and classifier, in three languages."""

import pytest

from corpus import PaperMeta
from index import Glossary, normalize
from index.query import prepare_query
from qa.readers.events import states_event
from qa.readers.expressions import LENGTH_OR_TIME, SESSION
from qa.readers.features import typed_expressions
from qa.readers.question import (
    analyse,
    asked_sentence,
    body_kind_asked,
    expected_type,
    is_body_of_kind,
    papers_named,
)


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("When was the Shenzhen-Hong Kong Cooperation Meeting set up?", "date"),
        ("深港合作會議何時成立？", "date"),
        ("深港合作会议是哪年设立的？", "date"),
        ("港珠澳大橋係幾時通車㗎？", "date"),
        ("CEPA服务贸易协议开放了多少个部门？", "number"),
        # a cap or a quota is a figure
        ("What's the daily northbound quota for Stock Connect?", "number"),
        ("What's the sulphur cap on marine fuel in the control area?", "number"),
        # whether a limit applies, not how large a share is
        ("港资在广东设立合资合作医院 投资总额和投资比例有无要求", "description"),
        ("合資醫院嘅投資比例有冇限制？", "description"),
        ("投資比例上限係多少？", "number"),
        ("How much did the government inject into the fund?", "number"),
        ("駐粵辦有幾多個職員？", "number"),
        ("Who chairs the Shenzhen-Hong Kong Cooperation Meeting?", "who"),
        ("深港合作會議由誰主持？", "who"),
        ("邊個負責統籌？", "who"),
        ("邊位官員會帶頭同內地協商？", "who"),
        ("Where does the high-speed rail leave from?", "place"),
        ("特區政府在內地設有哪些辦事處？", "list"),
        ("Which areas does the agreement cover?", "list"),
        ("為何要設立督導組？", "reason"),
        ("What is the scheme for?", "reason"),
        # 邊個 before a thing asks which thing (as 哪個計劃), not who
        ("港深簽咗協議之後，兩邊一齊推緊邊個計劃？", "description"),
        ("邊個政策局負責？", "who"),
        # which school year is a date, not who (邊個)
        ("內地啲大學免試收香港學生嘅計劃係由邊個學年開始？", "date"),
        ("From which school year could HK students skip the gaokao?", "date"),
        # "when" before a gerund joins a clause; it does not ask when
        ("What principle does the group say it follows when drawing up policies?", "description"),
        ("What big new joint cultural projects were lined up for 2011?", "list"),
        ("前海的定位是甚麼？", "description"),
        # 幾 before any classifier asks how many; 哪幾個/邊幾個 asks which ones
        ("电子耳标测试已经做了几轮？", "number"),
        ("邊幾個部門成立咗工作組？", "who"),
        ("What are the five connectivities of the Belt and Road?", "list"),
        ("一帶一路講嘅「五通」係指邊五樣？", "list"),
        # 邊兩位 asks for two people, not a list; 三十幾項 is thirty-odd, not how many
        ("粵港合作第十六次工作會議，係邊兩位主持？", "who"),
        ("李克強宣布嗰三十幾項措施，係邊個政策局負責統籌？", "who"),
        # after a colon, the question itself: the clause before only says which paper
        (
            "The 2012 paper on who handles Mainland cooperation names two zones: Qianhai and where else?",
            "place",
        ),
        # a checkpoint is a place (邊個檢查站), not a who
        ("回顧小冊子有張相係政府人員抽查進口食品，係喺邊個檢查站影㗎？", "place"),
        # 嗰幾個小組 is "those few groups", not how many; 邊啲部門 asks which bodies
        ("深港合作會議下面嗰幾個專責小組，香港政府係邊啲部門出席參與？", "who"),
        ("那几个工作小组由哪些部门参与？", "who"),
        ("京港第五次合作会议是哪个时候开的？", "date"),
        ("How fast did outward investment grow per year?", "number"),
        # a clause that sets the scene is not what is asked; a mayor is a who
        ("When the party secretary visited Hong Kong in 2024, how many documents were signed?", "number"),
        ("In 2010, when did the pilot expand?", "date"),
        ("Which Shanghai mayor led the delegation?", "who"),
        ("深圳代市長叫咩名？", "who"),
        # 在哪些領域 asks which fields, not where
        ("粤港两地打算在哪些领域开展交流与合作？", "list"),
        # a company is named as a body is; 邊個區 asks where, not who
        ("Which contractor won the design-and-build contract for the HZMB tunnel?", "who"),
        ("What are the names of the two HK firms that won supervision contracts?", "who"),
        ("港珠澳大橋隧道工程嘅總承包合約係邊間公司投得？", "who"),
        ("港珠澳大桥岛隧工程由哪家企业中标？", "who"),
        ("杜邦喺深圳嘅生產基地設喺邊個區？", "place"),
        ("港珠澳大橋建成之後，香港會同邊個地區有直接道路連接？", "place"),
        ("深港合作會議由邊個主持？", "who"),
        # a scene-setting clause in English with a dash in it (HK–Guangxi); 邊啲 asks which ones
        (
            "When Guangxi's party secretary visited HK in 2024, what areas did the HK–Guangxi deals cover?",
            "list",
        ),
        ("桂港兩邊政府部門簽嘅文件講咗邊啲方面？", "list"),
        # which office, which vice premier
        ("滬港溝通聯絡機制由香港方面哪一個辦事處負責？", "who"),
        ("驻重庆联络处隶属于哪个驻内地办事处？", "who"),
        ("Which Chinese vice premier came to HK in Aug 2011?", "who"),
        # the paper of a year is no year asked; 點解 asks why; 有啲咩 and "who are the partners" ask which
        ("2012年份文件講嘅滬港合作機制，高層會議香港方面由邊個主持？", "who"),
        ("點解港深要推進深西軌道嘅規劃工作？", "reason"),
        ("「深港創新圈」三年行動計劃有啲咩合作夥伴參與？", "list"),
        ("Who are the partners involved in the Innovation Circle action plan?", "list"),
        ("Who are the co-chairs of the meeting?", "who"),
        ("Besides the GD and HK authorities, which national ministry will review the pilot?", "who"),
        ("粤港两地之外，还有哪个国家部委负责总结试点经验？", "who"),
        # which group or task force, a word or two between (哪个粤方小组)
        ("投资推广署还和哪个粤方小组合作？", "who"),
        ("Which Guangdong-HK task force does the government use to relay the problems?", "who"),
        # plural nouns a few words after "which", or joined by a slash, ask for several; "a waiting list"
        # is no list asked, "what's the date" a date
        ("Which key cooperation platforms does the paper encourage people to use?", "list"),
        ("Which governments/bodies does HK keep in close touch with?", "list"),
        ("The pilot for people on the care-home waiting list - how long will it be extended?", "number"),
        ("What funding schemes did the 2011 paper list?", "list"),
        ("The map cites a study digest - what's the date of that digest?", "date"),
        ("Which border crossing's co-location clearance will they keep improving?", "place"),
        # the period figures cover: dates from and to
        ("The booklet has figures on funding arts groups. What period do those figures cover?", "date"),
        ("回顾小册子里关于资助艺术团体的数据，统计时段是哪一段？", "date"),
        # 哪段時間 asks when, though 在哪 asks where
        ("那130多个“一程多站”旅游推广项目是在哪段时间推出的？", "date"),
        # the years a plan or a figure covers: a period, not a list of things
        ("What years does the SZ-HK Innovation Circle three-year action plan cover?", "date"),
        ("Sulphur dioxide apparently dropped by 72% — over which years was that?", "date"),
        ("深港創新圈三年行動計劃涵蓋邊幾年？", "date"),
        ("珠三角二氧化硫年均值下降了72%，这是哪几年间的变化？", "date"),
    ],
)
def test_expected_type(question, expected):
    assert expected_type(question) == expected


@pytest.mark.parametrize(
    ("question", "period"),
    [
        ("Over what period did HK run those seminars?", True),
        ("Those shows staged in HK — between when and when did they take place?", True),
        ("嗰130幾個旅遊推廣項目，係由幾時到幾時推出嘅？", True),
        ("深港創新圈三年行動計劃涵蓋邊幾年？", True),
        ("回顧小冊子里的數據，統計時段是哪一段？", True),
        ("Which year was the agreement signed?", False),
        ("深港合作會議係幾時成立嘅？", False),
        ("Since when has the scheme been open?", False),
    ],
)
def test_a_period_asked_is_told_from_a_date(question, period):
    analysis = analyse(prepare_query(question))
    assert analysis.expected == "date"
    assert analysis.period is period


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("2009年深港合作會議簽署了多少份合作協議？", "count", "份"),
        # the length of a thing that has one: kilometres, not a span of time
        ("How long is the Shenzhen River?", "count", "公里"),
        ("深圳河全長有幾長？", "count", "公里"),
        ("CEPA服务贸易协议开放了多少个部门？", "count", "個"),
        ("要为多少种中药材制定标准？", "count", "種"),
        ("How many projects has the programme funded?", "count", None),
        ("How much did the government inject into the trust fund?", "money", "money"),
        ("特區政府向信託基金注資多少？", "money", "money"),
        ("What percentage of sectors were opened?", "percent", "%"),
        ("2009年底内地投资占香港外来直接投资总额的百分比是多少？", "percent", "%"),
        ("截至2010年底，香港資金佔內地外來投資總額幾多？", "percent", "%"),
        ("河套地區佔地多少公頃？", "count", "公頃"),
        # how far a figure moved: a share, an amount or a count answers
        ("By how much did sulphur dioxide levels drop from 2006 to 2015?", "change", None),
        ("區內二氧化硫年均值跌咗幾多？", "change", None),
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
        # an area asked in square kilometres; people counted with the general classifier
        ("How big is the Nansha area in square kilometres?", "count", "平方公里"),
        ("駐粵經濟貿易辦事處有幾多個職員？", "count", "人"),
        ("國際知識產權執法會議有多少個國家的代表參加？", "count", "個"),
        # allowances, wages and a fund's size are money; 幾多成 is a share
        ("广东计划每个月发给长者的高龄津贴是多少？", "money", "money"),
        ("香港的法定最低工資是多少？", "money", "money"),
        ("專項基金有多大？", "money", "money"),
        # 投資 names the seminars; the people counted decide
        ("内地投资推广研讨会吸引了多少企业代表参加？", "count", "人"),
        ("Roughly how many business representatives attended the seminars?", "count", "人"),
        ("What was the total RMB trade settlement in Hong Kong in 2010?", "money", "money"),
        ("How much did Guangdong export to Hong Kong in 2010?", "money", "money"),
        ("前海有幾多成土地係預留俾香港企業用？", "percent", "%"),
        # a tariff saved, a grant's 資助額 are money; 名額 (places) is not
        ("How much have traders saved in tariffs through the scheme?", "money", "money"),
        ("中轉貨物便利計劃幫商戶慳咗幾多關稅？", "money", "money"),
        ("艺术发展基金资助内地文化交流项目的资助额是多少？", "money", "money"),
        ("計劃有幾多個名額？", "count", "個"),
        # livestock are counted by the head
        ("供港活猪电子耳标测试一共给多少头活猪打了耳标？", "count", "頭"),
        # the 人 of 人民幣 is no person counted; 貨值 is money
        ("2010年一整年，香港做咗幾多人民幣貿易結算？", "money", "money"),
        ("内地货物经香港转口后又回流内地的那部分货值是多少？", "money", "money"),
        # a rate of growth a year is a percentage
        ("Roughly how fast did outward direct investment grow per year from 1995 to 2015?", "percent", "%"),
        ("中国对外直接投资1995到2015平均每年涨了多少？", "percent", "%"),
        ("內地對外直接投資的年均增長率約為多少？", "percent", "%"),
        # "how much" with nothing else asks for money, never a count of the people named
        ("How much a month does an elderly person get under the Guangdong Scheme?", "money", "money"),
        ("How much land is reserved for Hong Kong firms in square kilometres?", "count", "平方公里"),
        # a weight in a whole, the size of a cut
        ("广东和香港之间的结算大约占多大比重？", "percent", "%"),
        ("How big a profits tax cut is given on offshore risk insurance business?", "percent", "%"),
        ("香港对离岸风险保险业务的利得税减免幅度是多少？", "percent", "%"),
        # an area asked without its unit is answered in one
        ("前海合作区规划面积大概多大？", "count", "平方公里"),
        ("What is the planned area of the Qianhai zone?", "count", "平方公里"),
    ],
)
def test_number_kind_and_unit(question, kind, unit):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind, analysis.unit) == ("number", kind, unit)


def test_an_exchange_rate_is_not_a_percentage():
    assert analyse(prepare_query("今天人民幣兌港元的匯率是多少？")).number_kind != "percent"
    assert analyse(prepare_query("失業率是多少？")).number_kind == "percent"


def test_the_chinese_of_english_names_is_part_of_what_is_asked():
    analysis = analyse(prepare_query("Who leads the Shenzhen-Hong Kong Cooperation Meeting?"))
    assert "深港合作会议" in analysis.asked


@pytest.mark.parametrize(
    ("question", "wants_post"),
    [
        ("Who's the director of the Beijing Office?", True),
        ("前海管理局局長係邊個？", True),
        ("深圳代市长叫什么名字？", True),
        # who chairs or leads: people in their posts, never a meeting or a mechanism; unless a body is asked
        ("Who chairs the Shenzhen-Hong Kong Cooperation Meeting?", True),
        ("粤港澳文化合作会议由谁主持？", True),
        ("Which bureau leads the task force?", False),
        ("哪個政策局負責統籌？", False),
        ("粤港合作联席会议第十六次工作会议是由哪两位领导共同主持的？", True),
        ("港方组长是哪位官员？", True),
        # who is in charge of a group: its head; who is in charge of a place's development: anyone
        ("Who's in charge of the steering group on integrating into national development?", True),
        ("督導組由邊個負責？", True),
        ("Who's actually in charge of developing and managing Qianhai?", False),
    ],
)
def test_a_question_naming_a_post_wants_a_person_or_post(question, wants_post):
    assert analyse(prepare_query(question)).wants_post is wants_post


@pytest.mark.parametrize(
    ("question", "wants_body"),
    [
        ("Which bureau was in charge of rolling out the 30-odd measures?", True),
        ("李克强公布的三十多项措施，香港由哪个局统筹落实？", True),
        ("邊個政策局帶業界去上海參加海事會展？", True),
        ("Who co-chaired the working meeting?", False),
        ("Which official heads the Beijing Office?", False),
        ("前海管理局局長係邊個？", False),
        ("Which Hong Kong design school is partnered with the Guangdong institute?", True),
        ("衞生署中藥檢測中心，係邊間內地機構提供技術支援？", True),
        ("广东工业设计培训学院在香港的合作院校是哪一所？", True),
        # which department, whatever post the question names besides
        ("運房局局長聽緊邊個部門匯報？", True),
        ("Which department is briefing the Secretary for Transport and Housing?", True),
        ("哪个局长负责？", False),
    ],
)
def test_a_question_naming_a_kind_of_body_wants_a_body(question, wants_body):
    analysis = analyse(prepare_query(question))
    assert analysis.expected == "who"
    assert analysis.wants_body is wants_body


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("Which contractor won the contract for the bridge's main works?", "company"),
        ("邊間公司投得大橋嘅合約？", "company"),
        ("Which Hong Kong design school is partnered with the Guangdong institute?", "school"),
        ("Which bureau took the delegation to Shanghai?", "bureau"),
        ("邊個政策局帶業界去上海？", "bureau"),
        ("Which Hong Kong office handles liaison with Shanghai?", "office"),
        ("Which bank led the financing for the bridge?", "bank"),
        # which task force or group: a group's name answers
        ("Which Guangdong-side group does InvestHK team up with?", "group"),
        # "teams up" is no team
        ("Which Hong Kong department teams up with Guangdong on innovation platforms?", None),
        ("港府通过哪个粤港专责小组反映问题", "group"),
        # who chairs a group's meetings asks for people, not for a group
        ("川港工作小組會議由誰主持？", None),
        ("港珠澳大橋落實融資安排，牽頭銀行係邊間？", "bank"),
        # who did it with the bank: no bank asked
        ("港珠澳大橋嘅融資安排係邊個同銀行落實嘅？", None),
        ("Who chairs the meeting?", None),
        ("前海管理局局長係邊個？", None),
        # the areas asked for, not a bureau
        ("Which areas did the bureau cover?", None),
    ],
)
def test_the_kind_of_body_a_who_question_asks_for(question, kind):
    assert body_kind_asked(normalize(question)) == kind


def test_a_body_is_of_a_kind_by_the_end_of_its_name():
    assert is_body_of_kind("香港知专设计学院", "school")
    assert is_body_of_kind("美国杜邦公司", "company")
    assert not is_body_of_kind("港珠澳大桥管理局", "company")
    assert is_body_of_kind("运输及房屋局", "bureau")


def test_a_unit_word_counts_only_right_after_how_many():
    assert analyse(prepare_query("How many years does the study last?")).unit == "年"
    assert analyse(prepare_query("How many projects are in the three-year plan?")).unit != "年"
    # school years are counted in 個 (三個學年), not in years
    assert analyse(prepare_query("How many school years does the 170,000 figure cover?")).unit == "個"


@pytest.mark.parametrize(
    ("question", "events"),
    [
        ("What year was the Qianhai Authority set up?", {"establish"}),
        ("前海管理局是甚麼時候成立的？", {"establish"}),
        ("粤港合作框架协议是什么时候签的？", {"sign"}),
        ("When did the bridge actually open to traffic?", {"open"}),
        ("When were the two stock connects launched?", {"establish", "open", "start"}),
        # a scheme starts when it is launched (推出) or carried out (實施)
        ("When did the Guangdong Scheme for elderly people start?", {"start", "effect"}),
        ("When did Qianhai begin trying out the Hong Kong system?", {"start"}),
        ("前海哪一年引入香港工程管理制度？", {"start"}),
        ("政制及内地事务局这个名称是从哪年开始用的？", set()),
        ("From what date could residents apply for endorsements?", set()),
        # a meeting is held; Stock Connect goes live; an office opens when it is set up
        ("When was the 5th Beijing-Hong Kong Cooperation Meeting held?", {"hold"}),
        ("「京港合作會議」第五次會議在何時舉行？", {"hold"}),
        ("What month and year did Shenzhen-Hong Kong Stock Connect go live?", {"open"}),
        ("When did the Wuhan trade office open?", {"open", "establish"}),
        ("When did the Hong Kong-Zhuhai-Macao Bridge open?", {"open"}),
    ],
)
def test_a_date_question_names_the_event_it_asks_about(question, events):
    assert analyse(prepare_query(question)).events == events


def test_only_a_date_question_carries_events():
    assert analyse(prepare_query("How many agreements were signed?")).events == frozenset()


@pytest.mark.parametrize(
    ("question", "wants_name"),
    [
        ("2009年深港合作會議時，深圳市代市長叫甚麼名字？", True),
        ("What was the name of Shenzhen's acting mayor?", True),
        ("深港合作會議由誰主持？", False),
        ("What is the name of the body that leads it?", False),
        ("2009年深港合作會議之後開記者會嘅深圳代市長叫咩名？", True),
        # the question names the post whose holder it asks for
        ("Who's the Guangdong governor that co-chairs the Joint Conference?", True),
        ("2024年4月第六次滬港合作會議，帶隊嘅特首係邊個？", True),
        # a group's head or 組長 is answered by a post
        ("融入国家发展大局督导组的组长是谁？", False),
        ("Who is the head of the steering group?", False),
        ("What are the names of the three Secretaries who are deputy heads of the steering group?", True),
    ],
)
def test_a_question_asking_a_name_wants_a_person(question, wants_name):
    assert analyse(prepare_query(question)).wants_name is wants_name


@pytest.mark.parametrize(
    ("question", "clock"),
    [
        ("莲塘口岸的通关时间是几点到几点？", True),
        ("蓮塘／香園圍口岸幾點開關？", True),
        ("What are the opening hours of the border crossing?", True),
        ("蓮塘口岸何時啟用？", False),
    ],
)
def test_a_time_of_day_is_asked(question, clock):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.clock) == ("date", clock)


@pytest.mark.parametrize(
    ("question", "day"),
    [
        ("特首同廣西黨委書記喺香港見面，係2024年5月邊日？", True),
        ("行政长官与广西党委书记在香港会面，是2024年5月几号？", True),
        ("On what exact day in May 2024 did the CE meet the Guangxi party secretary?", True),
        ("When did the CE meet the Guangxi party secretary?", False),
    ],
)
def test_the_day_is_asked(question, day):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.day) == ("date", day)


@pytest.mark.parametrize(
    ("question", "month"),
    [
        ("深港《加強深港清潔生產工作合作協議》係2008年幾月簽㗎？", True),
        ("《加强深港清洁生产工作合作协议》是哪个月签署的？", True),
        ("In which month of 2008 did Shenzhen and Hong Kong sign the cleaner production agreement?", True),
        ("What month and year did the scheme start?", True),
        ("When was the cleaner production agreement signed?", False),
        ("協議係邊年簽㗎？", False),
    ],
)
def test_the_month_is_asked(question, month):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.month) == ("date", month)


def test_a_year_alone_gives_no_month():
    text = "雙方自去年簽署《加強深港清潔生產工作合作協議》以來，2009年9月再簽署備忘錄。"
    month = analyse(prepare_query("深港清潔生產協議係2008年幾月簽㗎？"))
    when = analyse(prepare_query("深港清潔生產協議係幾時簽㗎？"))
    assert [e.text for e in typed_expressions(month, text, Glossary([]))] == ["2009年9月"]
    assert "去年" in [e.text for e in typed_expressions(when, text, Glossary([]))]


@pytest.mark.parametrize(
    "question",
    [
        "2016年第一屆「一帶一路」高峰論壇喺香港邊個場地舉行？",
        "Which venue in HK hosted the first Belt and Road Summit?",
    ],
)
def test_a_venue_is_asked_as_a_place(question):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.venue) == ("place", True)


@pytest.mark.parametrize(
    "question",
    [
        "2017年係香港回歸第幾多周年？",
        "2017年是香港回归祖国多少周年？",
        "Which anniversary of HK's return did 2017 mark?",
    ],
)
def test_an_anniversary_is_a_place_in_an_order(question):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind, analysis.unit) == ("number", "ordinal", "周年")


@pytest.mark.parametrize(
    ("question", "locative"),
    [
        ("高铁香港段的车站在哪里？", True),
        ("港珠澳大橋香港口岸設喺邊度？", True),
        ("Where is the Hong Kong port of the bridge?", True),
        ("香港要研究把哪里划成郊野公园？", False),
        # where to: the place after 推廣至 answers
        ("Where was the inspection arrangement going to be rolled out to in 2011?", False),
    ],
)
def test_where_a_thing_is(question, locative):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.locative) == ("place", locative)


@pytest.mark.parametrize(
    ("question", "since"),
    [
        ("Since when have the Mainland offices had immigration divisions?", True),
        ("When did the Greater Bay Area youth scheme start?", True),
        ("由幾時開始推行？", True),
        ("从哪年起实施？", True),
        ("When will the Wuhan office have an immigration division?", False),
        ("前海管理局何時成立？", False),
    ],
)
def test_since_when_is_told_from_when(question, since):
    assert analyse(prepare_query(question)).since is since


def test_how_many_elderly_is_not_how_long():
    # 幾多長者 holds 多長 (how long): it counts people
    assert analyse(prepare_query("有幾多長者喺港大深圳醫院用過醫療券？")).unit == "人"
    assert analyse(prepare_query("How many Mainland exporters may settle trade in renminbi?")).unit == "家"


def test_an_english_question_asks_with_its_opening_words():
    # "when" in a clause after "how many" does not make it a date question
    assert expected_type("How many cities were in the pilot when it was first launched?") == "number"
    assert expected_type("When did the pilot grow to how many cities?") == "date"
    # a clause opening with "when" only sets the scene for the question after its comma
    assert expected_type(
        "When it uses the two mechanisms with other cities, what does it use as the platform?"
    ) == ("description")
    assert expected_type("When the party secretary visited, how many documents were signed?") == "number"
    # a "when" after a question asked with another word joins a clause: the event is asked, not its date
    assert (
        expected_type("What event did the Chief Exec attend when he took a trade delegation to Fujian?")
        == "description"
    )
    assert expected_type("Who was the Secretary when the bureau briefed LegCo?") == "who"
    assert expected_type("Which year was it when the bridge opened?") == "date"
    assert expected_type("Since when have the offices had immigration sections?") == "date"
    # ... and after a yes-or-no opening: whether they do it, not when; unless the asker asks to be told when
    assert expected_type("Do HK and Guangdong tell each other when they draft new laws?") == "description"
    assert expected_type("Did the meeting go ahead when the CE visited?") == "description"
    assert expected_type("Do you know when the bridge opens?") == "date"
    assert expected_type("Can you tell me when the meeting was set up?") == "date"
    # ... and a yes-or-no question after a scene-setting "When ...," asks whether
    assert (
        expected_type("When customs share inspection results, does that include X-ray checks?")
        == "description"
    )
    assert expected_type("When the CE visited Guangxi, where did he go?") == "place"
    # ... and a "who" after a noun opens a clause: what they get is asked, not who they are
    assert expected_type("What do Hong Kong elderly who move to Guangdong get paid?") == "description"
    assert expected_type("What does the Fujian Scheme give seniors who retire to Fujian?") == "description"
    assert expected_type("Which bureau, who chaired it?") != "description"
    assert expected_type("Who are the people who run it?") == "who"
    assert expected_type("What's the name of the official who signed it?") == "who"


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # a plan's list of tasks is a noun, not a request to list
        ("The 2011 GD-HK key work list wants a PRD emission plan for which period?", "date"),
        ("Did the 2011 Guangdong-Hong Kong work list say anything about futures?", "description"),
        ("List the cities in the pilot.", "list"),
        # what a thing covers, includes or involves: its parts
        ("What did HK's rebuilding project at the Wolong Nature Reserve cover?", "list"),
        ("What does the cooperation on food supplies involve?", "list"),
        # the point of it, what it is meant to do, how come: why
        ("What's the point of the joint study on the river sediment?", "reason"),
        ("What was the 2013 film agreement meant to do?", "reason"),
        ("What's the government hoping to achieve by funding exchanges?", "reason"),
        ("How come they want to push mediation?", "reason"),
        ("What exactly was the Deputy Financial Secretary expected to do?", "description"),
        # several crossings are a list, one a place
        ("Which border crossings did they promise to speed up planning for?", "list"),
        ("Which border crossing will the new road serve?", "place"),
        # "counts" is a verb after a thing in the singular, not a plural
        ("Which contract counts as the most important one for the bridge?", "description"),
        ("Which part of the HK government is backing the universities?", "who"),
    ],
)
def test_english_wordings_of_the_kind_asked(question, expected):
    assert expected_type(question) == expected


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        # whose figure it is ("Shenzhen's population"), the max, a wage: a number
        ("What was Shenzhen's population in 2020?", "count"),
        ("What is today's exchange rate between the renminbi and the dollar?", "percent"),
        ("What's the max funding one project can get under the scheme?", "money"),
        ("What is the statutory minimum wage in Hong Kong?", "money"),
    ],
)
def test_english_figures_asked_without_how_many(question, kind):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind) == ("number", kind)


@pytest.mark.parametrize(
    "question",
    [
        "Where did Hong Kong rank among the Mainland's trading partners?",
        "香港係內地第幾大貿易夥伴？",
        "香港是内地第几大贸易伙伴？",
    ],
)
def test_a_place_in_an_order_is_asked_as_an_ordinal(question):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind) == ("number", "ordinal")


def test_an_english_count_counts_the_glossary_name_after_how_many():
    from index import Entry, Glossary

    glossary = Glossary([Entry(("cooperation documents",), ("文件", "合作文件"), "term")])
    analysis = analyse(prepare_query("How many cooperation documents were signed?", glossary))
    assert set(analysis.counted) == {"合作文件", "文件"}
    assert analyse(prepare_query("How many were signed?", glossary)).counted == ()


def test_people_counted_in_english_are_counted_by_their_unit_not_a_word_for_them():
    from index import Entry, Glossary

    glossary = Glossary([Entry(("people",), ("人數", "人"), "term")])
    analysis = analyse(prepare_query("How many people in Sichuan have benefited?", glossary))
    assert (analysis.unit, analysis.counted) == ("名", ())


@pytest.mark.parametrize(
    ("question", "kind", "unit"),
    [
        ("How many hours does the convenient visa cover?", "count", "小時"),
        ("粵港旅遊合作推緊嗰個便利簽證係幾多個鐘？", "count", "小時"),
        ("Which round was the Cultural Cooperation Meeting up to in 2011?", "ordinal", "次"),
        ("粵港話支持嘅「國際環保博覽會」係第幾屆？", "ordinal", "屆"),
        # a session is a meeting's (第十六屆) or a course's (第六期)
        (
            "Customs ran a training course in January - which session of the course was it?",
            "ordinal",
            SESSION,
        ),
        ("香港係內地第幾大貿易夥伴？", "ordinal", None),
        ("What's the most a single company can get from the fund?", "money", "money"),
    ],
)
def test_hours_rounds_and_the_most_one_can_get(question, kind, unit):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind, analysis.unit) == ("number", kind, unit)


def test_what_the_one_who_answers_does():
    assert "研究" in analyse(prepare_query("为了让企业同时申报，是由谁来研究的？")).asked_verb
    assert analyse(prepare_query("沪港沟通联络机制，香港这边是哪个机构对接的？")).asked_verb >= {"对接"}
    assert analyse(prepare_query("When was it set up?")).asked_verb == frozenset()


def test_the_posts_whose_holders_name_is_asked():
    analysis = analyse(prepare_query("同特首一齊主持粵港合作聯席會議嘅廣東省省長叫咩名？"))
    assert set(analysis.name_of) == {"行政长官", "省长"}
    assert analyse(prepare_query("深港合作會議由誰主持？")).name_of == ()


def test_an_english_count_counts_every_name_of_its_noun_phrase():
    from index import Entry, Glossary

    glossary = Glossary(
        [
            Entry(("reconstruction",), ("災後重建", "援建"), "term"),
            Entry(("projects",), ("項目",), "term"),
            Entry(("Hong Kong",), ("香港",), "place"),
            Entry(("Sichuan",), ("四川",), "place"),
        ]
    )
    # both the modifier and the head: 190個援建項目 is named by either
    analysis = analyse(
        prepare_query("How many reconstruction projects did Hong Kong support in Sichuan?", glossary)
    )
    assert set(analysis.counted) == {"灾后重建", "援建", "项目"}
    # the phrase ends at its verb or a preposition: Sichuan is where, not what is counted
    analysis = analyse(prepare_query("How many projects in Sichuan did Hong Kong support?", glossary))
    assert analysis.counted == ("项目",)


def test_people_counted_in_english_are_answered_in_any_classifier_of_people():
    analysis = analyse(prepare_query("How many entrepreneurs and company reps will the government reach?"))
    assert (analysis.number_kind, analysis.unit) == ("count", "人")
    assert analyse(prepare_query("How many kids are in the classes for HK children?")).unit == "人"


def test_the_sides_a_question_names_are_mentioned_as_the_papers_pair_them():
    analysis = analyse(prepare_query("When did the close ties between Hong Kong and Shenzhen first start?"))
    assert "港深" in analysis.mentioned and "深港" in analysis.mentioned
    # so the clause of 始於 names what the question asks about
    sentence = "港深兩地的緊密聯繫始於1978年的「改革開放」"
    assert states_event(sentence, analysis.events, analysis.mentioned)
    assert not states_event(sentence, analysis.events, analysis.asked)


@pytest.mark.parametrize(
    ("question", "titles"),
    [
        ("督导组下负责“一带一路”的工作小组由哪位司长担任组长？", ("司长",)),
        ("督導組下面嗰個工作小組，係邊位司長做組長？", ("司长",)),
        ("Which of the three Secretaries leads the Belt and Road working group?", ("司长", "局长")),
        ("Who leads the Belt and Road working group?", ()),
    ],
)
def test_a_which_title_question_wants_a_holder_of_that_title(question, titles):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.which_title) == ("who", titles)


@pytest.mark.parametrize(
    ("question", "kind"),
    [
        ("香港同深圳、澳門旅遊局喺邊個國家搞過聯合推介會？", "place"),
        ("香港曾与深圳及澳门旅游局在哪个国家联合举办旅游推介会？", "place"),
        ("除咗國家民航局空管局，仲有邊兩個機構有份簽？", "who"),
        ("兩地喺邊幾個領域合作？", "list"),
    ],
)
def test_which_country_is_a_place_and_which_two_bodies_are_who(question, kind):
    assert expected_type(question) == kind


def test_whom_a_group_reports_to_is_asked_whatever_posts_describe_the_group():
    analysis = analyse(prepare_query("三位司長做組長嘅工作小組，要定期向邊個匯報工作進展同成果？"))
    assert analysis.recipient and not analysis.wants_post
    assert analyse(prepare_query("Who do the working groups report their progress to?")).recipient
    assert not analyse(prepare_query("邊位司長做組長？")).recipient


def test_a_sentence_that_sets_the_scene_names_no_asked_event():
    question = (
        "The 16th HK-Guangdong working meeting took place on the morning of 28 February 2011. "
        "When did the press release on its results come out?"
    )
    assert asked_sentence(question) == "When did the press release on its results come out?"
    assert analyse(prepare_query(question)).events == {"publish"}  # not "hold", of "took place"
    # the dots of abbreviations end no sentence
    assert asked_sentence("When was the U.S. office opened?") == "When was the U.S. office opened?"
    assert asked_sentence("粵港第十六次工作會議於2月舉行。新聞公報係幾時出㗎？") == "新聞公報係幾時出㗎？"


@pytest.mark.parametrize(
    "question",
    [
        "Which CEPA supplement let Hong Kong banks open sub-branches across Guangdong?",
        "港資銀行喺廣東開異地支行，係根據第幾份補充協議？",
        "香港银行在广东开异地支行，依据的是哪份补充协议？",
    ],
)
def test_which_supplement_asks_for_its_place_in_their_order(question):
    analysis = analyse(prepare_query(question))
    assert (analysis.expected, analysis.number_kind, analysis.unit) == ("number", "ordinal", "份")


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        ("What kinds of outreach do Hong Kong's offices on the Mainland carry out?", "list"),
        ("What sorts of incentives was Guangdong looking at for elderly homes?", "list"),
        ("What type of clean-energy product was singled out?", "description"),
        # which things, in the plural
        ("Which national strategies is the steering group meant to dovetail with?", "list"),
        ("In which parts of the Mainland does Hong Kong have offices?", "list"),
        ("Which of HK's existing high-level meeting mechanisms were kept?", "list"),
        ("What steps were Shenzhen and Hong Kong taking on air quality?", "list"),
        ("What does the scheme offer?", "description"),
        # ... and what a thing covers is its parts
        ("What does the scheme cover?", "list"),
        # ... but the years a plan covers are a period (2009-2011)
        ("What years does the three-year action plan cover?", "date"),
        ("What customs arrangement applies?", "description"),
        # a search box's keywords: the time of the signing, not how long
        ("《关于专利领域的合作安排》签署时间", "date"),
        ("深港通開通時間？", "date"),
        ("審批要多長時間？", "number"),
        # a search box's cost, run or signer
        ("自贸协定中转货物便利计划 申请费用", "number"),
        ("武汉盛世展览在香港历史博物馆的展期", "date"),
        ("2004年加强深港合作备忘录 签署人", "who"),
        ("希望珠三角居民來港消費由「旅遊消費」變成乜嘢消費？", "description"),
        # 做咗啲咩 asks what was done; 做啲咩服務 which services
        ("負責醫療嘅同學為鄉鎮居民做咗啲咩？", "description"),
        ("大專生去廣東鄉鎮做義工，會做啲咩服務？", "list"),
        ("有啲咩合作夥伴？", "list"),
        # after a deed done, 啲乜 asks what was agreed; before a noun, which ones
        ("兩地海關就嗰兩個電子系統傾掂咗啲乜？", "description"),
        ("佢哋建立咗啲乜機制？", "list"),
        # in which respect, not where
        ("这份合作安排主要在哪方面加强交流？", "description"),
        # a describing word before "city"
        ("In which Mainland city did the HKTDC hold its fashion expo?", "place"),
        ("What Guangdong city hosts the expo?", "place"),
        ("What was the city's plan?", "description"),
    ],
)
def test_kinds_asked_and_a_time_in_keywords(question, expected):
    assert analyse(prepare_query(question)).expected == expected


@pytest.mark.parametrize(
    ("question", "rate"),
    [
        ("香港长者医疗券每人每年金额多少", True),
        ("How much is the yearly elderly health care voucher?", True),
        ("How much money can a student get each year under the scheme?", True),
        ("How much did the government inject into the fund?", False),
        ("東江水供水量係幾多？", False),
    ],
)
def test_an_amount_per_unit_asked(question, rate):
    assert analyse(prepare_query(question)).rate is rate


@pytest.mark.parametrize(
    ("question", "cost"),
    [
        ("自由貿易協定中轉貨物便利計劃申請要俾幾多手續費？", True),
        ("香港常用中药材标准研究经费是多少", True),
        ("How much does it cost to apply under the scheme?", True),
        ("What's the toll for a private car?", True),
        ("港珠澳大桥一共花了多少钱？", True),
        ("How much did the government inject into the fund?", False),
        ("貿易總額係幾多？", False),
        # a count of things funded, not the funding
        ("How many factories have received funding to go green?", False),
        ("Who takes charge of trade?", False),
    ],
)
def test_a_cost_or_fee_asked(question, cost):
    assert analyse(prepare_query(question)).cost is cost


@pytest.mark.parametrize(
    ("question", "frequency"),
    [
        ("沪港合作会议多久召开一次？", True),
        ("粵港聯席會議幾耐開一次？", True),
        ("How often does the Shanghai-Hong Kong Cooperation Conference meet?", True),
        ("沪港合作会议开了多少次？", False),
        ("How many times has the conference met?", False),
    ],
)
def test_how_often_asked(question, frequency):
    assert analyse(prepare_query(question)).frequency is frequency


def test_a_measure_of_money_asked_is_what_a_sentence_must_write():
    assert analyse(prepare_query("How big were HK's yuan deposits at the end of 2010?")).measures == ("存款",)
    assert analyse(prepare_query("深港通第一日成交額有幾多？")).measures == ("成交|交易额|营业额|营业",)
    assert analyse(prepare_query("How much trade was settled in yuan in 2010?")).measures == ()
    # only a number asked: "who takes deposits" names a measure but asks for a body
    assert analyse(prepare_query("Which banks take yuan deposits?")).measures == ()


def test_why_is_told_from_what_a_thing_is_for():
    assert analyse(prepare_query("Why did DuPont choose Hong Kong?")).asks_why
    assert analyse(prepare_query("特区政府为什么要宣传大湾区")).asks_why
    assert not analyse(prepare_query("What is the maritime and port board actually for?")).asks_why
    assert not analyse(prepare_query("香港海運港口局有咩作用？")).asks_why
    # 成為什麼 asks what one becomes, not why
    assert analyse(prepare_query("取得資格的香港居民可以申請成為什麼？")).expected != "reason"


def test_who_signed_is_asked():
    assert analyse(prepare_query("Who actually signed the 2004 memorandum?")).signers
    assert analyse(prepare_query("2004年加强深港合作备忘录 签署人")).signers
    assert not analyse(prepare_query("Who chairs the meeting?")).signers
    assert not analyse(prepare_query("When was the memorandum signed?")).signers


def test_the_date_a_figure_is_as_of_names_no_event():
    asked = "The breakdown of certificates issued so far: what date is that data as of?"
    assert analyse(prepare_query(asked)).events == frozenset()
    assert analyse(prepare_query("《證明書》涵蓋行業嗰個圖，數字截至幾時？")).events == frozenset()
    assert analyse(prepare_query("When were the first certificates issued?")).events


@pytest.mark.parametrize(
    ("question", "aside"),
    [
        (
            "川港溝通協調機制嘅工作小組會議，除咗發展局四川重建組組長，香港仲有邊個官員一齊主持？",
            ("发展局四川重建组组长",),
        ),
        ("粤港联席会议第十六次工作会议除商贸外还讨论了哪些领域的合作", ("商贸",)),
        ("排除咗呢啲因素，邊個負責？", ()),
        ("深港合作會議由誰主持？", ()),
    ],
)
def test_what_a_question_sets_aside(question, aside):
    assert analyse(prepare_query(question)).besides == aside


def test_a_specific_date_asks_the_day():
    assert analyse(prepare_query("深圳经济特区三十周年深港合作成果总结活动的具体日期")).day
    assert not analyse(prepare_query("深港合作成果总结活动幾時搞？")).day


@pytest.mark.parametrize(
    "question",
    [
        "When was the government's paper on the 2009 Shenzhen-Hong Kong Cooperation Meeting put out?",
        "講2009年深港合作會議嗰份資料文件係幾時出㗎？",
        "那份讲2024年施政报告内地合作措施的文件，是提交给立法会哪个事务委员会的？",
        "Which LegCo panel was the bureau's Policy Address paper on Mainland cooperation for?",
        "2012年嗰份講內地合作分工嘅文件，係交咗俾立法會邊個小組委員會？",
        "关于2011年粤港联席会议商贸议题的文件，是由哪个政策局提交的？",
    ],
)
def test_a_question_about_the_paper_itself(question):
    assert analyse(prepare_query(question)).about_paper


@pytest.mark.parametrize(
    "question",
    [
        # the paper only says where the fact is read
        "According to the government's paper on the 2009 meeting, when did the ties between HK and Shenzhen "
        "start?",
        "根據2024年施政報告文件，香港同內地各省市嘅合作機制推進緊邊幾方面嘅合作？",
        "The 2024 Policy Address paper cites the Third Plenary Session's decision. When was that decision "
        "adopted?",
        # documents the papers speak of, not the paper
        "沪港合作会议第六次会议签署合作文件的是哪些机构？",
        "Who signed the cooperation documents at the fifth Beijing-Hong Kong conference?",
        # a person, a meeting of the panel, a committee that is no LegCo panel
        "2024年施政報告相關文件提交立法會時，政制及內地事務局局長是哪一位？",
        "On what date did the LegCo panel meet to discuss the 2009 Shenzhen paper?",
        "香港大珠三角商務委員會嘅主席係邊個？",
        # a department "briefing" someone in a photo of the booklet: no briefing paper asked
        "In the cross-border infrastructure photos of the 2012-17 review booklet, which department is "
        "briefing the Secretary for Transport and Housing?",
    ],
)
def test_a_question_that_names_a_paper_without_asking_about_it(question):
    assert not analyse(prepare_query(question)).about_paper


def _paper(doc_id: str, date: str, title: str) -> PaperMeta:
    return PaperMeta(
        doc_id=doc_id,
        file=f"{doc_id}.txt",
        title_zh=title,
        title_en=doc_id,
        paper_no=None,
        committee_zh=None,
        committee_en=None,
        bureaus_zh=(),
        bureaus_en=(),
        date=date,
    )


PAPERS = [
    _paper("division", "2012-05", "香港特別行政區政府推動與內地合作的工作分工"),
    _paper("review", "2017", "與內地合作工作回顧（2012–2017）"),
    _paper("policy", "2024-10", "行政長官2024年施政報告：政制及內地事務局有關內地合作的政策措施"),
]


@pytest.mark.parametrize(
    ("question", "named"),
    [
        # the paper of 2012, not the review of 2012-2017 (dated 2017) that tells of 2012 too
        (
            "In the 2012 paper on how departments split Mainland work, why does the government send "
            "delegations?",
            {"division"},
        ),
        ("2012年講分工嗰份文件入面，政府點解會不時組經貿代表團上內地考察？", {"division"}),
        # the review by the years its title writes, a range's end in two digits or four
        ("In the 2012-17 review booklet, which museum do the students visit?", {"review"}),
        ("《2012—2017年回顾》展望部分提到，香港能在哪些方面为国家提供重要平台？", {"review"}),
        ("根據政制及內地事務局嘅2024年施政報告文件，區域合作機制推進邊幾方面嘅合作？", {"policy"}),
        # a year's Policy Address the papers quote is none of them; no source clause names none
        ("按2015年施政报告的建议，学生在小学和中学阶段各至少能获资助去内地交流几次？", None),
        ("When was the Constitutional Affairs Bureau renamed?", None),
    ],
)
def test_a_paper_named_by_its_year_is_the_one_searched(question, named):
    found = papers_named(analyse(prepare_query(question)), PAPERS)
    assert (set(found) if found is not None else None) == named


@pytest.mark.parametrize(
    ("question", "founders"),
    [
        ("Who founded Shantou University?", True),
        ("汕頭大學係邊個創辦㗎？", True),
        ("督導組由誰成立？", True),
        # who leads a group that was set up: not who set it up
        ("Who is in charge on the Guangzhou side of the task force set up in 2011?", False),
        ("2011年為南沙成立嘅穗港合作專責小組，廣州嗰邊係邊個帶頭？", False),
    ],
)
def test_who_founded_is_asked_by_the_verb_after_the_who_word(question, founders):
    assert analyse(prepare_query(question)).founders is founders


@pytest.mark.parametrize(
    ("question", "things"),
    [
        ("How many hospitals have actually opened in Guangdong?", True),
        # what is counted is the noun phrase after "how many", not the people named later
        ("How many care home places did Hong Kong buy for elderly people on the waiting list?", True),
        ("How many elderly people moved into the two homes?", False),
    ],
)
def test_an_english_count_of_things_is_told_from_a_head_count(question, things):
    assert analyse(prepare_query(question)).counts_things is things
