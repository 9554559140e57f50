"""Small pure functions that undo the marks PDF extraction leaves in text."""

from __future__ import annotations

import re
import unicodedata

CJK = r"\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff"
CJK_PUNCT = r"\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65\u2014\u2018-\u201f\u2026"
SENTENCE_END = "。！？；!?"
_CLOSERS = "」』）)》〉”’"

_SPACES = re.compile(r"[ \t\u00a0\u3000\u2002-\u200b]+")
_BETWEEN_CJK = re.compile(f"(?<=[{CJK}{CJK_PUNCT}]) +(?=[{CJK}{CJK_PUNCT}])")
_CJK_DIGIT = re.compile(f"(?<=[{CJK}{CJK_PUNCT}]) +(?=[0-9])|(?<=[0-9%]) +(?=[{CJK}{CJK_PUNCT}])")
_INNER_BRACKET = re.compile(r"([(（]) +| +([)）])")
_COMPATIBILITY = re.compile("[\uf900-\ufaff]")
_PAGE_NUMBER = re.compile(r"^[-–—]?\s*(\d{1,3})\s*[-–—]?$")


def fold_compatibility_ideographs(text: str) -> str:
    """Map CJK compatibility ideographs (U+F900–U+FAFF) to their unified forms.

    They look like ordinary characters but are other code points, so a query's 年 would never match a
    paper's U+F98E. Each has a canonical singleton decomposition, which NFC applies.
    """
    if not _COMPATIBILITY.search(text):
        return text
    return "".join(unicodedata.normalize("NFC", ch) if "\uf900" <= ch <= "\ufaff" else ch for ch in text)


def normalize_unicode(text: str) -> str:
    """NFC, compatibility ideographs folded, line endings unified, BOM dropped."""
    text = text.replace("\r\n", "\n").replace("\r", "\n").lstrip("\ufeff")
    return fold_compatibility_ideographs(unicodedata.normalize("NFC", text))


def tidy_spaces(text: str) -> str:
    """Collapse runs of spaces and drop the stray ones between CJK characters and between CJK and digits.

    Spaces between digits stay: Hong Kong papers write thousands as ``3 800``.
    """
    text = _SPACES.sub(" ", text).strip()
    text = _BETWEEN_CJK.sub("", text)
    text = _CJK_DIGIT.sub("", text)
    return _INNER_BRACKET.sub(lambda m: m.group(1) or m.group(2), text)


def join_lines(lines: list[str]) -> str:
    """Join the lines of one block: nothing between CJK, one space between Latin words."""
    out = ""
    for line in lines:
        line = line.strip()
        if not line:
            continue
        if out and out[-1].isascii() and out[-1].isalnum() and line[0].isascii() and line[0].isalnum():
            out += " " + line
        else:
            out += line
    return tidy_spaces(out)


def page_number(line: str) -> int | None:
    """The page number a line consists of (``2``, ``- 5 -``), else None."""
    m = _PAGE_NUMBER.match(line.strip())
    return int(m.group(1)) if m else None


def ends_sentence(text: str) -> bool:
    """True when text ends a sentence (closing quotes and brackets allowed after the stop)."""
    stripped = text.rstrip().rstrip(_CLOSERS)
    return bool(stripped) and stripped[-1] in SENTENCE_END


def strip_bullet(line: str) -> str:
    """Drop the booklet's ◢ bullet glyph from the start of a line."""
    return line.lstrip().removeprefix("◢").strip()
