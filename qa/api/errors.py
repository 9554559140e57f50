"""Every error leaves as JSON ``{"error": {"code", "message"}}`` with a 4xx or 5xx status."""

from __future__ import annotations

from collections.abc import Iterable
from typing import Any

from fastapi import Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import JSONResponse
from pydantic import ValidationError
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.routing import Match
from starlette.types import Scope


class ApiError(Exception):
    """An error with a status, a machine-readable code and a message for a person."""

    def __init__(self, status: int, code: str, message: str, headers: dict[str, str] | None = None) -> None:
        super().__init__(message)
        self.status = status
        self.code = code
        self.message = message
        self.headers = headers


def error_response(
    status: int, code: str, message: str, headers: dict[str, str] | None = None
) -> JSONResponse:
    return JSONResponse({"error": {"code": code, "message": message}}, status_code=status, headers=headers)


_CODES = {
    "missing": "missing_field",
    "string_type": "invalid_type",
    "int_type": "invalid_type",
    "int_parsing": "invalid_type",
    "int_from_float": "invalid_type",
    "literal_error": "invalid_mode",
    "string_pattern_mismatch": "invalid_value",
    "string_too_short": "invalid_value",
    "string_too_long": "invalid_value",
    "too_long": "invalid_value",
    "greater_than_equal": "out_of_range",
    "less_than_equal": "out_of_range",
    "model_type": "invalid_body",
    "model_attributes_type": "invalid_body",
    "dict_type": "invalid_body",
    "json_invalid": "invalid_json",
    "extra_forbidden": "unknown_field",
}
OWN_CODES = frozenset({"invalid_text", "question_empty", "question_too_long"})


def validation_error(exc: ValidationError | RequestValidationError) -> ApiError:
    """The first problem of a validation error, as a 422 with a specific code."""
    errors = exc.errors()
    first = errors[0] if errors else {"type": "invalid", "loc": (), "msg": "invalid request"}
    field = ".".join(str(part) for part in first.get("loc", ()) if part not in ("body", "query"))
    kind = str(first.get("type"))
    # Our own validators raise PydanticCustomError whose type is already the code (e.g. invalid_text).
    code = _CODES.get(kind, kind if kind in OWN_CODES else "invalid_request")
    status = 400 if code == "invalid_json" else 422
    message = f"{field}: {first.get('msg')}" if field else str(first.get("msg"))
    return ApiError(status, code, message)


async def api_error_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, ApiError)
    headers = exc.headers
    if exc.status == 503 and headers is None:
        headers = {"Retry-After": "5"}
    return error_response(exc.status, exc.code, exc.message, headers)


async def request_validation_handler(_: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, RequestValidationError)
    err = validation_error(exc)
    return error_response(err.status, err.code, err.message)


_HTTP_CODES = {
    400: "bad_request",
    404: "not_found",
    405: "method_not_allowed",
    408: "request_timeout",
    413: "body_too_large",
    415: "unsupported_media_type",
}


async def http_error_handler(request: Request, exc: Exception) -> JSONResponse:
    assert isinstance(exc, StarletteHTTPException)
    code = _HTTP_CODES.get(exc.status_code, "http_error")
    headers = dict(exc.headers or {})
    if exc.status_code == 405:
        # Starlette names the methods of the first route on the path only; a path served by two routes
        # (GET and POST /v1/admin/papers) must list both, so a client learns every method that exists.
        methods = allowed_methods(request.app.router.routes, request.scope)
        if methods:
            headers["Allow"] = ", ".join(methods)
    return error_response(exc.status_code, code, str(exc.detail), headers)


def allowed_methods(routes: Iterable[Any], scope: Scope) -> list[str]:
    """Every method some route serves on the request's path (included routers are searched too)."""
    methods: set[str] = set()
    for route in routes:
        included = getattr(route, "original_router", None)
        if included is not None:
            methods.update(allowed_methods(included.routes, scope))
        elif route.matches(scope)[0] is not Match.NONE:
            methods |= getattr(route, "methods", None) or set()
    return sorted(methods)
