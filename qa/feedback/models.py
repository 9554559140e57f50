"""A piece of feedback on one answer, a logged question, and the quality summary admins read."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

Verdict = Literal["up", "down"]


@dataclass(frozen=True)
class Citation:
    """An answer sentence as cited: ``document.text[start:end] == text`` in the index that answered."""

    doc_id: str
    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Feedback:
    """An asker's verdict on one answer (``answer`` is None when the service abstained)."""

    question: str
    language: str
    answer: str | None
    citations: tuple[Citation, ...]
    index_version: str
    verdict: Verdict
    comment: str | None = None
    created_at: str = ""
    feedback_id: int | None = None


@dataclass(frozen=True)
class LoggedQuery:
    """One question as the opt-in query log keeps it."""

    question: str
    language: str
    abstained: bool
    latency_ms: float
    created_at: str = ""


@dataclass(frozen=True)
class AskedCount:
    question: str
    language: str
    count: int


@dataclass(frozen=True)
class Quality:
    """What an admin looks at: recent abstentions, 👎 answers and the most asked questions, by language."""

    languages: tuple[str, ...]
    logged: int
    abstained: int
    feedback_up: int
    feedback_down: int
    recent_abstentions: tuple[LoggedQuery, ...]
    down_answers: tuple[Feedback, ...]
    most_asked: tuple[AskedCount, ...]
    query_log_enabled: bool
