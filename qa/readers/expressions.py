"""Typed expressions in the papers' Chinese text, with offsets: dates, numbers with units, posts, bodies.

The reader asks of a candidate sentence "does it hold what the question wants?" (a date for "when", a
number with a fitting classifier for "how many") and takes the answer span from the expression found.
Patterns work on the original Traditional text (the papers' script) and also accept Simplified forms, so
offsets stay exact.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

# PDF extraction leaves a space as the thousands separator ("2 400").
_DIGITS = r"\d(?:[\d,，]|\s(?=\d{3}(?!\d)))*(?:\.\d+)?"
DIGITS = _DIGITS
# Chinese characters: a question holding none is asked in English, whatever its dashes and quotes.
HANZI = re.compile(r"[\u4e00-\u9fff]+")
_HANZI_NUM = r"[零〇一二兩两三四五六七八九十百千]+"
_NUMBER = rf"(?:{_DIGITS}|{_HANZI_NUM})(?:\s*(?:多|餘|余))?(?:\s*[萬万億亿千百])*"
_ABOUT = (
    r"(?:約|约|大約|大约|超過|超过|逾|近|接近|至少|不少於|不少于|不多於|不多于"
    r"|最少|最多|多於|多于|少於|少于)?"
)
# ... and after it: 1年以上, 100人或以上 (at least a year, a hundred people or more).
_OVER = r"(?:\s*或?(?:以上|以下))?"

# Classifiers and units that follow a count in these papers; longest first so 平方公里 beats 公里.
COUNT_UNITS = (
    "平方公里",
    "公頃",
    "公顷",
    "公里",
    "萬人次",
    "万人次",
    "人次",
    "個",
    "个",
    "份",
    "名",
    "項",
    "项",
    "間",
    "间",
    "家",
    "人",
    "次",
    "宗",
    "所",
    "條",
    "条",
    "座",
    "類",
    "类",
    "批",
    "場",
    "场",
    "屆",
    "届",
    "位",
    "年",
    "個月",
    "个月",
    "小時",
    "小时",
    "天",
    "輛",
    "辆",
    # livestock (活豬)
    "頭",
    "头",
    "架",
    "艘",
    "組",
    "组",
    "隊",
    "队",
    "款",
    "章",
    "條款",
    "倍",
    "米",
    "立方米",
    "噸",
    "吨",
    "種",
    "种",
    "張",
    "张",
    "隻",
    "只",
    "件",
    # books, passports, copies
    "本",
    "部",
    "台",
    "期",
    "屆",
    "輪",
    "轮",
    "回",
)
# Classifiers that count the same kind of thing: a question's 多少人 is answered by 2 400位 or 700名.
UNIT_CLASSES = (
    frozenset({"人", "名", "位", "人次", "萬人次", "万人次"}),
    frozenset({"年", "個月", "个月", "天", "日", "小時", "小时", "周", "週"}),
    frozenset({"所", "間", "间"}),
    frozenset({"家", "間", "间"}),
    frozenset({"份", "項", "项"}),
    frozenset({"項", "项", "條", "条"}),
    frozenset({"次", "屆", "届", "場", "场", "輪", "轮", "回"}),
    frozenset({"平方公里", "公頃", "公顷"}),
)
# Units of measure: a question asking for one is answered in it (or one of its kind), never in 個.
MEASURES = frozenset({"平方公里", "公頃", "公顷", "公里", "米", "立方米", "噸", "吨"})
# What "how long is X" asks for: a span of time or a length.
LENGTH_OR_TIME = "長度或時間"
LENGTHS = frozenset({"公里", "米"})
# What an English "which session" asks for: a meeting's (第三次, 第十六屆) or a course's (第六期).
SESSION = "場次或期數"
SESSION_UNITS = frozenset({"次", "屆", "届", "場", "场", "期"})
# Spans of time: "3年" says how long, never how many of something.
DURATION_UNITS = frozenset({"年", "個月", "个月", "天", "日", "小時", "小时", "周", "週"})
# The general classifier: 六個聯合推介會 answers 幾場推介會.
GENERAL_UNIT = frozenset({"個", "个"})
_MONEY = (
    rf"(?:港幣|港币|人民幣|人民币|美元|HK\$|US\$|RMB)\s*{_NUMBER}\s*(?:元)?"
    rf"|{_NUMBER}\s*(?:港元|港幣|港币|元人民幣|元人民币|元|美元|人民幣|人民币)"
)
_PERCENT = rf"{_NUMBER}\s*(?:%|％|個百分點|个百分点)|百分之\s*{_NUMBER}|{_HANZI_NUM}成"
_COUNT = (
    rf"{_NUMBER}\s*(?:{'|'.join(sorted(map(re.escape, COUNT_UNITS), key=len, reverse=True))})"
    # A bare large number (可達30萬) counts too; its unit is the question's.
    rf"|(?:{_DIGITS}|{_HANZI_NUM})\s*(?:多|餘)?\s*[萬万億亿](?![元])"
)

_YEAR = r"(?:\d{4}|[零〇一二三四五六七八九]{4})\s*年"
_MONTH = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*月"
_DAY = r"(?:\d{1,2}|[一二三四五六七八九十]{1,3})\s*[日號号]"
# A date that names its day (2024年5月16日), what "which day" asks.
HAS_DAY = re.compile(_DAY)
# A date that names its month or day (2008年9月, 今年2月28日), what "which month" asks.
HAS_MONTH = re.compile(f"{_MONTH}|{_DAY}")
_DATE = (
    # a school, financial or tax year (2012 /13學年, 2013/14課稅年度)
    r"\d{4}\s*/\s*\d{2}(?!\d)\s*(?:學年|学年|財政年度|财政年度|課稅年度|课税年度|年度)"
    # the year of an annual report, with its 度 (2015年度中國對外直接投資統計公報)
    rf"|{_YEAR}度(?!假)"
    rf"|{_YEAR}(?:\s*{_MONTH}(?:\s*{_DAY})?)?"
    # 2011年內, but not the 內 of 內地 (2010年內地與香港的貿易)
    r"(?:\s*(?:年底|年初|年中|年終|年终|年末|年內(?!地)|年内(?!地)|上半年|下半年|底|初|終|终|末|中旬|上旬"
    r"|下旬|中|內(?!地)|内(?!地)|第\s*[1-4一二三四]\s*季(?:度)?))?"
    r"(?:前|之前|後|之後|以前|以後)?"
    rf"|(?:去年|今年|明年)\s*{_MONTH}(?:\s*{_DAY}|\s*(?:底|初|中旬|上旬|下旬))?"
    rf"|{_MONTH}\s*{_DAY}"
    # a part of the paper's own year, written alone after 於 or 在 (將於年中推出): not 青年內地
    r"|(?:今年|明年|去年|(?<=[於于在至到，,、（(]))(?:年中|年初|年底|年內|年内)(?![度地])"
    r"|\d{4}\s*[-至到–]\s*\d{2,4}\s*年度?"
    # a plan's years, written bare in its name: 《珠江三角洲地區空氣質素管理計劃（2002-2010）》
    r"|(?<=[（(])(?:19|20)\d\d\s*[-–—至到]\s*(?:19|20)\d\d(?=[）)])"
    # a five-year plan's period: 「十二五」期末, 十四五規劃期間
    r"|「?十[一二三四五六七八九]五」?\s*(?:規劃|规划)?\s*(?:期末|期內|期内|期間|期间|初期|末期|時期|时期)"
    # last year, this year, said alone as when a thing happened (雙方海關在去年已於各陸路口岸……); last,
    # so 去年4月 and 去年年底 are read whole
    r"|(?<=[於于在自從从])(?:去年|今年|前年)"
    # the day of the event the sentence before dates (新聞公報於同日下午發布)
    r"|(?<=[於于在])(?:同日|當日|当日|當天|当天|翌日|次日|同一天)(?:上午|下午|晚上|早上)?"
    # a month of the year the sentences around name, written alone after 於 or 在 or as 同年 (在12月，內地有關
    # 部門公布……; 並於同年5月……)
    rf"|(?:(?<=[於于在])|同年|當年|当年)\s*{_MONTH}(?:\s*{_DAY}|\s*(?:底|初|中旬|上旬|下旬))?"
)

_POST_SUFFIX = (
    "副司長|副司长|司長|司长|副局長|副局长|局長|局长|副市長|副市长|市長|市长|副省長|副省长|省長|省长|"
    "副主席|主席|副組長|副组长|組長|组长|副總理|副总理|總理|总理|秘書長|秘书长|署長|署长|處長|处长|"
    "主任|部長|部长|行政長官|行政长官|特首|書記|书记"
)
POST_SUFFIX = _POST_SUFFIX
# Text that ends in a post's title (前海管理局局長, 財政司司長).
POST_END = re.compile(rf"(?:{_POST_SUFFIX})$")
_BODY_SUFFIX = (
    "委員會|委员会|聯席會議|联席会议|督導組|督导组|專責小組|专责小组|工作小組|工作小组|小組|小组|"
    "辦事處|办事处|聯絡處|联络处|辦公室|办公室|經貿辦|经贸办|政策局|行政部門|行政部门|"
    # not the verbs and words that end like a body: 簽署, 部署, 布局, 格局, 結局
    "(?<![簽签部])署|(?<![布佈格結结])局|政府部門|政府部门|(?<!非)政府|"  # not 非政府機構, an NGO
    # schools, institutes and firms (香港知專設計學院, 中國食品藥品檢定研究院, 深圳證券交易所, 杜邦公司)
    "研究院|研究所|學院|学院|大學|大学|交易所|公司"
    # associations, chambers and service corps (香港中華總商會, 香港青年服務團)
    "|協會|协会|商會|商会|總會|总会|服務團|服务团"
)
BODY_SUFFIX = _BODY_SUFFIX
# A name does not run through the little words around it (由, 的, 與 …): "由政務司司長" names 政務司司長.
_LITTLE_WORDS = (
    "由的在與与和及是為为並并將将於于向對对從从被讓让使亦也已而即就其各共同主持負负責责親亲擔担任出包括"
    "間间屬属"  # a classifier (兩間香港公司 names 香港公司); 屬 says what it belongs to
    "嘅"  # Cantonese 的, in the questions (會議嘅廣東省省長)
    "率"  # 行政長官率領特區政府代表團: the post leads the body, the name does not run on
    "據据"  # 根據廣東省……提供: according to whom
    "此"  # 為此特區政府與……: "for this", no name holds it
)
# 對 is a little word, but 對外 (external) is part of a name: 廣東省對外貿易經濟合作廳.
_NAME_CHARS = rf"(?:對外|对外|(?![{_LITTLE_WORDS}])[\u4e00-\u9fff])"
NAME_CHARS = _NAME_CHARS
# "Through" (透過香港貿易發展局舉辦): the body named is the one after it.
_THROUGH = "透過|透过|通過|通过|經由|经由"
# A name starts where a word can: after punctuation, a little word, "through", or at the start.
_NAME_START = rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[{_LITTLE_WORDS}])|(?<={_THROUGH}))(?!{_THROUGH})"
# A post's name does not run through a meeting's (粵港聯席會議行政長官 is the meeting, then the post).
_POST = rf"{_NAME_START}(?:(?!會議|会议){_NAME_CHARS}){{0,10}}(?:{_POST_SUFFIX})"
_BODY = rf"{_NAME_START}{_NAME_CHARS}{{1,8}}(?:{_BODY_SUFFIX})(?![門门分長长])"
# A LegCo panel or subcommittee, its name long (立法會經濟發展事務委員會, 立法會工商及創新科技事務委員會):
# a paper's front matter names the one it went to.
_LEGCO_COMMITTEE = r"(?:立法會|立法会)[\u4e00-\u9fff]{2,24}?(?:事務|事务|小組|小组)(?:委員會|委员会)"
# A committee's name on a line of its own, as a paper's front matter writes the one it went to, however long
# (研究與政府總部架構重組有關的法例修訂建議小組委員會).
_COMMITTEE_LINE = (
    r"(?:(?<=\n)|(?<=\n )|(?<=\n  ))[\u4e00-\u9fff]{4,30}?(?:小組|小组|事務|事务)(?:委員會|委员会)"
    r"(?=[ \t]*(?:\n|$))"
)
# A province's department, its name long (廣東省對外貿易經濟合作廳); not a hall (餐廳, 展覽廳).
_DEPARTMENT = rf"{_NAME_START}{_NAME_CHARS}{{2,10}}(?<![餐客大舞門门覽览])(?:廳|厅)(?![長长])"
# A customs service by its side (內地海關, 香港海關): who builds a system, who trains whom. Its name is short,
# so 同意內地海關 names 內地海關.
_CUSTOMS = r"(?:香港|內地|内地|兩地|两地|深圳|廣東|广东|粵港|粤港)海(?:關|关)(?!總署|总署)"
_JOIN = r"(?:及|與|与|和|、|以及)"
_VENUE_SUFFIX = (
    "博物館|博物馆|展覽中心|展览中心|會展中心|会展中心|文化中心|藝術館|艺术馆|美術館|美术馆|大會堂|大会堂"
    "|體育館|体育馆|劇院|剧院|科學園|科学园|數碼港|数码港|交易所|聯交所|联交所"
)

PATTERNS: dict[str, re.Pattern[str]] = {
    "date": re.compile(_DATE),
    "money": re.compile(rf"{_ABOUT}(?:{_MONEY}){_OVER}"),
    "percent": re.compile(rf"{_ABOUT}(?:{_PERCENT}){_OVER}"),
    "count": re.compile(rf"{_ABOUT}(?:{_COUNT}){_OVER}"),
    "post": re.compile(rf"{_POST}(?:{_JOIN}{_POST})*"),
    "body": re.compile(rf"{_LEGCO_COMMITTEE}|{_COMMITTEE_LINE}|{_BODY}|{_DEPARTMENT}|{_CUSTOMS}"),
    # A venue where something is held or shown: 香港歷史博物館, 香港會議展覽中心.
    "venue": re.compile(rf"{_NAME_START}{_NAME_CHARS}{{2,8}}?(?:{_VENUE_SUFFIX})"),
    # A time of day (上午7時, 晚上10時30分) or round the clock (24小時): what "what time" / 幾點 asks.
    "clock": re.compile(
        r"(?:上午|下午|早上|晚上|凌晨|中午|早|晚)?\s*\d{1,2}\s*(?:時|时|點|点)(?:\s*\d{1,2}\s*分|半)?"
        r"|(?:24|二十四)\s*小[時时]"
    ),
}


@dataclass(frozen=True)
class Expression:
    """A typed expression at ``text[start:end]`` of the sentence it was found in."""

    kind: str
    start: int
    end: int
    text: str
    unit: str | None = None


def _unit(kind: str, text: str) -> str | None:
    if kind == "percent":
        return "%"
    if kind == "money":
        return "money"
    if kind == "count":
        core = re.sub(rf"{_OVER}$", "", text.rstrip())  # the unit of 1年以上 is 年
        for unit in sorted(COUNT_UNITS, key=len, reverse=True):
            if core.endswith(unit):
                return unit
    return None


_SCHOOL_YEAR_END = re.compile(r"\d\s*/\s*$")


def find(kind: str, text: str) -> list[Expression]:
    """Non-overlapping expressions of one kind in ``text``, left to right."""
    out = []
    for m in PATTERNS[kind].finditer(text):
        value = m.group(0)
        stripped = value.rstrip()
        if not stripped.strip():
            continue
        if kind == "count" and _SCHOOL_YEAR_END.search(text, max(0, m.start() - 4), m.start()):
            continue  # the 13年 of 2012/13年度 is the end of a school year, not a count of years
        out.append(Expression(kind, m.start(), m.start() + len(stripped), stripped, _unit(kind, stripped)))
    return out


def numbers(text: str) -> list[Expression]:
    """Money, percentages and counts, the longest reading of each stretch (a date's year is not a count)."""
    dates = find("date", text)
    found = [e for kind in ("money", "percent", "count") for e in find(kind, text)]
    found.sort(key=lambda e: (e.start, -(e.end - e.start)))
    out: list[Expression] = []
    for e in found:
        if any(d.start <= e.start and e.end <= d.end for d in dates):
            continue
        if out and e.start < out[-1].end:
            continue
        if e.kind == "count" and text[max(0, e.start - 1) : e.start] == "第":
            continue  # 第10屆, 第六次: an ordinal names one of a series, it does not count them
        out.append(e)
    return out


# Chinese numerals: digits, the units inside a myriad, and the myriads.
HANZI_DIGIT = dict(zip("零〇一二兩两三四五六七八九", (0, 0, 1, 2, 2, 2, 3, 4, 5, 6, 7, 8, 9), strict=True))
HANZI_SMALL_UNIT = {"十": 10, "百": 100, "千": 1000}
HANZI_BIG_UNIT = {"萬": 10**4, "万": 10**4, "億": 10**8, "亿": 10**8}
# Numbers written in English words, as questions write small ones ("the three schools").
ENGLISH_CARDINALS = {
    word: value
    for value, word in enumerate(
        "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen "  # noqa: SIM905
        "sixteen seventeen eighteen nineteen twenty".split()
    )
}


def hanzi_value(text: str) -> int | None:
    """二零零九 -> 2009 (digit by digit), 三千五百 -> 3500, 十一 -> 11, 一萬二千 -> 12000; else None."""
    if not text or any(
        ch not in HANZI_DIGIT and ch not in HANZI_SMALL_UNIT and ch not in HANZI_BIG_UNIT for ch in text
    ):
        return None
    if len(text) > 1 and all(ch in HANZI_DIGIT for ch in text):
        return int("".join(str(HANZI_DIGIT[ch]) for ch in text))
    total, section, current = 0, 0, 0
    for ch in text:
        if ch in HANZI_DIGIT:
            current = HANZI_DIGIT[ch]
        elif ch in HANZI_SMALL_UNIT:
            section += (current or 1) * HANZI_SMALL_UNIT[ch]
            current = 0
        else:
            total += (section + current or 1) * HANZI_BIG_UNIT[ch]
            section, current = 0, 0
    return total + section + current


# with the classifier of what it orders: 第十二次 (a meeting's round), 第10屆
_ORDINAL = re.compile(
    r"第\s*(?:\d{1,3}|[一二三四五六七八九十]{1,3})(?:\s*(次|屆|届|輪|轮|期|批|場|场|號|号))?"
)


# An anniversary is a place in an order too: 回歸祖國20周年 is the twentieth.
_ANNIVERSARY = re.compile(r"(?:\d{1,3}|[一二三四五六七八九十]{1,3})\s*(?:周年|週年)")


# A supplement numbered after its name is a place in the order of supplements: CEPA 補充協議六 is the sixth.
_NUMBERED_SUPPLEMENT = re.compile(
    r"(?:補充協議|补充协议)\s*(?:\d{1,2}|[一二三四五六七八九十]{1,3})(?![\d一二三四五六七八九十])"
)


def ordinals(text: str) -> list[Expression]:
    """Places in an order (第三, 第 2, 20周年, 補充協議六): what 第幾 and "where does it rank" ask; the
    unit is what it orders (屆 of 第六屆, 周年 of 20周年, 份 of a supplement), None when it says nothing
    (第三大)."""
    found = [
        Expression("ordinal", m.start(), m.end(), m.group(0), m.group(1)) for m in _ORDINAL.finditer(text)
    ]
    found += [
        Expression("ordinal", m.start(), m.end(), m.group(0), "周年") for m in _ANNIVERSARY.finditer(text)
    ]
    found += [
        Expression("ordinal", m.start(), m.end(), m.group(0), "份")
        for m in _NUMBERED_SUPPLEMENT.finditer(text)
    ]
    return sorted(found, key=lambda e: e.start)


# What may stand between two answers that answer together: 政務司司長與深圳市市長, 2014年11月及2016年12月.
_JOINED = {
    "post": re.compile(r"^(?:[\u4e00-\u9fff]{2,3})?(?:及|與|与|和|、|以及)$"),
    # 海事處、廣東及深圳海事局: two bodies may share the end of a name (廣東 [海事局] and 深圳海事局)
    "body": re.compile(r"^(?:及|與|与|和|、|以及)(?:[\u4e00-\u9fff]{2,3}(?:及|與|与|和|、))?$"),
    "date": re.compile(r"^(?:及|與|与|和|、)$"),
}
# "由3個增至11個": the figure a change arrives at answers "how many", not the one it left.
# 由試點推出時的5個城市擴展至20個省市: the starting point may be a few words after 由.
_FROM = re.compile(r"(?:由|從|从)[^，。；,]{0,10}$")
_TO = re.compile(
    r"^[^，。；,]{0,16}?(?:增加至|增至|增加到|增到|上升至|升至|提高至|擴大至|扩大至|減至|减至|至|到)$"
)


def joined(text: str, chosen: Expression, found: list[Expression]) -> Expression:
    """The chosen expression extended over the ones joined to it by 及/與/和 (names of posts allowed)."""
    pattern = _JOINED.get(chosen.kind) or (_JOINED["post"] if chosen.kind == "body" else None)
    if pattern is None:
        return chosen
    out = chosen
    for e in sorted(found, key=lambda e: e.start):
        if e.start >= out.end and pattern.match(text[out.end : e.start]):
            out = Expression(out.kind, out.start, e.end, text[out.start : e.end], out.unit)
    return out


def arrived(text: str, found: list[Expression]) -> list[Expression]:
    """Numbers without the starting point of a "from X to Y" change (X is dropped when Y follows)."""
    starts = set(_starting_points(text, found))
    return [e for i, e in enumerate(found) if i not in starts]


def departed(text: str, found: list[Expression]) -> list[Expression]:
    """Only the starting points of "from X to Y" changes: what a question about the first figure wants."""
    return [found[i] for i in sorted(set(_starting_points(text, found)))]


def _starting_points(text: str, found: list[Expression]) -> list[int]:
    return [
        i
        for i, a in enumerate(found)
        for b in found[i + 1 :]
        if _FROM.search(text[max(0, a.start - 12) : a.start]) and _TO.match(text[a.end : b.start])
    ]


def units_agree(asked: str | None, found: str | None) -> bool:
    """Whether a count's classifier may answer the one asked for."""
    return unit_agreement(asked, found) > 0


def unit_agreement(asked: str | None, found: str | None) -> float:
    """1 for the asked classifier or one of its kind, 0.5 for the general 個 or a question that names no
    classifier, 0 for another (and for a span of time when the question does not ask how long)."""
    if asked == LENGTH_OR_TIME:
        return 1.0 if found in DURATION_UNITS or found in LENGTHS else 0.0
    if asked == SESSION:
        return 1.0 if found in SESSION_UNITS else 0.0
    if (
        asked is not None
        and found is not None
        and (asked == found or any(asked in c and found in c for c in UNIT_CLASSES))
    ):
        return 1.0
    if found in DURATION_UNITS:
        return 0.0
    if asked in MEASURES:
        return 0.0  # an area or a volume is never a count of things
    if asked in UNIT_CLASSES[0] and found in GENERAL_UNIT:
        return 0.0  # people are counted in 人, 名 or 位, never in 個
    if asked is None or found is None or found in GENERAL_UNIT or asked in GENERAL_UNIT:
        return 0.5  # 幾多個 asks in the general classifier for anything counted: 3 063項 answers it
    return 0.0


def digits_of(text: str) -> str:
    """The digits of an expression, to tell whether a sentence's number merely repeats the question's."""
    return re.sub(r"\D", "", text)


_YEAR_FIGURE = re.compile(r"(?<!\d)(?:19|20)\d\d(?!\d)")


def years_in(text: str) -> frozenset[str]:
    """The years a text writes in figures (2012 of 「2012年及以後設立的」, of "the 2010 meeting")."""
    return frozenset(_YEAR_FIGURE.findall(text))


# A figure's digits with the magnitude written after them: 17萬 is not the 17 of 2016/17.
_FIGURE = re.compile(rf"{_DIGITS}(?:\s*(?:多|餘|余))?\s*[萬万億亿]?")


def figures(text: str) -> set[str]:
    """The figures written in a text, separators dropped, magnitude kept (2 400, 17萬 -> 2400, 17萬)."""
    return {
        re.sub(r"[\s,，多餘余]", "", m.group(0)).replace("万", "萬").replace("亿", "億")
        for m in _FIGURE.finditer(text)
    }
