"""What a question wants, in English, Traditional or Simplified Chinese: the answer type and its unit.

"When was X set up?", 「X何時成立？」 and 「X是哪年设立的？」 all want a date about X; 「簽署了多少份協議？」
wants a count of 份; "Who chairs X?" a post or body. Patterns run on the normalised question (NFKC, lowercase,
Simplified), so one list covers both Chinese scripts.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from functools import cached_property

from corpus import PaperMeta
from index import PreparedQuery, normalize, side_pair_places, side_pairs
from qa.readers.events import asked_events
from qa.readers.expressions import HANZI, LENGTH_OR_TIME, SESSION, years_in
from qa.readers.posts import asked_titles, name_asked

# Expected answer types; "description" is the default (what is X, what does X do).
ANSWER_TYPES = ("date", "number", "who", "place", "list", "reason", "description")
# Types whose answer is an expression a pattern can find; the reader abstains when none is near the focus.
TYPED = ("date", "number", "who", "place")


def _cues(*parts: str) -> str:
    """One alternation from several readable pieces."""
    return "|".join(parts)


_WHO_NOUNS = (
    "bureau|department|official|officer|body|organi[sz]ation|office|post|agency|minister|secretary|secretaries|"
    "government|authority|person|team|unit|party|leaders?|officials?|university|universities|institutions?"
    "|mayor|vice-mayor|governor|chairman|chairperson|chief|head|director|minister|president|commissioner"
    "|premier|vice premier|vice-premier|state councillor|party secretary"
    "|ministry|ministries|commission|council"
    # a task force, committee or panel is named as a body is (which Guangdong-side group)
    "|groups?|committees?|task ?forces?|taskforces?|panels?"
    # a company is named as a body is (which contractor won, the two firms that won)
    "|company|companies|firms?|contractors?|enterprises?|developers?|operators?|banks?|consultants?"
    "|schools?|institutes?|colleges?|academy|academies|hospitals?|associations?|stock exchanges?"
)
# Words that end a "which" phrase before its noun ("which areas did the bureau ..." asks for areas).
_NOT_DESCRIBING = "(?:did|does|do|is|are|was|were|has|have|had|will|would|can|could|of|the|to|in|on|for)"
# "which" and a few describing words before the noun ("which Hong Kong design school", "which of the
# three Secretaries").
_WHICH = rf"\bwhich (?:of (?:the|its|their) (?:\w+ )?)?(?:(?!{_NOT_DESCRIBING}\b)[\w'-]+ ){{0,3}}"
# Which institution, school or body, its noun a few words on (邊間內地機構) or left out (係邊間？).
_WHICH_INSTITUTION = (
    "(?:哪|边)(?:一)?(?:间|家|所)(?:[\u4e00-\u9fff]{0,4}?(?:机构|院校|学院|大学|学校|医院|组织|团体)|[？?]?$)"
)
_LIST_NOUNS = (
    "areas|fields|sectors|measures|offices|cities|places|bodies|agreements|industries|projects|platforms|"
    "initiatives|mechanisms|documents|services|professions|topics|departments|parties|regions|zones|"
    "governments|schemes"
)
# Words ending in s that are no plural of a thing asked ("what does", "which customs", "what years").
_NOT_PLURAL = (
    r"(?:does|is|was|has|this|its|his|us|yes|as|news|series|business|process|access|address|status|bus|plus"
    r"|less|across|various|previous|always|perhaps|thus|customs|means|headquarters|premises|species"
    r"|years|months|days|hours|dates|times|weeks|[\w-]+'s|\w+ss|\w+us|\w+is"
    # a verb after a thing in the singular ("what customs arrangement applies")
    r"|applies|covers|includes|helps|needs|leads|handles|runs|makes|takes|gives|says|goes|happens|allows"
    r"|requires|involves|offers|provides|supports|promotes|plays|aims|seeks|holds|oversees|manages|operates"
    r"|coordinates|represents|remains|becomes|stands|refers|describes|lies|belongs|exists|stays|sits|owns"
    r"|follows|focuses|connects|sends|brings|receives|enables|ensures|contains|lets|keeps|wants|tries|sees"
    r"|knows|seems|gets|comes|counts|ranks|matters|works)"
)
_QUANTITY_NOUNS = (
    "target|rate|value|supply|population|total|amount|budget|cost|volume|size|area|length|capacity|"
    "turnover|growth|figure|toll|fee|price|charge|cap|ceiling|quota|threshold|wage|salary"
)
_RULES: tuple[tuple[str, str], ...] = (
    (
        "date",
        _cues(
            # not "when" before a gerund: "what principle does it follow when drawing up policies"
            r"\bwhen\b(?!\s+[a-z]+ing\b)|\bwhat (?:year|date|month|time)\b|\bwhich (?:year|month|date)\b"
            r"|\bsince when\b",
            r"\b(?:what|which|on) exact (?:day|date)\b",
            r"\bwhat(?:'s| is| was) the date\b",
            r"\bhow long ago\b|\bwhat day\b|\bopening hours\b|\bwhat time\b|几点",
            "何时|几时|什么时候|甚么时候|哪一年|哪年|哪个月|哪一天|哪天|何年|何日|什么日子|甚么日子",
            "(?<!\\d)年份|日期|几月|几号|边年|边一年|边日|边个月|哪个时候|哪一个时候|啥时候|什么时间|甚么时间",
            # a search box's "《…》签署时间": the time of the thing, not how long (多长时间, 一段时间)
            "(?<!多长)(?<!几长)(?<!多少)(?<!几多)(?<!段)(?<!长)时间\\s*(?:是|系)?\\s*(?:几时|什么|甚么)?\\s*[？?]?$",
            # a search box's "…展覽 展期": when an exhibition, a meeting or works run
            "(?:展|会|工)期\\s*(?:是|系)?\\s*(?:几时|什么|甚么)?\\s*[？?]?$",
            # which school or financial year (邊個學年, 哪个年度)
            "(?:哪|边)(?:个|一个|一)?(?:学年|年度|财政年度)",
            r"\b(?:which|what) (?:school|academic|financial|fiscal) year\b",
            # the period figures cover (統計時段, 由幾時計到幾時, "what period do those figures cover"),
            # the time something ran (哪段時間)
            r"\b(?:what|which) (?:time )?period\b|\bwhat (?:dates|years) do\b",
            # the years a plan or a figure covers ("what years does the plan cover", "over which years",
            # 涵蓋邊幾年, 哪幾年間)
            r"\b(?:what|which) years\b",
            "(?:哪|边)(?:几|些)年(?!级|纪|龄)",
            "(?:哪|边|什么|甚么)(?:一|个)?(?:段)?(?:时段|时期|期间)|(?:哪|边)(?:一)?段时间|统计时段|几时(?:计|数|算)到几时",
        ),
    ),
    (
        "number",
        _cues(
            r"\bhow (?:many|much|large|big|long|far|often|fast)\b|\bnumber of\b|\bpercent",
            r"\bwhat (?:percentage|proportion|share|amount|number|size|sum|total)\b",
            # ... or whose it is ("What was Shenzhen's population?", "today's exchange rate")
            rf"\bwhat(?:'s| is| was| are| were) (?:the |[\w-]+'s )(?:[\w-]+ ){{0,3}}"
            rf"(?:{_QUANTITY_NOUNS})s?\b",
            # "the most a company can get", "the max funding one project can get"
            r"\bwhat(?:'s| is| was) the (?:most|max|maximum|least|minimum)\b",
            "多少|几多|百分之几|占多少|多大|多长|多远|数目|数量|金额|比例|多久",
            # a search box's "…計劃 申請費用", "…研究 經費"
            "(?:费用|经费|预算|造价|成本|收费|[\u4e00-\u9fff](?<!消)费)\\s*(?:是|系)?\\s*[？?]?$",
            # 幾 before a classifier asks how many (幾輪, 幾批); 哪幾個/邊幾個 asks which ones
            # ... but 十幾項 / 三十幾個 is a figure with "-odd", and 嗰幾個小組 / 下設的幾個小組 "those few
            # groups": not a question
            "(?<![哪边十百千万\\d嗰𠮶那这呢的])几(?:个|份|项|名|间|家|成|年|次|条|位|倍|耐|长|远|大|场|届|轮|回|批|种|类|宗|所|座|只|件|期)",
        ),
    ),
    (
        "who",
        _cues(
            r"\bwho\b|\bwhom\b|\bwhose\b|\b(?:headed|led|chaired) by\b",
            r"\bwhat(?:'s| is| was| are| were) the names? of\b",
            rf"{_WHICH}(?:{_WHO_NOUNS})\b",
            "谁|哪个部门|哪个机构|哪位|什么人|甚么人|哪一位|由哪|哪个政策局|哪个局|哪个单位|哪个官员",
            # 邊個 asks who, but 邊個區 / 邊個城市 ask where, and 邊個計劃 which thing (as 哪個計劃)
            "边个(?!区|地区|区域|城市|省|市|镇|地方|口岸|港口|检查站|管制站|场地|场馆|会场|国家(?!部|机构|单位|级|领导)"
            "|计划|方案|项目|协议|安排|政策(?!局)|措施|基金|活动|会议|论坛|规划|平台|制度|机制|领域|行业|文件|报告|学年|年度)",
            # a search box's "…備忘錄 簽署人"
            "(?:签署|签约|申请|召集|发起)(?:人|者)\\s*(?:是|系)?\\s*(?:谁|边个)?\\s*[？?]?$",
            "负责人|哪一个部门|哪个组织|哪个政府|哪所|哪间大学|哪些机构|哪些部门|哪些内地领导|名字",
            "边位|边一位|边个部门|边个机构|边个局|边间机构|边间大学|咩人|乜人|叫咩名|叫乜名|咩名",
            # which company (邊間公司投得, 哪家企业中标)
            "(?:哪|边)(?:一)?(?:家|间|个|些|两家|两间)[\u4e00-\u9fff]{0,4}?(?:公司|企业|机构|银行|承建商|顾问|商户|商号)",
            "(?:哪|边)几个(?:部门|机构|局|政策局|单位|官员|组织)|边啲(?:部门|机构|政策局|单位|官员|组织)",
            # which office or group (哪一個辦事處, 哪個駐內地辦事處, 邊個經貿辦, 哪个粤方小组)
            "(?:哪|边)一?个[\u4e00-\u9fff]{0,4}?(?:办事处|经贸办|联络处|部委|委员会|小组|组织|团体|协会|商会)",
            _WHICH_INSTITUTION,
            # "which part of the HK government"
            r"\bwhich (?:part|arm|branch) of (?:the )?(?:[\w-]+ ){0,2}government\b",
            # 邊兩位 / 哪几位 ask for people, 邊兩個機構 for bodies: not a list of things
            "(?:哪|边)[两二三四五六七八九十几]位",
            "(?:哪|边)[两二三四五六七八九十几]个(?:机构|部门|单位|组织|政府|官员|人)",
        ),
    ),
    (
        "place",
        _cues(
            r"\bwhere\b|\bwhich (?:city|province|place|district|location|port|country|station|checkpoint)\b",
            # a describing word or two before the noun: "which Mainland city", "what Guangdong city"
            rf"\b(?:which|what) (?:(?!{_NOT_DESCRIBING}\b)[\w'-]+ ){{1,2}}"
            r"(?:city|province|district|port|country)\b",
            # one crossing (several are a list)
            r"\bwhich (?:border |boundary |land )?(?:crossing|control point)\b(?!s)",
            r"\b(?:which|what) venue\b|(?:哪|边)(?:个|一个|间)?(?:场地|场馆|会场)",
            # not 在哪些領域 (in which fields: a list)
            # ... nor 在哪方面 (in which respect: what)
            "哪里|哪儿|在哪(?!些|(?:一|个|一个)?(?:方面|领域|范畴|环节))|何处|什么地方|甚么地方|边度|哪个城市|哪个地方|哪个省|位于",
            "(?:哪|边)(?:个|一个)?(?:区|地区|区域|城市|省|镇|口岸|港口|检查站|管制站|国家(?!部|机构|单位|级|领导))",
        ),
    ),
    (
        "reason",
        _cues(
            r"\bwhy\b|\bpurpose\b|\bfor what\b|\baims? (?:of|to)\b|\bwhat is (?:the |a )?[\w\s-]+ for\??$",
            # "What's that meant to achieve?", "What was the agreement meant to do?", "What's the point of the
            # study?", "How come they want mediation?", "What is the government hoping to achieve?"
            r"\b(?:meant|supposed|intended|designed) to (?:achieve|accomplish|do)\b"
            r"|\b(?:hop|want|aim|seek|try|tri)(?:e|es|ed|ing|s)? to achieve\b|\bthe point of\b|\bhow come\b",
            # not 成為什麼 ("become what") nor 認為什麼
            "为何|(?<![成作认视称])为什么|(?<![成作认视称])为甚么|目的|原因|宗旨|为了什么|作用|是做什么的|做什么用",
            "点解|为咩|为乜|做咩要|做乜要",  # Cantonese
        ),
    ),
    (
        "list",
        _cues(
            # "which key cooperation platforms", "which governments/bodies"
            rf"\bwhich (?:[\w'-]+[ /]){{0,2}}(?:{_LIST_NOUNS}|provinces|modes|ways|kinds|types)\b",
            # "what big new joint cultural projects": a few describing words, no verb or preposition
            rf"\bwhat (?:(?:are|were) the )?(?:(?!{_NOT_DESCRIBING}\b)[\w'-]+ ){{0,4}}"
            r"(?:areas|fields|sectors|measures|offices|platforms|initiatives|projects)\b",
            r"\bwhat (?:(?:exactly |precisely )?(?:are|were) the )?"
            r"(?:two|three|four|five|six|seven|eight|\d+) \w+",
            # "which national strategies", "what steps", "which of HK's existing mechanisms": which things, in
            # the plural (not "what does", "which customs", nor a time: "what years" is no list)
            r"\b(?:which|what) (?:of (?:the |its |their |[\w-]+'s )?)?"
            rf"(?:(?!{_NOT_DESCRIBING}\b)[\w'-]+ ){{0,3}}?"
            rf"(?!{_NOT_PLURAL}\b)[a-z]+s\b",
            # "What did the rebuilding project cover?", "what does the cooperation involve?": its parts
            r"\bwhat (?:did|does|do|will|would)\b[^?]{3,100}\b(?:cover|include|involve)\??$",
            # "what kinds of outreach", "what sorts of incentives": the kinds a sentence lists
            r"\bwhat (?:(?:other|main|different|specific) )?(?:kinds|types|sorts|forms|lines) of\b",
            # to list, not a list ("on the care-home waiting list", "after the list was enlarged")
            # ... nor a plan's list of tasks ("the 2011 GD-HK key work list wants", "in the 2011 GD-HK list")
            r"(?<!\bthe )(?<!\ba )(?<!waiting )(?<!negative )(?<!work )(?<!hk )\blist\b|\bname the\b",
            "哪些|有哪|包括什么|包括甚么|包括哪|哪几|边几|边啲|(?:哪|边)(?:[两二三四五六七八九十]|\\d{1,3})(?:个|样|项|种|大|方面)?",
            # 有啲咩合作夥伴, 會做啲咩服務: which ones, in Cantonese (but 「……做咗啲咩？」 asks what was done)
            "(?<!做)(?<!搞)(?<![咗了])啲(?:咩|乜|什么|甚么)",
            # after a deed done, only before a noun: 建立咗啲乜機制, but 傾掂咗啲乜？ asks what was agreed
            "(?<=[咗了])啲(?:咩|乜|什么|甚么)(?!\\s*[？?]?\\s*$)",
            "(?:做|搞)(?:咗|了)?啲(?:咩|乜|什么|甚么)(?!\\s*[？?]?\\s*$)",
        ),
    ),
)
_COMPILED = tuple((kind, re.compile(pattern)) for kind, pattern in _RULES)
# A place in an order (第三大貿易夥伴): 第幾, "where does it rank", "in what place" (normalised text).
ORDINAL_ASKED = re.compile(
    r"第几|第多少|\brank(?:ed|s|ing)?\b|\bin what place\b|排第|排名第?几"
    # which round: 第十二次
    r"|\b(?:which|what) (?:round|session|edition|batch|phase|meeting number)\b"
    # which supplement: CEPA 補充協議六
    r"|\b(?:which|what) (?:cepa )?supplement\b|(?:哪|边)(?:一)?份\s*(?:cepa)?\s*补充协议"
    # which anniversary: 回歸20周年
    r"|(?:多少|几多|几)\s*周年|\b(?:which|what) anniversary\b"
)

_MONEY = re.compile(
    _cues(
        r"\btotal (?:value|amount)|\bcost|\bbudget|\bmoney|\bfund|\binject|\bspen[dt]|\binvest|\bworth",
        r"\bvalue|\bhk\$|\bdollars?\b|\bprice|\bfee|\btoll|\bsalary|\bwages?\b|\bpaid",
        r"\brmb\b|\brenminbi\b|\byuan\b|\bsettlement\b|\bturnover\b|\bexport|\bimport",
        "金额|多少钱|资金|注资|拨款|费用|成本|造价|预算|投资|价值|总值|港元|港币|人民币|收费|票价|薪|总额|贸易额|结算",
        # a fee named (經費, 手續費, 過橋費): 過橋費是多少, 幾多過橋費
        "经费|手续费|[\u4e00-\u9fff]费(?:是|为|要|有)?(?:多少|几多)|(?:多少|几多)[\u4e00-\u9fff]{0,3}费",
        "津贴|补贴|补助|工资|基金.{0,2}(?:多大|多少)|关税|税款|慳|节省了?(?:多少|几多)|货值|产值|货额",
        r"(?<![名份])额(?![度外])|\btariffs?\b|\bduty\b|\bduties\b|\bsav(?:e|ed|es|ing|ings)\b",
        "几多钱|钱",
    )
)
# "How much a month does an elderly person get": "how much" with no other cue asks for an amount of money,
# never a count of the people the question names (unless it asks how much land, time or of a whole).
_HOW_MUCH = re.compile(
    r"\bhow much\b(?! (?:land|space|time|area|of|longer|more|further|bigger|larger|did\b|has\b|have\b))"
)
_PERCENT = re.compile(
    r"percent|proportion|\bshare\b|\brate\b|百分之|百分比|比例|几成|几多成|多少成|占多少|比率|(?<!汇)率|%"
    r"|占(?!地)[^?？，,]{0,24}(?:多少|几多)"  # 佔內地外來投資總額幾多 (not 佔地): a share of the whole
    # how fast a figure grows a year is a rate: "how fast did it grow per year", 年均增長, 平均每年漲了多少
    r"|\bhow fast\b|\bgrowth rate\b|\bannual(?:ly)? growth\b|增长率|增幅"
    # a weight in a whole (比重, 佔比) and the size of a cut or a rise (減免幅度, "how big a tax cut")
    r"|比重|占比|份额|幅度"
    r"|\bhow (?:big|large|deep) an? (?:[\w-]+ ){0,2}(?:cut|reduction|discount|concession|rise)\b"
    r"|(?:年均|平均每年|每年平均)[^?？，,]{0,12}(?:增长|增加|上升|涨|升|增)"
)
# How far a figure moved, with no classifier asked: "by how much did it fall", 跌咗幾多, 增長了多少.
_CHANGE_AMOUNT = re.compile(
    r"\bby how much\b|\bhow much (?:did|has|have|had) [\w\s'-]{0,40}?"
    r"\b(?:drop|fall|fell|rise|rose|grow|grew|increase|decrease|decline|go up|go down)"
    r"|(?:下降|下跌|跌|减少|减|增长|增加|上升|升|增)(?:了|咗)?(?:多少|几多)"
)
_CLASSIFIER = re.compile(
    r"(?:多少|几多|(?<![十百千万\d])几)\s*(个月|万人次|人次|平方公里|公里|公顷|立方米|个小时|小时|个钟"
    r"|人(?!民)|本(?![地港年届土])|[个份名项间家次宗所条座类批场届位年天辆架艘组队款倍种张只件部台吨轮回头])"
)
_EN_UNITS = {
    "year": "年",
    "month": "個月",
    "day": "天",
    "people": "名",
    "person": "名",
    "km": "公里",
    "kilomet": "公里",
    "hectare": "公頃",
    "times": "次",
    "hour": "小時",
}
# Who founded or set up a thing (normalised): the verb right after the who word, or the founder named.
_FOUNDER_ASKED = re.compile(
    r"\bwho (?:\w+ )?(?:founded|set up|established|created|formed)\b"
    r"|(?:谁|边个|由哪[\u4e00-\u9fff]{0,4}?)(?:来|负责)?(?:创办|成立|设立|创立|组建|开办)|(?:创办|创立)(?:人|者)"
    r"|(?:创办|成立|设立|创立)(?:的)?(?:是谁|系边个|系谁)"
)
# Who takes part in a thing (normalised): those who join, attend or do it together, whom the papers
# often name by kind (政府管理部門、行業中介機構和企業; 主要官員、國際機構代表及行業領袖), not who
# leads or signs it.
_PARTICIPANTS_ASKED = re.compile(
    r"\bwho (?:\w+ ){0,3}?(?:took|take|takes|taking) part\b|\bwho (?:\w+ ){0,3}?(?:participat|attend|join)\w*"
    r"|参加|参与|出席|列席|与会|加入|一齐|一起"
)
# "How many school years": school, academic and financial years are counted in 個 (三個學年, 兩個財政年度).
_TERMS_COUNTED = re.compile(r"\bhow many (?:school|academic|financial|fiscal) years\b")
# The date a figure or chart is "as of" (數字截至幾時): the date of the data, not of an event the question
# names on the way ("certificates issued so far").
_AS_OF = re.compile(
    r"\bas (?:of|at)\b(?: (?:what|which) (?:date|day|month|year)\b)?\s*[?？]?$|\bas of (?:what|which|when)\b"
    r"|\bhow up to date\b|截至(?:何时|几时|什么时候|甚么时候|哪|边)"
)
# "Since when", 「由幾時開始」, "when did it start": the date a thing began, not one it must happen before.
_SINCE = re.compile(
    r"\bsince when\b|\bfrom when\b|\bwhen did [\w\s'-]{1,60}?\b(?:start|begin|began|commence)"
    r"|(?:几时|何时|什么时候|甚么时候|哪年|哪一年|边年|哪个月)(?:开始|起)"
    r"|(?:由|从|自)(?:几时|何时|什么时候|甚么时候|哪年|哪一年|边年|哪个月)"
)
# When a thing did happen ("when did it actually get going", 幾時設立咗): a date it was only planned for
# (將於2017年年底前設入境事務組) does not say.
_DONE = re.compile(r"\b(?:actually|finally|in the end|in fact)\b|实际上|咗|已经")
# ... unless the plan is asked ("when was it expected to be signed", 預計幾時).
_PLAN_ASKED = re.compile(
    r"\b(?:expect|plan|schedul|due|suppos|target|aim|meant|intend|slated|set to)\w*"
    r"|预计|预期|计划|目标|打算|拟"
)
_CLOCK = re.compile(r"\bopening hours\b|\bwhat time\b|\bwhat hours?\b|几点|开放时间|通关时间|营业时间")
_LOCATION_OF = re.compile(
    r"\bwhere (?:is|are|was|were|'s)\b|\bwhere does\b|\blocated\b|\bleaves? from\b|\bdepart"
    r"|在哪|设在|建在|设于|位于|喺边|在边(?:度|个|处)|系边度|喺哪"
)
# "Where was it going to be rolled out to?": where to, not where it is (推廣至廣東省內所有車檢場).
_DESTINATION = re.compile(r"\b(?:to|into)(?:\s+(?:in|by)\s+\d{4})?\W*$")
# The venue a thing was held at (在香港會議展覽中心舉行).
_VENUE_ASKED = re.compile(r"\bvenue\b|场地|场馆|会场")
_DAY_ASKED = re.compile(
    r"\b(?:what|which|exact) day\b|\b(?:exact|specific|precise) date\b"
    r"|边日|哪天|哪一天|哪日|哪一日|几号|几日(?!内|之内)|具体(?:的)?(?:日期|日子)|确切(?:的)?(?:日期|日子)"
)
_MONTH_ASKED = re.compile(r"\b(?:what|which) month\b|几月|(?:哪|边)(?:一)?个月|哪月")
# A period asked ("over what period", "between when and when", 由幾時到幾時, 哪幾年), normalised: both ends
# of a span of time answer it, not the one the other words sit nearer.
_PERIOD_ASKED = re.compile(
    r"\b(?:what|which) (?:time )?(?:period|span|stretch|years)\b|\bbetween when and when\b"
    r"|\bfrom when (?:to|until|till) when\b|\bover (?:what|which) (?:period|years|time)\b"
    r"|(?:由|从|自)\s*(?:几时|什么时候|甚么时候|何时)\s*(?:计)?\s*(?:到|至)\s*(?:几时|什么时候|甚么时候|何时)"
    r"|时间段|时段|(?:哪|边)(?:一)?段时间|(?:哪|边)几年|哪些年"
)
# "How big is X in square kilometres", 規劃面積多大: an area, whatever the question's other words.
_AREA = re.compile(
    r"square kilomet|\bsq(?:uare)? ?km\b|\bkm2\b|km²|\b(?:land|floor|site|total|planned|gross) area\b"
    r"|\bin area\b|面积|占地"
)
# When the question names no classifier, the thing counted names one: 多少学生 and "how many students" are
# answered in 人 / 名 / 位, "how many schools" in 所. Nouns as normalised (lower case, Simplified).
_COUNTED = (
    (
        "人",
        "students?|people|persons?|visitors?|participants?|staff|members?|residents?|tourists?|passengers?"
        "|teachers?|delegates?|youths?|young people|talents?|graduates?|workers?|employees?"
        "|representatives?|officials?|attendees?|beneficiar(?:y|ies)|recipients?|elderly|seniors?"
        "|volunteers?|applicants?|trainees?|interns?|entrepreneurs?|reps|executives?|investors?|kids|children"
        "|doctors?|nurses?|professionals?|practitioners?|lawyers?|civil servants?|officers?|医生|护士"
        "|学生|旅客|游客|访客|市民|居民|员工|职员|教师|老师|参加者|参与者|代表|人员|青年|人才|毕业生"
        "|受惠人|受惠者|官员|长者|义工|志愿者|申请人|实习生|同胞|群众|民众|人士|病人|患者|儿童|学童"
        "|人(?!民币)",  # not the 人 of 人民幣
    ),
    ("所", "schools?|universities|colleges?|学校|院校|大学"),
    (
        "家",
        "banks?|compan(?:y|ies)|enterprises?|firms?|businesses|exporters?|importers?|traders?|manufacturers?"
        "|insurers?|银行|公司|企业",
    ),
    ("间", "branch(?:es)?|sub-branches|支行|分行"),
    ("份", "agreements?|documents?|memorand(?:um|a)|mous?|协议|文件|备忘录"),
    ("项", "measures?|items?|policies|措施|政策"),
    ("次", "meetings?|sessions?|rounds?|会议"),
)
# The Chinese nouns of people (not the bare 人 of 人民幣): a count in 個 next to one counts people.
PEOPLE_NOUNS = re.compile(
    "|".join(n for n in _COUNTED[0][1].split("|") if not n.isascii() and not n.startswith("人("))
)
_PEOPLE_IN_GE = re.compile(rf"(?:多少|几多|几)个(?:(?![的之])[\u4e00-\u9fff]){{0,4}}?(?:{_COUNTED[0][1]})")
_COUNTED_EN = tuple(
    (unit, re.compile(rf"\bhow many (?:[\w'-]+ ){{0,3}}?(?:{nouns})\b")) for unit, nouns in _COUNTED
)
_COUNTED_ZH = tuple(
    (unit, re.compile(rf"(?:多少|几多|几)个?[^，。？?！!]{{0,6}}?(?:{nouns})")) for unit, nouns in _COUNTED
)
# "Who is the director of X?", 「X的局長是誰？」: a person or post answers, not a body.
_POST_ASKED = re.compile(
    r"\b(?:director|head|chief|mayor|governor|chairman|chairperson|chairwoman|secretary|commissioner|leader)\b"
    r"|局长|司长|主任|市长|省长|主席|组长|负责人|首长|处长|署长|书记|叫什么名字|叫甚么名字"
    r"|(?:哪|边)[一两二三四五六七八九十几]?位"  # 邊兩位主持: people, so their posts
)
# Whom a thing is reported or answered to (normalised): the one after 向 answers.
_RECIPIENT_ASKED = re.compile(
    r"向(?:谁|边个|边位|哪个|哪位|哪一个|哪一位|什么)[\u4e00-\u9fff]{0,4}?(?:汇报|报告|负责|交代|提交|述职)"
    r"|\breport(?:s|ed|ing)? (?:[\w'-]+ ){0,4}?to\b|\bto whom\b|\banswer(?:s|ed)? to\b"
)
# "Besides X" (除咗X，仲有邊個; "apart from the NDRC, who else"): X is known to the asker, so it is not the
# answer, and what the papers join to it often is. Normalised text; not 消除, 排除, 除非.
_BESIDES_ZH = re.compile(
    r"(?<![消排清拆废删剔免扣革解破根])除(?!非|夕)(?:了|咗|开|去)?([\u4e00-\u9fff]{2,16}?)(?:之外|以外|外)?"
    r"(?:[，, ]|还|仲|亦|也|另|其)"
)
_BESIDES_EN = re.compile(
    r"\b(?:besides|apart from|other than|aside from|in addition to|except(?: for)?)\s+(?:the\s+)?"
    r"([^,?]{2,60}?)(?:,|\s+(?:who|which|what|where|how|and)\b)"
)
# An amount per unit asked (normalised): per year, per person, per project.
_RATE_ASKED = re.compile(
    r"每(?:一)?(?:年|人|月|次|日|天|名|位|个|间|所|项|宗|周|星期|季|份|张|家)|人均|年均|平均每"
    r"|\bper (?:year|annum|person|head|month|day|week|student|project|school|company|firm|trip|lab\w*)\b"
    r"|\b(?:yearly|annual|annually|daily|monthly|weekly)\b|\b(?:a|each|every) (?:year|month|day|week)\b"
    r"|\beach (?:student|school|project|company|firm|person|office|lab\w*|applicant|household)\b"
)
# How often a thing happens asked (normalised): "how often", 多久召開一次, 幾耐開一次, 每隔多久.
_FREQUENCY_ASKED = re.compile(
    r"\bhow (?:often|frequently|regularly)\b|\bat what intervals?\b"
    r"|(?:多久|几耐|多长时间|几长时间)[\u4e00-\u9fff]{0,4}?一次|每隔(?:多久|几耐|几年|多少)|频率|多频密|几密"
)
# Measures of money a sentence names in so many words, or it measures something else (normalised): the
# question's words for one, and what a sentence writes for it. "How big were HK's yuan deposits" is not
# answered by 人民幣貿易結算總額, nor the first day's turnover of Stock Connect by the net sales of funds.
MEASURES: tuple[tuple[re.Pattern[str], str], ...] = tuple(
    (re.compile(asked), written)
    for asked, written in (
        (r"\bdeposits?\b|存款", "存款"),
        (r"\bloans?\b|\blending\b|贷款|借贷", "贷款|借贷|融资"),
        (r"\bturnover\b|\btrading volume\b|成交|营业额", "成交|交易额|营业额|营业"),
        (r"\bsales\b|销售|销量", "销"),
        (r"\bgdp\b|\beconomic output\b|生产总值", "生产总值|gdp"),
        (r"\bbonds?\b|债券", "债券|债"),
    )
)
# What a thing does asked, rather than why (normalised): "what is it for", 作用, 是做什麼的.
_FUNCTION_ASKED = re.compile(
    r"\bfor what\b|\bwhat is (?:the |a )?[\w\s-]+ for\??$|作用|是做什么的|做什么用|职能|功能"
)
# A cost or fee asked (normalised): 手續費, 過橋費, 經費, 預算, "how much does it cost", "what's the toll".
_COST_ASKED = re.compile(
    r"\bcosts?\b|\bfees?\b|\btolls?\b|\bbudget|\bprice|\bfunding\b|(?<!in )\bcharges?\b|\bspen[dt]"
    r"|\bput(?:ting)? into\b|[\u4e00-\u9fff]费|费用|预算|成本|造价|票价|收费|资助额|拨款"
    r"|花(?:了|咗)?(?:多少|几多)|[使用](?:了|咗)(?:多少|几多)钱"
)
# Who chairs or leads: people, in their posts (a meeting chairs nothing), unless a body is asked.
_CHAIR_ASKED = re.compile(
    # "who on the HK side chairs", "who co-chaired"
    r"\bwho (?:[\w'-]+ ){0,4}?(?:co-)?(?:chairs?|chaired|heads?|headed|leads?|led|presides?|presided)\b"
    r"|主持|率领|带领|带队"
    # who is in charge of a group: its head, a post (督導組由行政長官親自擔任組長)
    r"|\bwho(?:'s| is| was) (?:[\w'-]+ )?in charge of (?:the |its |this |that )?(?:[\w'-]+ ){0,6}?"
    r"(?:group|task force|committee|council)\b"
    r"|(?:督导组|小组|委员会)[^，,。？?\s]{0,4}?由?(?:边个|边位|谁|哪位|哪一位)(?:负责|主管|领导|话事|揸弗)"
)
# "How many <noun>" and the English nouns of people (as the counted-thing table lists them).
_HOW_MANY_NOUN = re.compile(r"\bhow many [a-z]")
_PEOPLE_EN = re.compile(
    rf"\b(?:{'|'.join(n for n in _COUNTED[0][1].split('|') if n.isascii())}"
    r"|hong kongers|locals|elders|kids|children|men|women|officers|leaders|experts|professionals|scholars"
    r"|entrepreneurs|investors|athletes|artists|patients|doctors|nurses|lawyers|judges)\b"
)
# "Which bureau is in charge", 「由哪個局統籌」: a body answers, not a post or the person the question names.
_BODY_ASKED = re.compile(
    r"\b(?:which|what) (?:policy )?(?:bureau|department|body|organi[sz]ation|agency|authority|unit"
    r"|government department|institution)s?\b"
    rf"|{_WHICH}(?:school|institute|college|academy|academie"
    r"|hospital|association|company|companie|firm|bank|stock exchange|enterprise|contractor)s?\b"
    r"|(?:哪|边)(?:一)?(?:个|间|些|啲|几个)(?:政府)?(?:政策局|局|部门|机构|单位|组织)|(?:什么|甚么|咩)(?:机构|部门)"
    rf"|{_WHICH_INSTITUTION}"
)
# Which body, its noun right after the question word (normalised): a body answers, whatever post the
# question names besides ("which department briefed the Secretary"); not 哪个局长, "which bureau's head".
_WHICH_BODY = re.compile(
    r"\b(?:which|what) (?:policy |government )?(?:bureau|department|body|organi[sz]ation|agency|unit)s?\b"
    r"(?!'s| head| chief| director| secretary)"
    r"|(?:哪|边)(?:一)?(?:个|间)(?:政府)?(?:政策局|部门|机构|单位|组织|局)(?![长首])"
)
# "How long did it take", 多久: a span of time, in years, months or days alike.
_HOW_LONG = re.compile(
    r"\b(?:for )?how long (?:did|will|does|do|has|have|had|would|can|could|is it|was it)\b"
    r"|多久|多长时间|几耐|几长时间"
)
# "How long is the study / the bridge": a span of time or a length.
_HOW_LONG_IS = re.compile(r"\bhow long\b|多长(?!者)")  # not 幾多長者, how many elderly
# How long a thing that has a length is (a river, a bridge, a railway; 全長): kilometres, not years.
_LENGTH_OF_A_THING = re.compile(
    r"\bhow long (?:is|was|will be|would be) (?:the |that |this )?[\w'’ –-]{0,40}?"
    r"\b(?:river|bridge|road|railway|rail link|tunnel|highway|expressway|coastline|pipeline|track)\b"
    r"|全长|总长度"
)
# Simplified classifiers as they are written in the Traditional papers.
_TRADITIONAL_UNIT = {
    "个": "個",
    "个月": "個月",
    "项": "項",
    "间": "間",
    "条": "條",
    "类": "類",
    "头": "頭",
    "场": "場",
    "届": "屆",
    "辆": "輛",
    "组": "組",
    "队": "隊",
    "万人次": "萬人次",
    "公顷": "公頃",
    "种": "種",
    "张": "張",
    "只": "隻",
    "吨": "噸",
    "轮": "輪",
    "小时": "小時",
    "个小时": "小時",
    "个钟": "小時",  # 幾多個鐘, Cantonese for hours
}


def _asks_nothing_else(rest: str) -> bool:
    """What is left of a question without its paper clause is only the asking (係幾時出㗎, "when was it
    issued"), not a topic of its own ("when did the ties between Hong Kong and Shenzhen first start")."""
    return len(re.findall(r"[\u4e00-\u9fff]", rest)) <= 8 and len(re.findall(r"[A-Za-z]+", rest)) <= 4


# A question about a paper as a document, in the normalised (lower-case, Simplified) form: 那份文件
# or 資料文件 (not 合作文件, the agreements the papers speak of, nor 文件裏提到, what a paper says),
# a LegCo panel or subcommittee, a paper sent to LegCo; "the paper", "the document" (not cooperation
# documents).
_PAPER_ASKED = re.compile(
    r"(?:那|这|嗰|呢|该|此|本|份)(?:资料)?文件(?!里|裏|中|内|入面|提|说|讲|话|指|所)|资料文件"
    # 「……措施的文件，是由哪个政策局提交的？」: the paper as the subject of the asking
    r"|(?<!合作)(?<!协议)文件[，,]?\s*(?:是|系|由|于|几时|什么时候|何时|哪)"
    r"|事务委员会|小组委员会|落款|(?:提交|呈交|递交|交)(?:给|俾|畀|上)?(?:了|咗)?立法会|立法会(?:边|哪)"
    r"|(?<!cooperation )(?<!co-operation )(?<!agreement )\b(?:paper|document|submission)\b"
    # a briefing as a paper, not a department "briefing the Secretary"
    r"|\b(?:the|a|this|that|legco|its) briefing\b(?! (?:the|a|an|him|her|them|officials)\b)"
    r"|\b(?:panel|subcommittee)\b"
)
# What the panel did with a paper (met on it, discussed it) is asked, not the paper: its date is not the
# meeting's.
_PAPER_DISCUSSED = re.compile(r"开会|讨论|审议|\b(?:meet|met|discuss(?:ed)?|go through|went through)\b")
# The events a paper's own date is the date of: when it came out (published, issued), or none named.
_PAPER_EVENTS = frozenset({"publish"})


@dataclass(frozen=True)
class QuestionAnalysis:
    """The expected answer type (``ANSWER_TYPES``), for numbers their kind and unit, and the question."""

    prepared: PreparedQuery
    expected: str
    number_kind: str | None = None
    unit: str | None = None
    wants_post: bool = False
    # For a date: the events asked about (``events.EVENT_CLASSES``); the date must be of one of them.
    events: frozenset[str] = frozenset()
    # For a who question: a person's name is asked for, not a post (叫甚麼名字).
    wants_name: bool = False
    # For a name asked: the titles of the posts the question names (省长 of 廣東省省長), whose holder's name
    # answers (``posts.asked_titles``).
    name_of: tuple[str, ...] = ()
    # For a date: a time of day is asked (幾點, "what time", opening hours), not a day of the calendar.
    clock: bool = False
    # For a date: the day is asked (邊日, 幾號, "on what exact day"), which a month or a year does not give.
    day: bool = False
    # For a date: the month is asked (幾月, 哪個月, "in which month of 2008"), which a year alone (去年,
    # 2008年) does not give.
    month: bool = False
    # For a place: where a thing is (在哪裏, 設喺邊度, "where is"), answered by a place it is said to be in.
    locative: bool = False
    # For a place: the venue is asked (邊個場地, "which venue"), which a city or a district does not name.
    venue: bool = False
    # For a date: since when something holds is asked (由幾時開始, "since when"); a deadline cannot answer.
    since: bool = False
    # For a date: a span of time is asked (over what period, 由幾時到幾時, 哪幾年), answered by both its ends.
    period: bool = False
    # For a count in a named classifier: the Chinese of what is counted (学校 of 多少所学校), normalised; an
    # English question brings every Chinese its counted noun phrase has (援建 or 项目 for "reconstruction
    # projects", 部门 or 领域 for "sectors").
    counted: tuple[str, ...] = ()
    # For a who question: a body is asked for (which bureau, 哪個部門), not a post or a person.
    wants_body: bool = False
    # For a count: things are counted ("how many hospitals"), so a head count (1 270名) does not answer.
    counts_things: bool = False
    # For a who question: the kind of body asked for (``BODY_KINDS``: a company, a school, a bureau), which
    # a body of another kind does not answer (港珠澳大橋管理局 is not the contractor that built the bridge).
    body_kind: str | None = None
    # For a date: when a thing did happen, which a date it was planned for does not answer.
    done: bool = False
    # For a place: a district is asked (which district, 邊個區), which a city or a province does not answer.
    district: bool = False
    # For a place: a city is asked (which city, 哪個城市), which a venue does not answer.
    city: bool = False

    @property
    def typed(self) -> bool:
        return self.expected in TYPED

    @property
    def english(self) -> bool:
        """Asked in English: its Chinese is only what the glossary and the dictionary knew of its words."""
        return self.prepared.language in ("en", "mixed")

    @cached_property
    def normalized(self) -> str:
        """The question as matching sees it (normalised once, read for every candidate sentence)."""
        return normalize(self.prepared.text)

    @cached_property
    def about_paper(self) -> bool:
        """The paper itself is asked about (which committee it went to, which office sent it, when): only
        then can its front matter or sign-off answer. "According to the 2024 Policy Address paper, what ..."
        names the paper only as the source of a fact about something else."""
        if self.expected not in ("date", "who") or not self.events <= _PAPER_EVENTS:
            return False  # "according to the paper, when did the ties start": another event's date
        if self.wants_name or self.wants_post or _PAPER_DISCUSSED.search(self.normalized):
            return False  # the bureau's secretary when the paper went to LegCo: a person, not the paper
        rest, source = without_source(asked_sentence(self.prepared.text))
        if _PAPER_ASKED.search(normalize(rest)):
            return True
        # 「……嗰份文件，係幾時出㗎？」: nothing is asked beyond the paper the clause names
        return bool(source) and _asks_nothing_else(rest)

    @cached_property
    def chairs(self) -> bool:
        """Who chairs or leads is asked (主持, "who heads"): the post the papers say chairs answers."""
        return self.expected == "who" and bool(_CHAIR_ASKED.search(self.normalized))

    @cached_property
    def besides(self) -> tuple[str, ...]:
        """What the question sets aside as known ("besides X", 除咗X): X in Chinese, normalised. An English X
        is the Chinese of the names in it (CMAB: 政制及内地事务局); empty when none is known."""
        if self.english:
            m = _BESIDES_EN.search(self.normalized)
            if m is None:
                return ()
            return tuple(
                normalize(term) for phrase, term in self.prepared.expansions if phrase.lower() in m.group(1)
            )
        m = _BESIDES_ZH.search(self.normalized)
        return (m.group(1),) if m else ()

    @cached_property
    def rate(self) -> bool:
        """For a number: an amount per unit is asked (每年, 每個項目, "a year", "per student"), which a total
        (超過1 270名長者……涉及醫療券金額約港幣220萬元) does not answer."""
        return self.expected == "number" and bool(_RATE_ASKED.search(self.normalized))

    @cached_property
    def measures(self) -> tuple[str, ...]:
        """For a number: what a sentence must write for each measure the question names (``MEASURES``)."""
        if self.expected != "number":
            return ()
        return tuple(written for asked, written in MEASURES if asked.search(self.normalized))

    @cached_property
    def frequency(self) -> bool:
        """For a number: how often a thing happens is asked (多久召開一次, "how often does it meet"), which a
        sentence dating one meeting (2024年4月……舉行了第六次會議) does not answer."""
        return self.expected == "number" and bool(_FREQUENCY_ASKED.search(self.normalized))

    @cached_property
    def cost(self) -> bool:
        """For a number: a cost, fee or budget is asked (手續費, "how much does it cost"), which another sum
        (關稅優惠總值逾2 500萬美元) or a count does not answer."""
        return self.number_kind == "money" and bool(_COST_ASKED.search(self.normalized))

    @cached_property
    def city_only(self) -> bool:
        """For a place: the question says a city is asked ("which city", 哪座城市), no province or country."""
        return self.expected == "place" and bool(_CITY_NAMED.search(self.normalized))

    @cached_property
    def cities_only(self) -> bool:
        """Cities are asked ("which city", 哪些城市) and no province or region: a province (河南, 廣東省) is
        no answer (a map's 河南(鄭州) answers with 鄭州; 在內地(包括廣東省) names no city)."""
        return bool(_CITY_NAMED.search(self.normalized)) and not _PROVINCE_NAMED.search(self.normalized)

    @cached_property
    def asks_why(self) -> bool:
        """For a reason question: why, or to what end, not what a thing does ("what is the board for", 作用,
        是做什麼的), which a sentence saying what it does answers with no cause or aim in it."""
        return self.expected == "reason" and not _FUNCTION_ASKED.search(self.normalized)

    @cached_property
    def signers(self) -> bool:
        """For a who question: who signed is asked (邊個簽, "who signed"), which a sentence that says nothing
        was signed (今後，特區政府會充分利用……) does not answer, however near the agreement it stands."""
        return self.expected == "who" and "sign" in asked_events(asked_sentence(self.prepared.text))

    @cached_property
    def participants(self) -> bool:
        """For a who question: who takes part is asked ("who attended", 邊啲單位一齊搞), which kinds of
        doers answer (行業中介機構和企業) where no one is named."""
        return self.expected == "who" and _PARTICIPANTS_ASKED.search(self.normalized) is not None

    @cached_property
    def founders(self) -> bool:
        """For a who question: who founded or set up a thing is asked (邊個創辦, "who founded"), which a
        sentence that founds nothing (廣東支持汕頭大學自主辦學綜合改革) does not answer; not who leads a group
        that was set up ("the task force set up in 2011")."""
        return self.expected == "who" and _FOUNDER_ASKED.search(self.normalized) is not None

    @cached_property
    def recipient(self) -> bool:
        """For a who question: whom a thing is reported to is asked (向邊個匯報, "who do they report to")."""
        return self.expected == "who" and bool(_RECIPIENT_ASKED.search(self.normalized))

    @cached_property
    def which_title(self) -> tuple[str, ...]:
        """For a who question naming the title it wants (邊位司長, "which of the Secretaries"): the titles one
        of whose holders answers; the title alone (小組組長, 三位司長) does not."""
        if self.expected != "who":
            return ()
        if m := _WHICH_TITLE.search(self.normalized):
            return (m.group(1),)
        if m := _WHICH_TITLE_EN.search(self.normalized):
            return _ENGLISH_TITLES[m.group(1)]
        return ()

    @cached_property
    def asked_verb(self) -> frozenset[str]:
        """For a who question: the two-character pieces right after its question word (「由谁来研究」:
        研究), what the one who answers does."""
        m = _WHO_WORD.search(self.normalized) if self.expected == "who" else None
        if m is None:
            return frozenset()
        after = re.sub(r"^(?:负责|来|去|会|要|将|系|是)", "", self.normalized[m.end() : m.end() + 6])
        return frozenset(after[k : k + 2] for k in range(len(after) - 1) if HANZI.fullmatch(after[k : k + 2]))

    @cached_property
    def asked(self) -> str:
        """The question and the Chinese its English names stand for: what an answer must not just repeat."""
        return " ".join([self.normalized, *(normalize(term) for _, term in self.prepared.expansions)])

    @cached_property
    def mentioned(self) -> str:
        """``asked`` and the dictionary's Chinese senses of English words: what the question talks about;
        two sides it names are also named as the papers pair them (深港 for Shenzhen and Hong Kong)."""
        senses = [normalize(term) for _, term in self.prepared.senses]
        return " ".join([self.asked, *senses, *side_pairs(self.asked)])

    @cached_property
    def sides(self) -> dict[str, str]:
        """The pairings of the sides the question names, each with the places it names (港深: 香港 深圳): a
        sentence about 港深兩地 names Hong Kong and Shenzhen."""
        return {pair: " ".join(places) for pair, places in side_pair_places(self.asked).items()}


# The word that asks who (谁, 邊個, 哪個機構), normalised.
_WHO_WORD = re.compile(
    r"谁|边个|边位|哪位|哪一位|(?:哪|边)(?:一)?个(?:机构|部门|单位|局|政策局)?|什么人|甚么人|咩人"
)
# "Which Secretary" in the question's words (normalised): a holder of that title answers.
_WHICH_TITLE = re.compile(r"(?:哪|边)(?:一)?位(副?(?:司长|局长|市长|省长|部长|署长|处长|书记))")
_WHICH_TITLE_EN = re.compile(r"\bwhich (?:of the (?:\w+ )?)?(secretar|mayor|governor|minister)(?:y|ies|s)?\b")
# A Secretary in Hong Kong is a 司長 (Chief Secretary) or a bureau's 局長 (Secretary for Transport).
_ENGLISH_TITLES = {
    "secretar": ("司长", "局长"),
    "mayor": ("市长",),
    "governor": ("省长",),
    "minister": ("部长",),
}
# An opening clause that sets the scene, up to its comma: "When X visited Hong Kong, ...", "After the
# reorganisation, ...".
_SCENE = re.compile(
    r"^(?:when|after|before|once|while|during|in|at|since|by|following|per|according to)\b[^,?]{3,}?,\s*"
)

# The question itself after the scene: "When it uses the mechanisms, what does it use as the platform?"
_ASKS = re.compile(r"(?:what|which|who|whom|whose|where|why|how)\b")
# ... and a "when" after a question that asks with another word joins a clause to it: "What event did the
# Chief Exec attend when he took a delegation to Fujian?" wants the event, not its date.
_WHEN_JOINS = re.compile(r"(?<!since )(?<!from )(?<!until )\bwhen\b")
# ... and so does a "who" after a noun: "What do Hong Kong elderly who move to Guangdong get paid?" wants what
# they get, not who they are.
_WHO_JOINS = re.compile(r"(?<=[a-z] )who\b")
# ... as after a yes-or-no question's opening: "Do they tell each other when they draft new laws?" asks
# whether, not when; but "Do you know when it opens?" asks when.
_YES_NO = re.compile(
    r"(?:do|does|did|is|are|was|were|can|could|will|would|should|has|have|had|may|might|must)\b"
    r"(?!\s+(?:you|anyone|somebody|someone|they|we)\s+(?:know|tell|say|remember|recall|explain)\b)"
)

# Where the asker read it, not what they ask about: "according to the 2011 LegCo paper on trade",
# 按2011年那份立法会文件，, 2011年嗰份文件講，. No answer sentence names its own paper.
_SOURCE = re.compile(
    r"(?i)\b(?:according to|per|in|from)\s+(?:the|a|its|their)\s+"
    r"(?:(?!\b(?:does|did|do|is|are|was|were)\b)[^,?]){0,60}?"
    r"\b(?:paper|document|booklet|report|brief(?:ing)?)\b(?:\s+(?:on|about)\s+[^,?]{0,50})?"
    # the paper as the subject: "what role does CMAB's 2024 paper give", "does the 2024 Policy Address paper"
    r"|\b(?:does|did|do)\s+(?:the\s+|its\s+)?(?:[\w'’-]+\s+){0,4}?(?:paper|document|booklet|report)\b"
    r"|(?:(?:按|根据|根據|据|據|按照|依照)[^，,。？?\s]{0,16}|[^，,。？?\s]{0,10}(?:那|这|這|嗰|呢|该|該|\d{4}\s*年[^，,。？?\s]{0,12})份"
    r"[^，,。？?\s]{0,14})(?:文件|报告|報告|小册子|小冊子)"
    # 講, 入面, 總結嗰度: where in it, up to the comma
    r"[^，,。？?\s]{0,6}[，,]"
    # the paper by its title (《2012—2017年回顾》展望部分提到，), where in it up to the comma
    r"|《[^》]{0,20}(?:回顧|回顾|施政報告|施政报告)[^》]{0,10}》[^，,。？?\s]{0,8}?"
    r"(?:提到|提及|指出|講|讲|話|话|說|说|中|里|裏|入面|圖表|图表)[，,]"
)
# The paper as the subject of the question, named by its year or its kind (政制及內地事務局2024年施政報告文件
# 用咩說法形容……): not 「簽署的合作文件中提到……」, a document the papers speak of.
_SOURCE_SUBJECT = re.compile(
    r"[^，,。？?\s]{0,20}(?:\d{4}\s*年|施政|小册子|小冊子|回顾|回顧)[^，,。？?\s]{0,20}"
    r"(?:文件|小册子|小冊子|施政报告|施政報告)(?:的)?[^，,。？?\s]{0,4}?(?=用|中|里|裏|入面|提到|提及|点|點|怎|如何)"
)


# The end of a sentence that sets the scene before the one that asks ("The meeting took place on 28
# February. When did the press release come out?"): a full stop, not the dot of "No." or "St.".
_SCENE_END = re.compile(r"(?<![A-Z][a-z])(?<![A-Z])\.\s+(?=[A-Z])|[。！!]")


def asked_sentence(question: str) -> str:
    """The sentence of a question that asks, without the ones before it that only tell the scene."""
    ends = [m.end() for m in _SCENE_END.finditer(question.rstrip(" ?？"))]
    return question[ends[-1] :] if ends else question


def without_source(question: str) -> tuple[str, str]:
    """The question without the clause that says which paper it read, and that clause ("" if none)."""
    m = _SOURCE.search(question) or _SOURCE_SUBJECT.search(question)
    if m is None:
        return question, ""
    return question[: m.start()] + " " + question[m.end() :], m.group(0)


# "Who are the partners / members / participants": a list of those taking part, not one post or body.
_WHO_LIST = re.compile(
    r"\bwho (?:are|were) (?:the |its |their )?(?:[\w-]+ ){0,2}?"
    r"(?:partners|members|participants|parties|stakeholders)\b"
)


# Whether a limit or a requirement applies (normalised): 有冇限制, 有无要求, "is there a cap on".
_WHETHER_LIMITED = re.compile(
    r"(?:有冇|有没有|有无|有否|是否有)[\u4e00-\u9fff]{0,4}?(?:限制|要求|规定|上限|下限|门槛)"
    r"|\b(?:is|are) there (?:any |a )?(?:limits?|caps?|restrictions?|requirements?|ceilings?)\b"
)
# ... and not also how much it is.
_FIGURE_ASKED = re.compile(r"多少|几多|\bhow (?:many|much)\b")


def expected_type(question: str) -> str:
    """The first answer type whose cue the question holds; "description" when none does.

    An English question asks with its opening words: "How many cities were in the pilot when it was first
    launched?" wants a number, whatever "when" says later. There the earliest cue decides, after a clause
    that only sets the scene: "When the party secretary visited, how many documents were signed?" counts.
    """
    text = normalize(question)
    if ORDINAL_ASKED.search(text):
        return "number"  # "Where did Hong Kong rank", 第幾大: a place in an order, not a place
    if _WHETHER_LIMITED.search(text) and not _FIGURE_ASKED.search(text):
        return "description"  # 投資比例有冇限制: whether there is a limit, which a sentence may deny
    if _WHO_LIST.search(text):
        return "list"  # "who are the partners": the kinds of body a sentence lists
    english = not HANZI.search(text)  # "HK–Guangxi" with its dash is English too
    # "The paper on who handles it names two zones: Qianhai and where else?": what follows the colon asks
    colon = text.rfind(":")
    if colon > 0 and not text[colon + 1 : colon + 2].isdigit():
        tail = text[colon + 1 :]
        if any(p.search(tail) for _, p in _COMPILED):
            text = tail
    if english:
        scene = _SCENE.match(text)
        if scene and (
            _ASKS.match(text, scene.end())
            # "When customs share results, does that include X-ray checks?" asks whether, not when
            or _YES_NO.match(text, scene.end())
            or any(p.search(text, scene.end()) for _, p in _COMPILED)
        ):
            text = text[scene.end() :]
        if _ASKS.match(text) or _YES_NO.match(text):
            text = _WHEN_JOINS.sub("    ", text)  # blanked, so the other cues keep their places
            if not text.startswith("who"):
                text = _WHO_JOINS.sub("   ", text)
    found = [(m.start(), kind) for kind, pattern in _COMPILED if (m := pattern.search(text))]
    if not found:
        return "description"
    if english:
        return min(found, key=lambda found_at: found_at[0])[1]
    return found[0][1]


_CITY_NAMED = re.compile(r"\bcit(?:y|ies)\b|城市|(?:哪|边)(?:一)?(?:个|座)市")
# "which city or province", 哪個省市: a province answers too.
_PROVINCE_NAMED = re.compile(r"\bprovinc|\bregions?\b|省|自治区")
_DISTRICT_ASKED = re.compile(r"\bdistricts?\b|(?:哪|边)(?:一)?(?:个|一个)?区")
_CITY_ASKED = re.compile(
    r"\b(?:which|what) (?:[\w'-]+ ){0,2}?(?:city|cities|province|country)\b"
    r"|(?:哪|边)(?:一)?(?:个|一个)?(?:城市|省|国家)"
)

# Kinds of body a who question may ask for: (English nouns, Chinese nouns in the question, the endings of a
# body's name of that kind; normalised, Simplified).
BODY_KINDS: dict[str, tuple[str, str, str]] = {
    "company": (
        "company|companies|firms?|contractors?|enterprises?|developers?|operators?|consultants?",
        "公司|企业|承建商|商户|商号|顾问",
        "公司|集团|企业|承建商|商号",
    ),
    "school": (
        "schools?|colleges?|institutes?|universit(?:y|ies)|academy|academies",
        "院校|学院|大学|高校|学校|书院|研究院",
        "学院|大学|研究院|研究所|学校|院校|书院|学会",
    ),
    "bureau": ("bureaux|bureaus?", "政策局|局(?!长)", "局"),
    "office": ("offices?", "办事处|办公室|经贸办", "办事处|办公室|经贸办|联络处"),
    # which bank: a bank's name (牽頭銀行 unnamed, or the bridge's authority, does not answer)
    "bank": ("banks?", "(?<![同与和跟及])银行", "银行"),
    # which committee or panel (哪個小組委員會, "which LegCo panel"): a committee's name, before a group's
    "committee": ("(?:sub)?committees?|panels?|commissions?", "委员会", "委员会"),
    # which task force or group: a group's name (專責小組, 督導組), not the authorities it works with
    "group": ("groups?|task ?forces?|taskforces?", "小组|专责组|督导组|工作组", "小组|组"),
}
_BODY_KIND_ASKED = {
    kind: re.compile(
        rf"{_WHICH}(?:{english})\b"
        rf"|(?:哪|边)(?:一)?(?:个|间|家|所|些|两家|两间)?[\u4e00-\u9fff]{{0,4}}?(?:{chinese})"
        # the kind named first, then which one (牽頭銀行係邊間, 合作院校是哪一所)
        rf"|(?:{chinese})(?:系|是|为)(?:边|哪)"
    )
    for kind, (english, chinese, _) in BODY_KINDS.items()
}
_BODY_KIND_ENDS = {kind: re.compile(rf"(?:{ends})$") for kind, (_, _, ends) in BODY_KINDS.items()}


def body_kind_asked(question: str) -> str | None:
    """The kind of body a normalised who question asks for (``BODY_KINDS``), or None."""
    return next((kind for kind, pattern in _BODY_KIND_ASKED.items() if pattern.search(question)), None)


def is_body_of_kind(body: str, kind: str) -> bool:
    """Whether a body's name (normalised) ends as names of that kind do: 香港知专设计学院 is a school."""
    return _BODY_KIND_ENDS[kind].search(body) is not None


def analyse(prepared: PreparedQuery) -> QuestionAnalysis:
    """Expected type and, for a number, whether it is money, a percentage or a count (and of what unit)."""
    expected = expected_type(prepared.text)
    if expected == "who":
        text = normalize(prepared.text)
        kind = body_kind_asked(text)
        # whom the groups its 組長 head report to: the posts it names describe who reports, not who answers
        # a post the question names (運房局局長聽緊邊個部門匯報) is not what it asks when it asks which body
        post = (
            bool(_POST_ASKED.search(text))
            and not _RECIPIENT_ASKED.search(text)
            and not _WHICH_BODY.search(text)
        )
        body = bool(_BODY_ASKED.search(text) or kind) and not post
        wants_name = name_asked(prepared.text)
        return QuestionAnalysis(
            prepared,
            expected,
            wants_post=post or (not body and bool(_CHAIR_ASKED.search(text))),
            wants_name=wants_name,
            name_of=asked_titles([prepared.text, *(term for _, term in prepared.expansions)])
            if wants_name
            else (),
            wants_body=body,
            body_kind=kind,
        )
    if expected == "date":
        return QuestionAnalysis(
            prepared,
            expected,
            events=frozenset()
            if _AS_OF.search(normalize(prepared.text))
            else asked_events(asked_sentence(without_source(prepared.text)[0])),
            clock=bool(_CLOCK.search(normalize(prepared.text))),
            day=bool(_DAY_ASKED.search(normalize(prepared.text))),
            month=bool(_MONTH_ASKED.search(normalize(prepared.text))),
            since=bool(_SINCE.search(normalize(prepared.text))),
            period=bool(_PERIOD_ASKED.search(normalize(prepared.text))),
            done=bool(_DONE.search(normalize(prepared.text)))
            and not _PLAN_ASKED.search(normalize(prepared.text)),
        )
    if expected == "place":
        text = normalize(prepared.text)
        return QuestionAnalysis(
            prepared,
            expected,
            locative=bool(_LOCATION_OF.search(text)) and not _DESTINATION.search(text),
            venue=bool(_VENUE_ASKED.search(text)),
            district=bool(_DISTRICT_ASKED.search(text)),
            city=bool(_CITY_ASKED.search(text)),
        )
    if expected != "number":
        return QuestionAnalysis(prepared, expected)
    analysis = _number_analysis(prepared, expected)
    if analysis.number_kind == "count" and not analysis.counted:
        counted = counted_in_english(prepared)
        if counted:
            return replace(analysis, counted=counted)
    return analysis


# Where the noun phrase after "how many" ends: its verb, or a preposition that starts what qualifies it.
_NOUN_PHRASE_END = re.compile(
    r"\b(?:is|are|was|were|do|does|did|have|has|had|will|would|can|could|should|got|get|in|of|to|for|by|on"
    r"|at|from|under|with|since|that|which|who|a|an|the|per)\b|[,?;:]"
)


def _counted_phrase(text: str) -> str:
    """The noun phrase after "how many" in a lower-cased question, up to its verb or preposition."""
    m = re.search(r"\bhow many\s+", text)
    if m is None:
        return ""
    rest = text[m.end() :]
    end = _NOUN_PHRASE_END.search(rest, 1)
    return rest[: end.start() if end else len(rest)]


def counted_in_english(prepared: PreparedQuery) -> tuple[str, ...]:
    """The Chinese of the glossary names in the noun phrase after "how many" (normalised): "How many
    cooperation documents" counts 合作文件 or 文件, so 11個合作領域 does not answer it; "how many
    reconstruction projects" counts 援建 or 項目, both of 190個援建項目."""
    phrase = _counted_phrase(prepared.text.lower())
    if not phrase:
        return ()
    terms = [
        normalize(term)
        for words, term in prepared.expansions
        if re.search(rf"(?<![\w-]){re.escape(words.lower())}", phrase)
        and len(term) >= 2
        # people are counted by the unit (名, 人, 位), not by a word for them (人數 of "people")
        and not _PEOPLE_EN.fullmatch(words.lower())
    ]
    return tuple(dict.fromkeys(terms))


# What an ordinal question orders: "which edition", 第幾屆 (Traditional, as the papers write it).
_ORDERED = (
    (re.compile(r"周年|\banniversary\b"), "周年"),
    (re.compile(r"\bsession\b"), SESSION),
    (re.compile(r"\bedition\b|第几届"), "屆"),
    (re.compile(r"\bround\b|\bmeeting number\b|第几次|第几轮"), "次"),
    (re.compile(r"\bbatch\b|第几批"), "批"),
    (re.compile(r"\bphase\b|第几期"), "期"),
    (re.compile(r"\bsupplement\b|(?:第几|哪|边)(?:一)?份\s*(?:cepa)?\s*补充协议"), "份"),
)


def _ordered(text: str) -> str | None:
    """The classifier of what a normalised ordinal question orders, or None (第幾大, "where did it rank")."""
    return next((unit for pattern, unit in _ORDERED if pattern.search(text)), None)


def _number_analysis(prepared: PreparedQuery, expected: str) -> QuestionAnalysis:
    text = normalize(prepared.text)
    if ORDINAL_ASKED.search(text):
        return QuestionAnalysis(prepared, expected, "ordinal", _ordered(text))
    if _PERCENT.search(text):
        return QuestionAnalysis(prepared, expected, "percent", "%")
    m = _CLASSIFIER.search(text)
    if _CHANGE_AMOUNT.search(text) and not m:
        # "By how much did it drop", 下降了多少: a share (72%), an amount or a count answers
        return QuestionAnalysis(prepared, expected, "change", None)
    # "How many projects were funded" counts projects, 投資推廣研討會吸引了多少企業代表 counts people: money
    # words decide only without a count cue.
    counted_unit = next((u for u, p in (*_COUNTED_EN, *_COUNTED_ZH) if p.search(text)), None)
    asks_money = _MONEY.search(text) or (_HOW_MUCH.search(text) and not _AREA.search(text))
    if asks_money and not m and counted_unit is None and not re.search(r"\bhow many\b", text):
        return QuestionAnalysis(prepared, expected, "money", "money")
    if _AREA.search(text) and not m:
        return QuestionAnalysis(prepared, expected, "count", "平方公里")  # 公頃 when it asks 多少公頃
    if m:
        unit = m.group(1)
        # 幾多個職員: the general classifier with people counted asks for a number of people.
        if unit == "个" and _PEOPLE_IN_GE.search(text):
            unit = _COUNTED[0][0]
        counted = re.match(r"[\u4e00-\u9fff]{2,4}", text[m.end() :])
        return QuestionAnalysis(
            prepared,
            expected,
            "count",
            _TRADITIONAL_UNIT.get(unit, unit),
            counted=(counted.group(0),) if counted and unit != "个" else (),
        )
    if _TERMS_COUNTED.search(text):
        return QuestionAnalysis(prepared, expected, "count", "個")  # 三個學年: a school year counts in 個
    for word, unit in _EN_UNITS.items():
        if re.search(rf"\bhow (?:many|long)\s+(?:[\w'-]+\s+)?{word}", text):
            return QuestionAnalysis(prepared, expected, "count", unit)
    if _HOW_LONG.search(text):
        return QuestionAnalysis(prepared, expected, "count", "年")  # any span of time (UNIT_CLASSES)
    if _LENGTH_OF_A_THING.search(text):
        return QuestionAnalysis(prepared, expected, "count", "公里")  # a river's length, not a study's years
    if _HOW_LONG_IS.search(text):
        return QuestionAnalysis(prepared, expected, "count", LENGTH_OR_TIME)
    if counted_unit is not None:
        return QuestionAnalysis(
            prepared, expected, "count", _TRADITIONAL_UNIT.get(counted_unit, counted_unit)
        )
    # "How many hospitals": an English count of a noun that is not people ("how many care home places …
    # for elderly people" counts places: only the noun phrase after "how many" says what is counted).
    things = bool(_HOW_MANY_NOUN.search(text)) and not _PEOPLE_EN.search(_counted_phrase(text))
    return QuestionAnalysis(prepared, expected, "count", None, counts_things=things)


def papers_named(question: QuestionAnalysis, papers: list[PaperMeta]) -> frozenset[str] | None:
    """The papers the question's source clause names by year: "in the 2012 paper on how departments split
    Mainland work" names the paper of 2012, not the 2012-2017 review (dated 2017, its title writing both
    years), though the review tells of 2012 too. A paper is named by its date's year alone, or by the years
    its title writes. None when the clause names no year, or no paper of the index (按2015年施政报告的建议:
    a Policy Address the papers quote, not one of them)."""
    source = without_source(asked_sentence(question.prepared.text))[1]
    years = _years_named(source) if source else frozenset()
    if not years:
        return None
    named = frozenset(m.doc_id for m in papers if years == {m.date[:4]} or years == _years_named(m.title_zh))
    return named or None


# A range of years, its end in two digits or four (2012-17, 2012—2017年, 2012至2017).
_RANGE_OF_YEARS = re.compile(r"(?<!\d)(20\d\d)\s*年?\s*[-–—至到]\s*(?:20)?(\d\d)(?!\d)")


def _years_named(text: str) -> frozenset[str]:
    """The years a text writes, a range's end included (2012-17: 2012 and 2017)."""
    norm = normalize(text)
    ends = {m.group(1)[:2] + m.group(2) for m in _RANGE_OF_YEARS.finditer(norm)}
    return years_in(norm) | ends
