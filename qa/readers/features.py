"""Candidate sentences of the top hits and the features the typed reader scores them by.

Features are named and computed here only, so the weights fitted by ``python -m eval fit-reader`` (k-fold
cross-validation on the gold set) apply to exactly what the service computes.
"""

from __future__ import annotations

import functools
import math
import re
from collections.abc import Mapping
from dataclasses import dataclass

import numpy as np
import numpy.typing as npt

from corpus import PAPER_PARTS, SIGN_OFF, Passage
from index import SIDE_ABBREVIATIONS, CharacterStats, Glossary, Hit, Retriever, Sentence, normalize, tokenize
from qa.readers import expressions, glosses, posts
from qa.readers.events import EVENT_VERBS, asked_events, event_of, holds_verb, object_events, states_event
from qa.readers.occurrence import asked_occurrence, asked_supplement, names_another, names_another_supplement
from qa.readers.question import PEOPLE_NOUNS, QuestionAnalysis, is_body_of_kind, without_source

# Sentences are drawn from this many top passages (and their neighbours in the same paragraph).
READ_DEPTH = 5
# Shorter than this, a "sentence" is a caption, a legend, a heading or a paragraph number.
MIN_SENTENCE_CHARS = 12

# The features an English question weighs apart (below: ``english_`` + each).
ENGLISH_WEIGHED = (
    "coverage",
    "char_coverage",
    "dense",
    "dense_gap",
    "passage_score",
    "rank_inverse",
    "type_near_focus",
)
FEATURES = (
    "coverage",
    "previous_coverage",
    "char_coverage",
    "dense",
    "dense_gap",
    "type_match",
    "unit_match",
    "type_near_focus",
    "passage_score",
    "rank_inverse",
    "neighbour",
    "short",
    "enumeration",
    "purpose_cue",
    "weakest_concept",
    "table_row",
    "sense_coverage",
    "place_missing",
    "gloss_coverage",
    # An English question's words in the sentence's part of its passage's English rendering (a local LLM's,
    # made once per passage: ``index.english``), and that less the best candidate's; 0 for a Chinese question.
    # Held out on 3,576 questions, English evidence in answer 0.829 -> 0.835 (eval/READER.md).
    "rendering_coverage",
    "rendering_gap",
    # The same evidence weighed again for an English question (zero for a Chinese one), so the fitted weights
    # can differ by language: an English question reaches the papers' words only through the glossary and
    # the dictionary, so its concept coverage says less and the encoder and the passage's fused score more
    # (the shipped fit: coverage 2.6 -> 1.0, dense 2.2 -> 3.1). Held out on 3,501 questions, English evidence
    # in answer 0.826 -> 0.836 (eval/READER.md).
    *(f"english_{f}" for f in ENGLISH_WEIGHED),
)

_WEIGHED_APART = np.array([FEATURES.index(f) for f in ENGLISH_WEIGHED])

_PARAGRAPH_NUMBER = re.compile(
    r"^\s*(?:\d{1,2}(?:\.\d{1,2})?|[一二三四五六七八九十]+|\(?[a-z0-9ivx]{1,4}\))[.．、)]\s*"
)
_PURPOSE = re.compile(
    # not the 以 of 可以 ("can"), 所以 ("so", a cause) or 難以 ("hardly")
    r"以便|(?<![可所難难])以(?!及|上|下|往|來|来|後|后|前|外|内|內|致)|為了|为了|旨在|目的|藉此|借此|從而|从而|有助|促進|促进|推動|推动"
    r"|加強|加强|加深|增進|增进"
)
# A cause or an aim, beside the purpose words: a "why" question's answer says one (因應內地政策法規的轉變,
# 方便往來深港兩地的跨境旅客).
_CAUSE = re.compile(
    # not the 為 of 作為 ("as"), 成為, 認為, 視為, 稱為, 行為
    r"因为|因為|由于|由於|鉴于|鑑於|因应|因應|基于|基於|(?<![作成认認视視称稱行以更])[为為](?!止)|原因|所以|因此"
    r"|有见|有見|考虑到|考慮到"
    r"|方便|协助|協助|幫助|帮助|以期|以免|避免|确保|確保"
)
# What a sentence means to bring about, short of a purpose it states: 使之成為……的動力, 讓全世界……, 務求,
# what must be done (必須), one aim of two (一方面), to do better (更好發揮, 達致). Such a sentence does not
# leave a why question unanswered.
# So does the means, then what it is for (透過合辦投資推介會，推廣香港與內地的聯合優勢).
_AIM = re.compile(
    r"使之|使得|令|讓|让|務求|务求|冀|希望|必須|必须|一方面|更好|達致|达致"
    r"|(?:透過|透过|通過|通过|藉著|藉着|借着)[^，,；;。]{2,40}[，,]"
    # and a clause raising, supporting or furthering something, after what is done for it
    # (並提供財政資助，提升其研發能力；繼續實施……標誌計劃，支持企業節能減排)
    r"|[，,](?:提升|提高|改善|優化|优化|支持|促進|促进)"
    # and the part a thing is to play (發揮……在構建兩地和諧經貿關係中的獨特作用)
    r"|(?:發揮|发挥)[^，,；;。]{0,40}(?:作用|優勢|优势|角色|功能)"
)


def gives_reason(text: str) -> bool:
    """Whether a sentence says why: a purpose (以加強……, 旨在) or a cause (由於, 因應) or an aim (方便)."""
    norm = normalize(text)
    return bool(_PURPOSE.search(norm) or _CAUSE.search(norm))


def gives_aim(text: str) -> bool:
    """Whether a sentence says what it means to bring about (令……, 使之……, 必須……), if not why."""
    return bool(_AIM.search(normalize(text)))


# A photo caption or a map's title: a short line without a clause that names a ceremony or a picture
# (首屆「一帶一路」高峰論壇開幕儀式。, 蓮塘/香園圍口岸構想圖。). Like a paragraph number, not an answer alone.
_CAPTION = re.compile(
    r"^[^，,、；;：:]{0,28}(?:儀式|仪式|典禮|典礼|構想圖|构想图|示意圖|示意图|效果圖|效果图|分布圖|分布图"
    r"|位置圖|位置图|範圍|范围|晚宴|合照|留影)。?$"
)
Concepts = list[list[list[str]]]
# Words that say what kind of answer is wanted, not what it is about: no answer sentence repeats them.
_ASKING = frozenset(
    "时候 时间 日期 年份 数目 数量 总数 多少 几多 什么 甚么 哪些 哪个 哪年 一年 何时 几时 是否 情况"  # noqa: SIM905
    " 名字 一共 总共 大概 大约 当时 现时 目前 百分之 百分比 百分率 几成 几多成 多少成"
    # which few (邊幾個地方, 哪几个城市): asked, like 哪些
    " 几个"
    # the side asked for (港方組長): the span chooser picks its post, the sentence need not say 港方
    " 港方 深方 粤方"
    # when, relative to another event (重組之前): the sentence dates it, or says 改組後, not 之前
    " 之前 以前 之后 以后 期间"
    # how exactly it is asked (具體是哪一天)
    " 具体 究竟 到底 实际 实际上"
    # where the asker saw it (回顧小冊子張相, 照片展示的): a caption does not repeat that it is a photo
    " 小册子 小册 册子 照片 相片 图片 张相 插图 图表"
    # how a thing is worded is asked (用咩說法形容, 用哪八个字概括): the sentence words it, it need not say so
    " 说法 讲法 字眼 用语 措辞 形容 描述 概括 八个字 四个字"
    # how a question is framed, not what it is about (有沒有這方面的安排, 如果涉及……, 兩邊搞新法例)
    " 如果 假如 假设 有没有 有冇 没有 这方 这方面 两边 一带".split()
)
# Characters of question words, particles and little words (Mandarin and Cantonese, Simplified as normalised):
# an unknown token holding one is a way of asking jieba did not know, not a missing topic.
_ASKING_CHARS = frozenset(
    "哪几谁什甚么多少边系咗嘅㗎啲呢吗嗎了来的是这那个下由从将会至面位份项次名种些吧呀啊咁点乜"
)
_ASKING_PHRASES = frozenset(
    "number|number of|total|time|when|year|date|amount|how many|how much|name|figure"  # noqa: SIM905
    "|so far|to date"
    # how it came out, not what (the documents they "ended up signing")
    "|end up|ended up|ends up|ending up|eventually|in the end".split("|")
)


@dataclass(frozen=True)
class Candidate:
    """A sentence that might answer, with its hit position and its feature vector."""

    sentence: Sentence
    hit: int
    own: bool
    features: npt.NDArray[np.float64]
    typed: tuple[expressions.Expression, ...]
    focus: tuple[int, ...]
    # The sentence is about what a typed question asks: the event of a date, the body of a post, a person
    # named (true when the question asks for none of these).
    on_topic: bool = True
    # For a list of places (which cities, 邊啲城市): the sentence names a place the question does not.
    names_place: bool = True


def concepts(question: QuestionAnalysis, index: Retriever) -> Concepts:
    """What the question asks about, as concepts, each a list of alternative token lists.

    A word of the question is one concept; an English phrase the glossary expanded is one concept whose
    alternatives are its Chinese terms, so a long variant name cannot outweigh the rest of the question.
    """
    stats = index.term_stats
    prepared = question.prepared
    synonyms: dict[str, list[list[str]]] = {}
    for term, variants in index.analyzer.glossary.chinese_synonyms(prepared.text):
        for token in tokenize(term):
            synonyms.setdefault(token, []).extend([t for t in tokenize(v) if t in stats] for v in variants)
    # A word of the question is also found as its glossary synonym (成立 ~ 設立), as a reader would.
    # A Chinese word or a number the papers never use stays a concept (the rarest kind): that the papers
    # lack 騰訊 or 2020 is itself the evidence that they cannot answer. English words stay out: the papers
    # are Chinese, and the glossary's expansions stand for them.
    # The clause naming the paper read (那份文件) is what a question about the paper itself asks about.
    text, source = (prepared.text, "") if question.about_paper else without_source(prepared.text)
    out: Concepts = [
        [[t], *[alt for alt in synonyms.get(t, []) if alt]]
        for t in dict.fromkeys(_topic_tokens(tokenize(text), text, who=question.expected == "who"))
        if (t in stats or _unknown_name(t)) and t not in _ASKING and not _single_hanzi(t) and not _letter(t)
    ]
    groups: dict[str, list[list[str]]] = {}
    for phrase, term in prepared.expansions:
        if phrase.lower() in _ASKING_PHRASES or _first_time(phrase, text):
            continue  # "when did the ties first start": the start is asked, not a first of something
        if phrase in source and phrase not in text:
            continue  # a name only the clause of the source says (the paper on the 2009 meeting)
        tokens = [t for t in tokenize(term) if t in stats]
        if tokens:
            groups.setdefault(phrase, []).append(tokens)
    out.extend(groups.values())
    return _with_sibling_events(out, question.events, index)


def sense_concepts(question: QuestionAnalysis, index: Retriever) -> Concepts:
    """The English words only the general dictionary knew, each a concept whose alternatives are its senses
    (應用 or 申請 for "application"): weaker than the glossary's names, so scored apart from them."""
    groups: dict[str, list[list[str]]] = {}
    for phrase, term in question.prepared.senses:
        tokens = [t for t in tokenize(term) if t in index.term_stats]
        if tokens:
            groups.setdefault(phrase.lower(), []).append(tokens)
    return list(groups.values())


