"""The names of a paper's own parts (目的, 背景, 總結): real headings, never lines of a caption or title."""

from __future__ import annotations

SECTION_NAMES = frozenset(
    [
        "目的",
        "背景",
        "總結",
        "結論",
        "建議",
        "理念",
        "政策措施",
        "現行情況",
        "序言",
        "展望未來",
        "徵詢意見",
        "其他",
    ]
)
