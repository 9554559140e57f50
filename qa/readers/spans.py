"""The answer span: which typed expression of the answer sentence answers, and how far it reaches.

A sentence often holds several dates, figures or posts. The one that answers sits in the clause that
names what the question names (「滬港經貿合作會議（2003年成立）」 among the other meetings of a list),
follows 由 when the question asks who is responsible, or follows 總數 when it asks for a total. It reaches
over what is joined to it when the question asks about two things (「2014年11月及2016年12月」 for 滬港通
and 深港通), over a person's name after a post (政務司司長唐英年), and over the whole change when the
question asks how a figure changed.
"""

from __future__ import annotations

import itertools
import re
from difflib import SequenceMatcher

from index import normalize
from qa.readers import expressions
from qa.readers.events import states_event
from qa.readers.expressions import Expression
from qa.readers.features import in_title, province_asked, title_year_asked, unit_strength
from qa.readers.posts import KIND_ONLY, NAME_AFTER_POST
from qa.readers.question import QuestionAnalysis

# What ends the clause an expression belongs to (parentheses do not: 「會議（2003年成立）」 is one clause).
_CLAUSE_ENDS = "，。；、：,;:"
# Two-character pieces that say nothing about which clause is meant.
_EMPTY_PAIRS = frozenset(
    {
        "香港",
        "政府",
        "特区",
        "内地",
        "合作",
        "两地",
        "双方",
        "多少",
        "什么",
        "时候",
        "哪年",
        "一年",
        "几个",
        "是谁",
    }
)
# 由 X 負責 / 擔任: X answers "who".
# Not past the verb: in 由三位司長擔任小組組長, 三位司長 is who, 小組組長 the role they take.
_AGENT = re.compile(r"由(?:(?!擔任|担任|負責|负责|主持|出任)[^，。；]){0,6}$")
# A post the sentence says chairs or leads: the verb follows it, past a post joined to it (與上海市市長主持).
_CHAIRS = re.compile(
    r"[^，。；,;]{0,10}?(?:主持|率領|率领|帶領|带领|帶隊|带队|領導|领导|為首|为首|牽頭|牵头"
    r"|擔任(?:組長|主席|召集人)|担任(?:组长|主席|召集人))"
)
# "How many in all": the figure after 總數 / 共 / 累計 answers.
_TOTAL_ASKED = re.compile(r"总数|一共|总共|共有|合共|累计|\btotal\b|\baltogether\b|\bin all\b|\bso far\b")
_TOTAL = re.compile(r"(?:总数|總數|总共|總共|合共|累计|累計|总计|總計|共|達|达)[^，。；\d]{0,3}$")
# A question about two things joined (滬港通和深港通, offices and liaison units).
_TWO_ASKED = re.compile(r"及|和|与|與|、|以及|\band\b|分别|分別|\brespectively\b")
# "By how much did it grow", 從幾個增加到幾個: the whole change answers.
_CHANGE_ASKED = re.compile(
    r"增加了多少|增长了多少|增幅|从几|由几|\bby how much\b"
    r"|\bhow much did [\w\s-]+ (?:grow|rise|increase)|\bgr[eo]w from\b|\bincrease from\b"
)
# "How many when it was first launched", 「剛推出時有幾個」: the figure a change started from.
_ORIGIN_ASKED = re.compile(
    r"\bat first\b|\binitially\b|\boriginally\b|\bat the (?:start|outset|beginning)\b"
    r"|\bwhen (?:it|they|the [\w\s-]{1,40}?) (?:was|were) (?:first )?(?:launched|introduced|started|set up)"
    r"|\bwhen [\w\s-]{1,40}? first (?:launched|started|began|opened)"
    r"|(?:刚|啱啱|啱|最初|起初|当初|原来|原本|初期|初时)[^，。？?]{0,8}?(?:推出|开始|成立|设立|实施|推行)?(?:时|嗰阵|𠮶阵|的时候)"
    r"|最初|起初|原本有|原来有"
    # "before the Wuhan office opened, how many": the figure the change left
    r"|\bbefore (?:the |its |it |they |[\w–-]+ ){0,6}?"
    r"(?:opened|was set up|were set up|launched|started|joined|came in|took office|took over)\b"
    r"|(?:开设|设立|成立|开业|增设|加入|开幕|未开)(?:之前|以前)"
    # "before the 2012–2017 government came in", 上任前: the figure it found, not the one it left
    r"|(?:上任|上场|上台|就任|履新)(?:之前|以前)"
)
# "What month and year": one date, not two things.
_ONE_THING = re.compile(
    r"\b(?:month|year|day|date) and (?:month|year|day|date|time)\b|\bwhen and where\b|年月|月份和年份"
)
# 分別 ("respectively") after joined expressions, then the verb and the things they pair with.
_RESPECTIVELY = re.compile(r"\s*分[別别][\u4e00-\u9fff]{1,2}([^，。；：,;:]+)")
_JOINER = "(?:及|與|与|和|、|以及)"
# The side of a two-sided body a question asks about: Hong Kong's post, or the Mainland's.
_HK_SIDE = re.compile(
    r"\b(?:the )?(?:hong kong|hk)(?:'s)? side\b|港方|香港方面|香港一方|香港(?:嗰|𠮶|那|这)边"
    r"|香港(?:方面)?(?:的|嘅)?(?:哪|边)一?(?:位|个)"
)
_MAINLAND_SIDE = re.compile(
    r"\b(?:the )?(?:mainland|shenzhen|guangdong|beijing|shanghai)(?:'s)? side\b"
    r"|深方|粤方|京方|沪方|内地方面|内地一方|(?:深圳|广东|内地)(?:嗰|𠮶|那|这)边"
)
# A Mainland post or body: a city's or province's (深圳市常務副市長, 廣東省副省長), the central
# government's, or a joint body's Mainland half (粵港民間合作機制粵方……小組).
_MAINLAND_POST = re.compile(
    r"^(?:[\u4e00-\u9fff]{2,3}(?:市|省)|国务院|中央|国家|[\u4e00-\u9fff]*?(?:粤方|深方|京方|沪方))"
)
# Between two counts joined: the first one's noun, then a joiner (五個辦事處及11個聯絡處).
_COUNT_JOINED = re.compile(rf"^[\u4e00-\u9fff]{{0,6}}{_JOINER}$")
_NOUN_AFTER = re.compile(r"[\u4e00-\u9fff]{2,4}")
# Between the figure a change leaves and the one it arrives at.
_RISE = re.compile(
    r"^[^，。；,]{0,16}?(?:增加至|增至|增加到|增到|上升至|升至|提高至|擴大至|扩大至|減至|减至|下降至)"
)


