"""The answer span: which expression of the answer sentence answers, and how far it reaches."""

import pytest

from index import Entry, Glossary
from index.query import prepare_query
from qa.readers import expressions
from qa.readers.features import _holds_title, typed_expressions
from qa.readers.question import analyse
from qa.readers.spans import choose

# Posts as the shipped glossary knows them (a post with 及 inside is found by name, not by pattern).
GLOSSARY = Glossary(
    [
        Entry(("Executive Vice-Mayor",), ("常務副市長",), "role"),
        Entry(("Secretary for Constitutional and Mainland Affairs",), ("政制及內地事務局局長",), "role"),
        Entry(("Financial Services and the Treasury Bureau",), ("財經事務及庫務局",), "organisation"),
        Entry(("Commerce and Economic Development Bureau",), ("商務及經濟發展局",), "organisation"),
        Entry(("Invest Hong Kong",), ("投資推廣署",), "organisation"),
        Entry(("Chief Executive",), ("行政長官",), "role"),
        Entry(("DuPont",), ("杜邦公司",), "organisation"),
        Entry(("vice premier", "Li Keqiang"), ("副總理", "李克強"), "role"),
        Entry(("Customs",), ("海關",), "organisation"),
        Entry(("NDRC",), ("國家發展和改革委員會",), "organisation"),
        Entry(("Beijing Institute of Collaborative Innovation",), ("北京協同創新研究院",), "organisation"),
        Entry(("HKSTP",), ("香港科技園公司",), "organisation"),
        Entry(("CCPIT",), ("中國國際貿易促進委員會",), "organisation"),
        Entry(("Hong Kong Mediation Centre",), ("香港和解中心",), "organisation"),
        Entry(("Huaqiao University",), ("華僑大學",), "organisation"),
        Entry(("Pearl River Delta",), ("珠三角",), "place"),
        Entry(("the country",), ("國家",), "place"),
        Entry(("United States",), ("美國",), "place"),
        Entry(("Shenzhen",), ("深圳",), "place"),
        Entry(("Trade Development Council",), ("香港貿易發展局",), "organisation"),
        Entry(("Productivity Council",), ("香港生產力促進局",), "organisation"),
        Entry(("steering group",), ("督導組",), "organisation"),
        Entry(("Central Policy Unit",), ("中央政策組",), "organisation"),
    ]
)


