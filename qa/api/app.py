"""The FastAPI app: routes are a few lines that call qa.service."""

from __future__ import annotations

import hmac
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, Query, Request
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from fastapi.responses import FileResponse, HTMLResponse, Response
from pydantic import ValidationError
from starlette.concurrency import run_in_threadpool
from starlette.exceptions import HTTPException as StarletteHTTPException

from corpus.models import Document
from index import IndexLoadError
from index.models import Hit
from qa.errors import (
    ApiError,
    api_error_handler,
    http_error_handler,
    request_validation_handler,
    validation_error,
)
from qa.schemas import (
    AnswerOut,
    AskRequest,
    AskResponse,
    BlockOut,
    DocumentOut,
    DocumentSummary,
    ErrorResponse,
    Explain,
    PassageOut,
    SearchResponse,
    Term,
)
from qa.service import QAService, ServiceHolder
from qa.settings import Settings

ERRORS: dict[int | str, dict[str, Any]] = {
    code: {"model": ErrorResponse} for code in (400, 401, 403, 404, 413, 415, 422, 503)
}


def _holder(request: Request) -> ServiceHolder:
    holder: ServiceHolder = request.app.state.holder
    return holder


def _service(holder: Annotated[ServiceHolder, Depends(_holder)]) -> QAService:
    if holder.service is None:
        if holder.error:
            raise ApiError(503, "index_unavailable", f"the index could not be loaded: {holder.error}")
        raise ApiError(503, "index_loading", "the index is loading; try again in a few seconds")
    return holder.service


def _settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def _check_key(provided: str | None, expected: str, what: str) -> None:
    if not provided:
        raise ApiError(401, "unauthorized", f"this route needs the {what} key in the X-API-Key header")
    if not hmac.compare_digest(provided.encode(), expected.encode()):
        raise ApiError(403, "forbidden", f"the {what} key is wrong")


def _search_key(request: Request, settings: Annotated[Settings, Depends(_settings)]) -> None:
    if settings.search_key is not None:
        _check_key(_api_key(request), settings.search_key.get_secret_value(), "search")


def _admin_key(request: Request, settings: Annotated[Settings, Depends(_settings)]) -> None:
    if settings.admin_key is None:
        raise ApiError(404, "not_found", "admin routes are disabled (set POLICYQA_ADMIN_KEY to enable them)")
    _check_key(_api_key(request), settings.admin_key.get_secret_value(), "admin")


def _api_key(request: Request) -> str | None:
    key = request.headers.get("x-api-key")
    auth = request.headers.get("authorization", "")
    if not key and auth.lower().startswith("bearer "):
        key = auth[7:].strip()
    return key


ServiceDep = Annotated[QAService, Depends(_service)]
SettingsDep = Annotated[Settings, Depends(_settings)]
SearchKey = Depends(_search_key)
AdminKey = Depends(_admin_key)


def _check_question(text: str, settings: Settings, field: str = "question") -> str:
    if not text.strip():
        raise ApiError(422, "question_empty", f"{field} is empty; ask something, e.g. 前海的定位是甚麼？")
    if len(text) > settings.max_question_chars:
        raise ApiError(
            422,
            "question_too_long",
            f"{field} has {len(text)} characters; the limit is {settings.max_question_chars}",
        )
    return text.strip()


def _passage_out(rank: int, hit: Hit, doc: Document, highlights: list[tuple[int, int]]) -> PassageOut:
    p = hit.passage
    return PassageOut(
        rank=rank,
        chunk_id=p.chunk_id,
        doc_id=p.doc_id,
        title=doc.meta.title_zh,
        title_en=doc.meta.title_en,
        paper_no=doc.meta.paper_no,
        date=doc.meta.date,
        paragraph=p.paragraph,
        annex=p.annex,
        heading=p.heading,
        page=p.page,
        start=p.start,
        end=p.end,
        text=p.text,
        score=round(hit.score, 6),
        highlights=highlights,
        explain=Explain(
            bm25_rank=hit.bm25_rank,
            dense_rank=hit.dense_rank,
            bm25_score=None if hit.bm25_score is None else round(hit.bm25_score, 4),
            dense_score=None if hit.dense_score is None else round(hit.dense_score, 4),
            found_by=hit.found_by,
            matched_terms=list(hit.matched_terms),
        ),
        link=f"/documents/{p.doc_id}#{p.start}-{p.end}",
    )


def _language(language: str) -> Any:
    return "en" if language == "mixed" else language


def _summary(doc: Document) -> dict[str, Any]:
    m = doc.meta
    return {
        "doc_id": m.doc_id,
        "title": m.title_zh,
        "title_en": m.title_en,
        "paper_no": m.paper_no,
        "date": m.date,
        "committee": m.committee_zh,
        "committee_en": m.committee_en,
        "bureaus": list(m.bureaus_zh),
        "bureaus_en": list(m.bureaus_en),
        "language": m.language,
        "passages": len(doc.passages),
        "chars": len(doc.text),
    }


async def _ask_body(request: Request, settings: Settings) -> AskRequest:
    """Parse the body by hand so bad bytes, bad JSON and bad fields each get their own error."""
    content_type = request.headers.get("content-type", "application/json")
    if "json" not in content_type:
        raise ApiError(
            415, "unsupported_media_type", "send the question as JSON (content-type: application/json)"
        )
    raw = await request.body()
    if len(raw) > 64 * 1024:
        raise ApiError(413, "body_too_large", "the request body is over 64 KiB")
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise ApiError(400, "invalid_encoding", f"the body is not UTF-8 (byte {exc.start})") from exc
    try:
        data = json.loads(text)
    except json.JSONDecodeError as exc:
        raise ApiError(
            400, "invalid_json", f"the body is not valid JSON: {exc.msg} at position {exc.pos}"
        ) from exc
    if not isinstance(data, dict):
        raise ApiError(422, "invalid_body", "the body must be a JSON object with a 'question' field")
    try:
        body = AskRequest.model_validate(data)
    except ValidationError as exc:
        raise validation_error(exc) from exc
    if body.top_k > settings.max_top_k:
        raise ApiError(422, "out_of_range", f"top_k: at most {settings.max_top_k}")
    _check_question(body.question, settings)
    return body