# A place a thing reaches is asked ("extended to where", 擴大到邊度), and what writes it (擴大至珠三角).
_DESTINATION_ASKED = re.compile(
    r"\bto where\b|\bwhere\b[\w\s'-]{0,60}?\b(?:extend|expand|spread|move|relocate)\w*(?: to)?\b"
    r"|(?:扩大|扩展|延伸|伸延|推广|推展|迁|搬)(?:到|至|去)(?:哪|边)"
)
_TO = re.compile(r"[至到往去]$")
_TOWARDS = re.compile(r"向[「『“\"]?$")


def _after(marker: re.Pattern[str], text: str, pool: list[Expression]) -> list[Expression]:
    """The expressions right after ``marker`` (至, 向「), or all of them when none is."""
    return [e for e in pool if marker.search(text[max(0, e.start - 2) : e.start])] or pool


def choose(
    question: QuestionAnalysis, text: str, found: list[Expression], focus: tuple[int, ...]
) -> Expression:
    """The expression of the sentence that answers, reaching over what belongs to it."""
    pool = list(found)
    if question.expected == "number":
        strongest = max(_unit_fit(question, e) for e in pool)
        pool = [e for e in pool if _unit_fit(question, e) == strongest]
        if _ORIGIN_ASKED.search(question.normalized):
            pool = expressions.departed(text, pool) or pool
        elif not _CHANGE_ASKED.search(question.normalized):
            pool = expressions.arrived(text, pool) or pool
    if question.expected == "who" and question.recipient:
        # who it reports to: the one after 向 (定期向「督導組」報告), not the ones reporting
        pool = _after(_TOWARDS, text, pool)
    if question.expected == "who":
        wanted = "body" if question.wants_body else "post"
        pool = [e for e in pool if e.kind == wanted] or pool
        # 商務及經濟發展局轄下投資推廣署: the body under the bureau is the one that acts
        pool = [e for e in pool if not _heads_another(text, e, pool)] or pool
        side = _side_asked(question)
        if side is not None:
            parts = [p for e in pool for p in _parts(text, e)]
            pool = [e for e in parts if bool(_MAINLAND_POST.match(normalize(e.text))) == side] or pool
    # a name of a kind only (政策局, 會議) says nothing about which one: an English "bureau" set aside
    aside = [x for x in question.besides if len(x) >= 2 and not KIND_ONLY.match(x) and x != "会议"]
    if aside:
        # 除咗發改委牽頭: 國家發改委 is what the asker knows, not the answer
        pool = [e for e in pool if _besides_role(text, e, aside) >= 0] or pool
    if question.expected == "place" and _DESTINATION_ASKED.search(question.normalized):
        # extended to where: the place it is extended to (擴大至珠三角其他城市), not who is asked (向國家爭取)
        pool = _after(_TO, text, pool)
    pairs = _question_pairs(question)
    total = bool(_TOTAL_ASKED.search(question.normalized))
    change = question.expected == "number" and bool(_CHANGE_ASKED.search(question.normalized))

    def rank(e: Expression) -> tuple[float, int, int, int, int, int]:
        """Cues first (由, 總數, the asked event, a change, the counted thing), then the clause's words (in
        a list of like items, the item's own words), then nearness."""
        cue = 0.0
        if question.chairs and _CHAIRS.match(text, e.end):
            cue = 1.0  # 行政長官與上海市市長主持，並由財政司司長…支援: who chairs is the one before 主持
        elif question.expected == "who" and _AGENT.search(text[max(0, e.start - 8) : e.start]):
            cue = 0.9 if question.chairs else 1.0
        elif question.expected == "who" and normalize(text[e.end : e.end + 2]) in question.asked_verb:
            cue = 0.8  # 雙方同意內地海關研究…, for who studies it: the one the asked verb follows
        if total and _TOTAL.search(text[max(0, e.start - 5) : e.start]):
            cue = 1.0
        clause = _clause(text, e)
        if question.events and states_event(clause, question.events, question.mentioned, question.english):
            cue = 1.0  # 「我們預計於2015年竣工」, not 「在去年1月底開展」, for when it is finished
        if change and _whole_change(text, e, found) != e:
            cue = 1.0  # 由3個增至11個 for how much it grew
        if e.kind == "count" and question.unit not in expressions.GENERAL_UNIT:
            noun = _NOUN_AFTER.match(text, e.end)
            if noun and _names_asked(noun.group(0), question):
                cue = max(cue, 0.5)  # 48個國家 for how many countries
        if e.kind == "count" and any(c in normalize(clause) for c in question.counted):
            cue = max(cue, 0.5)  # 參加商貿會議不少於850次 (not 造訪…3 300次) for how many trade meetings
            # the thing right after the figure: 2 700個資助項目, not 1 700間港資工廠進行清潔生產項目
            noun = _NOUN_AFTER.match(text, e.end)
            if noun and any(c in normalize(noun.group(0)) for c in question.counted):
                cue = max(cue, 0.6)
        if _names_more_as_subset(text, e, pairs | expressions.years_in(question.normalized)):
            cue = max(cue, 0.75)  # 超過380個項目，其中90個位於深圳 for how many in Shenzhen
        if e.kind == "date" and title_year_asked(question) and in_title(text, e.start):
            cue = max(cue, 1.0)  # 《2010年重點工作》 for which year's key work plan, not the meeting's date
        if question.period and e.kind == "date" and _spans_period(text, e, found):
            cue = max(cue, 0.5)  # 《……管理計劃（2002-2010）》, not 2010年以後, for the years it covers
        if e.kind == "date" and cue == 0 and _SCENE_AFTER.match(text, e.end):
            cue = -0.5  # 去年8月訪港時，亦提出在「十二五」期末: the visit sets the scene of what is dated
        if e == respective:
            cue = max(cue, 1.0)  # 二氧化硫、二氧化氮及可吸入顆粒物……分別下降72%、28%和34%: PM10's is 34%
        if aside and _besides_role(text, e, aside) > 0:
            cue = max(cue, 1.2)  # 除咗發展局四川重建組組長: the one the papers join to it (由X和發展局……)
        if e.kind == "place" and province_asked(text, e, question.asked):
            cue = max(cue, 1.0)  # 陝西(西安) for the Shaanxi office: the city after the asked province
        distance = min((abs(e.start - f) for f in focus), default=0)
        words = _clause_overlap(text, e, pairs)
        # in a list of like items, the item's own words first: not the subject the first item carries
        item = _item_overlap(text, e, pairs) if e in parallel else words
        return (-cue, -_shared_figures(text, e, asked_figures), -item, -words, distance, e.start)

    asked_figures = expressions.figures(question.normalized) - expressions.years_in(question.normalized)
    respective = _respective_figure(text, pool, pairs)
    parallel = _parallel_items(text, pool)
    chosen = min(pool, key=rank)
    return _reach(question, text, chosen, found)


