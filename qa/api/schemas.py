"""HTTP shapes (pydantic), kept apart from the domain dataclasses so the API can change on its own."""

from __future__ import annotations

from typing import Annotated, Any, Literal

from pydantic import BaseModel, BeforeValidator, ConfigDict, Field, StrictStr
from pydantic_core import PydanticCustomError

from qa.filters import FiltersIn

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
    filters: FiltersIn | None = None


class ErrorBody(BaseModel):
    code: str
    message: str


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
    # paragraph, item, footnote, table_row; or the paper's own front_matter (number, committee, title) or
    # sign_off (offices, date)
    kind: str
    start: int
    end: int
    text: str
    score: float
    highlights: list[tuple[int, int]]
    explain: Explain
    link: str


class Term(BaseModel):
    zh: str
    en: str


class SpanOut(BaseModel):
    """The shortest expression that answers: ``document.text[start:end] == text`` (as written)."""

    text: str
    doc_id: str
    start: int
    end: int
    kind: str = Field(description="date | count | money | percent | post | body | place")
    display: str = Field(description="the span as shown to the asker (Simplified for a Simplified question)")
    english: str | None = Field(
        default=None, description="for English askers: the span in English where it can be said exactly"
    )


class SentenceOut(BaseModel):
    """An answer sentence: ``document.text[start:end] == text``; ``passage`` is its 1-based passage rank."""

    text: str
    doc_id: str
    start: int
    end: int
    passage: int
    display: str = Field(description="the sentence as the asker reads it (Simplified for Simplified askers)")


class ProblemOut(BaseModel):
    code: str = Field(
        description="unknown_citation | no_citation | wrong_language | figure_not_in_evidence | "
        "name_not_in_evidence"
    )
    detail: str


class GeneratedOut(BaseModel):
    """A machine-generated answer in the asker's language, with [n] citations to the passages."""

    text: str
    language: Literal["en", "zh-Hant", "zh-Hans"]
    citations: list[int]
    grounded: bool = Field(
        description="every [n] names a given passage, and every figure, date and name is in the cited ones"
    )
    problems: list[ProblemOut] = Field(description="why it is not grounded (empty when grounded)")
    model: str
    ms: float


class AnswerOut(BaseModel):
    text: str = Field(description="the answer sentence(s) for display, with [n] markers naming passages")
    citations: list[int]
    confidence: float
    sentences: list[SentenceOut]
    span: SpanOut | None = Field(description="null for a list, reason or description question")
    terms: list[Term] = Field(description="English names of things in the answer, for English askers")
    generated: GeneratedOut | None = Field(
        default=None,
        description="an answer written by the LLM server from the cited passages (POLICYQA_LLM_URL), checked "
        "against them; show it only when grounded. The extractive answer stays the source of truth",
    )


class AskResponse(BaseModel):
    question: str
    language: Literal["en", "zh-Hant", "zh-Hans"]
    mixed: bool
    answer: AnswerOut | None
    abstained: bool
    abstain_reason: str | None = Field(
        description="why the papers do not answer: focus_not_found, no_date_for_focus, no_number_for_focus, "
        "no_who_for_focus, no_place_for_focus, no_reason_for_focus, list_not_given, weak_evidence, "
        "no_evidence"
    )
    abstain_message: str | None
    expected: str = Field(description="the answer type the question asks for (date, number, who, ...)")
    confidence: float
    terms: list[Term]
    expansions: list[tuple[str, str]]
    translation: str | None = Field(
        default=None,
        description="an English question in Chinese, as the LLM server translated it: searched beside the "
        "glossary's terms (null without an LLM server, or when translation failed)",
    )
    translation_error: ErrorBody | None = Field(
        default=None,
        description="why the question was searched untranslated (llm_unreachable, llm_timeout, "
        "llm_http_error, llm_bad_response, llm_bad_translation); the answer is complete without it",
    )
    passages: list[PassageOut] = Field(
        description="the passage the answer comes from first, then the others by fused score (an abstention "
        "keeps the fused order)"
    )
    index_version: str
    took_ms: float
    generation_error: ErrorBody | None = Field(
        default=None,
        description="why no generated answer came (llm_unreachable, llm_timeout, llm_http_error, "
        "llm_bad_response, llm_empty_answer); the extractive answer is complete without it",
    )


class DeltaOut(BaseModel):
    """A piece of the generated answer as it arrives (event ``delta`` of /v1/ask/stream)."""

    text: str


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


class ErrorResponse(BaseModel):
    error: ErrorBody


class CitationIn(BaseModel):
    """An answer sentence by its place in a paper (``answer.sentences``); the server reads its text."""

    model_config = ConfigDict(extra="forbid")

    doc_id: StrictStr = Field(min_length=1, max_length=100)
    start: JsonInt = Field(ge=0, le=10_000_000)
    end: JsonInt = Field(ge=0, le=10_000_000)


# Sized so that even a body of \u-escaped astral characters stays under the default 64 KiB body limit.
MAX_ANSWER_CHARS = 2500
MAX_COMMENT_CHARS = 1000


class FeedbackIn(BaseModel):
    """POST /v1/feedback body: the asker's verdict on one answer, as /v1/ask returned it."""

    model_config = ConfigDict(extra="forbid")

    question: StrictStr = Field(
        description="the question as asked, 1 to POLICYQA_MAX_QUESTION_CHARS characters"
    )
    language: Literal["en", "zh-Hant", "zh-Hans"]
    answer: StrictStr | None = Field(
        default=None, max_length=MAX_ANSWER_CHARS, description="the answer text shown; null when it abstained"
    )
    citations: list[CitationIn] = Field(
        default_factory=list, max_length=8, description="the answer's sentences (doc_id, start, end)"
    )
    index_version: StrictStr = Field(min_length=1, max_length=100, description="index_version of the answer")
    verdict: Literal["up", "down"] = Field(description="up: 👍 the answer is right; down: 👎 it is not")
    comment: StrictStr | None = Field(default=None, max_length=MAX_COMMENT_CHARS, description="optional")


class FeedbackOut(BaseModel):
    id: int
    created_at: str
    verdict: Literal["up", "down"]


class LoggedQueryOut(BaseModel):
    question: str
    language: str
    abstained: bool
    latency_ms: float
    created_at: str


class AskedOut(BaseModel):
    question: str
    language: str
    count: int


class FeedbackItemOut(BaseModel):
    id: int
    created_at: str
    question: str
    language: str
    answer: str | None
    index_version: str
    comment: str | None


class QualityOut(BaseModel):
    """GET /v1/admin/quality: what askers could not get answered, disliked, and asked most."""

    languages: list[str]
    query_log_enabled: bool
    logged: int
    abstained: int
    feedback_up: int
    feedback_down: int
    recent_abstentions: list[LoggedQueryOut]
    down_answers: list[FeedbackItemOut]
    most_asked: list[AskedOut]


class PurgedOut(BaseModel):
    deleted: int
