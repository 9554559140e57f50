"""GET /v1/search: ranked passages without an answer."""

from __future__ import annotations

import time
from typing import Annotated

from fastapi import APIRouter, Depends, Query, Request
from pydantic import ValidationError

from qa.api.deps import ServiceDep, SettingsDep, admitted, question_error, search_key
from qa.api.errors import validation_error
from qa.api.mapping import index_filters, passage_out, response_language
from qa.api.schemas import ErrorResponse, Mode, SearchResponse
from qa.filters import DATE, MAX_DOC_IDS, FiltersIn
from qa.questions import QuestionError, check_count, check_question

router = APIRouter()

# 404: a filter names a paper the index does not hold.
ERRORS = {code: {"model": ErrorResponse} for code in (401, 403, 404, 422, 503)}


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
    doc: Annotated[
        list[str] | None, Query(description="only this paper (repeatable)", max_length=MAX_DOC_IDS)
    ] = None,
    date_from: Annotated[
        str | None, Query(alias="from", pattern=DATE, description="papers dated from (2012, 2012-05)")
    ] = None,
    date_to: Annotated[
        str | None, Query(alias="to", pattern=DATE, description="papers dated up to, inclusive")
    ] = None,
    bureau: Annotated[
        str | None, Query(min_length=1, max_length=100, description="bureau name contains")
    ] = None,
    committee: Annotated[
        str | None, Query(min_length=1, max_length=100, description="committee name contains")
    ] = None,
) -> SearchResponse:
    """The passages that best match a question, each explaining which leg found it."""
    try:
        query = check_question(q, settings.max_question_chars, "q")
        check_count(k, settings.max_search_k, "k")
    except QuestionError as exc:
        raise question_error(exc) from exc
    try:
        given = FiltersIn(
            doc_ids=doc or [], date_from=date_from, date_to=date_to, bureau=bureau, committee=committee
        )
    except ValidationError as exc:
        raise validation_error(exc) from exc
    filters = index_filters(given, {m.doc_id for m in service.documents()})
    started = time.perf_counter()
    prepared, hits = service.search(query, k, mode, filters)
    passages = [
        passage_out(rank, hit, service.meta(hit.passage.doc_id), []) for rank, hit in enumerate(hits, start=1)
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