_SUBSET = re.compile(r"(?:其中|當中|当中)\s*$")
# A date whose clause ends "when ...": the time of the scene (去年8月訪港時，), not of what the sentence says.
_SCENE_AFTER = re.compile(r"[^，,。；;]{0,8}(?:時|时|期間|期间|之際|之际)[，,]")


def _names_more_as_subset(text: str, e: Expression, pairs: frozenset[str]) -> bool:
    """A part of a whole (其中90個位於深圳, 當中4所…在2012年或之後成立) whose clause names something of the
    question (its words, or a year it writes) that the whole's clause does not."""
    if not _SUBSET.search(text[max(0, e.start - 3) : e.start]):
        return False
    own = normalize(_clause(text, e))
    before = text[: e.start].rstrip()
    cut = max(before.rfind(c, 0, len(before) - 3) for c in _CLAUSE_ENDS) + 1
    whole = normalize(before[cut:])
    return any(p in own and p not in whole for p in pairs)


_JOINED_AFTER = re.compile(rf"\s*(?:{_JOINER}|同)\s*")
_JOINED_BEFORE = re.compile(rf"(?:{_JOINER}|同)\s*$")


def _shared(a: str, b: str) -> int:
    """The length of the longest stretch two texts share."""
    return SequenceMatcher(None, a, b, autojunk=False).find_longest_match(0, len(a), 0, len(b)).size


