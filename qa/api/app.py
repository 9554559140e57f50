"""The FastAPI app: the index is loaded in the lifespan; routers, limits, headers, logs and metrics."""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.metadata import PackageNotFoundError, version
from typing import Any

from fastapi import FastAPI
from fastapi.exceptions import RequestValidationError
from fastapi.middleware.cors import CORSMiddleware
from starlette.exceptions import HTTPException as StarletteHTTPException

from qa.admin import PaperAdmin
from qa.api.deps import Admission
from qa.api.errors import ApiError, api_error_handler, http_error_handler, request_validation_handler
from qa.api.headers import SecurityHeaders
from qa.api.limits import BodyLimits
from qa.api.observability import AccessLog, Metrics
from qa.api.routes import admin, ask, ask_stream, documents, feedback, ops, papers, quality, search, static
from qa.feedback import FeedbackStore
from qa.generators import make_generator
from qa.service import ServiceHolder
from qa.settings import Settings


def package_version() -> str:
    try:
        return version("policyqa")
    except PackageNotFoundError:
        return "0+unknown"


def create_app(settings: Settings | None = None, holder: ServiceHolder | None = None) -> FastAPI:
    """The app; ``holder`` lets tests hand in an already loaded service."""
    settings = settings or Settings()
    holder = holder or ServiceHolder(settings)
    admission = Admission(settings.max_in_flight)
    metrics = Metrics(holder, admission)
    generator = make_generator(settings)

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        if holder.service is None and holder.autostart:
            holder.start()
        yield
        if generator is not None:
            await generator.aclose()
        if holder.service is not None and holder.service.translator is not None:
            holder.service.translator.close()

    app = FastAPI(
        title="policyqa",
        version=package_version(),
        summary="Cited answers from Hong Kong government papers on cooperation with the Mainland",
        lifespan=lifespan,
        docs_url=None,
        redoc_url=None,
    )
    app.state.settings = settings
    app.state.holder = holder
    app.state.admission = admission
    app.state.metrics = metrics
    app.state.generator = generator
    app.state.feedback = FeedbackStore(settings.data_path)
    app.add_exception_handler(ApiError, api_error_handler)
    app.add_exception_handler(RequestValidationError, request_validation_handler)
    app.add_exception_handler(StarletteHTTPException, http_error_handler)
    app.state.papers = PaperAdmin(holder)
    for module in (ask, ask_stream, search, documents, feedback, admin, papers, quality, ops, static):
        app.include_router(module.router)

    # Added inside out: the access log sees every response, including a 413 from the body limits.
    if settings.cors_origins:
        app.add_middleware(
            CORSMiddleware,
            allow_origins=settings.cors_origins,
            allow_methods=["GET", "POST"],
            allow_headers=["content-type", "x-api-key", "authorization", "x-request-id"],
        )
    app.add_middleware(
        BodyLimits,
        max_bytes=settings.max_body_bytes,
        timeout=settings.body_timeout,
        upload_paths=frozenset({papers.UPLOAD_PATH}),
        upload_bytes=settings.max_upload_bytes,
    )
    app.add_middleware(SecurityHeaders)
    app.add_middleware(AccessLog, metrics=metrics, enabled=settings.access_log)
    app.openapi = lambda: _openapi(app, settings)  # type: ignore[method-assign]
    return app


def _openapi(app: FastAPI, settings: Settings) -> dict[str, Any]:
    """FastAPI's schema, plus the limits that come from settings, so it promises what the server enforces."""
    if app.openapi_schema is not None:
        return app.openapi_schema
    from fastapi.openapi.utils import get_openapi

    schema = get_openapi(
        title=app.title,
        version=app.version,
        summary=app.summary,
        routes=app.routes,
    )
    question = schema["components"]["schemas"]["AskRequest"]["properties"]
    question["question"].update(minLength=1, maxLength=settings.max_question_chars, pattern=r"\S")
    question["top_k"]["maximum"] = settings.max_top_k
    for parameter in schema["paths"]["/v1/search"]["get"]["parameters"]:
        if parameter["name"] == "q":
            parameter["schema"].update(minLength=1, maxLength=settings.max_question_chars, pattern=r"\S")
        if parameter["name"] == "k":
            parameter["schema"]["maximum"] = settings.max_search_k
    # Keys are optional settings: the schema only asks for one where the server will.
    if settings.search_key is None:
        schema["paths"]["/v1/ask"]["post"].pop("security", None)
        schema["paths"]["/v1/ask/stream"]["post"].pop("security", None)
        schema["paths"]["/v1/search"]["get"].pop("security", None)
    if settings.admin_key is None:
        for path in [p for p in schema["paths"] if p.startswith("/v1/admin/")]:
            del schema["paths"][path]
    if settings.search_key is None:
        schema["paths"]["/v1/feedback"]["post"].pop("security", None)
    feedback = schema["components"]["schemas"]["FeedbackIn"]["properties"]["question"]
    feedback.update(minLength=1, maxLength=settings.max_question_chars, pattern=r"\S")
    if settings.search_key is None and settings.admin_key is None:
        schema["components"].pop("securitySchemes", None)
    app.openapi_schema = schema
    return schema