# Places every paper here is about: naming them says nothing about which passage answers.
_EVERYWHERE = frozenset({"香港", "内地", "中国", "国家", "香港特区", "香港特别行政区"})


@functools.cache
def _place_names(glossary: Glossary) -> tuple[tuple[str, ...], ...]:
    """Each glossary place's names, normalised (广东, 广东省, 粤), once per glossary."""
    return tuple(
        names
        for entry in glossary.entries
        if entry.kind == "place"
        and (names := tuple(normalize(c) for c in entry.chinese))[0] not in _EVERYWHERE
    )


def asked_places(question: QuestionAnalysis, glossary: Glossary) -> list[tuple[str, ...]]:
    """The places the question names (湖北 of "the mechanism with Hubei"), each with the ways the papers
    write it (廣東, 廣東省, 粵), normalised; not Hong Kong and the Mainland, which every paper is about.
    A single character (粵) names a place only inside a name, so it does not count as named."""
    asked = question.asked
    return [names for names in _place_names(glossary) if any(len(n) > 1 and n in asked for n in names)]


def place_missing(places: list[tuple[str, ...]], text: str) -> float:
    """The share of the asked places a text does not name (a sentence on 閩港合作機制 for Hubei's)."""
    if not places:
        return 0.0
    norm = normalize(text)
    return sum(not any(n in norm for n in names) for names in places) / len(places)


def _first_time(phrase: str, text: str) -> bool:
    """Whether "first" means "for the first time": before a verb of an event ("first started", "set up")."""
    if phrase.lower() not in ("first", "the first"):
        return False
    after = re.search(r"\bfirst\s+(\w+(?: up| out| off)?)", text, re.IGNORECASE)
    return after is not None and bool(asked_events(after.group(1)))


def _with_sibling_events(query_concepts: Concepts, events: frozenset[str], index: Retriever) -> Concepts:
    """A verb of one asked event is found as a verb of another the question asks too: an office "opens"
    when it is set up (成立), so 開放 of "open" is found in 在2014年4月成立駐武漢經濟貿易辦事處."""
    if len(events) < 2:
        return query_concepts
    verbs = {name: EVENT_VERBS[name] for name in events}
    out: Concepts = []
    for alternatives in query_concepts:
        own = {event_of(normalize(t)) for alt in alternatives for t in alt} & events
        others = sorted(events - own) if own else []
        out.append(alternatives + [[verbs[name]] for name in others if verbs[name] in index.term_stats])
    return out


# In a who question, a question word in front of a noun makes the noun the kind of answer wanted (哪位官員,
# 哪個部門), which the answer names by itself (政制及內地事務局局長), not a topic the sentence must repeat.
# (In 「建立了什麼機制」 the noun is what the answer sentence describes: it stays.)
_ASKING_BEFORE = frozenset(
    "哪 哪位 哪个 哪些 哪一 哪一个 哪间 哪几 哪几个 边个 边位 边间 边啲 边几 边几个 什么 甚么 咩 乜".split()  # noqa: SIM905
)


def _topic_tokens(tokens: list[str], question: str, who: bool) -> list[str]:
    """The question's tokens less the answer kinds right after a who question's question words, and with
    the year's 年 taken off a word jieba joined to it (2009年港深 cut as 2009 / 年港 / 深 is about 港深)."""
    text = normalize(question)
    out: list[str] = []
    for k, token in enumerate(tokens):
        norm = normalize(token)
        at = text.find(norm)
        if who and at > 0 and any(text.endswith(w, 0, at) for w in _ASKING_BEFORE):
            continue
        if k and tokens[k - 1].isdigit() and len(token) > 1 and token[0] in "年月日号號":
            token = token[1:]
        out.append(token)
    return out


def _unknown_name(token: str) -> bool:
    """A word the papers never use that names something (騰訊, 2020), not a way of asking (係邊, 簽了)."""
    if token.isdigit():
        return True
    return not token.isascii() and not any(ch in _ASKING_CHARS for ch in normalize(token))


def _single_hanzi(token: str) -> bool:
    return len(token) == 1 and "\u4e00" <= token <= "\u9fff"


def _letter(token: str) -> bool:
    """A letter alone ("I run a company", "i.e."): the papers' list markers (i), not a concept."""
    return len(token) == 1 and token.isascii() and token.isalpha()


def coverage(tokens: frozenset[str] | set[str], query_concepts: Concepts, index: Retriever) -> float:
    """IDF-weighted share of the question's concepts that the sentence holds (best alternative each)."""
    total = covered = 0.0
    for alternatives in query_concepts:
        weight = max(index.term_stats.idf(t) for alt in alternatives for t in alt)
        best = max(sum(1 for t in alt if t in tokens) / len(alt) for alt in alternatives)
        total += weight
        covered += weight * best
    return covered / total if total else 0.0


def char_coverage(
    text: str, query_concepts: Concepts, index: Retriever, shares: list[float] | None = None
) -> float:
    """Like ``coverage``, but a Chinese concept counts by the share of its characters in the text.

    Papers and askers word the same act differently (完工 / 竣工, 簽署 / 簽訂); a shared character is the
    cheapest evidence of it, and a sentence about another act (通車 / 動工) shares none. ``shares`` are
    ``concept_shares(text, query_concepts)`` when the caller already has them.
    """
    shares = concept_shares(text, query_concepts) if shares is None else shares
    total = covered = 0.0
    for alternatives, share in zip(query_concepts, shares, strict=True):
        weight = max(index.term_stats.idf(t) for alt in alternatives for t in alt)
        total += weight
        covered += weight * share
    return covered / total if total else 0.0


def weakest_concept(text: str, query_concepts: Concepts, shares: list[float] | None = None) -> float:
    """The character share of the question's least present concept: a question about a toll, a director or
    opening hours of a thing the papers discuss misses that one word, however well the rest is covered."""
    shares = concept_shares(text, query_concepts) if shares is None else shares
    return min(shares, default=0.0)


def concept_shares(
    text: str, query_concepts: Concepts, weights: Mapping[str, float] | None = None
) -> list[float]:
    """Per concept, the best share of its characters (1 for the whole term) found in the text.

    An alternative counts by all its tokens (合作, 機制 and 閩港合作機制 of 閩港合作機制): finding 合作 alone
    is not finding the mechanism.

    A verb of an event is found as any verb of its class (完工 as 竣工, 簽署 as 簽訂): the papers and the
    asker word the same act differently, and the event check already tells the acts apart. A word found in
    part counts its characters by ``weights`` (``character_weights``), or alike when None.
    """
    norm = normalize(text)
    chars = set(norm)
    return [
        max(sum(_share(t, norm, chars, weights) for t in alt) / len(alt) for alt in alternatives if alt)
        for alternatives in query_concepts
    ]


def _share(token: str, norm: str, chars: set[str], weights: Mapping[str, float] | None) -> float:
    if token in norm:
        return 1.0
    if token.isascii():
        return 0.0
    event = event_of(token)
    if event is not None and holds_verb(norm, event):
        return 1.0
    if weights is None:
        return sum(ch in chars for ch in token) / len(token)
    total = sum(weights.get(ch, _RARE) for ch in token)
    return sum(weights.get(ch, _RARE) for ch in token if ch in chars) / total if total else 0.0


# The weight of a character the papers never use: rarer than any they do.
_RARE = 8.0
_WEIGHTS: dict[tuple[int, str], dict[str, float]] = {}


def character_weights(index: Retriever) -> dict[str, float]:
    """Each character's IDF over the index's passages (normalised), computed once per index version.

    A shared character is evidence of a word in proportion to its rarity: 港 is in nearly every passage of
    papers on Hong Kong's cooperation, so 京港合作會議 holds little of 閩港合作會議 (合作, 會議 and 港 are
    everywhere; 閩 is what names it).
    """
    key = (id(index), index.version)
    if key not in _WEIGHTS:
        stats = index.characters
        if stats is None:  # an index built before the counts were stored with it: count them once here
            stats = CharacterStats.from_texts(normalize(p.text) for p in index.iter_passages())
        df, n = stats.document_frequency, stats.passages
        _WEIGHTS.clear()
        _WEIGHTS[key] = {ch: min(_RARE, math.log((n + 1) / (d + 0.5))) for ch, d in df.items()}
    return _WEIGHTS[key]


# A word the papers also write inside a wider word of another meaning: 出口 (exports) in 進出口 (imports and
# exports). Found only inside the wider word, it is not found: a trade total does not say what was exported.
INSIDE_WIDER = {"出口": "进出口", "进口": "进出口"}


def hide_inside_wider(text: str, asked: str) -> str:
    """Normalised text with the wider words the question does not use blanked (one mark per character)."""
    norm = normalize(text)
    for word, wider in INSIDE_WIDER.items():
        # imports and exports asked together are the wider word ("imports and exports": 進出口)
        if (
            word in asked
            and wider not in asked
            and not all(w in asked for w, wd in INSIDE_WIDER.items() if wd == wider)
        ):
            norm = norm.replace(wider, "\u3000" * len(wider))
    return norm


# A sentence that narrows the one before it to a part: 其中出口到香港……
PART_OF_WHOLE = re.compile(r"^\s*其中")
# A piece that goes on from a sentence broken at its semicolon (……的工作分工；以及新一屆政府……的工作分工): no
# answer without the piece before it.
CONTINUES = re.compile(r"^\s*(?:以及|及|和|並且|并且|並|并|而且)")


def narrows_to_asked(question: QuestionAnalysis, whole: Candidate, part: Candidate) -> bool:
    """Whether ``part`` is the sentence right after ``whole`` that narrows its figure to a part (其中……) and
    names something the question asks that ``whole`` names only inside a wider word or not at all:
    「廣東省與香港的進出口總額約為港幣12,334億元……。其中出口到香港總額約為港幣11,870億元」 answers how much
    Guangdong exported with the second figure."""
    if part.sentence.row != whole.sentence.row + 1 or part.sentence.doc_id != whole.sentence.doc_id:
        return False
    body = answer_body(part.sentence.text)[1]
    if not PART_OF_WHOLE.match(body):
        return False
    asked = question.mentioned
    own = normalize(body)
    before = hide_inside_wider(whole.sentence.text, asked)
    pairs = {own[k : k + 2] for k in range(len(own) - 1)}
    return any(p in asked and p not in before for p in pairs if all("\u4e00" <= ch <= "\u9fff" for ch in p))


def seen_tokens(tokens: frozenset[str] | set[str], hidden: str, asked: str) -> frozenset[str] | set[str]:
    """A sentence's tokens without the words found only inside a wider word the question does not use."""
    gone = {w for w, wider in INSIDE_WIDER.items() if w in tokens and wider not in asked and w not in hidden}
    return tokens - gone if gone else tokens


def sides_named(text: str, sides: Mapping[str, str]) -> str:
    """The places a text names as a pairing of the question's sides (港深兩地: 香港 深圳), read after it."""
    norm = normalize(text)
    return "".join(f" {places}" for pair, places in sides.items() if pair in norm)


