"""The event a "when" question asks about, and whether a sentence states that event of the question's thing.

"When was the Qianhai Authority set up?" asks for the date of an establishing; a sentence that gives the date
on which the Authority published a register (「2016年6月，前海管理局發布……及設立專業人士登記制度」) names the
Authority and even an establishing, but of something else. A sentence states the asked event when it holds a
verb of the event's class that is not followed by an object the question never mentions. Patterns run on
normalised text (NFKC, lower case, Simplified), as the rest of the reader does.
"""

from __future__ import annotations

import re
from functools import lru_cache

from index import normalize

# Event classes: (English cue in the question, Chinese verbs in question or sentence). A question may name
# several ("launched" is an opening or a setting up); a sentence states the event with any verb of one.
EVENT_CLASSES: dict[str, tuple[str, str]] = {
    "establish": (
        r"\bset up\b|\bestablish|\bfound(?:ed|ing)\b|\bcreated?\b|\bformed\b|\blaunch",
        "成立|设立|设置|组成|创立|创办|建立|挂牌|组建",
    ),
    "sign": (
        r"\bsign(?:ed|ing|s)?\b|\bconclude[ds]?\b",
        "签署|签订|签定|签(?![注证发])|订立|缔结",
    ),
    "open": (
        # not the adjective of "open tenders", "an open market"
        r"\bopen(?:ed|ing|s)?\b(?! (?:tenders?|tendering|bid(?:s|ding)?|market|economy|data|recruitment)\b)"
        r"|\binto (?:service|operation)\b|\bstart(?:ed)? operat|\blaunch"
        r"|\bg(?:o|oes|oing|one) live\b|\bwent live\b",
        "通车|开通|启用|投入服务|投入使用|投入运作|开幕|开业|开园|开馆|开张|开始运作|开办|开设|运营|营运|开放",
    ),
    "start": (
        # a scheme starts when launched (推出廣東計劃) or introduced (引入), works when they break ground;
        # ties start in a year (始於1978年)
        r"\bstart(?:ed|s|ing)?\b|\bbegin|\bbegan|\bcommence|\bbreak ground|\blaunch|\broll(?:ed)? out"
        # "piloted", not the noun of a "pilot free trade zone"
        r"|\bkick(?:ed)? off|\bintroduc|\btr(?:y|ying|ied) out|\bpilot(?:ed|ing)\b|\bto pilot\b"
        r"|\bg[eo]t(?:s|ting)? going\b|\bunder ?way\b",
        # 開始實施: a scheme that started to be carried out started
        "动工|开工|展开|开展|启动|开始(?:兴建|建造|施工|实施|实行|施行)|推出|推行|引入|引进|试行|始于|始自|起始于",
    ),
    "complete": (
        r"\bcomplet|\bfinish|\bbuilt\b|\bready\b",
        "落成|完成|竣工|建成|完工|建好",
    ),
    "publish": (
        r"\bpublish|\breleas|\bannounc|\bunveil|\bissued?\b|\bpromulgat|\bmade public\b|\bc[oa]mes? out\b"
        r"|\bput out\b",
        # 幾時出㗎: a release that came out in Cantonese was published
        "公布|公佈|发布|颁布|印发|发表|发出|公开|推出|出台|宣布|宣佈|(?<![推发])出(?=㗎|嘅|咗)",
    ),
    "approve": (
        r"\bapprov|\bendorsed\b|\bpass(?:ed)?\b|\bratif",
        "批准|批复|批出|通过|核准|审批",
    ),
    "rename": (
        r"\brenam|\bits (?:current |present |new )?name\b|\bcalled\b",
        "改名|易名|更名|改称|命名",
    ),
    "expire": (
        r"\bexpir|\bruns? out\b|\bran out\b|\brunning out\b|\blapse|\bcome to an end\b",
        "期满|届满|到期|失效|终止",
    ),
    "hold": (
        r"\bheld\b|\bhold(?:s|ing)?\b|\bconven(?:e|ed|es|ing)\b|\bt(?:ake|akes|ook|aken) place\b",
        # 幾時開㗎: a meeting opened in Cantonese is held
        "举行|召开|举办|开会|合办|主办|承办|协办|开(?=㗎|嘅|咗|过|[?？]|$)",
    ),
    "require": (
        # "from when did truckers have to use it": the date a duty began, not the launch (推出)
        r"\bmandatory\b|\bcompulsory\b|\b(?:have|has|had) to use\b|\brequired to\b|\bmade to use\b",
        "强制|必须|硬性规定",
    ),
    "effect": (
        r"\btak(?:e|es|en) effect|\btook effect|\bc[oa]me into (?:force|effect)|\bimplement|\bin force\b",
        "生效|实施|实行|施行",
    ),
}
_ENGLISH = {name: re.compile(en) for name, (en, _) in EVENT_CLASSES.items()}
# One verb of each class, as the papers write it most (成立 for "establish"), to stand for the class.
EVENT_VERBS = {name: zh.split("|")[0] for name, (_, zh) in EVENT_CLASSES.items()}
_VERBS = {name: re.compile(zh) for name, (_, zh) in EVENT_CLASSES.items()}
# After the verb, an aspect or structural particle before what it governs.
_PARTICLES = "了的"
# Words in front of an object that say whose or which it is, not what it is (normalised).
_MODIFIERS = ("国家", "中央", "全国", "两地", "有关", "相关", "本港", "香港", "合作")
# "A new one" in front of an object (normalised).
_NEW = ("新的", "新一份", "新一轮", "新一届")
# A count and its classifier in front of an object (通過一份「深港創新圈」三年行動計劃: the plan is the
# object; normalised).
# Classifiers of things counted (normalised).
_CLASSIFIERS = "份项个套批条宗部本张场次间家所"
# 推出超過130個……項目, 舉辦逾300場: a count given loosely is still only a count.
_COUNTED = re.compile(
    r"(?:超过|逾|约|近|多达|合共|共|接近|大约)?\s*(?:[一两二三四五六七八九十首]{1,3}|\d{1,3}(?:,\d{3})*)\s*(?:多|余|餘)?\s*"
    rf"[{_CLASSIFIERS}]"
)
# A verb followed by one of these has no object of its own: a time word, a conjunction, a preposition.
_NOT_AN_OBJECT = frozenset("后後时時以及和并並与與至于於为為之前来起等中内外上下止由")