def _besides_role(text: str, e: Expression, aside: list[str]) -> int:
    """Of a question that sets X aside ("besides X", 除咗X): -1 for an expression that is only X, 1 for one
    the sentence joins X to (由政制及內地事務局常任秘書長和發展局四川重建組組長), 0 for any other."""
    own = normalize(e.text)
    for x in aside:
        need = min(3, len(x))
        shared = _shared(own, x)
        if shared >= need:
            rest = len(own) - shared
            return 1 if rest >= 3 and re.search(_JOINER, own) else -1
        after = _JOINED_AFTER.match(text, e.end)
        if after and normalize(text[after.end() : after.end() + len(x) + 2]).startswith(x[:need]):
            return 1
        before = _JOINED_BEFORE.search(text, 0, e.start)
        if before and x[-need:] in normalize(text[max(0, before.start() - len(x) - 2) : before.start()]):
            return 1
    return 0


def _unit_fit(question: QuestionAnalysis, e: Expression) -> float:
    """The unit's agreement, an exact classifier a little above one of its kind (10間 over 4家 for 間) when
    the question writes it: "how many entrepreneurs" is answered in 位 as well as in 人."""
    strength = unit_strength(question, e)
    exact = question.unit is not None and e.unit == question.unit and question.unit in question.normalized
    return strength + (0.1 if exact and strength > 0 else 0.0)