def span(question: str, sentence: str) -> str:
    analysis = analyse(prepare_query(question))
    found = typed_expressions(analysis, sentence, GLOSSARY)
    return choose(analysis, sentence, found, ()).text


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # the clause that names what the question names, in a list of meetings
        (
            "滬港經貿合作會議何時成立？",
            "粵港合作聯席會議（1998年成立）、滬港經貿合作會議（2003年成立）",
            "2003年",
        ),
        # the date of the asked event, not of another one of the same thing
        (
            "高鐵香港段何時竣工？",
            "高鐵香港段的建造已經在去年1月底開展，進展理想，我們預計於2015年竣工。",
            "2015年",
        ),
        # 由 X 擔任: X answers who
        ("督導組由誰擔任組長？", "「督導組」由行政長官親自擔任組長，三位司長擔任副組長。", "行政長官"),
        # the total, not what was added
        ("姊妹學校一共有多少所？", "去年新增230所，姊妹學校總數則已超過570所。", "超過570所"),
        # two things asked: both dates, both counts with their nouns
        (
            "滬港通和深港通分別於何時開通？",
            "在2014年11月及2016年12月分別開通滬港通及深港通。",
            "2014年11月及2016年12月",
        ),
        (
            "特區政府在內地設有多少個辦事處及聯絡處？",
            "特區政府在內地設有五個辦事處及11個聯絡處。",
            "五個辦事處及11個聯絡處",
        ),
        # posts joined, each with its city and the names after them
        (
            "前海聯合專責小組由誰擔任組長？",
            "由特區政府政制及內地事務局局長和深圳市常務副市長分別擔任組長。",
            "政制及內地事務局局長和深圳市常務副市長",
        ),
        (
            "會議由誰主持？",
            "政務司司長唐英年和廣東省副省長招玉芳於今年2月28日上午在廣州共同主持會議。",
            "政務司司長唐英年和廣東省副省長招玉芳",
        ),
        # how it changed: the whole change; what it reached: the figure it arrived at
        (
            "聯絡處從幾個增加到幾個？",
            "聯絡處數目由2012年7月的3個大幅增至2017年4月的11個，使每個辦事處下各設最少2個聯絡處。",
            "由2012年7月的3個大幅增至2017年4月的11個",
        ),
        ("監測站增至多少個？", "監測網絡的監測站從16個增加至23個。", "23個"),
        ("試點擴大到多少個省市？", "內地試點地區由試點推出時的5個城市擴展至20個省市。", "20個"),
        # 由 X 擔任 Y: X is who, Y the role
        (
            "工作小組由誰擔任組長？",
            "在統籌協調方面，由三位司長擔任小組組長的工作小組就國家戰略統籌協調。",
            "三位司長",
        ),
        # a part of the whole when the question names what only the part's clause names
        (
            "深圳有多少個清潔生產項目獲資助？",
            "並已資助珠三角港資企業進行超過380個項目，其中90個位於深圳。",
            "90個",
        ),
        (
            "有多少個清潔生產項目獲資助？",
            "並已資助珠三角港資企業進行超過380個項目，其中90個位於深圳。",
            "超過380個",
        ),
        # the question's own school years are not its answer; 17萬 is not the 17 of 2016/17
        (
            "2014/15至2016/17學年有多少學生參與內地交流計劃？",
            "2014/15至2016/17三個學年，參與學生內地交流計劃的學生約17萬人次。",
            "約17萬人次",
        ),
        # the figure a change started from, for a question about the start
        (
            "人民幣貿易結算試點啱啱推出嗰陣有幾多個城市？",
            "內地試點地區由試點推出時的5個城市擴展至20個省市。",
            "5個",
        ),
        (
            "跨境贸易人民币结算试点扩大到多少个省市？",
            "內地試點地區由試點推出時的5個城市擴展至20個省市。",
            "20個",
        ),
        # a date of the year the question names answers "when in that year"
        ("2010年何時擴大試點？", "內地有關部門於2010年6月大幅擴大試點的地域範圍。", "2010年6月"),
        # 分別: of dates paired with as many things, the one paired with the thing asked; "month and year"
        # is one date
        ("深港通係幾時開通嘅？", "在2014年11月及2016年12月分別開通滬港通及深港通。", "2016年12月"),
        (
            "What month and year did 深港通 go live?",
            "在2014年11月及2016年12月分別開通滬港通及深港通。",
            "2016年12月",
        ),
        # one side's post of a two-sided group
        (
            "前海聯合專責小組，香港嗰邊由邊個做組長？",
            "由特區政府政制及內地事務局局長和深圳市常務副市長分別擔任組長。",
            "政制及內地事務局局長",
        ),
        (
            "Who leads the Shenzhen side of the Qianhai task force?",
            "由特區政府政制及內地事務局局長和深圳市常務副市長分別擔任組長。",
            "深圳市常務副市長",
        ),
        # one side's post among posts joined in one name; the person when the question names the post
        ("京港工作會議由香港邊位官員主持？", "京港工作會議：財政司司長與北京市副市長主持。", "財政司司長"),
        (
            "2024年4月第六次滬港合作會議，帶隊嘅上海市長係邊個？",
            "2024年4月與上海市市長龔正率領的上海市政府代表團在香港舉行了「滬港合作會議」第六次會議。",
            "龔正",
        ),
        (
            "滬港合作會議由誰率領代表團？",
            "2024年4月與上海市市長龔正率領的上海市政府代表團在香港舉行了「滬港合作會議」第六次會議。",
            "上海市市長龔正",
        ),
        # which bureau: a body, not the person the question names
        (
            "李克强公布的三十多项措施，香港由哪个局统筹落实？",
            "國務院副總理李克強於2011年8月訪港時宣布了三十多項措施，財經事務及庫務局負責統籌措施的落實。",
            "財經事務及庫務局",
        ),
        # the date of what was said, not of the visit that sets the scene
        (
            "李克強訪港時提出，甚麼時候基本實現服務貿易自由化？",
            "李克強副總理去年8月訪港時，亦提出在「十二五」期末，通過 CEPA 基本實現服務貿易自由化的目標。",
            "「十二五」期末",
        ),
        # the person after the post, even when a word of what they do follows (親自)
        (
            "大灣區建設是誰親自謀劃的？",
            "粵港澳大灣區建設是國家主席習近平親自謀劃、親自部署、親自推動的重大國家戰略。",
            "國家主席習近平",
        ),
        # an ordinal for 第幾
        ("香港是內地第幾大貿易夥伴？", "另一方面，香港是內地的第三大貿易夥伴，僅次於美國和日本。", "第三"),
        # an item of a list told by its own words, not by the subject the first item carries
        (
            "2025年香港駐內地辦事處最少要喺活動度演講幾多次㗎？",
            "即駐內地辦事處在2025年造訪內地機關或組織不少於3 300次、出席活動發表演說不少於280次、"
            "接受傳媒訪問或舉行簡報會不少於340次",
            "不少於280次",
        ),
        # things, then 分別 and as many figures: the figure of the thing asked
        (
            "2006到2015年，珠三角區域監測網錄到嘅可吸入懸浮粒子年平均濃度跌咗幾多？",
            "二氧化硫、二氧化氮及可吸入顆粒物的年均值分別下降72%、28% 和 34%。",
            "34%",
        ),
        # the body under a bureau is the one that acts
        (
            "香港係邊個部門負責同商務部合作做投資推廣？",
            "商務及經濟發展局轄下投資推廣署致力與商務部、省市各級政府緊密合作",
            "投資推廣署",
        ),
        # a company with its country, when the question asks which American company
        (
            "深港雙方成功邀請哪一家美國企業在香港設立總部？",
            "雙方更成功邀請美國杜邦公司於香港設立其全球業務總部",
            "美國杜邦公司",
        ),
        # a table's row run together: the meeting's name is not part of its chairs' posts
        (
            "粤港合作机制中最高层级的会议由谁主持？",
            "日常聯絡機制\n\n粵港合作粵港聯席會議行政長官及廣東省省長粵港聯席工作會議",
            "行政長官及廣東省省長",
        ),
        # the thing counted right after the figure, not further on in its clause
        (
            "How many projects has the Cleaner Production Partnership Programme funded since 2008?",
            "由2008年開展至今，共批准超過2 700個資助項目，資助約1 700間港資工廠進行清潔生產項目。",
            "超過2 700個",
        ),
        # the part in Shenzhen, though what follows it says where, not what
        (
            "How many cleaner production projects in Shenzhen had been funded by 2009?",
            "並已資助珠三角港資企業進行超過380個項目，其中90個位於深圳。",
            "90個",
        ),
        # a person, then the post the question names: the person
        ("2011年8月訪港的是哪位副總理？", "李克強副總理去年8月訪港時，亦提出目標", "李克強"),
        # the month of a year the question names: the paper's 今年 adds nothing (but stays for when)
        (
            "特首今年係幾月喺香港同廣西區黨委書記劉寧會面？",
            "今年5月，行政長官與廣西壯族自治區黨委書記劉寧在香港會面",
            "5月",
        ),
        ("行政長官何時與劉寧會面？", "今年5月，行政長官與廣西壯族自治區黨委書記劉寧在香港會面", "今年5月"),
        # who chairs: the post before 主持, not the one 由 brings to support it
        (
            "滬港合作機制嘅高層會議，香港方面由邊個主持？",
            "滬港合作高層會議行政長官與上海市市長主持，並由財政司司長與上海市副市長支援",
            "行政長官",
        ),
        (
            "Under the HK-Shanghai set-up, who on the HK side chairs the high-level meeting?",
            "滬港合作高層會議行政長官與上海市市長主持，並由財政司司長與上海市副市長支援",
            "行政長官",
        ),
        # of like clauses, the one writing the figure the question names (its 74 projects)
        (
            "藝發局資助嗰74個去內地交流嘅項目，資助額總共有幾多？",
            "藝術發展基金資助共60個內地文化交流項目（資助額逾600萬港元），香港藝術發展局則資助共74個項目（資助額逾"
            "1,200萬港元）。",
            "逾1,200萬港元",
        ),
        # one side's bodies joined (相關政策局及中央政策組), the other side's post left out
        (
            "深港合作会议下设的几个专责小组，香港方面由哪些部门参与？",
            "深港合作會議政務司司長與深圳市市長主持—專責小組由相關政策局及中央政策組參與",
            "相關政策局及中央政策組",
        ),
        # joined names less those the question names
        (
            "參與大灣區城市群發展規劃，香港除咗同廣東、澳門，仲同邊個國家部門合作？",
            "與國家發展和改革委員會及廣東省和澳門政府攜手參與粵港澳大灣區城市群發展規劃",
            "國家發展和改革委員會",
        ),
        (
            "与香港科技园公司签署战略合作协议的是北京哪家机构？",
            "北京協同創新研究院與香港科技園公司簽署戰略合作協議",
            "北京協同創新研究院",
        ),
        # ... but not a name whose pieces only look alike (香港和解中心, 聯合調解中心)
        (
            "Who set up the Mainland-Hong Kong Joint Mediation Centre (內地—香港聯合調解中心)?",
            "中國國際貿易促進委員會與香港和解中心成立內地—香港聯合調解中心",
            "中國國際貿易促進委員會與香港和解中心",
        ),
        # before a thing opened: the figure the change left
        ("武漢經貿辦未開之前，港府喺內地有幾多個辦事處？", "辦事處數目由4個增至5個", "4個"),
        ("補充協議七後，銀行開業前設立代表處的年期降至多少年？", "由以往的2年以上降至1年以上", "1年以上"),
        # the one the asked verb follows: who studies it
        (
            "为了让企业同时向两地道路货物系统申报，是由谁来研究的？",
            "香港海關已完成系統，雙方同意內地海關研究如何透過第三方平台",
            "內地海關",
        ),
        # extended to where: the place after 至, with the region's other cities, not the one asked (國家)
        (
            "The 2012 platform wanted the multiple-entry permit for Shenzhen residents extended to where?",
            "向國家爭取將現有深圳居民「一年多簽」的自由行擴大至珠三角其他城市，同時提升邊境通關效率",
            "珠三角其他城市",
        ),
        # which city: not the country (美國杜邦公司)
        (
            "DuPont put its headquarters in Hong Kong - which city got the matching production base?",
            "雙方更成功邀請美國杜邦公司於香港設立其全球業務總部和研發中心，並於深圳設立相關的生產基地。",
            "深圳",
        ),
        # besides the one the question names by its short form in brackets (貿發局)
        (
            "除咗貿發局，政府仲透過邊個機構幫內地港資企業做技術升級？",
            "香港貿易發展局(貿發局)及香港生產力促進局等支援機構，為港資企業提供技術升級",
            "香港生產力促進局",
        ),
        # whom the groups report to: the one after 向, not the ones reporting
        (
            "三位司長做組長嘅工作小組，要定期向邊個匯報工作進展同成果？",
            "由三位司長擔任小組組長的工作小組統籌協調各相關政策措施，並定期向「督導組」報告工作進展。",
            "督導組",
        ),
        # a body's name in quotation marks is whole, however long, and 各級當局 is no group
        (
            "港府通过哪个粤港专责小组反映港资加工贸易企业转型升级的问题",
            "特區政府一直與內地各級當局 (包括透過「粵港加工貿易轉型升級專題專責小組」) 一直保持聯繫",
            "粵港加工貿易轉型升級專題專責小組",
        ),
        # Hong Kong's department asked: not the joint mechanism's Guangdong half (粵方) it works with
        (
            "每年嘅「廣東民企赴港考察團」，香港邊個部門同大珠三角商務委員會一齊搞？",
            "投資推廣署一直與香港大珠三角商務委員會及「粵港民間合作機制粵方大珠三角投資貿易推廣小組」緊密合作，"
            "每年共同舉辦「廣東民企赴港考察團」",
            "投資推廣署",
        ),
        # which university: the one named, not the kind the question names (內地大學)
        (
            "哪所内地高校试行招收香港副学位毕业生？",
            "推出內地大學升學資助華僑大學招收香港副學位畢業生",
            "華僑大學",
        ),
        # the part (當中) that holds the question's own year, not the whole
        (
            "香港的国家重点实验室伙伴实验室中，有几所是2012年及以后才设立的？",
            "現時共有16所國家重點實驗室夥伴實驗室，當中4所夥伴實驗室是在2012年或之後成立。",
            "4所",
        ),
        # a year the question names, with the part of it that answers (年底)
        (
            "According to the 2011 trade paper, when were the 2010 investment figures due to be published?",
            "有關2010年的數字會於2011年年底公布。",
            "2011年年底",
        ),
        # a period asked: both ends of the span of time, without the 自 before it
        (
            "回顧小冊子有資助本地藝團上內地交流嘅數字，嗰啲數係由幾時計到幾時？",
            "自2012年7月至2016年12月，藝術發展基金為此資助共60個內地文化交流項目。",
            "2012年7月至2016年12月",
        ),
        (
            "Over what period did HK run those seminars around mainland provinces?",
            "自2012年7月至2017年2月，在內地不同省市舉辦超過120場投資推廣研討會。",
            "2012年7月至2017年2月",
        ),
        (
            "珠三角二氧化硫年均值下降了72%，这是哪几年间的变化？",
            "2006年至2015年，區內錄得的二氧化硫、二氧化氮及可吸入顆粒物的年均值分別下降72%、28%和34%。",
            "2006年至2015年",
        ),
        # ... and the years a plan's name gives are the period it covers, not a later year the sentence names
        (
            "《珠江三角洲地區空氣質素管理計劃》係涵蓋邊幾年？",
            "1.儘快完成《珠江三角洲地區空氣質素管理計劃（2002-2010）》終期評估，完成研究制訂珠三角地區2010年以後的"
            "空氣污染物減排方案。",
            "2002-2010",
        ),
        # before the government came in: the figure the count rose from
        (
            "Before the 2012–2017 government came in, how many liaison units did HK have on the Mainland?",
            "將聯絡處總數由本屆政府上任前的3個大幅增加至11個。",
            "3個",
        ),
        (
            "2012年那届特区政府上任以前，香港在内地一共设了几个联络处？",
            "將聯絡處總數由本屆政府上任前的3個大幅增加至11個。",
            "3個",
        ),
        # which year's plan: the year in its title, not the date of the meeting that reviewed it
        (
            "At the Hong Kong–Guangdong working meeting in February 2011, which year's key work plan did "
            "they look back on?",
            "4. 政務司司長唐英年和廣東省副省長招玉芳於今年2月28日上午在廣州共同主持粵港合作聯席會議"
            "第十六次工作會議，回顧了落實《粵港合作框架協議》，特別是《2010年重點工作》的進度。",
            "2010年",
        ),
        (
            "2011年2月开的粤港合作工作会议，回顾的是哪一年度重点工作的落实进度？",
            "4. 政務司司長唐英年和廣東省副省長招玉芳於今年2月28日上午在廣州共同主持粵港合作聯席會議"
            "第十六次工作會議，回顧了落實《粵港合作框架協議》，特別是《2010年重點工作》的進度。",
            "2010年",
        ),
        # the whole the question names is not repeated: the panel of LegCo, the bureau of the SAR government
        (
            "2024年施政報告嗰份文件係交畀立法會邊個事務委員會㗎？",
            "立法會工商及創新科技事務委員會\n\n行政長官2024年施政報告",
            "工商及創新科技事務委員會",
        ),
        (
            "支持香港大專院校同廣東院校探討以創新模式合作嘅，係特區政府邊個部門？",
            "香港特區政府教育局在大前提下，支持香港大專院校與廣東大專院校探討以創新模式加強合作。",
            "教育局",
        ),
        # a committee's name on a line of its own, however long
        (
            "2012年5月嗰份文件係交俾立法會邊個小組委員會㗎？",
            "立法會CB(2)2193/11-12(01)號文件 \n\n研究與政府總部架構重組有關的法例修訂建議小組委員會 \n\n"
            "香港特別行政區政府",
            "研究與政府總部架構重組有關的法例修訂建議小組委員會",
        ),
    ],
)
def test_the_span_that_answers(question, sentence, expected):
    assert span(question, sentence) == expected


