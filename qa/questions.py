"""The limits a question must meet, shared by HTTP and the CLI so both refuse the same things."""

from __future__ import annotations

MODES = ("hybrid", "bm25", "dense")


class QuestionError(ValueError):
    """A question or parameter policyqa will not take: a machine-readable code and a message."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


def check_question(text: str, max_chars: int, field: str = "question") -> str:
    """The question without surrounding space; empty, too long or not text raises QuestionError."""
    if any("\ud800" <= ch <= "\udfff" for ch in text):
        # A lone surrogate is not a character: it cannot be encoded, converted or stored.
        raise QuestionError("invalid_text", f"{field} holds a lone surrogate (not valid Unicode text)")
    if not text.strip():
        raise QuestionError("question_empty", f"{field} is empty; ask something, e.g. 前海的定位是甚麼？")
    if len(text) > max_chars:
        raise QuestionError(
            "question_too_long", f"{field} has {len(text)} characters; the limit is {max_chars}"
        )
    return text.strip()


def check_count(value: int, maximum: int, field: str) -> int:
    """A count of passages between 1 and ``maximum``."""
    if not 1 <= value <= maximum:
        raise QuestionError("out_of_range", f"{field}: between 1 and {maximum}, not {value}")
    return value


def check_mode(mode: str) -> str:
    if mode not in MODES:
        raise QuestionError("invalid_mode", f"mode: one of {', '.join(MODES)}, not {mode!r}")
    return mode
