"""Who holds a post of which body, and a person's name: what a "who" answer must be about and hold.

「前海管理局局長係邊個？」 asks for a post of 前海管理局: a sentence about the leaders of another body
(聯合專責小組 by 政制及內地事務局局長 and 深圳市常務副市長) answers another question, however well the rest
matches. 「深圳市代市長叫甚麼名字？」 asks for a person's name: the papers write it after the post
(政務司司長唐英年), and a sentence naming the post alone does not answer.
"""

from __future__ import annotations

import re

from index import SIDE_ABBREVIATIONS, Glossary, PreparedQuery, normalize
from qa.readers import expressions

# A question asking for a person's name, not a post (normalised: lower case, Simplified).
_NAME_ASKED = re.compile(
    r"叫什么名字|叫甚么名字|什么名字|甚么名字|姓名|叫乜名|叫咩名|咩名"
    r"|\bnames? of (?:the |its |hong kong's |shenzhen's |[\w-]+'s )?(?:[\w-]+ ){0,3}?(?:vice-|deputy-)?"
    r"(?:mayor|director|head|chief|secretary|secretaries|governor|chairman|chairperson|leader|minister"
    r"|commissioner)"
    # "What's the name of the ETF / the care home / the two firms": a name, as 叫咩名 asks one (not of "the
    # body" or "the department" that does it: a body's name is answer enough)
    r"|\bwhat(?:'s| is| was| are| were) (?:the |their |its )?(?:actual |exact |full )?names? of"
    r"(?! (?:the |a |its |their )?(?:body|bodies|organi[sz]ations?|departments?|bureaux?|agency|agencies)\b)"
    # "Who's the Guangdong governor", 「帶隊嘅特首係邊個」: the question names the post; its holder is asked
    # (not a group's head or 組長: a post answers who leads a group)
    r"|\bwho(?:'s| is| was) (?:the |its |[\w-]+'s )?(?:[\w-]+ ){0,3}?"
    r"(?:mayor|governor|chief executive|premier|secretary|minister|commissioner)\b"
    r"|(?:特首|行政长官|省长|市长|局长|司长|署长|书记|总理|部长|处长|秘书长)(?:系|是)(?:边个|边位|谁|哪位|哪一位)"
    # "… the three deputy heads — what are their names?"
    r"|\b(?:their|his|her) (?:full )?names?\b"
)
# A name after a post: two or three characters, then a word that ends it (和, 及, 於, 率領 …).
NAME_AFTER_POST = re.compile(
    r"(?![由的在與与和及是為为並并將将於于向對对從从被亦也已而即就其各共同主負负親亲擔担出包率])"
    # nor a word that says what the post-holder does (行政長官定期主持, 司長隨即宣布)
    r"(?!定期|正式|首次|隨即|随即|聯同|联同|表示|宣布|會見|会见|召開|召开|舉行|举行|帶領|带领|統籌|统筹"
    r"|領導|领导|一同|會同|会同|經常|经常|每年|今年|去年|早前|日前|近日|曾經|曾经|已經|已经)"
    # not a role or a body run into the post by a table's columns (秘書長聯絡員會議)
    r"[\u4e00-\u9fff]{2,3}(?<![員员議议組组處处局])(?=[和及與与、，,。；;於于在率出主等亦也並并先分共同會会為为表親亲])"
)
# A body's two-character pieces the sentence (with the one before it) must hold, as a share.
OWNER_OVERLAP = 0.6
# Bodies too general to say which one is meant.
_GENERAL = re.compile(
    r"^(?:香港)?(?:特区|香港特别行政区)?政府$|^(?:深圳|广东|广州|北京|上海)?(?:市|省)?(?:人民)?政府$"
    # the central government, whose ministries the papers name without it (商務部 for 中央邊個部委)
    r"|^(?:中央|国家)(?:人民)?(?:政府)?$"
)


# The government a body belongs to, in front of its name (香港特區政府駐北京辦事處): not part of the name.
_GOVERNMENT = re.compile(r"(?:香港)?(?:特區|特区|香港特別行政區|香港特别行政区)政府")


# The end of a body's name by which the papers name it short: 督導組, 辦公室, 管理局 (normalised).
_BODY_END = re.compile(r"(?:督导组|专责小组|工作小组|小组|委员会|办公室|办事处|联络处|管理局|联席会议|会议)$")


