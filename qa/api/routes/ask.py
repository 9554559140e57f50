"""POST /v1/ask: a cited answer and the passages it came from."""

from __future__ import annotations

from fastapi import APIRouter, Depends, Request
from starlette.concurrency import run_in_threadpool

from qa.api.body import JsonBodyRoute
from qa.api.deps import ServiceDep, SettingsDep, admitted, question_error, search_key
from qa.api.mapping import passage_out, response_language
from qa.api.schemas import AnswerOut, AskRequest, AskResponse, ErrorResponse, Term
from qa.questions import QuestionError, check_count, check_question
from qa.service import AskResult, QAService

router = APIRouter(route_class=JsonBodyRoute)

ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 403, 413, 415, 422, 503)}


def answer_out(question: str, result: AskResult, service: QAService) -> AskResponse:
    """The domain result as the HTTP response: every presentation choice for /v1/ask is made here."""
    passages = [
        passage_out(
            rank, hit, service.index.documents[hit.passage.doc_id], result.answer.highlights.get(rank, [])
        )
        for rank, hit in enumerate(result.hits, start=1)
    ]
    answer = result.answer
    return AskResponse(
        question=question,
        language=response_language(result.prepared.language),
        mixed=result.prepared.language == "mixed",
        answer=None
        if answer.text is None
        else AnswerOut(
            text=answer.text, citations=list(answer.citations), confidence=round(answer.confidence, 4)
        ),
        abstained=answer.text is None,
        confidence=round(answer.confidence, 4),
        terms=[Term(zh=zh, en=en) for zh, en in answer.terms],
        expansions=list(result.prepared.expansions),
        passages=passages,
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
async def ask(body: AskRequest, request: Request, service: ServiceDep, settings: SettingsDep) -> AskResponse:
    """Answer a question (English, Traditional or Simplified Chinese) with citations to the papers."""
    try:
        question = check_question(body.question, settings.max_question_chars)
        check_count(body.top_k, settings.max_top_k, "top_k")
    except QuestionError as exc:
        raise question_error(exc) from exc
    # Retrieval is CPU-bound: off the event loop so health checks and other requests keep flowing.
    result = await run_in_threadpool(service.ask, question, body.top_k, body.mode)
    response = answer_out(body.question, result, service)
    request.state.log = {
        "language": response.language,
        "abstained": response.abstained,
        "index_version": response.index_version,
    }
    return response