# An office, a centre or a headquarters "opens" when it is set up (在2014年4月成立駐武漢經濟貿易辦事處).
_INSTITUTION = re.compile(
    r"\boffices?\b|\bcent(?:re|er)s?\b|\bheadquarters\b|\bhq\b|\bbranch(?:es)?\b|\bbureaux?\b"
    r"|办事处|办公室|联络处|中心|总部|分行|支行"
)

# Standing bodies of cooperation: one "starts" when it is set up.
_MECHANISM = re.compile(
    r"\bforums?\b|\bconferences?\b|\bcouncils?\b|\bcommittees?\b|\bmechanisms?\b|\bworking groups?\b"
    r"|\btask forces?\b|\balliances?\b|\bassociations?\b|\bcooperation meeting\b"
    r"|论坛|联席会议|合作会议|机制|委员会|小组|联盟"
)

# Schemes and arrangements: one "starts" when it is carried out.
_SCHEME = re.compile(
    r"\bschemes?\b|\barrangements?\b|\bprogram(?:me)?s?\b|\bpilots?\b|\bmutual recognition\b"
    r"|计划|安排|试点|互认"
)


# An English clause naming the event a date is reckoned from ("delivered ahead of the rail link opening"):
# that event is the reference, not the one asked.
_REFERENCE = re.compile(r"\b(?:ahead of|prior to|in time for|in the run-up to)\b[^,?]*")


def asked_events(question: str) -> frozenset[str]:
    """The event classes a question names, in English or either Chinese script."""
    text = _REFERENCE.sub(" ", normalize(question))
    found = {name for name in EVENT_CLASSES if _ENGLISH[name].search(text) or _VERBS[name].search(text)}
    if "open" in found and _INSTITUTION.search(text):
        found.add("establish")
    if "start" in found and _MECHANISM.search(text):
        found.add("establish")  # a forum or a joint conference starts when it is set up (2004年成立)
    if "start" in found and _SCHEME.search(text):
        found.add("effect")  # a scheme or an arrangement starts when carried out (在2015年7月實施……安排)
    return frozenset(found)


# Events that make a thing (an agreement signed, a group set up, a plan published or launched): a question
# asking for that thing (簽咗份咩文件, 成立了什么小组, "which agreement did they sign") is answered by a
# sentence that says it was made.
_MAKING = ("establish", "sign", "publish", "start")
# ... by the verbs that make one; 建立 also builds ties (建立什么关系), which the answer names otherwise.
_MAKING_VERBS = {
    name: "|".join(v for v in EVENT_CLASSES[name][1].split("|") if v != "建立") for name in _MAKING
}
# The verb followed by the question word for its object (normalised): 签了哪份, 成立咗咩, 推出了什么.
_OBJECT_ASKED = r"(?:了|咗|过)?(?:[一两二三四五六七八九十\d]?[份个项条套批])?(?:哪|什么|甚么|咩|乜|边)"
_ENGLISH_OBJECT_ASKED = re.compile(r"^(?:what|which)\b[^?]{0,60}?\b(?:did|do|does|will|would|have|has|had)\b")