def test_people_counted_in_english_are_counted_in_any_classifier_of_people():
    # the question writes no classifier: 人 is not preferred over 位, the clause naming who is counted decides
    question = "How many entrepreneurs and company reps is the government to reach in 2025?"
    analysis = analyse(prepare_query(question, Glossary([Entry(("entrepreneurs",), ("企業家",), "term")])))
    sentence = "出席者不少於10 000人，並與不少於1 200位企業家和公司代表進行接洽。"
    found = typed_expressions(analysis, sentence, GLOSSARY)
    assert choose(analysis, sentence, found, ()).text == "不少於1 200位"
    # 多少人 writes it: the people in 人
    analysis = analyse(prepare_query("2025年會接觸多少人？"))
    assert (
        choose(analysis, sentence, typed_expressions(analysis, sentence, GLOSSARY), ()).text
        == "不少於10 000人"
    )


def test_one_with_a_classifier_is_an_article_not_a_count():
    analysis = analyse(prepare_query("How many projects are in the Innovation Circle's action plan?"))
    found = typed_expressions(analysis, "兩地政府通過一份三年行動計劃，共有十一個項目", GLOSSARY)
    assert [e.text for e in found] == ["三年", "十一個"]


@pytest.mark.parametrize(
    ("question", "expected"),
    [
        # which city: a province (陝西, the last of a list) is none, the city a map brackets after it is
        ("Which city is the Hong Kong government's Henan liaison office in?", ["鄭州"]),
        ("特區政府駐河南的聯絡處設在哪個城市？", ["鄭州"]),
        # a province may answer when the question names one
        ("Which province or city did the government open its last liaison office in?", ["陝西", "河南"]),
    ],
)
def test_a_province_is_no_city(question, expected):
    places = Glossary(
        [
            Entry((name,), (chinese,), "place")
            for name, chinese in [("Henan", "河南"), ("Shaanxi", "陝西"), ("Zhengzhou", "鄭州")]
        ]
    )
    analysis = analyse(prepare_query(question, places))
    sentence = "本屆政府先後於湖南、河南及陝西開設聯絡處。河南(鄭州)"
    assert [e.text for e in typed_expressions(analysis, sentence, places)] == expected