def _question_pairs(question: QuestionAnalysis) -> frozenset[str]:
    """The question's two-character Chinese pieces (with the Chinese of its English words), less empty
    ones."""
    text = question.mentioned
    return frozenset(
        p
        for p in (text[k : k + 2] for k in range(len(text) - 1))
        if all("\u4e00" <= ch <= "\u9fff" for ch in p) and p not in _EMPTY_PAIRS
    )


def _clause(text: str, e: Expression) -> str:
    """The clause the expression sits in, between the punctuation around it."""
    start = max(text.rfind(c, 0, e.start) for c in _CLAUSE_ENDS) + 1
    ends = [i for i in (text.find(c, e.end) for c in _CLAUSE_ENDS) if i >= 0]
    return text[start : min(ends, default=len(text))]


def _shared_figures(text: str, e: Expression, asked: set[str]) -> int:
    """How many figures the question names (its 74 projects) the clause of the expression writes besides
    its own: 香港藝術發展局則資助共74個項目（資助額逾1,200萬港元）, not the 60 projects' clause before it."""
    if not asked:
        return 0
    return len((expressions.figures(_clause(text, e)) - expressions.figures(e.text)) & asked)


def _clause_overlap(text: str, e: Expression, pairs: frozenset[str]) -> int:
    """How many of the question's pieces the clause of the expression holds."""
    clause = normalize(_clause(text, e))
    return sum(1 for p in pairs if p in clause)


# Before a figure in a list of like items, the words that say which item it is.
ITEM_HEAD = 14


def _parallel_items(text: str, pool: list[Expression]) -> set[Expression]:
    """Figures that are items of one list, joined by 、 in one clause (造訪內地機關或組織不少於3 300次、
    出席活動發表演說不少於280次、……): each is told apart by its own words, not by the subject the first
    one carries."""
    out: set[Expression] = set()
    ordered = sorted(pool, key=lambda e: e.start)
    for a, b in itertools.pairwise(ordered):
        between = text[a.end : b.start]
        if "、" in between and not any(c in between for c in "，。；：,;:"):
            out.update((a, b))
    return out


def _item_overlap(text: str, e: Expression, pairs: frozenset[str]) -> int:
    """How many of the question's pieces the few words before the expression, in its item, hold."""
    start = max(text.rfind(c, 0, e.start) for c in _CLAUSE_ENDS) + 1
    item = normalize(text[max(start, e.start - ITEM_HEAD) : e.end])
    return sum(1 for p in pairs if p in item)


# Things joined, then 分別 ("respectively") and a verb, then as many figures: each thing has its figure.
_THINGS_RESPECTIVELY = re.compile(
    r"([^，。；：,;:]+?)(?:的[\u4e00-\u9fff]{0,4})?分[別别][\u4e00-\u9fff]{0,4}$"
)


def _respective_figure(text: str, pool: list[Expression], pairs: frozenset[str]) -> Expression | None:
    """Of figures joined after 分別 (二氧化硫、二氧化氮及可吸入顆粒物的年均值分別下降72%、28% 和 34%), the one
    paired with the only thing of the list the question names; None when there is no such list."""
    figures = sorted(pool, key=lambda e: e.start)
    for k, first in enumerate(figures):
        m = _THINGS_RESPECTIVELY.search(text[: first.start])
        if m is None:
            continue
        run = [first]
        for e in figures[k + 1 :]:
            if not re.fullmatch(rf"\s*{_JOINER}\s*", text[run[-1].end : e.start]):
                break
            run.append(e)
        things = [normalize(t) for t in re.split(_JOINER, m.group(1)) if t.strip()][-len(run) :]
        if len(run) < 2 or len(things) != len(run):
            return None
        named = [sum(1 for p in pairs if p in thing) for thing in things]
        best = max(named)
        return run[named.index(best)] if best > 0 and named.count(best) == 1 else None
    return None


_UNDER = re.compile(r"\s*(?:轄下|辖下|屬下|属下|旗下|下屬|下属|下轄|下辖)\s*")