@lru_cache(maxsize=1024)
def object_events(question: str) -> frozenset[str]:
    """The making events whose object the question asks for: 「雙方簽了哪份文件？」 is "sign"; not a thing
    the event is only said of (「2003年簽署的CEPA涵蓋哪些範疇？」)."""
    text = normalize(question)
    found = {name for name in _MAKING if re.search(rf"(?:{_MAKING_VERBS[name]}){_OBJECT_ASKED}", text)}
    english = _ENGLISH_OBJECT_ASKED.match(text)
    if english is not None:
        found |= {name for name in _MAKING if _ENGLISH[name].search(text, english.end())}
    return frozenset(found)


@lru_cache(maxsize=4096)
def event_of(word: str) -> str | None:
    """The event class a Chinese word (normalised) is a verb of: 完工 and 竣工 are both "complete"."""
    return next((name for name, verbs in _VERBS.items() if verbs.fullmatch(word)), None)


def holds_verb(text: str, event: str) -> bool:
    """Whether normalised text holds any verb of the event class."""
    return _VERBS[event].search(text) is not None


def states_event(sentence: str, events: frozenset[str], asked: str, english: bool = False) -> bool:
    """True when the sentence holds a verb of an asked event class that does not govern another object.

    ``asked`` is the normalised question with the Chinese of its English names: an object made of its
    characters is the question's own thing (「成立駐武漢經濟貿易辦事處」 for the Wuhan office). An
    ``english`` question brings only the Chinese of the words a glossary or dictionary knew, so fewer of a
    title's words show it is the one asked (``ENGLISH_TITLE_PIECES``).
    """
    text = normalize(sentence)
    if "publish" in events and _DATED_TITLE.search(text):
        return True  # 資料摘要（2013年7月）: a paper cited with its date in brackets came out then
    for name in events:
        for m in _VERBS[name].finditer(text):
            if _undated_when(text, m.start(), m.end()):
                continue
            if not _governs_other(text, m.end(), asked, english) and _clause_names_asked(
                text, m.start(), m.end(), asked, english
            ):
                return True
    return False


# A name with its date in brackets after it (normalised), as a paper is cited: 工程研究–資料摘要（2013年7月）.
_DATED_TITLE = re.compile(r"[》\u4e00-\u9fff]\s*[(（]\s*(?:19|20)\d\d\s*年(?:\s*\d{1,2}\s*月)?\s*[)）]")


def _undated_when(text: str, verb: int, verb_end: int) -> bool:
    """「由試點推出時的5個城市」: the verb names the moment of the event (推出時) to describe something else,
    and no year in its clause says when it was."""
    if not text.startswith(("时", "之时"), verb_end):
        return False
    start = max(text.rfind(p, 0, verb) for p in _CLAUSE_ENDS) + 1
    return re.search(r"(?:19|20)\d\d", text[start:verb]) is None


# Two-character pieces nearly every clause of these papers holds: they do not say what a clause is about.
_COMMON_PAIRS = frozenset({"香港", "政府", "特区", "内地", "合作", "两地", "双方", "广东", "深圳"})


_CLAUSE_ENDS = "，。；：,;:"
_ANAPHOR = re.compile("我们|其|该|这|此|有关工程|有关项目|它|他们|上述")
# A clause whose verb has nothing before it but a date (normalised): its subject is the sentence before's.
_ZERO_SUBJECT = re.compile(r"[由自于从在]?\s*\d{4}\s*年(?:\s*\d{1,2}\s*月)?[底初中]?")
# ... and nothing after it: it has no object of its own (开展至今, 推行以来).
_NO_OBJECT = re.compile(r"[了]?(?:至今|迄今|以来)?")


def _clause_names_asked(text: str, verb: int, verb_end: int, asked: str, english: bool = False) -> bool:
    """Whether the clause of the verb (between commas, the verb left out) names something the question does:
    「以期讓高鐵香港段如期於2018年第3季通車」 is about the rail link, not about the western railway."""
    start = max(text.rfind(p, 0, verb) for p in _CLAUSE_ENDS) + 1
    ends = [i for i in (text.find(p, verb_end) for p in _CLAUSE_ENDS) if i >= 0]
    end = min(ends, default=len(text))
    pairs = {
        part[k : k + 2] for part in (text[start:verb], text[verb_end:end]) for k in range(len(part) - 1)
    } - _COMMON_PAIRS
    if _ANAPHOR.search(text[start:end]):
        return True  # 「我們預計於2015年竣工」: the clause refers back to what the sentences before name
    if _ZERO_SUBJECT.fullmatch(text[start:verb]) and _NO_OBJECT.fullmatch(text[verb_end:end]):
        return True  # 「由2008年開展至今」: no subject but a date, so the one the sentence before names
    if english and _quotes_count(text[verb_end:end], asked):
        return True  # 舉辦超過300場文化節目 for "those 300-plus shows": the question's count names them
    return any(p in asked for p in pairs if all("\u4e00" <= ch <= "\u9fff" for ch in p))