def test_the_span_is_a_slice_of_the_sentence():
    sentence = "政務司司長唐英年和廣東省副省長招玉芳於今年2月28日上午在廣州共同主持會議。"
    analysis = analyse(prepare_query("會議由誰主持？"))
    chosen = choose(analysis, sentence, typed_expressions(analysis, sentence, GLOSSARY), ())
    assert isinstance(chosen, expressions.Expression)
    assert sentence[chosen.start : chosen.end] == chosen.text


@pytest.mark.parametrize(
    ("post", "person"),
    [("李克强副总理", "李克强"), ("习近平主席", "习近平"), ("广东省副省长", None), ("深圳市市长", None)],
)
def test_a_name_before_a_post_is_told_from_a_place_before_one(post, person):
    from qa.readers.spans import _NAME_THEN_POST

    named = _NAME_THEN_POST.fullmatch(post)
    assert (named.group(1) if named else None) == person


@pytest.mark.parametrize(
    "question",
    ["督导组下的工作小组由哪位司长担任组长？", "Which of the three Secretaries leads the working group?"],
)
def test_the_title_asked_or_a_count_of_its_holders_answers_no_which(question):
    # 由三位司長擔任小組組長: which Secretary leads one group is not said
    analysis = analyse(prepare_query(question))
    assert typed_expressions(analysis, "由三位司長擔任小組組長的工作小組就國家戰略統籌協調", GLOSSARY) == []
    found = typed_expressions(analysis, "工作小組由政務司司長擔任組長", GLOSSARY)
    assert [e.text for e in found] == ["政務司司長"]
    assert _holds_title("政务司司长唐英年", ("司长",)) and not _holds_title("三位司长", ("司长",))