def _heads_another(text: str, e: Expression, pool: list[Expression]) -> bool:
    """A body written only as the one above another (X轄下Y): Y is the body the sentence speaks of."""
    under = _UNDER.match(text, e.end)
    return under is not None and any(o.start == under.end() and o.kind == "body" for o in pool)


def _parts(text: str, e: Expression) -> list[Expression]:
    """The posts of an expression that joins several (財政司司長與北京市副市長), each on its own."""
    out, start = [], e.start
    for m in re.finditer(_JOINER, e.text):
        end = e.start + m.start()
        if end - start >= 2 and expressions.POST_END.search(
            text, start, end
        ):  # not the 及 of 政制及內地事務局局長
            out.append(_span(text, e, start, end))
        start = e.start + m.end()
    if e.end - start >= 2:
        out.append(_span(text, e, start, e.end))
    return out if len(out) > 1 else [e]


# A post or a body at the end of a stretch: where a joined name may be cut
# (北京協同創新研究院與香港科技園公司).
_NAME_END = re.compile(rf"(?:{expressions.POST_SUFFIX}|{expressions.BODY_SUFFIX}|部)$")


def _without_asked_parts(question: QuestionAnalysis, text: str, e: Expression) -> Expression:
    """Joined names less those the question itself names: 「與國家發展和改革委員會及廣東省和澳門政府」 for
    which national body besides Guangdong and Macao is 國家發展和改革委員會."""
    parts, start = [], e.start
    for m in re.finditer(_JOINER, e.text):
        end = e.start + m.start()
        if end - start >= 2 and _NAME_END.search(text, start, end):
            parts.append((start, end))
            start = e.start + m.end()
    parts.append((start, e.end))
    if len(parts) < 2:
        return e
    kept = [(s, t) for s, t in parts if not _named_by(question, text[s:t])]
    if not kept or len(kept) == len(parts):
        return e
    return _span(text, e, kept[0][0], kept[-1][1])


# Words of a name that say what kind of body it is, not which (政府, 有關當局, 公司).
_GENERIC = re.compile(r"政府|当局|有关|相关|部门|两地|公司|[省市]")


# The whole a body belongs to, written before its name (立法會工商事務委員會, 香港特區政府教育局).
_WHOLE_BEFORE = re.compile(r"(?:香港)?(立法会|(?:特别行政区|特区)政府)")


def _without_named_whole(question: QuestionAnalysis, text: str, e: Expression) -> Expression:
    """A body less the whole it belongs to when the question names that whole: "which LegCo panel" is
    answered by 工商事務委員會, 「特區政府邊個部門」 by 教育局."""
    m = _WHOLE_BEFORE.match(normalize(e.text))
    if m is None or m.group(1) not in question.mentioned or len(e.text) - m.end() < 3:
        return e
    return _span(text, e, e.start + m.end(), e.end)


def _named_by(question: QuestionAnalysis, name: str) -> bool:
    """Whether the question names it, its side (香港, 內地) and the words of its kind aside: every place it
    joins (廣東省和澳門政府 is named by 「除咗同廣東、澳門」), or three in four of its two-character pieces
    (香港科技園公司 by 香港科技園; not 香港和解中心 by 聯合調解中心)."""
    plain = _GENERIC.sub("", re.sub(r"^(?:香港|内地|国家)", "", normalize(name)))
    joined = [p for p in re.split(r"[和及与、]", plain) if p]
    if len(joined) > 1 and all(p in question.mentioned for p in joined):
        return True
    pieces = [plain[k : k + 2] for k in range(len(plain) - 1)]
    return bool(pieces) and sum(p in question.mentioned for p in pieces) / len(pieces) >= 0.75


def _side_asked(question: QuestionAnalysis) -> bool | None:
    """True when the question asks for the Mainland side's post, False for Hong Kong's, None for neither."""
    if _HK_SIDE.search(question.normalized):
        return False
    if _MAINLAND_SIDE.search(question.normalized):
        return True
    return None