# A paper saying what it is for: 「本文件旨在向委員介紹……」, 「本文件向委員簡介……」, 「本文旨在……闡釋……」.
_PAPER_PURPOSE = re.compile(
    r"^\s*(?:\d{1,2}\s*[.．、]\s*)?本文(?:件)?(?:旨在|的目的|向委员|是|将|谨|概述|简介|介绍)"
)


def states_papers_purpose(text: str) -> bool:
    """Whether a sentence says what its paper is for. It restates the paper's title, so it covers most of
    any question about the topic, but it answers none: only a date, figure or name it writes (the day of
    the meeting it reports) may answer a typed question."""
    return _PAPER_PURPOSE.match(normalize(text)) is not None


# An achieved figure asked (實際上拜訪咗幾多次, "actually made", "so far"), normalised; a target given
# (工作指標……不少於3 300次, "a target of").
_ACTUAL_ASKED = re.compile(r"实际|到目前为止|至今|累计|\bactual(?:ly)?\b|\bso far\b|\bto date\b")
_TARGET_GIVEN = re.compile(r"指标|目标|不少于|\btargets?\b")


def target_for_actual(question: QuestionAnalysis, text: str) -> bool:
    """A target (驻内地办事处在2025年造访内地机关或组织不少于3 300次) for how many were actually made:
    a sentence that sets one says nothing of what was done."""
    return (
        question.expected == "number"
        and _ACTUAL_ASKED.search(question.normalized) is not None
        and _TARGET_GIVEN.search(normalize(text)) is not None
    )


def not_an_answer_alone(body: str) -> bool:
    """A paragraph number, a heading, a legend or a photo caption: too little to answer by itself."""
    body = body.strip()
    return len(body) < MIN_SENTENCE_CHARS or bool(_CAPTION.match(body))


# Clause punctuation: a long run of text with almost none is a table's row or a map's labels read across
# (粵港合作粵港聯席會議行政長官及廣東省省長粵港聯席工作會議政務司司長與廣東省副省長…), not a sentence.
_PUNCTUATION = re.compile(r"[，。；,;：:、（）()「」]")
TABLE_ROW_CHARS = 40


def table_row(body: str) -> bool:
    """A table's row or a map's labels run together: long, with under one clause mark in 50 characters."""
    text = re.sub(r"\s", "", body)
    return len(text) >= TABLE_ROW_CHARS and len(_PUNCTUATION.findall(text)) * 50 < len(text)


def answer_body(text: str) -> tuple[int, str]:
    """The sentence without its leading paragraph number ("4. ", "(ii) "), and where the rest starts."""
    m = _PARAGRAPH_NUMBER.match(text)
    offset = m.end() if m else 0
    return offset, text[offset:]


def typed_expressions(
    question: QuestionAnalysis, text: str, glossary: Glossary
) -> list[expressions.Expression]:
    """Expressions of the question's expected type in a sentence, except those the question itself holds."""
    kind = question.expected
    if kind == "date":
        found = [
            e
            for e in expressions.find("clock" if question.clock else "date", text)
            # a date in a 《title》 is part of a name, except the years a plan's name gives for the period
            # it covers (《……三年行動計劃（2009-2011）》) and the year asked of a paper (《2010年重點工作》)
            if (
                not in_title(text, e.start)
                or (question.period and _PERIOD_JOINED.search(e.text))
                or title_year_asked(question)
            )
            and not (question.since and _deadline(text, e))
            and not (question.done and _planned(text, e))
            and not _dates_another_name(text, e, question.mentioned)
            and not _held_another_year(question, e)
            and (not question.day or expressions.HAS_DAY.search(e.text))
            and (not question.month or expressions.HAS_MONTH.search(e.text))
        ]
    elif kind == "number" and question.number_kind == "ordinal":
        found = expressions.ordinals(text)
    elif kind == "number":
        # 一份「深港創新圈」三年行動計劃 is "a plan": 一 with a classifier is an article, not a count.
        found = [e for e in expressions.numbers(text) if not _ARTICLE.fullmatch(e.text)]
    elif kind == "who":
        # A post inside a 《title》 is part of the title's name (《行政長官2024年施政報告》), not who did it.
        found = [
            e
            for e in who_expressions(text, glossary, kinds=question.participants, asked=question.normalized)
            if not _person_asked_about(text, e, question)
            and not in_title(text, e.start)
            and (e.unit == DOER or not _only_the_asked_kind(e, question))
            and not _alias_asked(text, e, question)
            and not sides_restated(normalize(e.text), question.asked)
        ]
        if question.wants_post:
            found = [e for e in found if e.kind == "post"]
        if question.which_title:
            found = [e for e in found if _holds_title(normalize(e.text), question.which_title)]
        if question.body_kind is not None:
            # which contractor: a body of another kind (港珠澳大橋管理局) does not answer
            # and no post does, but a bureau's head names the bureau (運輸及房屋局局長)
            asked = question.body_kind
            found = [
                e
                for e in found
                if is_body_of_kind(normalize(e.text), asked) or (e.kind == "post" and asked == "bureau")
            ]
    elif kind == "place" and question.venue:
        # which venue: a venue it names (香港會議展覽中心), not the city it is in
        found = [
            expressions.Expression("place", v.start, v.end, v.text) for v in expressions.find("venue", text)
        ]
    elif kind == "place":
        found = place_expressions(
            text, glossary, venues=question.locative and not question.district and not question.city
        )
        if question.district:
            found = [
                e
                for e in found
                if not wider_or_narrower_than_a_district(normalize(text[e.start : e.end + 3]), len(e.text))
            ]
        if question.city_only:
            # which city: not 美國, nor 河南 (a map's 河南(鄭州) answers with 鄭州), unless a province may
            # answer too
            found = [
                e
                for e in found
                if not a_country(normalize(e.text))
                and not (question.cities_only and a_province(normalize(e.text)))
            ]
        if question.locative:
            found = [e for e in found if _located(text, e)]
        # a map's 陝西(西安) places the office of Shaanxi only: no other question's answer
        found = [e for e in found if province_asked(text, e, question.asked) is not False]
    else:
        return []
    return [e for e in found if e.unit == DOER or not _repeats_question(e, question.asked)]


# What makes the sides a question names one body: 港深兩地政府, 粵港雙方 (normalised).
_JOINT_BODY = re.compile(r"(?:两地|双方|三地)?(?:特区)?(?:政府|当局)?$")
_SIDE_OF_ABBREVIATION = {short: place for place, short in SIDE_ABBREVIATIONS.items()}


def sides_restated(name: str, asked: str) -> bool:
    """A body that is only two or more of the sides the question names, joined (港深兩地政府 for "who signed
    it, for Hong Kong and for Shenzhen"): the question restated, not who answers. One side alone (香港特區政府
    for "Hong Kong or Shenzhen?") may answer."""
    joint = _JOINT_BODY.search(name)
    stem = name if joint is None else name[: joint.start()]
    if stem == name:
        return False
    sides, i = 0, 0
    while i < len(stem):
        place = next((p for p in SIDE_ABBREVIATIONS if stem.startswith(p, i)), None)
        if place is not None and place in asked:
            i += len(place)
        elif (side := _SIDE_OF_ABBREVIATION.get(stem[i])) is not None and (stem[i] in asked or side in asked):
            i += 1
        else:
            return False
        sides += 1
    return sides >= 2


def _person_asked_about(text: str, e: expressions.Expression, question: QuestionAnalysis) -> bool:
    """A post whose holder the question names (國務院副總理李克強 for 「李克強宣布的措施由哪個局統籌」): the
    question's own person, not its answer."""
    if e.kind != "post":
        return False
    name = posts.NAME_AFTER_POST.match(text, e.end)
    return name is not None and normalize(name.group(0)) in question.asked


_ARTICLE = re.compile(r"[一壹](?:個|个|份|項|项|間|间|家|名|位|所|條|条|座|批|套|張|张|件|部|台|種|种)")


# What puts a thing in a place: 位於深圳, 設於福田, 在前海.
_LOCATIVE = re.compile(r"(?:位於|位于|設於|设于|設在|设在|落戶|落户|選址|选址|坐落|毗鄰|毗邻|在|於|于)$")


def _located(text: str, e: expressions.Expression) -> bool:
    """Where a thing is: after 設於 or 位於, a map's city in brackets (陝西(西安): Shaanxi's office), or a
    river's mouth, which only ever says where (珠江口紅樹林)."""
    return (
        bool(_LOCATIVE.search(text[max(0, e.start - 3) : e.start]))
        or _place_before_bracket(text, e) != ""
        or _ESTUARY.fullmatch(e.text) is not None
    )


def province_asked(text: str, e: expressions.Expression, asked: str) -> bool | None:
    """For a city in brackets after a place (陝西(西安)), whether the question names that place; None for a
    place not in brackets."""
    place = _place_before_bracket(text, e)
    if not place:
        return None
    # 成都廣東 of a map's 北京成都廣東(廣州): its end is the place
    return any(place[k:] in asked for k in range(len(place) - 1))


def _place_before_bracket(text: str, e: expressions.Expression) -> str:
    """The name (normalised) before the bracket a city opens (陝西 of 陝西(西安)); "" when there is none or
    the bracket holds the name's own short form (港深西部快速軌道（深西軌道）)."""
    m = _PLACE_BEFORE_BRACKET.search(text[max(0, e.start - 9) : e.start])
    if m is None or _short_form(m.group(1), e.text):
        return ""
    return normalize(m.group(1))[-4:]


def _short_form(name: str, bracketed: str) -> bool:
    """Whether a bracket after a name holds the name's own short form (深西軌道 of 港深西部快速軌道), not
    another place (西安 after 陝西): more than half its characters are the name's."""
    return sum(ch in name for ch in bracketed) * 2 > len(bracketed)


# A name and the bracket that opens on its city (陝西(), right before the city.
_PLACE_BEFORE_BRACKET = re.compile(r"([\u4e00-\u9fff]{2,8})[(（]$")


_BEFORE = re.compile(r"\s*(?:之前|以前|前)")


def _deadline(text: str, e: expressions.Expression) -> bool:
    """A date something must happen by (2017年年底前, 2020年之前): not when a thing began."""
    return e.text.endswith("前") or _BEFORE.match(text, e.end) is not None


# What plans a date rather than reports it (將於, 預計, 計劃於, 目標; normalised), close before it in its
# clause.
_PLAN_BEFORE = re.compile(r"(?:将|预计|预期|计划|拟|目标|争取|期望)[^，。；,;]{0,6}$")


def _planned(text: str, e: expressions.Expression) -> bool:
    """A date a thing is planned for (將於2017年年底前設入境事務組), not one it happened on."""
    return _PLAN_BEFORE.search(normalize(text[max(0, e.start - 10) : e.start])) is not None


# Events whose before and after the papers set apart (normalised Chinese, and the English that names them):
# the government's reorganisation of 2012 (改組 or 重組), the handover.
_PHASE_EVENTS = (
    ("改组|重组", r"reorgani[sz]\w*|restructur\w*|re-organi[sz]\w*"),
    ("回归", r"handover"),
)
_BEFORE_WORDS, _AFTER_WORDS = "之前|以前|前", "之后|以后|后"