def test_a_name_of_only_the_asked_kind_names_none():
    analysis = analyse(prepare_query("哪所内地高校试行招收香港副学位毕业生？"))
    found = typed_expressions(analysis, "推出內地大學升學資助華僑大學招收香港副學位畢業生", GLOSSARY)
    assert [e.text for e in found] == ["華僑大學"]


# Names as the shipped glossary knows them, for the questions that set one aside ("besides X", 除咗X).
ASIDE = Glossary(
    [
        Entry(("CMAB",), ("政制及內地事務局",), "organisation"),
        Entry(("Permanent Secretary",), ("常任秘書長",), "role"),
        Entry(("Development Bureau",), ("發展局",), "organisation"),
        Entry(("NDRC",), ("國家發改委",), "organisation"),
        Entry(("Ministry of Education",), ("教育部",), "organisation"),
        Entry(("Chief Secretary",), ("政務司司長",), "role"),
    ]
)
SICHUAN_ROW = (
    "川港溝通協調機制高層會議政務司司長與四川省常務副省長主持溝通協調工作小組會議由政制及內地事務局常任秘書長"
    "和發展局四川重建組組長及四川省發展和改革委員會主任主持"
)
QIANHAI = "此外，《前海規劃》要求成立由國家發改委牽頭，國務院有關部門、廣東省、深圳市政府參與的協調機制。"


