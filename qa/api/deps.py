"""What routes depend on: settings, the loaded service, API keys and a bounded number of questions at once."""

from __future__ import annotations

import hmac
import threading
from collections.abc import AsyncIterator
from typing import Annotated

from fastapi import Depends, Request
from fastapi.security import APIKeyHeader

from qa.api.errors import ApiError
from qa.feedback import FeedbackStore
from qa.generators import Generator
from qa.questions import QuestionError
from qa.service import QAService, ServiceHolder
from qa.settings import Settings

# Declared as a security scheme so the OpenAPI document states that X-API-Key exists.
api_key_header = APIKeyHeader(
    name="X-API-Key",
    auto_error=False,
    description="needed on /v1/ask and /v1/search when POLICYQA_SEARCH_KEY is set, "
    "and on admin routes (POLICYQA_ADMIN_KEY); `Authorization: Bearer <key>` works too",
)


def get_settings(request: Request) -> Settings:
    settings: Settings = request.app.state.settings
    return settings


def get_holder(request: Request) -> ServiceHolder:
    holder: ServiceHolder = request.app.state.holder
    return holder


SettingsDep = Annotated[Settings, Depends(get_settings)]
HolderDep = Annotated[ServiceHolder, Depends(get_holder)]


def get_service(holder: HolderDep) -> QAService:
    if holder.service is None:
        if holder.error:
            raise ApiError(503, "index_unavailable", f"the index could not be loaded: {holder.error}")
        raise ApiError(503, "index_loading", "the index is loading; try again in a few seconds")
    return holder.service


ServiceDep = Annotated[QAService, Depends(get_service)]


def get_generator(request: Request) -> Generator | None:
    generator: Generator | None = request.app.state.generator
    return generator


GeneratorDep = Annotated[Generator | None, Depends(get_generator)]


def get_feedback_store(request: Request) -> FeedbackStore:
    store: FeedbackStore = request.app.state.feedback
    return store


FeedbackDep = Annotated[FeedbackStore, Depends(get_feedback_store)]


def _provided_key(request: Request, header_key: str | None) -> str | None:
    auth = request.headers.get("authorization", "")
    if not header_key and auth.lower().startswith("bearer "):
        return auth[7:].strip()
    return header_key


def _check_key(provided: str | None, expected: str, what: str) -> None:
    if not provided:
        raise ApiError(401, "unauthorized", f"this route needs the {what} key in the X-API-Key header")
    if not hmac.compare_digest(provided.encode(), expected.encode()):
        raise ApiError(403, "forbidden", f"the {what} key is wrong")


def search_key(
    request: Request, settings: SettingsDep, key: Annotated[str | None, Depends(api_key_header)]
) -> None:
    if settings.search_key is not None:
        _check_key(_provided_key(request, key), settings.search_key.get_secret_value(), "search")


def admin_key(
    request: Request, settings: SettingsDep, key: Annotated[str | None, Depends(api_key_header)]
) -> None:
    if settings.admin_key is None:
        raise ApiError(404, "not_found", "admin routes are disabled (set POLICYQA_ADMIN_KEY to enable them)")
    _check_key(_provided_key(request, key), settings.admin_key.get_secret_value(), "admin")


class Admission:
    """At most ``limit`` questions in flight; the next one is refused at once instead of queueing unseen."""

    def __init__(self, limit: int) -> None:
        self.limit = limit
        self.in_flight = 0
        self.rejected = 0
        self._lock = threading.Lock()

    def enter(self) -> None:
        with self._lock:
            if self.in_flight >= self.limit:
                self.rejected += 1
                raise ApiError(
                    503,
                    "busy",
                    f"{self.limit} questions are being answered; try again in a second",
                    {"Retry-After": "1"},
                )
            self.in_flight += 1

    def leave(self) -> None:
        with self._lock:
            self.in_flight -= 1


async def admitted(request: Request) -> AsyncIterator[None]:
    # Async so a refusal never waits for a worker thread: only admitted questions take one.
    admission: Admission = request.app.state.admission
    admission.enter()
    try:
        yield
    finally:
        admission.leave()


def question_error(exc: QuestionError) -> ApiError:
    return ApiError(422, exc.code, exc.message)
