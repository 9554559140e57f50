"""GET /v1/search: ranked passages without an answer."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request

from qa.api.deps import ServiceDep, SettingsDep, admitted, question_error, search_key
from qa.api.mapping import passage_out, response_language
from qa.api.schemas import ErrorResponse, Mode, SearchResponse
from qa.questions import QuestionError, check_count, check_question

router = APIRouter()

ERRORS = {code: {"model": ErrorResponse} for code in (401, 403, 422, 503)}


@router.get(
    "/v1/search",
    response_model=SearchResponse,
    responses=ERRORS,  # type: ignore[arg-type]
    dependencies=[Depends(search_key), Depends(admitted)],
    tags=["questions"],
)
def search(
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    q: Annotated[str, Query(description="the question or keywords")],
    k: Annotated[int, Query(ge=1, description="how many passages, at most POLICYQA_MAX_SEARCH_K")] = 10,
    mode: Annotated[Mode, Query()] = "hybrid",
) -> SearchResponse:
    """The passages that best match a question, each explaining which leg found it."""
    try:
        query = check_question(q, settings.max_question_chars, "q")
        check_count(k, settings.max_search_k, "k")
    except QuestionError as exc:
        raise question_error(exc) from exc
    started = time.perf_counter()
    prepared, hits = service.search(query, k, mode)
    passages = [
        passage_out(rank, hit, service.index.documents[hit.passage.doc_id], [])
        for rank, hit in enumerate(hits, start=1)
    ]
    response = SearchResponse(
        query=query,
        language=response_language(prepared.language),
        passages=passages,
        index_version=service.version,
        took_ms=round((time.perf_counter() - started) * 1000, 2),
    )
    request.state.log = {"language": response.language, "index_version": response.index_version}
    return response