# A count (not a year, month or day) and its classifier, as written after a verb (normalised).
_COUNT = re.compile(rf"(?<![\d.,])(\d{{1,3}}(?:,\d{{3}})*|\d+)\s*(?:多|余)?\s*[{_CLASSIFIERS}名位]")


def _quotes_count(text: str, asked: str) -> bool:
    """Whether ``text`` counts something by a figure the question quotes (300 in "those 300-plus shows" and
    舉辦超過300場); a count of two or fewer says nothing of which things they are."""
    for m in _COUNT.finditer(text):
        figure = m.group(1).replace(",", "")
        if int(figure) > 2 and re.search(rf"(?<![\d.]){figure}(?![\d.])", asked.replace(",", "")):
            return True
    return False


def _governs_other(text: str, end: int, asked: str, english: bool = False) -> bool:
    """Whether the two characters after the verb (past a particle) are the start of an object the question
    does not name: Chinese characters, neither a function word nor found in the question."""
    i = end
    while i < len(text) and text[i] in _PARTICLES:
        i += 1
    while text.startswith(_MODIFIERS, i):
        i += 2  # 公布的國家「十二五」規劃綱要: 國家 says whose plan, the object is the plan
    new = next((w for w in _NEW if text.startswith(w, i)), "")
    i += len(new)  # 簽訂新的供水協議: the new agreement is the agreement
    counted = _COUNTED.match(text, i)
    if counted is not None:
        if english and _quotes_count(counted.group(0), asked):
            # 舉辦超過300場…… for "those 300-plus shows": the count an English question quotes is all it
            # brings of the things' Chinese name
            return False
        i = counted.end()
    if text[i : i + 1] == "《":
        close = text.find("》", i)
        return not _title_asked(text[i + 1 : close if close >= 0 else len(text)], asked, english)
    following = text[i : i + 2]
    if len(following) < 2 or not all("\u4e00" <= ch <= "\u9fff" for ch in following):
        return False
    if following[0] in _NOT_AN_OBJECT:
        return False
    return following not in asked and not any(ch in asked for ch in following)


# A title the question names shares at least this share of its two-character pieces with the question.
TITLE_OVERLAP = 0.5
# ... or at least this many of its distinctive pieces.
TITLE_SHARED_PIECES = 6
_TITLE_WORDS = _COMMON_PAIRS | frozenset(
    {"关于", "协议", "安排", "特别", "别行", "行政", "政区", "合作", "框架"}
)


# An English question names a title with this many of its distinctive pieces: "their deal on deepening film
# industry cooperation" brings 電影 and 粵港 of 《粵港促進電影業深入合作發展協議》, not 促進 or 深入.
ENGLISH_TITLE_PIECES = 2


def _title_asked(title: str, asked: str, english: bool = False) -> bool:
    """Whether a 《title》 is the one the question names: most of its two-character pieces are in it."""
    pairs = [title[k : k + 2] for k in range(len(title) - 1)]
    pairs = [p for p in pairs if all("\u4e00" <= ch <= "\u9fff" for ch in p)]
    if not pairs:
        return True
    shared = [p for p in pairs if p in asked]
    if len(shared) / len(pairs) >= TITLE_OVERLAP:
        return True
    # A long title the asker paraphrases (法院就民商事案件相互委託提取證據的安排 as 兩地法院民商事案件互相
    # 委託提取證據嘅安排): many pieces of its own words, beyond the ones every title holds
    distinctive = len(set(shared) - _TITLE_WORDS)
    if distinctive >= (ENGLISH_TITLE_PIECES if english else TITLE_SHARED_PIECES):
        return True
    # ... or a word of it the question names whole: "their deal on air pollution from ships" (大氣污染) is
    # 《內地與香港船舶大氣污染防治合作協議》 when "ships" found no Chinese
    return _longest_run(pairs, asked) >= TITLE_NAMED_WORD


# A stretch of a title this many two-character pieces long (a four-character word) names it.
TITLE_NAMED_WORD = 3


def _longest_run(pairs: list[str], asked: str) -> int:
    """The most consecutive pieces of the title the question holds (leaving out words every title holds)."""
    best = run = 0
    for p in pairs:
        run = run + 1 if p in asked and p not in _TITLE_WORDS else 0
        best = max(best, run)
    return best
