"""POST /v1/feedback (👍/👎 on an answer), and for admins its export as a question set and the log purge."""

from __future__ import annotations

from typing import Any, Literal

from fastapi import APIRouter, Depends, Response, status
from starlette.concurrency import run_in_threadpool

from qa.api.body import JsonBodyRoute
from qa.api.deps import FeedbackDep, ServiceDep, SettingsDep, admin_key, question_error, search_key
from qa.api.errors import ApiError
from qa.api.schemas import ErrorResponse, FeedbackIn, FeedbackOut, PurgedOut
from qa.feedback import Citation, Feedback, question_rows
from qa.questions import QuestionError, check_question
from qa.service import QAService

router = APIRouter(tags=["feedback"])
# Only the POST reads a JSON body (strictly); the admin GET and DELETE have none.
posting = APIRouter(route_class=JsonBodyRoute, tags=["feedback"])

ERRORS = {code: {"model": ErrorResponse} for code in (400, 401, 403, 409, 413, 415, 422, 503)}
ADMIN_ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (401, 403, 404, 422)
}
JSONL = "application/x-ndjson"
JSONL_RESPONSE: dict[int | str, dict[str, Any]] = {200: {"content": {JSONL: {"schema": {"type": "string"}}}}}


def feedback_from(body: FeedbackIn, question: str, service: QAService) -> Feedback:
    """The domain record; each citation must be a place in the papers served (else 409), read from them."""
    citations = []
    for c in body.citations:
        document = service.document(c.doc_id)
        if document is None or not c.start < c.end <= len(document.text):
            raise ApiError(
                409,
                "citation_mismatch",
                f"citation {c.doc_id}[{c.start}:{c.end}] is not a place in the papers this server holds "
                "(send answer.sentences as /v1/ask returned them)",
            )
        citations.append(Citation(c.doc_id, c.start, c.end, document.text[c.start : c.end]))
    return Feedback(
        question=question,
        language=body.language,
        answer=body.answer,
        citations=tuple(citations),
        index_version=body.index_version,
        verdict=body.verdict,
        comment=(body.comment or "").strip() or None,
    )


@posting.post(
    "/v1/feedback",
    status_code=status.HTTP_201_CREATED,
    response_model=FeedbackOut,
    responses=ERRORS,  # type: ignore[arg-type]
    dependencies=[Depends(search_key)],
)
async def post_feedback(
    body: FeedbackIn, service: ServiceDep, settings: SettingsDep, store: FeedbackDep
) -> FeedbackOut:
    """Say whether an answer was right (👍 up) or wrong (👎 down), with an optional comment."""
    try:
        question = check_question(body.question, settings.max_question_chars)
    except QuestionError as exc:
        raise question_error(exc) from exc
    for field, value in (
        ("answer", body.answer),
        ("comment", body.comment),
        ("index_version", body.index_version),
    ):
        if value is not None and any("\ud800" <= ch <= "\udfff" for ch in value):
            raise ApiError(422, "invalid_text", f"{field} holds a lone surrogate (not valid Unicode text)")
    saved = await run_in_threadpool(store.add, feedback_from(body, question, service))
    assert saved.feedback_id is not None
    return FeedbackOut(id=saved.feedback_id, created_at=saved.created_at, verdict=saved.verdict)


router.include_router(posting)


@router.get(
    "/v1/admin/feedback",
    response_class=Response,
    responses=JSONL_RESPONSE | ADMIN_ERRORS,
    dependencies=[Depends(admin_key)],
)
def export_feedback(
    store: FeedbackDep,
    verdict: Literal["up", "down"] | None = None,
    lang: Literal["en", "zh-Hant", "zh-Hans"] | None = None,
) -> Response:
    """All feedback as a question set (JSONL): review it, then run it with ``python -m eval run --gold``."""
    return Response(question_rows(store.feedback(verdict, lang)), media_type=JSONL)


@router.delete(
    "/v1/admin/query-log",
    response_model=PurgedOut,
    responses=ADMIN_ERRORS,
    dependencies=[Depends(admin_key)],
)
def purge_query_log(store: FeedbackDep) -> PurgedOut:
    """Delete every logged question (feedback stays)."""
    return PurgedOut(deleted=store.purge_queries())