def name_asked(question: str) -> bool:
    """Whether the question asks for a person's name rather than a post."""
    return bool(_NAME_ASKED.search(normalize(question)))


def names_person(text: str, titles: tuple[str, ...] = ()) -> bool:
    """Whether the sentence writes a person's name after a post (政務司司長唐英年和…); with ``titles``
    (normalised, ``asked_titles``), after a post of one of them: the deputy (廣東省副省長招玉芳) does not name
    the governor, nor the mayor (上海市市長龔正) the Chief Executive."""
    for e in expressions.find("post", text):
        if NAME_AFTER_POST.match(text, e.end) and (not titles or _title(normalize(e.text)) in titles):
            return True
    return False


# The Chief Executive, as the papers and the askers write the post.
_SAME_POST = {"特首": "行政长官"}


def asked_titles(texts: list[str]) -> tuple[str, ...]:
    """The titles (normalised: 省长, 行政长官) of the posts a question names, with the Chinese of its English
    names: a question asking the name of one is answered by a name after that post, not after another."""
    out: list[str] = []
    for text in texts:
        for e in expressions.find("post", normalize(text)):
            title = _title(e.text)
            if title and title not in out:
                out.append(title)
    return tuple(out)


def _title(post: str) -> str:
    """A normalised post's title, the last of them when posts are joined (广东省副省长 → 副省长)."""
    m = expressions.POST_END.search(post)
    title = m.group(0) if m else ""
    return _SAME_POST.get(title, title)


# A "body" holding a question word is the asked one (邊個政策局, 哪个局), not one the answer must be about.
_ASKING = re.compile(r"哪|边个|边间|什么|甚么|谁|何|几|乜|咩")
# A body named only by its kind (政策局, 部門) says nothing about which one.
KIND_ONLY = re.compile(r"^(?:政策局|局|部门|机构|单位|署|办公室|委员会|小组|政府)$")


def owners(texts: list[str], glossary: Glossary) -> list[str]:
    """The bodies a who question is about, normalised: those it names, and the body part of the posts it
    names (前海管理局 of 前海管理局局長). ``texts`` are the question and the Chinese of its English names."""
    out: list[str] = []
    for text in texts:
        plain = _GOVERNMENT.sub("", re.sub(r"[「」『』“”\"']", "", text))
        found = expressions.find("post", plain) + expressions.find("body", plain)
        for m in _COOPERATION_MEETING.finditer(plain):
            found.append(expressions.Expression("body", m.start(), m.end(), m.group(0)))
        for e in found:
            name = normalize(e.text if e.kind == "body" else _without_post(e.text))
            if _ASKING.search(name) or KIND_ONLY.match(name):
                continue
            if len(name) >= 2 and not _GENERAL.match(name) and name not in out:
                out.append(name)
        for start, end, entry in glossary.find_chinese(plain):
            if entry.kind in ("organisation", "mechanism"):
                name = normalize(plain[start:end])
                if len(name) >= 2 and not _GENERAL.match(name) and name not in out:
                    out.append(name)
    return out


# A cooperation meeting or mechanism a question names (閩港合作會議): the sides' abbreviation is what tells it
# from the others (京港合作會議), so a sentence about another one does not say who chairs this one.
_COOPERATION_MEETING = re.compile(
    # the sides are names, not a verb or a little word (「同北京、上海開合作會議」 names no 上海開)
    r"(?<![\u4e00-\u9fff])(?:(?![開开舉举召辦办的嘅及和與与同在])[\u4e00-\u9fff]){2,4}"
    r"合作(?:高層|高层|聯席|联席)?(?:會議|会议|機制|机制)"
)

# The sides of a normalised cooperation meeting's or mechanism's name (闽港 of 闽港合作会议).
_SIDES = re.compile(r"^([\u4e00-\u9fff]{2,4})合作(?:高层|联席)?(?:会议|机制)$")


def _without_post(post: str) -> str:
    """A post's text without its title at the end: 前海管理局局長 → 前海管理局."""
    m = expressions.POST_END.search(post)
    return post[: m.start()] if m else post


