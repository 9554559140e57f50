"""POST /v1/ask: a cited answer and the passages it came from."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from qa.api.body import JsonBodyRoute
from qa.api.deps import (
    FeedbackDep,
    GeneratorDep,
    ServiceDep,
    SettingsDep,
    admitted,
    question_error,
    search_key,
)
from qa.api.generation import add_generated
from qa.api.mapping import index_filters, passage_out, response_language
from qa.api.schemas import (
    AnswerOut,
    AskRequest,
    AskResponse,
    ErrorBody,
    ErrorResponse,
    SentenceOut,
    SpanOut,
    Term,
)
from qa.feedback import FeedbackStore, LoggedQuery
from qa.presentation import abstain_message, answer_text, display_language, english_terms, in_script
from qa.questions import QuestionError, check_count, check_question
from qa.service import AskResult, QAService
from qa.settings import Settings
from qa.span_english import span_in_english

router = APIRouter(route_class=JsonBodyRoute)

# 404: a filter names a paper the index does not hold.
ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 413, 415, 422, 503)}


def answer_out(result: AskResult) -> AnswerOut | None:
    """The reading as the asker sees it: sentences and span with offsets, display text, English names."""
    reading, language = result.reading, result.prepared.language
    text = answer_text(reading, language)
    if text is None:
        return None
    span = reading.span
    terms = english_terms(reading, language)
    return AnswerOut(
        text=text,
        citations=list(reading.citations),
        confidence=round(reading.confidence, 4),
        sentences=[
            SentenceOut(
                text=s.text,
                doc_id=s.doc_id,
                start=s.start,
                end=s.end,
                passage=s.hit + 1,
                display=in_script(s.text, language),
            )
            for s in reading.sentences
        ],
        span=None
        if span is None
        else SpanOut(
            text=span.text,
            doc_id=span.doc_id,
            start=span.start,
            end=span.end,
            kind=span.kind,
            display=in_script(span.text, language),
            english=span_in_english(span.text, span.kind) if display_language(language) == "en" else None,
        ),
        terms=[Term(zh=zh, en=en) for zh, en in terms],
    )


def ask_response(question: str, result: AskResult, service: QAService) -> AskResponse:
    """The domain result as the HTTP response (also the CLI's --json): every presentation choice is here."""
    reading = result.reading
    return AskResponse(
        question=question,
        language=response_language(result.prepared.language),
        mixed=result.prepared.language == "mixed",
        answer=answer_out(result),
        abstained=reading.abstained,
        abstain_reason=reading.abstain_reason,
        abstain_message=abstain_message(reading, result.prepared.language),
        expected=reading.expected,
        confidence=round(reading.confidence, 4),
        terms=[Term(zh=zh, en=en) for zh, en in english_terms(reading, result.prepared.language)],
        expansions=list(result.prepared.expansions),
        translation=result.prepared.translation,
        translation_error=None
        if result.translation_error is None
        else ErrorBody(code=result.translation_error.code, message=result.translation_error.message),
        passages=[
            passage_out(rank, hit, service.meta(hit.passage.doc_id), reading.highlights.get(rank - 1, []))
            for rank, hit in enumerate(reading.hits, start=1)
        ],
        index_version=service.version,
        took_ms=round(result.took_ms, 2),
    )


@router.post(
    "/v1/ask",
    response_model=AskResponse,
    responses=ERRORS,  # type: ignore[arg-type]
    dependencies=[Depends(search_key), Depends(admitted)],
    tags=["questions"],
)
async def ask(
    body: AskRequest,
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    generator: GeneratorDep,
    store: FeedbackDep,
) -> AskResponse:
    """Answer a question (English, Traditional or Simplified Chinese) with citations to the papers.

    With an LLM server configured, ``answer.generated`` adds a written answer checked against the cited
    passages; if the server is down, slow or unhelpful, ``generation_error`` says so, the rest unchanged.
    """
    result = await extractive(body, service, settings)
    response = ask_response(body.question, result, service)
    response = await add_generated(response, result, generator, service, settings)
    request.state.log = {
        "language": response.language,
        "abstained": response.abstained,
        "index_version": response.index_version,
        "generation_error": None if response.generation_error is None else response.generation_error.code,
    }
    await log_query(result, response, settings, store)
    return response


async def extractive(body: AskRequest, service: QAService, settings: Settings) -> AskResult:
    """The reader's answer for a checked request (422 for a bad question, 404 for an unknown paper)."""
    try:
        question = check_question(body.question, settings.max_question_chars)
        check_count(body.top_k, settings.max_top_k, "top_k")
    except QuestionError as exc:
        raise question_error(exc) from exc
    # Retrieval is CPU-bound: off the event loop so health checks and other requests keep flowing.
    filters = index_filters(body.filters, {m.doc_id for m in service.documents()})
    return await run_in_threadpool(service.ask, question, body.top_k, body.mode, filters)


async def log_query(
    result: AskResult, response: AskResponse, settings: Settings, store: FeedbackStore
) -> None:
    """The question in the query log, when POLICYQA_QUERY_LOG is on (also for the streamed route)."""
    if settings.query_log:
        logged = LoggedQuery(result.question, response.language, response.abstained, response.took_ms)
        await run_in_threadpool(store.log_query, logged)