def _reach(question: QuestionAnalysis, text: str, chosen: Expression, found: list[Expression]) -> Expression:
    """The chosen expression over what belongs to it: joined ones, a name after a post, a whole change."""
    out = chosen
    if question.expected == "number" and _CHANGE_ASKED.search(question.normalized):
        out = _whole_change(text, out, found)
        if out is not chosen:
            return out
    two = bool(_TWO_ASKED.search(_ONE_THING.sub(" ", question.normalized)))
    side = _side_asked(question) if out.kind in ("post", "body") else None
    if side is not None:
        # one side's posts: joined to others of that side (相關政策局及中央政策組), not to the other side's
        joined = _joined_both_ways(text, out, found)
        if all(bool(_MAINLAND_POST.match(normalize(p.text))) == side for p in _parts(text, joined)):
            out = joined
    elif out.kind in ("post", "body", "date"):
        joined = _joined_both_ways(text, out, found)
        paired = _respective(question, text, joined, found)
        if paired is not joined:
            out = paired  # 分別: the one paired with the thing asked
        elif out.kind != "date" or two:
            out = joined
    elif out.kind == "count" and two:
        out = _respective(question, text, _counts_joined(question, text, out, found), found)
    if out.kind == "date" and question.period:
        out = _whole_period(text, out, found)  # 2012年7月至2016年12月 for "over what period"
    if out.kind == "date" and _MONTH_OF_A_YEAR_ASKED.search(question.normalized):
        relative = _RELATIVE_YEAR.match(out.text)
        if relative is not None:
            out = _span(text, out, out.start + relative.end(), out.end)  # 5月 for "which month of 2024"
    if question.expected == "who" and out.kind in ("post", "body"):
        out = _without_asked_parts(question, text, out)
        out = _without_named_whole(question, text, out)
    if out.kind == "post":
        named = _NAME_THEN_POST.fullmatch(normalize(out.text))
        if named and named.group(2) in question.asked:
            # 李克強副總理 for "which vice premier": the question names the post, the person answers
            return _span(text, out, out.start, out.start + len(named.group(1)))
        name = NAME_AFTER_POST.match(text, out.end)
        if name and _post_asked_named(question, out):
            out = _span(text, out, name.start(), name.end())  # 上海市市長龔正 for 「上海市長係邊個」: 龔正
        elif name:
            out = _span(text, out, out.start, name.end())
    return out


# A person's name, then their post (李克强副总理), normalised; not a place's or a body's post (广东省副省长).
_NAME_THEN_POST = re.compile(
    r"([\u4e00-\u9fff]{2,3}?)(?<![省市区局署处会])((?:国务院)?(?:副)?(?:总理|主席|省长|市长|书记))"
)
# The month of a year the question names (幾月, "which month of 2024"): the paper's 今年 says nothing more.
_MONTH_OF_A_YEAR_ASKED = re.compile(r"\b(?:which|what) month\b|几月|哪个月|边个月|哪一个月|边一个月")
_RELATIVE_YEAR = re.compile(r"(?:今年|去年|明年|本年)\s*")
# What joins the two ends of a span of time: 2012年7月至2016年12月, 2006年到2015年, 2002-2010.
_PERIOD_JOINER = re.compile(r"\s*(?:至|到|-|–|—|~)\s*")


def _post_asked_named(question: QuestionAnalysis, post: Expression) -> bool:
    """Whether the question names the post itself (上海市長, "the Shanghai mayor") and so asks who holds it:
    most of the post's two-character pieces are the question's (with the Chinese of its English names)."""
    name = normalize(post.text)
    pairs = [name[k : k + 2] for k in range(len(name) - 1)]
    asked = question.asked.replace("市市", "市")
    return bool(pairs) and sum(p in asked or p == "市市" for p in pairs) / len(pairs) >= 0.75