@pytest.mark.parametrize(
    ("question", "sentence", "expected"),
    [
        # the one the sentence joins to what is set aside, over the one before 主持 of another row
        (
            "川港溝通協調機制嘅工作小組會議，除咗發展局四川重建組組長，香港仲有邊個官員一齊主持？",
            SICHUAN_ROW,
            "政制及內地事務局常任秘書長",
        ),
        (
            "除了发展局四川重建组组长外，川港工作小组会议还有哪位官员共同主持？",
            SICHUAN_ROW,
            "政制及內地事務局常任秘書長",
        ),
        # what is set aside is not the answer; without it, it is
        ("前海規劃要求成立嘅協調機制，除咗發改委牽頭，仲有邊個政府參與？", QIANHAI, "深圳市政府"),
        ("前海規劃要求成立嘅協調機制由邊個牽頭？", QIANHAI, "國家發改委"),
    ],
)
def test_what_the_question_sets_aside_is_not_the_answer(question, sentence, expected):
    analysis = analyse(prepare_query(question))
    assert choose(analysis, sentence, typed_expressions(analysis, sentence, ASIDE), ()).text == expected


def test_a_national_ministry_is_named_with_its_country():
    question = analyse(prepare_query("粵港合作辦學嘅管理辦法，廣東要爭取邊個部門支持？"))
    sentence = "廣東爭取國家教育部的支持，制定出台粵港合作辦學有關管理辦法。"
    assert choose(question, sentence, typed_expressions(question, sentence, ASIDE), ()).text == "國家教育部"
