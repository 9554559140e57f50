"""HTTP shapes (pydantic), kept apart from the domain dataclasses so the API can change on its own."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr
from pydantic_core import PydanticCustomError

Mode = Literal["hybrid", "bm25", "dense"]


def _json_integer(value: Any) -> Any:
    """A JSON integer, which includes 4.0 (JSON Schema says so) but not "4" or true."""
    if isinstance(value, str | bool):
        raise PydanticCustomError("int_type", "Input should be a valid integer")
    return value


JsonInt = Annotated[int, BeforeValidator(_json_integer)]


class AskRequest(BaseModel):
    """POST /v1/ask body."""

    model_config = ConfigDict(extra="ignore")

    question: StrictStr = Field(description="1 to POLICYQA_MAX_QUESTION_CHARS characters, not all space")
    top_k: JsonInt = Field(default=5, ge=1, description="passages to return, at most POLICYQA_MAX_TOP_K")
    mode: Mode = "hybrid"


class Explain(BaseModel):
    bm25_rank: int | None
    dense_rank: int | None
    bm25_score: float | None = None
    dense_score: float | None = None
    found_by: str
    matched_terms: list[str]


class PassageOut(BaseModel):
    rank: int
    chunk_id: str
    doc_id: str
    title: str
    title_en: str
    paper_no: str | None
    date: str
    paragraph: str | None
    annex: str | None
    heading: str | None
    page: int | None
    start: int
    end: int
    text: str
    score: float
    highlights: list[tuple[int, int]]
    explain: Explain
    link: str


class AnswerOut(BaseModel):
    text: str
    citations: list[int]
    confidence: float


class Term(BaseModel):
    zh: str
    en: str


class AskResponse(BaseModel):
    question: str
    language: Literal["en", "zh-Hant", "zh-Hans"]
    mixed: bool
    answer: AnswerOut | None
    abstained: bool
    confidence: float
    terms: list[Term]
    expansions: list[tuple[str, str]]
    passages: list[PassageOut]
    index_version: str
    took_ms: float


class SearchResponse(BaseModel):
    query: str
    language: Literal["en", "zh-Hant", "zh-Hans"]
    passages: list[PassageOut]
    index_version: str
    took_ms: float


class DocumentSummary(BaseModel):
    doc_id: str
    title: str
    title_en: str
    paper_no: str | None
    date: str
    committee: str | None
    committee_en: str | None
    bureaus: list[str]
    bureaus_en: list[str]
    language: str
    passages: int
    chars: int


class BlockOut(BaseModel):
    kind: str
    start: int
    end: int
    paragraph: str | None
    heading: str | None
    annex: str | None
    page: int | None


class DocumentOut(DocumentSummary):
    text: str
    blocks: list[BlockOut]


class ErrorBody(BaseModel):
    code: str
    message: str


class ErrorResponse(BaseModel):
    error: ErrorBody