@functools.lru_cache(maxsize=1024)
def _phase_asked(question: str) -> tuple[str, str] | None:
    """The event and the side of it a normalised question asks about: (改组|重组, "before") for
    「政府總部重組之前」 or "before the 2012 reorganisation"; None when it asks neither side of one."""
    for chinese, english in _PHASE_EVENTS:
        for side, words, en in (
            ("before", _BEFORE_WORDS, "before|prior to"),
            ("after", _AFTER_WORDS, "after|since"),
        ):
            if re.search(rf"(?:{chinese})(?:{words})", question) or re.search(
                rf"\b(?:{en})\b[^,?;]{{0,40}}?\b(?:{english})", question
            ):
                return chinese, side
    return None


def another_phase(question: QuestionAnalysis, text: str) -> bool:
    """The sentence is about the other side of the event the question places itself by: 改組後 for a
    question on what held before the reorganisation, 改組前 for one on after it."""
    asked = _phase_asked(question.normalized)
    if asked is None:
        return False
    chinese, side = asked
    other = _AFTER_WORDS if side == "before" else _BEFORE_WORDS
    return re.search(rf"(?:{chinese})(?:{other})", normalize(text)) is not None


# A cooperation meeting named by the two sides that hold it (京港合作會議, 粵港合作聯席會議), normalised.
_SIDE_SHORTS = "".join(SIDE_ABBREVIATIONS.values())
_SIDES_MEETING = re.compile(rf"([{_SIDE_SHORTS}]{{2,3}})(?:经贸)?(?:合作|联席|合作联席|高层)会议")


def names_another_meeting(asked: str, text: str) -> bool:
    """The sentence names another pairing's meeting (「滬港合作會議」第六次會議) and not the one the question
    names (the sixth 京港合作會議): the same kind of meeting, held by other sides."""
    wanted = {frozenset(m) for m in _SIDES_MEETING.findall(asked)}
    if not wanted:
        return False
    norm = normalize(text)
    named = {frozenset(m) for m in _SIDES_MEETING.findall(norm)}
    # the asked sides named anywhere (滬港經貿合作會議, 京港兩地) may be the asked meeting's
    return bool(named) and not named & wanted and not any(m in norm for m in _SIDES_MEETING.findall(asked))


# What may stand between a name and the bracket holding its date: 粵港合作聯席會議（1998年成立）.
_NAME_START = "、，。；：,;:（(）)"
# In the bracket, after the date: what happened then (1998年成立, 2004年起).
_EVENT_AFTER_DATE = re.compile(r"\s*[\u4e00-\u9fff]")
# Words that open an item of a list, not part of its name (normalised): 當中包括, 以及.
_LISTING = re.compile(r"^(?:当中|其中)?(?:包括|包含|例如|诸如)?(?:以及|及|和|与)?")
# Of a dated name, this share of its two-character pieces must be the question's for its date to answer.
DATED_NAME_OVERLAP = 0.5


def _dates_another_name(text: str, e: expressions.Expression, mentioned: str) -> bool:
    """A date opening a bracket dates the name before it (粵港合作聯席會議（1998年成立）): when the question
    names another thing (川港溝通協調機制), a list of such names does not date it."""
    opening = max(text.rfind("（", 0, e.start), text.rfind("(", 0, e.start))
    if opening < 0 or text[opening + 1 : e.start].strip():
        return False
    if not _EVENT_AFTER_DATE.match(text, e.end):
        return False  # 資料摘要（2013年7月）: a paper's own date, which the asker names in other words
    start = max(text.rfind(d, 0, opening) for d in _NAME_START) + 1
    name = _LISTING.sub("", normalize(text[start:opening]))
    pairs = [name[k : k + 2] for k in range(len(name) - 1) if expressions.HANZI.fullmatch(name[k : k + 2])]
    if len(pairs) < 2:
        return False
    return sum(p in mentioned for p in pairs) / len(pairs) < DATED_NAME_OVERLAP


_PERIOD_JOINED = re.compile(r"\d\s*(?:至|到|-|–|—)\s*\d")
# Which year's paper or plan is asked ("which year's Policy Address", 邊一年嘅重點工作): the year in its title
# (《2010年重點工作》, 《行政長官2024年施政報告》) answers.
_TITLE_YEAR_ASKED = re.compile(
    r"\b(?:which|what) year's\b"
    r"|(?:哪|边)(?:一)?年度?(?:的|嘅)?\s*《?\s*(?:施政报告|重点工作|工作计划|财政预算|预算案|规划|报告)"
)


def title_year_asked(question: QuestionAnalysis) -> bool:
    """Whether the question asks which year's paper or plan: a year inside a 《title》 may answer it."""
    return bool(_TITLE_YEAR_ASKED.search(question.normalized))


def in_title(text: str, position: int) -> bool:
    """Inside 《…》: a date there is part of a name (《2011年重點工作》), not the date of an event."""
    before = text[:position]
    return before.count("《") > before.count("》")


