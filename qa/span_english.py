"""An answer span said in English for English askers: 2016年6月 -> June 2016, 90億港元 -> HK$9 billion.

Only what can be said exactly: dates, figures with their magnitude and currency, qualifiers (約 about,
超過 over, 不少於 at least) and names the glossary knows. Anything else gets no English (None), never a guess.
"""

from __future__ import annotations

import re

from index import default_glossary
from qa.readers.expressions import hanzi_value

_MONTHS = (
    "January February March April May June July August September October November December".split()  # noqa: SIM905
)
_QUALIFIERS = (
    ("不少於", "at least"),
    ("不少于", "at least"),
    ("不多於", "at most"),
    ("至少", "at least"),
    ("最少", "at least"),
    ("超過", "over"),
    ("超过", "over"),
    ("多於", "over"),
    ("逾", "over"),
    ("大約", "about"),
    ("約", "about"),
    ("约", "about"),
    ("接近", "nearly"),
    ("近", "nearly"),
)
_PEOPLE = {"人", "名", "位"}
_DATE = re.compile(
    r"^(?P<year>\d{4})\s*年(?:\s*(?P<month>\d{1,2})\s*月(?:\s*(?P<day>\d{1,2})\s*[日號])?)?"
    r"\s*(?P<part>年底|年初|年中|底|初|中旬|中|第\s*(?P<quarter>[1-4])\s*季度?)?\s*(?P<edge>前|之前|後|之後)?$"
)
_FIGURE = re.compile(
    r"^(?P<cur1>港幣|港币|人民幣|人民币|HK\$)?\s*(?P<num>\d(?:[\d,，\s]*\d)?(?:\.\d+)?|[零〇一二兩两三四五六七八九十百千]+)"
    r"\s*(?P<more>多|餘)?\s*(?P<mag>萬|万|億|亿)?\s*"
    r"(?P<unit>港元|港幣|港币|元人民幣|元人民币|元|%|％|[\u4e00-\u9fff]{1,2})?$"
)


def _number(text: str) -> float | None:
    digits = re.sub(r"[,，\s]", "", text)
    if re.fullmatch(r"\d+(?:\.\d+)?", digits):
        return float(digits)
    value = hanzi_value(text)
    return float(value) if value is not None else None


def _magnitude(value: float, mag: str | None) -> str:
    if mag in ("億", "亿"):
        value *= 1e8
    elif mag in ("萬", "万"):
        value *= 1e4
    for size, word in ((1e9, "billion"), (1e6, "million")):
        if value >= size:
            return f"{value / size:g} {word}"
    return f"{value:,.0f}" if value == int(value) else f"{value:g}"


def _date(m: re.Match[str]) -> str:
    year, month, day = m["year"], m["month"], m["day"]
    when = year
    if month and 1 <= int(month) <= 12:
        when = f"{_MONTHS[int(month) - 1]} {year}"
        if day:
            when = f"{int(day)} {when}"
    part = m["part"] or ""
    if m["quarter"]:
        when = f"Q{m['quarter']} {when}"
    elif part in ("年底", "底"):
        when = f"the end of {when}"
    elif part in ("年初", "初"):
        when = f"early {when}"
    elif part in ("年中", "中", "中旬"):
        when = f"mid-{when}"
    if m["edge"] in ("前", "之前"):
        when = f"before {when}"
    elif m["edge"] in ("後", "之後"):
        when = f"after {when}"
    return when


def span_in_english(text: str, kind: str) -> str | None:
    """The span in English, or None when it cannot be said exactly."""
    text = text.strip()
    if kind in ("post", "body", "place"):
        found = default_glossary().find_chinese(text)
        # Only when the glossary's names cover the whole span (but for 與/和/及 between them).
        rest = text
        for start, end, _ in sorted(found, key=lambda f: -f[0]):
            rest = rest[:start] + rest[end:]
        if not found or re.sub(r"[與与和及、\s]", "", rest):
            return None
        return " and ".join(e.english[0] for _, _, e in found)
    if kind == "date":
        m = _DATE.match(text)
        return _date(m) if m else None
    qualifier = ""
    for chinese, english in _QUALIFIERS:
        if text.startswith(chinese):
            qualifier, text = english + " ", text[len(chinese) :].strip()
            break
    m = _FIGURE.match(text)
    if not m:
        return None
    value = _number(m["num"])
    if value is None:
        return None
    figure = _magnitude(value, m["mag"]) + ("+" if m["more"] else "")
    unit = m["unit"] or ""
    currency = m["cur1"] or ""
    if unit in ("%", "％"):
        return f"{qualifier}{figure}%"
    if currency in ("人民幣", "人民币") or unit in ("元人民幣", "元人民币"):
        return f"{qualifier}RMB {figure}"
    if currency in ("港幣", "港币", "HK$") or unit in ("港元", "港幣", "港币"):
        return f"{qualifier}HK${figure}"
    if unit == "元":
        return f"{qualifier}{figure} 元"
    if unit in _PEOPLE:
        return f"{qualifier}{figure} people"
    if unit == "人次":
        return f"{qualifier}{figure} person-trips"
    return f"{qualifier}{figure}"