def mentions_owner(
    text: str, names: list[str], previous: str | None = None, title: str | None = None
) -> bool:
    """Whether the sentence holds most of the two-character pieces of one of the bodies (or there are none),
    or the sentence before it does and this one names the body short (「督導組」由行政長官親自擔任組長)
    or goes on from it (此外……),
    or its paper is about the body (its title names it: every sentence of 《2009年深港合作會議》 is about
    that meeting)."""
    if not names:
        return True
    norm = normalize(text)
    before = normalize(previous) if previous else ""
    about = normalize(title) if title else ""
    for name in names:
        if _holds(norm, name) or (about and _holds(about, name)):
            return True
        short = _BODY_END.search(name)
        if before and short and short.group(0) in norm and _holds(before, name):
            return True
        if before and _GOES_ON.match(norm) and _holds(before, name):
            return True
    return False


# A sentence that goes on from the one before it (normalised): 「此外，兩地相關政府部門……亦簽署了
# 20份合作文件」 after the sentence naming the meeting is still about that meeting.
_GOES_ON = re.compile(r"^\s*(?:\d+\.\s*)?(?:此外|另外|同时|其间|期间|会上|会后|会议期间|当中|其中)")


def _holds(text: str, name: str) -> bool:
    sides = _SIDES.match(name)
    if sides and sides.group(1) not in text:
        return False  # 京港合作會議 holds most pieces of 閩港合作會議, but not 閩港
    pairs = [name[k : k + 2] for k in range(len(name) - 1)]
    if bool(pairs) and sum(p in text for p in pairs) / len(pairs) >= OWNER_OVERLAP:
        return True
    return _abbreviates(name, text)


def _abbreviates(name: str, text: str) -> bool:
    """Whether a bureau's or department's short name (運房局, 商經局) is in the text as the full one it
    shortens: its characters in order, a few between (運輸及房屋局, 商務及經濟發展局)."""
    if not 3 <= len(name) <= 4 or name[-1] not in "局署处" or not expressions.HANZI.fullmatch(name):
        return False
    return re.search("[\u4e00-\u9fff]{0,4}".join(name), text) is not None


# A body an English question names that no glossary knows whole: capitalised words (joined by hyphens, "and",
# "of") ending in a kind of body ("the Guangdong-Hong Kong Industrial Design Cooperation Working Group").
_ENGLISH_BODY = re.compile(
    r"(?:[A-Z][\w'’]*(?:[\s-]+|\s+(?:and|of|on|for)\s+))+"
    r"(?:Working Group|Task Force|Group|Committee|Meeting|Conference|Council|Commission|Board|Panel|Forum"
    r"|Alliance|Mechanism)s?\b"
)
# An English body is named by a sentence holding this share of the Chinese of its words other than places
# (粵港 is in every other sentence: the places do not tell one body from another).
ENGLISH_OWNER_OVERLAP = 0.75
# ... when its name has at least this many such words the glossary or dictionary put into Chinese.
ENGLISH_OWNER_PIECES = 2


def english_owner(prepared: PreparedQuery) -> list[tuple[str, ...]]:
    """The Chinese of each word but the places of the body an English question names, when no glossary knows
    the body whole (normalised; each word with its alternatives): [工業設計, 合作|協作, 工作組]."""
    m = _ENGLISH_BODY.search(prepared.text)
    if m is None:
        return []
    span = m.group(0)
    pieces: dict[str, list[str]] = {}
    for phrase, term in (*prepared.expansions, *prepared.senses):
        if re.search(rf"(?<!\w){re.escape(phrase)}(?!\w)", span):
            pieces.setdefault(phrase, []).append(normalize(term))
    # a phrase inside a longer one is the same words (Hong Kong of Shenzhen-Hong Kong)
    kept = [p for p in pieces if not any(p != q and p in q for q in pieces)]
    words = [tuple(dict.fromkeys(pieces[p])) for p in kept]
    return [alts for alts in words if not any(a in SIDE_ABBREVIATIONS for a in alts)]


def mentions_english_owner(
    text: str, pieces: list[tuple[str, ...]], previous: str | None = None, title: str | None = None
) -> bool:
    """Whether the sentence (with the one before and its paper's title) holds most words of the English
    body: 粵港合作聯席會議第十六次工作會議 does not hold 工業設計 or 工作組 of the Industrial Design Working
    Group, so who chaired it does not say who heads that group."""
    if len(pieces) < ENGLISH_OWNER_PIECES:
        return True
    norm = normalize(" ".join(t for t in (text, previous, title) if t))
    chars = set(norm)
    held = sum(any(a in norm or (len(a) > 1 and set(a) <= chars) for a in alts) for alts in pieces)
    return held / len(pieces) >= ENGLISH_OWNER_OVERLAP
