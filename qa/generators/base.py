"""The generator protocol: an LLM that writes an answer from given passages, and what it hands back."""

from __future__ import annotations

from collections.abc import AsyncIterator
from dataclasses import dataclass
from typing import Protocol


@dataclass(frozen=True)
class ChatMessage:
    """One message of a chat prompt (``role`` is system, user or assistant)."""

    role: str
    content: str


@dataclass(frozen=True)
class ContextPassage:
    """A passage given to the model, numbered as the answer's passages are (``[n]`` cites it)."""

    number: int
    text: str


@dataclass(frozen=True)
class GenerationRequest:
    """What the model answers from: the question, the reader's evidence and the top passages."""

    question: str
    language: str
    passages: tuple[ContextPassage, ...]
    evidence: tuple[ContextPassage, ...]
    span: str | None = None
    span_english: str | None = None


@dataclass(frozen=True)
class Problem:
    """Why a generated answer is not grounded: a machine-readable code and what was wrong."""

    code: str
    detail: str


@dataclass(frozen=True)
class Generated:
    """A generated answer beside the extractive one; shown only when ``grounded``."""

    text: str
    language: str
    citations: tuple[int, ...]
    grounded: bool
    problems: tuple[Problem, ...]
    model: str
    ms: float


class GenerationError(Exception):
    """The LLM could not give an answer (down, slow, garbage): a code and a message, never a 5xx."""

    def __init__(self, code: str, message: str) -> None:
        super().__init__(message)
        self.code = code
        self.message = message


class Generator(Protocol):
    """A chat model behind some server; yields the answer's text as it arrives."""

    model: str

    def stream(self, messages: list[ChatMessage], max_tokens: int) -> AsyncIterator[str]:
        """Text deltas; raises GenerationError on any failure of the server or its answer."""
        ...

    async def aclose(self) -> None: ...