def _respective(
    question: QuestionAnalysis, text: str, joined: Expression, found: list[Expression]
) -> Expression:
    """Of joined expressions that pair 分別 ("respectively") with as many things, the one paired with the
    thing the question names: 在2014年11月及2016年12月分別開通滬港通及深港通 answers when 深港通 opened with
    2016年12月 (both, when the question names both)."""
    parts = sorted(
        (e for e in found if joined.start <= e.start and e.end <= joined.end and e.kind == joined.kind),
        key=lambda e: e.start,
    )
    m = _RESPECTIVELY.match(text, joined.end)
    if len(parts) < 2 or not m:
        return joined
    things = [normalize(t) for t in re.split(_JOINER, m.group(1)) if t.strip()]
    if len(things) != len(parts):
        return joined
    named = [k for k, thing in enumerate(things) if len(thing) >= 2 and thing in question.mentioned]
    return parts[named[0]] if len(named) == 1 else joined


def _span(text: str, e: Expression, start: int, end: int) -> Expression:
    return Expression(e.kind, start, end, text[start:end], e.unit)


def _joined_both_ways(text: str, chosen: Expression, found: list[Expression]) -> Expression:
    """Over the expressions joined to it by 及/與/和 on either side (a name may sit before the joiner)."""
    out = expressions.joined(text, chosen, found)
    for e in sorted(found, key=lambda e: -e.start):
        if e.end <= out.start and e.kind == out.kind:
            merged = expressions.joined(text, e, [out])
            if merged.end == out.end or e.end == out.start:  # 政務司司長唐英年: a post, then a name
                out = _span(text, out, e.start, out.end)
    return out


def _counts_joined(
    question: QuestionAnalysis, text: str, chosen: Expression, found: list[Expression]
) -> Expression:
    """五個辦事處及11個聯絡處: counts of two things the question asks about, with their nouns."""
    out = chosen
    for e in sorted(found, key=lambda e: e.start):
        if e.start >= out.end and e.kind == "count" and _COUNT_JOINED.match(text[out.end : e.start]):
            out = _span(text, out, out.start, e.end)
    for e in sorted(found, key=lambda e: -e.start):
        if e.end <= out.start and e.kind == "count" and _COUNT_JOINED.match(text[e.end : out.start]):
            out = _span(text, out, e.start, out.end)  # and back: 五個辦事處及 before 11個聯絡處
    if out is chosen:
        return chosen
    noun = _NOUN_AFTER.match(text, out.end)
    if noun and _names_asked(noun.group(0), question):
        out = _span(text, out, out.start, noun.end())
    return out


def _names_asked(words: str, question: QuestionAnalysis) -> bool:
    """Whether a few words share a two-character piece with the question (or the Chinese of its English)."""
    norm = normalize(words)
    return any(norm[k : k + 2] in question.mentioned for k in range(len(norm) - 1))


def _spans_period(text: str, e: Expression, found: list[Expression]) -> bool:
    """Whether a date is a span of time (2002-2010) or one end of one (2012年7月至2016年12月)."""
    return bool(_PERIOD_JOINER.search(e.text.strip())) or _whole_period(text, e, found) != e


def _whole_period(text: str, chosen: Expression, found: list[Expression]) -> Expression:
    """A date with the other end of the span of time it belongs to (自2012年7月至2016年12月 gives
    2012年7月至2016年12月), for a question asking the period; the date alone if it ends no span."""
    dates = [e for e in found if e.kind == "date"]
    after = next(
        (e for e in dates if e.start >= chosen.end and _PERIOD_JOINER.fullmatch(text[chosen.end : e.start])),
        None,
    )
    if after is not None:
        return _span(text, chosen, chosen.start, after.end)
    before = next(
        (e for e in dates if e.end <= chosen.start and _PERIOD_JOINER.fullmatch(text[e.end : chosen.start])),
        None,
    )
    if before is not None:
        return _span(text, chosen, before.start, chosen.end)
    return chosen


def _whole_change(text: str, chosen: Expression, found: list[Expression]) -> Expression:
    """由2012年7月的3個大幅增至2017年4月的11個: from 由 to the figure it arrives at."""
    for a in found:
        for b in found:
            if a.start < b.start and chosen in (a, b):
                lead = re.search(r"(?:由|從|从)[^，。；]{0,12}$", text[: a.start])
                between = text[a.end : b.start]
                if lead and _RISE.search(between) and not any(c in between for c in _CLAUSE_ENDS):
                    return _span(text, chosen, lead.start(), b.end)
    return chosen