def create_app(settings: Settings | None = None, holder: ServiceHolder | None = None) -> FastAPI:
    """The app; ``holder`` lets tests hand in an already loaded service."""
    settings = settings or Settings()

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        app.state.settings = settings
        app.state.holder = holder or ServiceHolder(settings)
        if app.state.holder.service is None and app.state.holder.autostart:
            app.state.holder.start()
        yield

    app = FastAPI(
        title="policyqa",
        version="0.1.0",
        summary="Cited answers from Hong Kong government papers on cooperation with the Mainland",
        lifespan=lifespan,
    )
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, request_validation_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type", "x-api-key", "authorization"],
        )

    @app.get("/healthz", tags=["ops"])
    def healthz() -> dict[str, str]:
        return {"status": "ok"}

    @app.get("/readyz", tags=["ops"], responses=ERRORS)
    def readyz(holder: Annotated[ServiceHolder, Depends(_holder)]) -> dict[str, Any]:
        service = _service(holder)
        manifest = service.index.manifest
        return {
            "status": "ready",
            "index_version": service.version,
            "encoder": manifest["encoder"]["name"],
            "counts": manifest["counts"],
            "built_at": manifest["built_at"],
        }

    @app.post(
        "/v1/ask",
        response_model=AskResponse,
        responses=ERRORS,
        dependencies=[SearchKey],
        openapi_extra={
            "requestBody": {
                "required": True,
                "content": {"application/json": {"schema": AskRequest.model_json_schema()}},
            }
        },
    )
    async def ask(request: Request, service: ServiceDep, settings: SettingsDep) -> AskResponse:
        body = await _ask_body(request, settings)
        # Retrieval is CPU-bound: run it off the event loop so health checks and other requests keep flowing.
        result = await run_in_threadpool(service.ask, body.question.strip(), body.top_k, body.mode)
        passages = [
            _passage_out(
                rank, hit, service.index.documents[hit.passage.doc_id], result.answer.highlights.get(rank, [])
            )
            for rank, hit in enumerate(result.hits, start=1)
        ]
        answer = result.answer
        return AskResponse(
            question=body.question,
            language=_language(result.prepared.language),
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

    @app.get("/v1/search", response_model=SearchResponse, responses=ERRORS, dependencies=[SearchKey])
    def search(
        service: ServiceDep,
        settings: SettingsDep,
        q: Annotated[str, Query(description="the question or keywords")],
        k: Annotated[int, Query(ge=1, description="how many passages")] = 10,
        mode: Annotated[str, Query(pattern="^(hybrid|bm25|dense)$")] = "hybrid",
    ) -> SearchResponse:
        if k > settings.max_search_k:
            raise ApiError(422, "out_of_range", f"k: at most {settings.max_search_k}")
        query = _check_question(q, settings, "q")
        started = time.perf_counter()
        prepared, hits = service.search(query, k, mode)
        passages = [
            _passage_out(rank, hit, service.index.documents[hit.passage.doc_id], [])
            for rank, hit in enumerate(hits, start=1)
        ]
        return SearchResponse(
            query=query,
            language=_language(prepared.language),
            passages=passages,
            index_version=service.version,
            took_ms=round((time.perf_counter() - started) * 1000, 2),
        )

    @app.get("/v1/documents", response_model=list[DocumentSummary], responses=ERRORS)
    def documents(service: ServiceDep) -> list[DocumentSummary]:
        return [DocumentSummary(**_summary(doc)) for doc in service.documents()]

    @app.get("/v1/documents/{doc_id}", response_model=DocumentOut, responses=ERRORS)
    def document(doc_id: str, service: ServiceDep) -> DocumentOut:
        doc = service.document(doc_id)
        if doc is None:
            raise ApiError(404, "document_not_found", f"no document {doc_id!r}; GET /v1/documents lists them")
        return DocumentOut(
            **_summary(doc),
            text=doc.text,
            blocks=[BlockOut(**b.__dict__) for b in doc.blocks],
        )

    @app.post("/v1/admin/reload", responses=ERRORS, dependencies=[AdminKey], tags=["ops"])
    def reload(holder: Annotated[ServiceHolder, Depends(_holder)]) -> dict[str, str]:
        try:
            holder.reload()
        except IndexLoadError as exc:
            raise ApiError(
                503, "index_invalid", f"the new index could not be loaded; still serving the old one: {exc}"
            ) from exc
        assert holder.service is not None
        return {"status": "reloaded", "index_version": holder.service.version}

    _mount_static(app)
    return app


def _static(name: str) -> str:
    return str(resources.files("qa") / "static" / name)


def _mount_static(app: FastAPI) -> None:
    @app.get("/widget.js", include_in_schema=False)
    def widget() -> FileResponse:
        return FileResponse(_static("widget.js"), media_type="text/javascript; charset=utf-8")

    @app.get("/", include_in_schema=False)
    def home() -> HTMLResponse:
        return HTMLResponse(resources.files("qa").joinpath("static/index.html").read_text(encoding="utf-8"))

    @app.get("/documents/{doc_id}", include_in_schema=False)
    def document_page(doc_id: str) -> Response:
        return HTMLResponse(
            resources.files("qa").joinpath("static/document.html").read_text(encoding="utf-8")
        )