def focus_positions(query_concepts: Concepts, text: str) -> list[int]:
    """Where the question's concepts (any alternative) occur in a sentence, as character positions."""
    norm = normalize(text)
    if len(norm) != len(text):
        return []
    positions = []
    for alternatives in query_concepts:
        for alt in alternatives:
            for token in alt:
                pos = norm.find(token)
                if pos >= 0 and len(token) >= 2:
                    positions.append(pos + len(token) // 2)
    return positions


def nearness(found: list[expressions.Expression], focus: list[int]) -> float:
    """1 for an expression right beside the focus, falling off over about 20 characters."""
    if not found or not focus:
        return 0.0
    distance = min(abs((e.start + e.end) // 2 - f) for e in found for f in focus)
    return float(np.exp(-distance / 20))


def _english_numbers(asked: str) -> set[int]:
    """The numbers an English question writes in words ("the three schools")."""
    cardinals = expressions.ENGLISH_CARDINALS
    return {cardinals[w] for w in re.findall(r"[a-z]+", asked) if w in cardinals}


# What a name of the asked kind may open with and still name no one: a side, a count (三位司長), "each".
_KIND_ONLY_PREFIX = re.compile(
    # 兩地相關政府部門 is as much the kind as 相關部門: "which department signed" is not answered by it
    r"^(?:香港|内地|国家|本地|各|有关|相关|两地|双方)*(?:政府(?=.))?(?:\d+|[一二两三四五六七八九十]+)?"
    r"(?:位|名|个|间|所|家)?"
)


def _only_the_asked_kind(e: expressions.Expression, question: QuestionAnalysis) -> bool:
    """The kind of one the question asks for, not one of them: 內地大學 for "which Mainland university",
    三位司長 for 「邊位司長」."""
    name = normalize(e.text)
    rest = _KIND_ONLY_PREFIX.sub("", name)
    kind = question.body_kind
    if rest and _another_side(name, rest, question.asked):
        # 內地海關 beside the 香港海關 the question names ("alongside Hong Kong Customs"): the other side's
        return False
    # 大學 of 內地大學 is the kind of 「哪所内地高校」 though the question writes 高校
    return len(rest) <= 2 and (
        not rest or rest in question.mentioned or (kind is not None and is_body_of_kind(rest, kind))
    )


# The sides a body may be of, in front of its name (normalised).
_SIDES = ("香港", "内地", "深圳", "广东")
_SIDE_PREFIX = re.compile(rf"^(?:{'|'.join(_SIDES)})")


def _another_side(name: str, rest: str, asked: str) -> bool:
    """The question names the same kind of body of another side (香港海关 for 内地海关), not this one."""
    side = _SIDE_PREFIX.match(name)
    return (
        side is not None
        and name not in asked
        and any(other + rest in asked for other in _SIDES if other != side.group(0))
    )


# 融入國家發展大局督導組」（「督導組」）: the short form in brackets, quoted or not
_ALIAS = re.compile(r"[」』”]?\s*[（(][「『“]?([^（）()「」『』“”]{2,10})[」』”]?[）)]")


def _alias_asked(text: str, e: expressions.Expression, question: QuestionAnalysis) -> bool:
    """A name whose short form in brackets after it is the question's own: 香港貿易發展局(貿發局) for
    「除咗貿發局」."""
    m = _ALIAS.match(text, e.end)
    return m is not None and normalize(m.group(1)) in question.asked


def _holds_title(name: str, titles: tuple[str, ...]) -> bool:
    """A post of one of ``titles`` that says whose (政務司司長, 政務司司長唐英年 for 司长), not the title
    alone."""
    for t in titles:
        at = name.find(t)
        if at >= 0 and len(_KIND_ONLY_PREFIX.sub("", name[: at + len(t)])) > len(t):
            return True
    return False


def _hanzi_count(text: str) -> int | None:
    """The value of a count written in Chinese numerals (三所 -> 3, 兩份 -> 2), else None."""
    m = re.match(r"[約约近逾超過过]*([一二兩两三四五六七八九十百千]+)", text)
    return expressions.hanzi_value(m.group(1)) if m else None


_PART_OF_YEAR = re.compile(r"年底|年初|年中|年末|上半年|下半年|[首一二三四第]季|季度")


def _held_another_year(question: QuestionAnalysis, e: expressions.Expression) -> bool:
    """When the 2010 meeting was held: a meeting held in another year (2009年11月30日) is another one. Only
    for holding: the 2010 figures are published in 2011."""
    if question.events != {"hold"}:
        return False
    asked = expressions.years_in(without_source(question.prepared.text)[0])
    written = expressions.years_in(e.text)
    return len(asked) == 1 and bool(written) and not written & asked


# A year written relative to the paper's own (今年, 去年): it may be the year asked, whatever figures say.
_RELATIVE_YEAR = re.compile(r"今年|去年|前年|明年|本年|同年|当年|该年|上年|年内|现时|目前|现在|至今|迄今")
# A year the figure is counted up to ("signed by 2012", 截至2012年): any year before it may write the count.
_UP_TO_YEAR = re.compile(
    # (not "by end-2010", 截至2010年年底: the figure at a year's end, which another year's end does not give)
    r"\b(?:by|as of|until|up to|through)\s+(?:19|20)\d\d"
    r"|(?:截至|截止|到|至)(?:19|20)\d\d(?!\s*年\s*(?:年底|底|年终|终))"
    # before or after a dated event (before the 2012 reorganisation, 2012年改組之前): years on one side of it
    r"|\b(?:before|after|prior to|since)\b|之前|以前|之后|以后"
)


# Answers that are not themselves a date: a question dating its thing (首屆論壇 of 2016年5月) is not answered
# by a sentence on the same kind of thing in another year; nor is why of 2009's meeting by why the meeting
# was set up in 2004.
_YEARLESS_ANSWERS = frozenset({"number", "who", "place", "list", "reason"})


def another_papers_year(question: QuestionAnalysis, text: str, paper_year: int | None) -> bool:
    """A paper's front matter or sign-off for a question that names a year neither it nor the paper's date
    writes: the 2012 paper's committee for "which panel got the 2012-2017 review"."""
    asked = expressions.years_in(normalize(question.prepared.text))
    written = expressions.years_in(normalize(text)) | ({str(paper_year)} if paper_year else set())
    return bool(asked - written)


def figures_of_another_year(
    question: QuestionAnalysis, text: str, before: str | None = None, paper_year: int | None = None
) -> bool:
    """How much in 2009, from 自2010年1月至12月……3,692億元: a figure of a sentence that writes only years
    other than the one the question asks, none around it, and no year relative to the paper's own that its
    ``paper_year`` does not resolve (今年 of a 2011 paper is 2011, 去年 2010; 目前 or 同年 may be the year
    asked). A sentence that writes no year is read with the one ``before`` it. So too who held, where or
    which things of a year: the forum of 2017年5月 for who organised the one of 2016年5月."""
    if question.expected not in _YEARLESS_ANSWERS or question.number_kind == "ordinal":
        return False
    year = _year_asked(question.prepared.text)
    if year is None:
        return False
    norm = normalize(text)
    relative = paper_year is not None and _PAPER_YEARS.search(norm) is not None
    # (a reason is the sentence's own: one that writes no year says why of whatever the one before dates)
    own_year_only = question.expected == "reason"
    if before is not None and not expressions.years_in(norm) and not relative and not own_year_only:
        norm = normalize(before) + norm
    written = [int(y) for y in expressions.years_in(norm)]
    if paper_year is not None:
        written += [paper_year + _PAPER_RELATIVE[m.group(0)] for m in _PAPER_YEARS.finditer(norm)]
        norm = _PAPER_YEARS.sub("", norm)
    if not written or _RELATIVE_YEAR.search(norm):
        return False
    if not min(written) <= year <= max(written):
        return True
    return another_month(question.prepared.text, norm, year)


_MONTH_NAMES = {
    name: number
    for number, names in enumerate(
        (
            "jan january",
            "feb february",
            "mar march",
            "apr april",
            "may",
            "jun june",
            "jul july",
            "aug august",
            "sep sept september",
            "oct october",
            "nov november",
            "dec december",
        ),
        start=1,
    )
    for name in names.split()
}
_ENGLISH_MONTH_YEAR = re.compile(
    r"\b(" + "|".join(sorted(_MONTH_NAMES, key=len, reverse=True)) + r")\.?\s+(?:of\s+)?((?:19|20)\d\d)\b",
    re.IGNORECASE,
)
# A month written with its year, and the month a range runs to (2016年3月至8月).
_MONTH_RUN = re.compile(r"((?:19|20)\d\d)\s*年\s*(\d{1,2})\s*月(?:\s*(?:至|到|[-–—~～])\s*(\d{1,2})\s*月)?")
_ANY_MONTH = re.compile(r"\d{1,2}\s*月|[一二三四五六七八九十]{1,3}\s*月")


@functools.lru_cache(maxsize=1024)
def _month_asked(question: str) -> tuple[int, int] | None:
    """The one year and month a question names (2016年5月, "May 2016"), if it names exactly one."""
    text = without_source(question)[0]
    found = {(int(m.group(1)), int(m.group(2))) for m in _MONTH_RUN.finditer(normalize(text))}
    found |= {(int(y), _MONTH_NAMES[m.lower()]) for m, y in _ENGLISH_MONTH_YEAR.findall(text)}
    return next(iter(found)) if len(found) == 1 else None


def another_month(question: str, norm: str, year: int) -> bool:
    """Who organised the forum of 2016年5月, from 2016年8月，成立「一帶一路」辦公室: the sentence writes the
    year asked only with other months (a range, 2016年3月至8月, holds the months between). A month written
    without its year (同年5月, 8月) leaves it open."""
    asked = _month_asked(question)
    if asked is None or asked[0] != year:
        return False
    runs = [
        (int(m.group(2)), int(m.group(3) or m.group(2)))
        for m in _MONTH_RUN.finditer(norm)
        if int(m.group(1)) == year
    ]
    if not runs or _ANY_MONTH.search(_MONTH_RUN.sub("", norm)):
        return False
    return not any(first <= asked[1] <= last for first, last in runs)


# Years the papers write relative to their own (normalised), as years after it: 去年 of a 2011 paper is 2010.
_PAPER_RELATIVE = {"今年": 0, "本年": 0, "去年": -1, "上年": -1, "前年": -2, "明年": 1}
_PAPER_YEARS = re.compile("|".join(_PAPER_RELATIVE))


# Years from one to another (the 2012–17 review, 2012-2017, 2012至17年): a span, not one year.
_YEAR_RANGE = re.compile(r"(?:19|20)\d\d\s*年?\s*(?:[-–—~～至到]|to)\s*(?:(?:19|20)?\d\d)(?!\d)")


@functools.lru_cache(maxsize=1024)
def _year_asked(question: str) -> int | None:
    """The one year a question asks about, unless it counts up to it ("by 2012"), asks before or after it
    ("before the 2012 reorganisation") or spans years (2012–17); once per question, not per candidate
    sentence."""
    asked = expressions.years_in(without_source(question)[0])
    if len(asked) != 1 or _UP_TO_YEAR.search(normalize(question)) or _YEAR_RANGE.search(question):
        return None
    return int(next(iter(asked)))


# A count and the noun after it (60個內地文化交流項目, 74個項目), normalised.
_COUNT_NOUN = re.compile(
    rf"(?:{expressions.DIGITS}|[一二两三四五六七八九十百千]+)\s*(?:个|项|名|间|所|家|位|份|宗|条|只)([\u4e00-\u9fff]{{2,8}})"
)
# A count a question quotes: 74個, "80 tech projects"; not an amount (HK$1bn, 10億) or a share.
_QUOTED_COUNT = re.compile(
    rf"(?<![$\d.])(?:{expressions.DIGITS})(?=\s*(?:个|项|名|间|所|家|位|份|宗|条|只|[a-z]{{2,}}))"
    r"(?!\s*(?:bn|billion|million|mn|percent|per cent)\b)"
)
# Pieces every count's noun shares with a question here: they do not say which things are counted.
_EMPTY_NOUN_PIECES = frozenset({"香港", "内地", "合作", "两地", "相关"})


def quotes_another_count(question: QuestionAnalysis, text: str) -> bool:
    """How much went to "the roughly 80 tech projects", from a sentence (read with the one before it) that
    counts 60個……項目 and 74個項目 and never 80: the question names its things by their number, and the
    sentence counts other ones."""
    if question.expected != "number":
        return False
    quoted = _counts_quoted(question.prepared.text)
    if not quoted:
        return False
    norm = normalize(text)
    if quoted & expressions.figures(norm):
        return False
    mentioned = question.mentioned
    return any(
        piece in mentioned
        for m in _COUNT_NOUN.finditer(norm)
        for piece in (m.group(1)[k : k + 2] for k in range(len(m.group(1)) - 1))
        if piece not in _EMPTY_NOUN_PIECES
    )


@functools.lru_cache(maxsize=1024)
def _counts_quoted(question: str) -> frozenset[str]:
    """The counts a question quotes (74個, "80 tech projects"; not years or amounts), once per question."""
    asked = normalize(without_source(question)[0])
    quoted = {
        re.sub(r"[\s,，]", "", m.group(0))
        for m in _QUOTED_COUNT.finditer(asked)
        if not expressions.years_in(m.group(0))
    }
    return frozenset(quoted | {str(n) for n in _english_numbers(asked) if n > 2})


_LIST_COUNTED = re.compile(
    # with "-odd" (20多個, 二十幾個, 十余项): the count the question quotes, as loosely
    r"(\d{1,3}|[一二两三四五六七八九十]{1,3})\s*(?:多|余|几)?\s*(?:个|份|项|大|条|种|类|方面|间|家|所|位|名|宗)"
)


def only_counts_the_list(question: QuestionAnalysis, text: str) -> bool:
    """「就11個合作領域達成共識」 for "what were the 11 areas": the sentence counts the items the question
    asks to list, by the question's own count, and lists none (no 、 or ；, no 包括, no colon before a
    list)."""
    if question.expected != "list":
        return False
    norm = normalize(text)
    asked = normalize(question.prepared.text)
    named = _english_numbers(asked.lower()) | {
        value for m in _LIST_COUNTED.finditer(asked) if (value := _count_value(m.group(1))) is not None
    }
    named |= {int(d) for d in re.findall(r"(?<!\d)\d{1,3}(?!\d)", asked)}
    return any(
        _count_value(m.group(1)) in named and not _lists_around(norm, m.start())
        for m in _LIST_COUNTED.finditer(norm)
    )


# What joins a list's items (金融、經貿; A及B; 包括……等; the years of 2009-2011): with none, no list is named.
_ITEMS_JOINED = re.compile(
    r"[、；;：:]|包括|以及|(?<![涉普波惠顾])及(?![时早])|(?<![共平缓温调总饱祥])和(?![平谐睦])|(?<![参给赋授])与"
    r"|(?<![高平中对均相同初上次头超何])等(?![待候同])|and\b|\d\s*[-–—~～至到]\s*\d"
)


# A list question asking for places (normalised): "which cities", 哪些省市, 边几个地方.
_PLACES_ASKED = re.compile(
    r"\b(?:which|what) (?:[\w-]+ ){0,2}?(?:cities|provinces|places|countries|regions|districts)\b"
    r"|(?:哪|边)(?:些|几个|几)(?:个)?(?:城市|省份|省市|省|地方|国家|地区)"
)


def names_another_place(text: str, question: QuestionAnalysis, glossary: Glossary) -> bool:
    """Whether a sentence names a place the question does not, listed or not (駐北京、上海……辦事處); for
    cities asked, a city (在內地(包括廣東省) names none)."""
    return any(
        entry.kind == "place"
        and (place := normalize(text[s:e])) not in question.mentioned
        and not (question.cities_only and (a_province(place) or a_country(place)))
        for s, e, entry in glossary.find_chinese(text)
    ) or any(m.group(0) not in question.normalized for m in _ESTUARY.finditer(normalize(text)))


# A programme named after a place (廣東計劃, 福建計劃), normalised.
_PLACE_SCHEME = "计划"


def names_another_scheme(text: str, question: QuestionAnalysis, glossary: Glossary) -> bool:
    """Whether a sentence is about a programme named after another place than the one asked, which it names
    without naming the asked one: 「……推出福建計劃，向選擇移居福建的……長者同樣每月發放高齡津貼」 for what
    the Guangdong Scheme pays."""
    asked_text = question.normalized + "".join(normalize(t) for _, t in question.prepared.expansions)
    norm = normalize(text)
    places = _place_names(glossary)
    asked = {i for i, names in enumerate(places) if any(n + _PLACE_SCHEME in asked_text for n in names)}
    named = {i for i, names in enumerate(places) if any(n + _PLACE_SCHEME in norm for n in names)}
    return bool(asked) and bool(named) and not asked & named


def names_items(text: str) -> bool:
    """Whether a sentence could name the things a list question asks: two or more joined, or a list
    opened (包括, a colon). 「開展內地部分高等院校免試招收香港學生計劃」 names none."""
    return _ITEMS_JOINED.search(normalize(text)) is not None


def _lists_around(norm: str, at: int) -> bool:
    """Whether a list goes with the count at ``at``: in its own clause (金融、經貿等11個領域) or after it
    (11個領域，包括……). A 、 of another clause before it (a column the PDF ran into the sentence) is not
    one."""
    start = max(norm.rfind(p, 0, at) for p in "，,。") + 1
    rest = norm[start:]
    return any(c in rest for c in "、；;：:") or "包括" in rest


def _count_value(figure: str) -> int | None:
    return int(figure) if figure.isdigit() else expressions.hanzi_value(figure)


def _repeats_question(expression: expressions.Expression, asked: str) -> bool:
    """The question's own figure (its year, its 2016年12月), not an answer to it: every figure of the
    expression is one of the question's (2010年6月 answers "when in 2010")."""
    digits = expressions.digits_of(expression.text)
    if not digits and _hanzi_count(expression.text) in _english_numbers(asked):
        return True  # 三所 for "the three schools": the question's own three
    part = _PART_OF_YEAR.search(normalize(expression.text))
    if part is not None and part.group(0) not in asked:
        return False  # 2011年年底 answers when in 2011 the figures were due, which 2011 alone does not
    english = _english_amounts(asked)
    if digits and (len(digits) >= 2 or expressions.figures(expression.text) <= english):
        return expressions.figures(expression.text) <= expressions.figures(asked) | english
    name = normalize(expression.text)
    # 香港大珠三角商務委員會 for 「同大珠三角商務委員會一齊搞」: the question's own body, its side aside
    return name in asked or (len(name) > 6 and re.sub(r"^(?:香港|内地)", "", name) in asked)


_AMOUNT = re.compile(r"(\d+(?:\.\d+)?)\s*(bn|billion|million|mn|m)\b")


def _english_amounts(asked: str) -> set[str]:
    """An English question's amounts as the papers write them: "HK$1bn" is 10億, "1.5 million" 150萬."""
    out = set()
    for number, magnitude in _AMOUNT.findall(asked):
        value = float(number) * (1e9 if magnitude in ("bn", "billion") else 1e6)
        for chinese, size in (("億", 1e8), ("萬", 1e4)):
            if (value / size).is_integer():
                out.add(f"{int(value / size)}{chinese}")
    return out


# A numbered heading that names a topic (（三）治安管理, 二、文化交流): not a paper's parts (背景, 附件).
_TOPIC_HEADING = re.compile(
    r"^\s*(?:[（(][一二三四五六七八九十\d]{1,3}[）)]|[一二三四五六七八九十]{1,3}[、.．])\s*(.{2,20})$"
)


def _under(passage: Passage, text: str) -> str:
    """What a sentence is read with from its place in the paper.

    The topic of the numbered heading it sits under: 「1.強化警方高層……」 under 「（三）治安管理」 is about
    public order, which it never says. A paper's sign-off (政制及內地事務局 / 二零零九年十二月) is read
    with the paper's front matter (its committee and title), which its heading holds.
    """
    if passage.kind == SIGN_OFF:
        return passage.heading or ""
    m = _TOPIC_HEADING.match(passage.heading or "")
    return "" if m is None or m.group(1) in text else m.group(1)


def who_expressions(
    text: str, glossary: Glossary, kinds: bool = False, asked: str = ""
) -> list[expressions.Expression]:
    """Posts and bodies: the glossary's names of roles and organisations, and the papers' naming patterns;
    with ``kinds``, kinds of doers too (企業, 官員) where the sentence names no one; and the side that does
    what the question (``asked``, normalised) asks about (廣東制定…… for 由邊個負責制定)."""
    found = [
        expressions.Expression("post" if entry.kind == "role" else "body", s, e, text[s:e])
        for s, e, entry in glossary.find_chinese(text)
        if entry.kind in ("role", "organisation", "mechanism")
    ]
    found += expressions.find("post", text) + expressions.find("body", text)
    found += [
        expressions.Expression("body", m.start(1), m.end(1), m.group(1)) for m in _QUOTED_BODY.finditer(text)
    ]
    # Doers named by how the sentence puts them, not by a naming pattern: only where no name is found.
    named = list(found)
    # Kinds of doers (企業, 官員) only where the sentence names no one at all.
    patterns = (_AGENT, _PROVIDERS, _SIDE) + ((_GENERIC_DOERS,) if kinds and not found else ())
    for pattern in patterns:
        for m in pattern.finditer(text):
            helped = _WHOM_A_SCHEME_HELPS.match(m.group(1))
            start = m.start(1) + (helped.end() if helped else 0)
            end = m.end(1)
            if (
                end - start >= 2
                and not re.match(r"[此是於于在]", text[start])
                and not any(e.start < end and start < e.end for e in named)
            ):
                found.append(expressions.Expression("body", start, end, text[start:end]))
    if asked:
        for m in _SIDE_DOING.finditer(text):
            verb, side = normalize(text[m.end() : m.end() + 2]), normalize(m.group(1))
            if (
                verb in asked
                # the question's own subject (廣東要爭取邊個部門支持): it asks what the side does, not who
                and not re.search(rf"{side}[\u4e00-\u9fff]{{0,3}}{verb}", asked)
                and not any(e.start < m.end(1) and m.start(1) < e.end for e in found)
            ):
                found.append(expressions.Expression("body", m.start(1), m.end(1), m.group(1), DOER))
    return _posts_of_bodies(text, [_with_place(text, e) for e in _longest(found)])


# The unit of a side found doing what the question asks: an answer even where the question names the side
# as a place (港資喺廣東開獨資醫院……由邊個負責制定: 廣東制定出台……).
DOER = "doer"


# A side at the head of a clause, doing what follows: a work plan's items (廣東制定出台……操作指引,
# 香港研究……). It answers who only where what it does is what the question asks about.
_SIDE_DOING = re.compile(
    r"(?:^|(?<=[，,；;。：:）)\s\d.、]))(廣東省?|广东省?|香港特區政府|香港特区政府|特區政府|特区政府|香港|深圳市?"
    r"|粵港雙方|粤港双方|深港雙方|深港双方|雙方|双方|粵方|粤方|港方|深方|澳門|澳门)(?=[\u4e00-\u9fff]{2})"
)


# A body's name in quotation marks is whole however long it runs: the papers mark a proper name so
# (「粵港加工貿易轉型升級專題專責小組」), and the naming pattern alone would cut it short.
_QUOTED_BODY = re.compile(rf"[「“]([\u4e00-\u9fff]{{2,30}}?(?:{expressions.BODY_SUFFIX}))[」”]")


# Who does a thing, as the papers name the doer: 由……舉辦 (由廣東省、香港和澳門三地有關部門和電影業界舉辦的),
# whoever they are, and not a date or a place (由2012年起, 由深圳出發).
_AGENT = re.compile(
    r"由((?:(?![由於于在])[\u4e00-\u9fff]|、){2,30}?)(?=(?:共同|聯合|联合|負責|负责)?(?:舉辦|举办|主辦|主办|合辦|合办"
    r"|承辦|承办|籌辦|筹办|營運|营运|經營|经营|牽頭|牵头|統籌|统筹|資助|资助|發起|发起|組織|组织|興建|兴建|推行"
    r"|成立|組成|组成|擔任|担任|出任))"
)
# Those a scheme is for, by what they do: 香港服務提供者, 港商投資者.
_PROVIDERS = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[由及和與与、]))({expressions.NAME_CHARS}{{0,10}}"
    r"(?:提供者|投資者|投资者|經營者|经营者|營運者|营运者))"
)
# One side of a pairing, as the papers name it doing a thing (粵方在廣東舉辦的考前培訓班, 港方於會上通報),
# not the side a thing is done to or for (委託部份跨境工程予深方, 向深方通報).
_SIDE = re.compile(
    r"(?<![雙双兩两各對对予向與与和及同給给讓让為为])((?:粵|粤|港|深|穗|滬|沪|京|閩|闽|澳)方)(?![面法案式向針针位便])"
)
# Doers named by what kind they are, not by name: 相關政府管理部門、行業中介機構和企業 (who joins a
# mechanism), 內地及沿線國家主要官員、國際機構代表及行業領袖 (who took part in a summit).
_GENERIC_DOERS = re.compile(
    rf"(?:^|(?<=[^\u4e00-\u9fff])|(?<=[由及和與与、位名家間间]))({expressions.NAME_CHARS}{{0,10}}"
    r"(?:部門|部门|機構|机构|企業|企业|業界|业界|業者|业者|人士|官員|官员|代表|領袖|领袖|專家|专家|學者|学者"
    r"|團體|团体|院校|商界|商戶|商户))(?![團团處处性])(?![\u4e00-\u9fff]{0,2}(?:的|嘅))"
)
# ... without the verb in front that says what is done for them (鼓勵香港服務提供者: the providers).
_WHOM_A_SCHEME_HELPS = re.compile(
    r"(?:鼓勵|鼓励|吸引|讓|让|容許|容许|准許|准许|支持|協助|协助|便利|方便|推動|推动)*"
)
_OWNS_POSTS = re.compile(r"(?:局|署|處|处|辦|办|部|廳|厅)$")
# A title with no name of its own in front: 常任秘書長, 首席助理秘書長, 副局長.
_BARE_TITLE = re.compile(rf"^(?:常任|首席|助理|副)*(?:{expressions.POST_SUFFIX})$")


def _posts_of_bodies(text: str, found: list[expressions.Expression]) -> list[expressions.Expression]:
    """A bureau or office written right before a bare title is the title's own (政制及內地事務局 +
    常任秘書長): one post; not a meeting's row before its chair (深港合作會議 + 政務司司長)."""
    out: list[expressions.Expression] = []
    for e in found:
        if (
            out
            and out[-1].kind == "body"
            and e.kind == "post"
            and out[-1].end == e.start
            and _OWNS_POSTS.search(out[-1].text)
            and _BARE_TITLE.match(e.text)
        ):
            body = out.pop()
            e = expressions.Expression("post", body.start, e.end, text[body.start : e.end], e.unit)
        out.append(e)
    return out


# The city or province a post belongs to, written in front of it: 深圳市 of 深圳市常務副市長.
_PLACE_BEFORE = re.compile(
    r"(?<![\u4e00-\u9fff])[\u4e00-\u9fff]{2,3}(?:市|省)$|(?<=[和及與与、由])[\u4e00-\u9fff]{2,3}(?:市|省)$"
)


def _with_place(text: str, e: expressions.Expression) -> expressions.Expression:
    """A post found without its city or province (the glossary knows 常務副市長) reaches back over it, and
    a body over its country (美國杜邦公司: "which American company")."""
    pattern = _PLACE_BEFORE if e.kind == "post" else _COUNTRY_BEFORE
    m = pattern.search(text, max(0, e.start - 4), e.start)
    if not m:
        return e
    start = e.start - (len(m.group(0)))
    return expressions.Expression(e.kind, start, e.end, text[start : e.end], e.unit)


_COUNTRY_BEFORE = re.compile(
    "(?:美國|美国|英國|英国|法國|法国|德國|德国|日本|韓國|韩国|澳洲|加拿大|新加坡|瑞典|瑞士|荷蘭|荷兰|意大利"
    # the Mainland's body of a kind both sides have (內地海關, not Hong Kong's)
    "|內地|内地"
    # a national ministry or bureau, named with its country (國家教育部, 国家知识产权局)
    "|國家|国家)$"
)


def place_expressions(text: str, glossary: Glossary, venues: bool = False) -> list[expressions.Expression]:
    """The glossary's places, except an item of a list (、) or the end of a route (廣州至深圳): those name
    what a sentence is about, not where something is; with ``venues``, the venues the sentence names too
    (香港歷史博物館), which answer where a thing is held, never which city or district."""
    found = []
    matches = glossary.find_chinese(text)
    # where a body's name starts (香港投資推廣署 as 香港 + 投資推廣署)
    bodies = {s for s, _, entry in matches if entry.kind == "organisation"}
    for s, e, entry in matches:
        if entry.kind == "place" and e in bodies:
            continue  # 香港投資推廣署: whose body, not where anything is
        if entry.kind == "place" and not _listed_or_route(text, s, e):
            if (
                text[e : e + 1] in _PLACE_SUFFIXES
                and text[e - 1 : e] not in _PLACE_SUFFIXES
                and text[e : e + 2] not in _NOT_SUFFIXED
            ):
                e += 1  # 東莞市, as the paper writes it; not 內地市 of 內地市場 (the Mainland market)
            if _OWNED_POST.match(text, e):
                continue  # 深圳市代市長: whose post, not where anything is
            if m := _OTHER_PLACES.match(text, e):
                e = m.end()  # 珠三角其他城市: the other cities of the region, not the region
            found.append(expressions.Expression("place", s, e, text[s:e]))
            city = _CITY_IN_BRACKETS.match(text, e)
            if city and not _short_form(text[s:e], city.group(1)):
                # 陝西(西安), as a map of the offices labels them: the city of the province (not a short
                # name, 港深西部快速軌道（深西軌道）)
                found.append(expressions.Expression("place", city.start(1), city.end(1), city.group(1)))
    for venue in expressions.find("venue", text) if venues else []:
        found.append(expressions.Expression("place", venue.start, venue.end, venue.text))
    for m in _ESTUARY.finditer(text):
        found.append(expressions.Expression("place", m.start(), m.end(), m.group(0)))
    return _longest(found)


# A river's mouth, which no glossary lists (共同保護珠江口紅樹林: the mangroves of the Pearl River estuary).
_ESTUARY = re.compile(r"[\u4e00-\u9fff](?:江|河)口(?![岸])")


# A city in brackets after its province (陝西(西安), 廣東（廣州）), as a map's labels write them.
_CITY_IN_BRACKETS = re.compile(r"[(（]([\u4e00-\u9fff]{2,4})[)）]")
# A post of a place's government written after its name (深圳市代市長, 廣東省副省長).
_OWNED_POST = re.compile(r"(?:市|省)?(?:常務|常务)?(?:副|代)?(?:市長|市长|省長|省长|區長|区长|書記|书记)")
# The places of a region besides those already named (珠三角其他城市, 內地各省市).
_OTHER_PLACES = re.compile(r"(?:的)?(?:其他|其它|其餘|其余|各)(?:城市|地區|地区|省市|省份|市)")
# What a paper writes after a place's name: its kind (東莞市, 廣東省, 南沙區).
_PLACE_SUFFIXES = frozenset("市省區区縣县鎮镇")
# ... unless the character begins another word: 市場 (內地市場, a market), 省份, 省市 (內地省市: the
# Mainland's provinces and cities, no province called 內地省).
_NOT_SUFFIXED = frozenset({"市場", "市场", "省份", "省市"})


# Places wider than a district: cities, provinces, regions and countries (normalised), and names ending as
# theirs do.
_WIDE_PLACES = frozenset(SIDE_ABBREVIATIONS) | frozenset(
    {"广州", "东莞", "佛山", "中山", "江门", "肇庆", "惠州", "内地", "中国", "国家", "全国"}
    | {"大湾区", "粤港澳大湾区", "珠三角", "泛珠三角"}
)


_COUNTRIES = frozenset({"中国", "国家", "全国", "内地"})


def a_country(place: str) -> bool:
    """Whether a normalised place is the country (国家, 内地) or one named with 國 (美国, 德国): no city."""
    return place in _COUNTRIES or (place.endswith("国") and len(place) <= 4)


# The Mainland's provinces and autonomous regions (normalised), not its four municipalities, which are cities.
_PROVINCES = frozenset(
    "河北 山西 辽宁 吉林 黑龙江 江苏 浙江 安徽 福建 江西 山东 河南 湖北 湖南 广东 海南 四川 贵州 云南 陕西 "  # noqa: SIM905
    "甘肃 青海 台湾 内蒙古 广西 西藏 宁夏 新疆".split()
)


def a_province(place: str) -> bool:
    """Whether a normalised place is a province or an autonomous region (河南, 廣東省, 廣西壯族自治區): no
    city, so no answer to which city an office is in (a map's 河南(鄭州) answers with the city)."""
    stem = re.sub(r"(?:省|壮族自治区|回族自治区|维吾尔自治区|自治区)$", "", place)
    return stem in _PROVINCES


def wider_than_a_district(place: str) -> bool:
    """Whether a normalised place is a city, a province or a region (香港 is no district of Shenzhen)."""
    return place in _WIDE_PLACES or place.endswith(("市", "省", "自治区", "特别行政区", "特区", "国"))


# A crossing, a port or a station is a spot in a district, not the district (文錦渡檢查站 for which district
# of Shenzhen a hospital is in); normalised.
_SPOTS = ("口岸", "检查站", "管制站", "码头", "机场", "车站", "港口")


def wider_or_narrower_than_a_district(written: str, length: int) -> bool:
    """Whether a place (the first ``length`` characters of ``written``, normalised, as the text runs on)
    cannot answer which district: wider (a city), or a spot within one (文錦渡 of 文錦渡檢查站)."""
    place = written[:length]
    return wider_than_a_district(place) or place.endswith(_SPOTS) or written[length:].startswith(_SPOTS)


def _listed_or_route(text: str, start: int, end: int) -> bool:
    return text[start - 1 : start] == "、" or text[end : end + 1] in ("、", "至", "到")


def _longest(found: list[expressions.Expression]) -> list[expressions.Expression]:
    """Overlapping expressions reduced to the longest of each stretch, left to right."""
    out: list[expressions.Expression] = []
    for e in sorted(found, key=lambda e: (e.start, -(e.end - e.start))):
        if out and e.start < out[-1].end:
            if e.end - e.start > out[-1].end - out[-1].start and e.start == out[-1].start:
                out[-1] = e
            continue
        out.append(e)
    return out


def counts_another_thing(question: QuestionAnalysis, text: str, e: expressions.Expression) -> bool:
    """A count in the general classifier (or none) followed by a noun that is not what the question counts:
    190個援建項目 does not answer 多少所學校. Only when the question names a classifier and the thing."""
    if (
        not question.counted
        or e.kind != "count"
        or not (e.unit is None or e.unit in expressions.GENERAL_UNIT)
    ):
        return False
    following = normalize(re.split(r"[，。；、,;：:（(]", text[e.end : e.end + 10])[0])
    if len(following) < 2 or _PREDICATE_AFTER.match(following):
        return False  # 其中90個位於深圳: what follows says where they are, not what they are
    # 合作 of 合作文件 is in every other noun of these papers (合作領域): it does not say what is counted.
    pairs = [counted[k : k + 2] for counted in question.counted for k in range(len(counted) - 1)]
    pairs = [p for p in pairs if p not in _UNSPECIFIC] or pairs
    return not any(p in following for p in pairs)


_UNSPECIFIC = frozenset({"合作", "香港", "内地", "两地", "相关"})
# What follows a count that refers back to the thing counted: a verb or a preposition, not a noun.
# ... or how the count changed (由3個大幅增加至11個: the 3 are the same things as the 11).
_PREDICATE_AFTER = re.compile(
    r"位于|设于|设在|来自|属于|已|均|都|在|于|为|是|由|获|共|分别|以上|左右"
    r"|大幅|大增|增加|增至|增到|上升|升至|减少|减至|下降|降至"
)

# A percentage a change word leads to (比2008年增長12.6%) is a growth rate; the words that ask for one.
_CHANGE_BEFORE = re.compile(
    r"(?:增长|增加|上升|下降|减少|下跌|回落|上涨|升幅|跌幅|增幅)[了约近逾超过达为]{0,3}\s*$"
)
_CHANGE_IN_QUESTION = re.compile(
    r"\bgr[eo]w|\bgrowth\b|\bincreas|\brise\b|\brose\b|\bfall|\bfell\b|\bdrop|\bdeclin|\bchange"
    r"|增长|增加|上升|下降|减少|下跌|上涨|升幅|跌幅|增幅|变化|变动|涨|跌"
)


def a_change_not_asked(question: QuestionAnalysis, text: str, e: expressions.Expression) -> bool:
    """A percentage of growth (比2008年增長12.6%) when the question asks for a share, not a change: what
    share of Guangdong's foreign investment came from Hong Kong is 61.3%, not how much it grew."""
    if e.kind != "percent" or question.number_kind != "percent":
        return False
    if _CHANGE_IN_QUESTION.search(question.normalized):
        return False
    return _CHANGE_BEFORE.search(normalize(text[max(0, e.start - 8) : e.start])) is not None


_CLAUSE_MARKS = "，。；：,;:"


# People named right after a figure, a place or a kind before them (30萬四川同胞, 2萬名香港學生).
_PEOPLE_AFTER = re.compile(rf"\s*[\u4e00-\u9fff]{{0,4}}?(?:{PEOPLE_NOUNS.pattern})")


def counted_people(text: str, e: expressions.Expression) -> expressions.Expression:
    """A count in the general 個 whose clause names people before it counts people:
    受惠香港青年的總數由7 900個增加至19 200個 answers how many young people, in 人 as 名 would."""
    if e.kind != "count" or (e.unit is not None and e.unit not in expressions.GENERAL_UNIT):
        return e
    start = max(text.rfind(c, 0, e.start) for c in _CLAUSE_MARKS) + 1
    before = e.unit is not None and PEOPLE_NOUNS.search(normalize(text[start : e.start]))
    # a bare large figure with the people right after it: 惠及超過30萬四川同胞
    after = e.unit is None and _PEOPLE_AFTER.match(normalize(text[e.end : e.end + 8]))
    if not (before or after):
        return e
    return expressions.Expression(e.kind, e.start, e.end, e.text, "人")


def unit_matches(question: QuestionAnalysis, found: list[expressions.Expression]) -> float:
    """How well the sentence's best number is of the kind asked for: 1 for money or a percentage asked for,
    or a count in the asked classifier (or one of its kind); less for the general 個 or an unasked
    classifier; 0 for none."""
    if question.expected != "number":
        return float(bool(found))
    return max((unit_strength(question, e) for e in found), default=0.0)


# What writes an amount per unit (normalised): 每年, 人均, 年均增長, 年供水量, 各獲1次.
_RATE = re.compile(r"每|人均|年均|平均|全年|一年|年[\u4e00-\u9fff]{0,3}量|各(?:获|设|有|可|得)|/\s*年")


def gives_rate(text: str) -> bool:
    """Whether a sentence (with the one before it) writes an amount per year, person or thing."""
    return bool(_RATE.search(normalize(text)))


# What writes how often a thing happens (normalised): 每年, 每兩年一次, 一年一度, 定期, 輪流.
_FREQUENCY = re.compile(
    r"每(?:一|两|二|三|四|五|\d+)?(?:个)?(?:年|月|季|周|星期|半年|届)|一年一度|(?:一|两|二|三|四|\d+)年(?:一|两|二|三|\d+)次"
    r"|定期|轮流|不定期|按年"
)


def gives_frequency(text: str) -> bool:
    """Whether a sentence (with the one before it) writes how often a thing happens."""
    return bool(_FREQUENCY.search(normalize(text)))


# What writes a sum spent, charged or granted (normalised): 手續費, 成本, 撥款, 資助額, 投資, 基金.
_COST = re.compile(
    r"费|成本|造价|预算|价|拨款|资助|资金|基金|注资|投资|耗资|开支|支出|支付|斥资|津贴|补贴|补助"
)


def gives_cost(text: str) -> bool:
    """Whether a sentence (with the one before it) writes a cost, fee, grant or budget."""
    return bool(_COST.search(normalize(text)))


def unit_strength(question: QuestionAnalysis, e: expressions.Expression) -> float:
    if question.number_kind == "ordinal" and e.kind == "ordinal" and question.unit is not None:
        # which edition: 第六屆, not 第一 of 第一階段
        return float(e.unit is not None and expressions.units_agree(question.unit, e.unit))
    if question.number_kind in ("money", "percent", "ordinal"):
        return float(e.kind == question.number_kind)
    if question.number_kind == "change":
        return 1.0 if e.kind == "percent" else expressions.unit_agreement(None, e.unit)
    if question.number_kind != "count" or e.kind != "count":
        return 0.0
    if question.counts_things and e.unit in _HEADS:
        return 0.0  # 超過1 270名 is a head count, not how many hospitals
    return expressions.unit_agreement(question.unit, e.unit)


# Classifiers that count people only (人次 counts visits, which a question about visits or trips asks).
_HEADS = frozenset({"人", "名", "位"})


def candidates(
    question: QuestionAnalysis,
    hits: list[Hit],
    query_vector: npt.NDArray[np.float32],
    index: Retriever,
) -> list[Candidate]:
    """Every sentence of the top hits and the sentences next to them in the same paragraph, with features."""
    top = hits[:READ_DEPTH]
    if not top:
        return []
    query_concepts = concepts(question, index)
    senses = sense_concepts(question, index)
    places = asked_places(question, index.analyzer.glossary)
    weights = character_weights(index)
    owners = (
        posts.owners(
            [question.prepared.text, *(t for _, t in question.prepared.expansions)], index.analyzer.glossary
        )
        # whose committee a paper went to is the paper's: not a body's own committee
        if question.expected == "who" and not question.about_paper
        else []
    )
    english_owner = (
        posts.english_owner(question.prepared)
        if question.expected == "who" and not owners and not question.about_paper
        else []
    )
    papers = index.documents()
    titles = {m.doc_id: m.title_zh for m in papers}
    years = {m.doc_id: int(m.date[:4]) for m in papers if m.date[:4].isdigit()}
    top_score = max(h.score for h in top) or 1.0
    seen: set[int] = set()
    picked: list[tuple[Sentence, int, bool]] = []
    for position, hit in enumerate(top):
        own, around = index.sentences_near(hit.chunk_id)
        for sentence, is_own in [(s, True) for s in own] + [(s, False) for s in around]:
            if sentence.row not in seen:
                seen.add(sentence.row)
                picked.append((sentence, position, is_own))
    dense = index.sentences.similarity(query_vector, [s.row for s, _, _ in picked])
    asked_stems = (
        glosses.asked_stems(without_source(question.prepared.text)[0], glosses.gloss_stems(index))
        if question.english
        else frozenset()
    )
    before = [index.previous_sentence(s) for s, _, _ in picked]
    gloss = glosses.gloss_coverage(
        asked_stems,
        [
            glosses.sentence_stems(index, s, previous) if asked_stems else frozenset()
            for (s, _, _), previous in zip(picked, before, strict=True)
        ],
    )
    best_dense = float(dense.max()) if len(dense) else 0.0
    rendered = (
        index.english_coverage(question.prepared.text, [s for s, _, _ in picked])
        if question.english
        else np.zeros(len(picked))
    )
    if np.isnan(rendered).any():
        # a passage added without a rendering: the others' words would count for them against it
        rendered = np.zeros(len(picked))
    best_rendered = float(rendered.max()) if len(rendered) else 0.0
    covered: dict[int, float] = {}

    asked = question.asked
    occurrence = asked_occurrence(question.normalized)
    supplement = asked_supplement(question.asked)
    made = (
        object_events(without_source(question.prepared.text)[0])
        if question.expected != "date"
        else frozenset()
    )

    def cov(sentence: Sentence, signed: str = "") -> float:
        """Concept coverage of a sentence; a sign-off's is read with the front matter it signs."""
        if sentence.row not in covered:
            own = index.sentence_tokens(sentence)
            tokens = seen_tokens(
                own | frozenset(tokenize(signed)) if signed else own,
                hide_inside_wider(signed + sentence.text, asked),
                asked,
            )
            named = [
                place for pair, places in question.sides.items() if pair in tokens for place in places.split()
            ]
            covered[sentence.row] = coverage(tokens | set(named) if named else tokens, query_concepts, index)
        return covered[sentence.row]

    places_listed = question.expected == "list" and _PLACES_ASKED.search(question.normalized) is not None
    out = []
    for (sentence, position, is_own), cosine, glossed, previous, in_english in zip(
        picked, dense, gloss, before, rendered, strict=True
    ):
        offset, body = answer_body(sentence.text)
        found = [
            expressions.Expression(e.kind, e.start + offset, e.end + offset, e.text, e.unit)
            for e in typed_expressions(question, body, index.analyzer.glossary)
            if not counts_another_thing(question, body, e) and not a_change_not_asked(question, body, e)
        ]
        found = [counted_people(sentence.text, e) for e in found]
        focus = focus_positions(query_concepts, sentence.text)
        hit = top[position]
        read_with = sentence.text if previous is None else previous.text + sentence.text
        signed = (hit.passage.heading or "") if hit.passage.kind == SIGN_OFF else ""
        signed_date = hit.passage.kind == SIGN_OFF and question.about_paper and question.expected == "date"
        read_with = _under(hit.passage, read_with) + read_with
        read_with += sides_named(read_with, question.sides)
        shares = concept_shares(hide_inside_wider(read_with, asked), query_concepts, weights)
        features = np.array(
            [
                cov(sentence, signed),
                cov(previous) if previous is not None else 0.0,
                char_coverage(read_with, query_concepts, index, shares),
                float(cosine),
                float(cosine) - best_dense,
                float(bool(found)),
                unit_matches(question, found) if question.expected == "number" else 0.0,
                # a sign-off's date is the date of the paper it signs, which is what a question about the
                # paper asks (「嗰份文件係幾時出㗎？」), however far its words are from the paper's title
                1.0 if found and signed_date else nearness(found, focus),
                hit.score / top_score,
                1.0 / (position + 1),
                0.0 if is_own else 1.0,
                float(not_an_answer_alone(body)),
                min(body.count("、") + body.count("；"), 5) / 5 if question.expected == "list" else 0.0,
                float(bool(_PURPOSE.search(body))) if question.expected == "reason" else 0.0,
                weakest_concept(read_with, query_concepts, shares),
                float(table_row(body)),
                coverage(index.sentence_tokens(sentence), senses, index) if senses else 0.0,
                place_missing(places, read_with + titles.get(sentence.doc_id, "")),
                glossed,
                float(in_english),
                float(in_english) - best_rendered,
            ]
        )
        features = np.concatenate([features, features[_WEIGHED_APART] * float(question.english)])
        norm = normalize(sentence.text)
        on_topic = (
            (
                not question.events
                or states_event(sentence.text, question.events, question.mentioned, question.english)
                # a paper's own date is when it was issued, which its sign-off does not say in words
                or (hit.passage.kind == SIGN_OFF and question.about_paper)
            )
            and posts.mentions_owner(
                sentence.text, owners, previous.text if previous else None, titles.get(sentence.doc_id)
            )
            and posts.mentions_english_owner(
                sentence.text, english_owner, previous.text if previous else None, titles.get(sentence.doc_id)
            )
            and (not question.wants_name or posts.names_person(sentence.text, question.name_of))
            # 「簽了哪份文件」: the meeting that signed it, without the signing, names no document
            and (not made or any(holds_verb(norm, e) for e in made))
            # the fourth meeting asked, the fifth named (第五次會議)
            and (occurrence is None or not names_another(norm, occurrence))
            # the sixth Shanghai meeting for the sixth Beijing one
            and not (question.typed and names_another_meeting(question.asked, sentence.text))
            # the supplement asked (補充協議八), a sentence on the seventh or on eight of them
            and (supplement is None or not names_another_supplement(norm, supplement))
            # 改組後的工商及產業局 for which bureau led the talks before the reorganisation
            and not another_phase(question, sentence.text)
            # the date of the meeting a paper reports, for when the paper came out: only its sign-off dates it
            and not (question.about_paper and question.expected == "date" and hit.passage.kind != SIGN_OFF)
            # which committee the paper went to: its front matter says, not a committee its body tells of
            # (仲裁委員會 in the 2012-2017 review, which has none)
            and not (
                question.about_paper
                and question.body_kind == "committee"
                and hit.passage.kind not in PAPER_PARTS
            )
            # the Fujian Scheme's allowance for what the Guangdong Scheme pays
            and not names_another_scheme(sentence.text, question, index.analyzer.glossary)
            # a target (工作指標……不少於) for how many were actually done
            and not target_for_actual(question, sentence.text)
            # 「本文件旨在向委員介紹……」 for what, why or which: the paper's purpose, not the topic's
            and not (not question.typed and states_papers_purpose(sentence.text))
            # the front matter of the 2012 paper for "the 2012-2017 review"
            and not (
                hit.passage.kind in PAPER_PARTS
                and another_papers_year(question, read_with, years.get(sentence.doc_id))
            )
            # the figures of 2010 for a question on 2009's
            and not figures_of_another_year(
                question, sentence.text, previous.text if previous else None, years.get(sentence.doc_id)
            )
            # 60個……項目 and 74個項目 for "the 80 projects"
            and not quotes_another_count(question, read_with)
            # a total (涉及醫療券金額約港幣220萬元) for how much a year or per person
            and not (question.rate and not gives_rate(read_with))
            # who signed: a sentence near the agreement that signs nothing
            and not (question.signers and not holds_verb(norm, "sign"))
            # who founded it: a sentence about it (or the one before) that founds nothing
            and not (
                question.founders
                and not any(
                    states_event(t, frozenset({"establish"}), question.mentioned, question.english)
                    for t in (sentence.text, previous.text if previous else "")
                )
            )
            # a sum of tariff savings (關稅優惠總值) or a count for the fee or funding asked
            and not (question.cost and not gives_cost(read_with))
            # the sum of trade settlements for the deposits asked
            and all(re.search(written, normalize(read_with)) for written in question.measures)
            # the date of one meeting for how often they meet
            and not (question.frequency and not gives_frequency(read_with))
        )
        names_place = not places_listed or names_another_place(
            sentence.text, question, index.analyzer.glossary
        )
        out.append(
            Candidate(sentence, position, is_own, features, tuple(found), tuple(focus), on_topic, names_place)
        )
    return out
