"""The figures a text states, as values: 90億港元 and HK$9 billion both state 9e9; 2016年6月 and June 2016
both name month 6.

Grounding compares values, not strings, so a number said in English, in Chinese numerals or with another
magnitude (億 / billion) is the same number. Years, days, counts, amounts and percentages are numbers;
months are kept apart, because a bare 6 in the evidence does not make "June" true.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from qa.readers import expressions

_DIGITS = re.compile(r"\d(?:[\d,，]|\s(?=\d{3}(?!\d)))*(?:\.\d+)?")
_HANZI = re.compile(r"[零〇一二兩两三四五六七八九十百千萬万億亿]+")
_SMALL_UNIT = expressions.HANZI_SMALL_UNIT
_BIG_UNIT = expressions.HANZI_BIG_UNIT
hanzi_value = expressions.hanzi_value
_MAGNITUDE_AFTER = re.compile(r"\s*(?:多|餘|余)?\s*([萬万億亿千百]{0,2})")
_CHINESE_MONTH = re.compile(r"(\d{1,2}|[一二三四五六七八九十]{1,3})\s*月")

_ENGLISH_NUMBER = re.compile(
    r"(?<![A-Za-z0-9.])(\d{1,3}(?:,\d{3})+|\d+)(\.\d+)?\s*(billion|million|thousand|bn)?(?![A-Za-z0-9])",
    re.IGNORECASE,
)
_ENGLISH_SCALE = {"billion": 1e9, "bn": 1e9, "million": 1e6, "thousand": 1e3}
_MONTHS = (
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
)
_ENGLISH_MONTH = re.compile(
    r"\b(" + "|".join(m.capitalize() for m in _MONTHS) + r"|Sept?|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Oct|Nov|Dec)\b"
)
# "[2]" cites a passage; it is not a figure of the answer.
CITATION = re.compile(r"[\[【［]\s*(\d+(?:\s*[,，、]\s*\d+)*)\s*[\]】］]")


@dataclass(frozen=True)
class Figure:
    """A figure as written (``surface``) and the value it states."""

    surface: str
    value: float


def key(value: float) -> float:
    """Values equal to six significant digits are the same figure (9e9 from 90 x 1e8 or 9 x 1e9)."""
    return float(f"{value:.6g}")


def _scale(magnitude: str) -> float:
    scale = 1.0
    for ch in magnitude:
        scale *= _BIG_UNIT.get(ch) or _SMALL_UNIT.get(ch, 1)
    return scale


def _digit_figures(text: str) -> list[Figure]:
    out = []
    for m in _DIGITS.finditer(text):
        value = float(re.sub(r"[,，\s]", "", m.group(0)))
        out.append(Figure(m.group(0), value))
        magnitude = _MAGNITUDE_AFTER.match(text, m.end())
        if magnitude and magnitude.group(1):
            out.append(Figure(text[m.start() : magnitude.end()], value * _scale(magnitude.group(1))))
    return out


def evidence_values(text: str) -> set[float]:
    """Every value the evidence could be read as stating (generous: any run of Chinese numerals counts)."""
    values = {key(f.value) for f in _digit_figures(text)}
    for m in _HANZI.finditer(text):
        run = m.group(0)
        # 十一五 holds 十一 (the 11th plan); every short stretch of a run is a reading.
        for i in range(len(run)):
            for j in range(i + 1, min(len(run), i + 6) + 1):
                value = hanzi_value(run[i:j])
                if value is not None:
                    values.add(key(value))
    return values


def evidence_months(text: str) -> set[int]:
    return {month for _, month in chinese_months(text)}


def chinese_figures(text: str) -> list[Figure]:
    """Figures a Chinese answer states: runs of digits, and Chinese numerals that date or count something."""
    text = CITATION.sub(" ", text)
    out = _digit_figures(text)
    stretches = expressions.find("date", text) + expressions.numbers(text)
    for expression in stretches:
        for m in _HANZI.finditer(expression.text):
            numeral = m.group(0).rstrip("萬万億亿")
            # A bare 億 after digits (31,280億) was read with the digits above.
            value = hanzi_value(numeral) if numeral else None
            if value is not None:
                out.append(Figure(m.group(0), value * _scale(m.group(0)[len(numeral) :])))
    return out


def chinese_months(text: str) -> list[tuple[str, int]]:
    out = []
    for m in _CHINESE_MONTH.finditer(CITATION.sub(" ", text)):
        value = int(m.group(1)) if m.group(1).isdigit() else hanzi_value(m.group(1))
        if value is not None and 1 <= value <= 12:
            out.append((m.group(0), value))
    return out


def english_figures(text: str) -> list[Figure]:
    """Figures an English answer states: 2004, 2,400, 1.5%, HK$9 billion (9e9), 12th (12)."""
    text = CITATION.sub(" ", text)
    out = []
    for m in _ENGLISH_NUMBER.finditer(text):
        value = float(m.group(1).replace(",", "") + (m.group(2) or ""))
        scale = _ENGLISH_SCALE.get((m.group(3) or "").lower(), 1.0)
        out.append(Figure(m.group(0).strip(), value * scale))
    # Ordinals (12th, 2nd) are numbers too; the pattern above stops at the letters.
    for m in re.finditer(r"(?<![A-Za-z0-9.])(\d+)(?:st|nd|rd|th)(?![A-Za-z0-9])", text):
        out.append(Figure(m.group(0), float(m.group(1))))
    return out


def english_months(text: str) -> list[tuple[str, int]]:
    out = []
    for m in _ENGLISH_MONTH.finditer(text):
        name = m.group(1).lower()
        month = next(i for i, full in enumerate(_MONTHS, start=1) if full.startswith(name[:3]))
        out.append((m.group(1), month))
    return out
