"""Which language and script a question is in: en, zh-Hant, zh-Hans, or mixed."""

from __future__ import annotations

import re
from functools import lru_cache

from index.normalize import to_simplified

_CJK = re.compile("[\u3400-\u9fff]")
_LATIN_WORD = re.compile(r"[A-Za-z]{2,}")


@lru_cache(maxsize=1)
def _to_traditional() -> object:
    import opencc

    return opencc.OpenCC("s2hk")


def chinese_script(text: str) -> str:
    """zh-Hans when the text has Simplified-only characters and no Traditional-only ones, else zh-Hant."""
    has_traditional = to_simplified(text) != text
    has_simplified = str(_to_traditional().convert(text)) != text  # type: ignore[attr-defined]
    if has_simplified and not has_traditional:
        return "zh-Hans"
    return "zh-Hant"


def detect_language(text: str) -> str:
    """en, zh-Hant, zh-Hans, or mixed (Chinese with English words beyond acronyms like CEPA)."""
    cjk = len(_CJK.findall(text))
    words = [w for w in _LATIN_WORD.findall(text) if not w.isupper()]
    if cjk == 0:
        return "en"
    if len(words) >= 2 and len("".join(words)) > cjk:
        return "mixed"
    return chinese_script(text)


def to_traditional(text: str) -> str:
    """Simplified to Hong Kong Traditional."""
    return str(_to_traditional().convert(text))  # type: ignore[attr-defined]
