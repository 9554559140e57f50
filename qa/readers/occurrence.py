"""Which occurrence of a recurring thing a question asks about, and whether a sentence is about another one.

A numbered supplement works alike, and more strictly: "When was CEPA's eighth supplement signed?" is about
補充協議八, so a sentence on supplements that never names the eighth (簽訂了八份補充協議, 補充協議七) cannot
date it.

"When was the 4th meeting of the Beijing-Hong Kong Cooperation Conference held?" is not answered by 「京港合作
會議」第五次會議 in 2023年11月: the papers name the fifth meeting, not the fourth. A question that names the
occurrence (4th, fourth, 第四次, 第4屆, 首屆) is off topic on a sentence that names occurrences of the same
kind (次, 屆, 輪) and not the asked one. Patterns run on normalised text (NFKC, lower case, Simplified).
"""

from __future__ import annotations

import re

from qa.readers.expressions import HANZI, hanzi_value

_ENGLISH = {
    "first": 1,
    "second": 2,
    "third": 3,
    "fourth": 4,
    "fifth": 5,
    "sixth": 6,
    "seventh": 7,
    "eighth": 8,
    "ninth": 9,
    "tenth": 10,
    "eleventh": 11,
    "twelfth": 12,
}
# An ordinal before the kind of occurrence: a sitting (次), a term or edition (届), a round (轮).
_CHINESE = re.compile(r"(?:第\s*(\d{1,3}|[一二两三四五六七八九十]{1,3})|(首))\s*([次届轮])")
# "the 4th meeting", "the fourth round", "the 10th Pan-PRD forum": an ordinal before a recurring thing.
_ENGLISH_ORDINAL = re.compile(
    # (the words between may join names with any dash: "the fifth Shanghai–Hong Kong Cooperation Conference")
    rf"\b(?:(\d{{1,3}})(?:st|nd|rd|th)|({'|'.join(_ENGLISH)}))\b(?=(?:\s+[\w'’‐-―-]+){{0,6}}?\s+"
    r"(?:meeting|session|round|plenary|conference|forum|summit|gala|expo|fair|edition)s?\b"
    # "the Beijing conference, the sixth one"
    r"|\s+one(?![\w-]))"
)
_ENGLISH_KIND = re.compile(r"\b(round)s?\b|\b(edition|gala|expo|fair|forum|summit)s?\b")


def chinese_number(text: str) -> int | None:
    """一 to 九十九 (or digits) as a number: 十 is 10, 二十三 23."""
    return int(text) if text.isdigit() else hanzi_value(text)


def asked_occurrence(question: str) -> tuple[int, str | None] | None:
    """The occurrence a normalised question names, as (number, kind); the kind is None when an English
    question leaves it open ("the 4th meeting" is a 次 or a 屆)."""
    m = _CHINESE.search(question)
    if m:
        number = 1 if m.group(2) else chinese_number(m.group(1))
        return (number, m.group(3)) if number else None
    m = _ENGLISH_ORDINAL.search(question)
    if m and not HANZI.search(question):  # an English question (its dashes and quotes need not be ASCII)
        number = int(m.group(1)) if m.group(1) else _ENGLISH[m.group(2)]
        kind = _ENGLISH_KIND.search(question, m.end())
        return number, ("轮" if kind and kind.group(1) else None)
    return None


def names_another(sentence: str, asked: tuple[int, str | None]) -> bool:
    """Whether a normalised sentence names occurrences of the asked kind and none is the asked one."""
    number, kind = asked
    seen = []
    for m in _CHINESE.finditer(sentence):
        if kind is None or m.group(3) == kind:
            seen.append(1 if m.group(2) else chinese_number(m.group(1)))
    return bool(seen) and number not in seen


_ROMAN = {"i": 1, "ii": 2, "iii": 3, "iv": 4, "v": 5, "vi": 6, "vii": 7, "viii": 8, "ix": 9, "x": 10}
_ROMAN_ALT = "|".join(sorted(_ROMAN, key=len, reverse=True))
_NUMERAL = r"\d{1,2}|[一二三四五六七八九十]{1,3}"
# 補充協議八, 補充協議（八）, 第八份補充協議 (normalised)
_SUPPLEMENT = re.compile(
    rf"补充协议\s*[(（]?\s*({_NUMERAL})(?![份项个条])|第\s*({_NUMERAL})\s*份?\s*补充协议"
)
# "Supplement VIII", "supplement 8", "Supplement No. 8", "the eighth supplement" (normalised: lower case)
_SUPPLEMENT_EN = re.compile(
    rf"\bsupplement\s+(?:no\.?\s*)?(\d{{1,2}}|{_ROMAN_ALT})\b"
    rf"|\b(?:(\d{{1,2}})(?:st|nd|rd|th)|({'|'.join(_ENGLISH)}))\s+supplement"
)


def asked_supplement(question: str) -> int | None:
    """The numbered supplement a normalised question names (補充協議八, "Supplement VIII"), or None."""
    m = _SUPPLEMENT.search(question)
    if m:
        return chinese_number(m.group(1) or m.group(2))
    m = _SUPPLEMENT_EN.search(question)
    if m is None:
        return None
    if m.group(1):
        return int(m.group(1)) if m.group(1).isdigit() else _ROMAN[m.group(1)]
    return int(m.group(2)) if m.group(2) else _ENGLISH[m.group(3)]


def names_another_supplement(sentence: str, asked: int) -> bool:
    """Whether a normalised sentence speaks of supplements (补充协议) without naming the asked one."""
    if "补充协议" not in sentence:
        return False
    return asked not in {chinese_number(a or b) for a, b in _SUPPLEMENT.findall(sentence)}
