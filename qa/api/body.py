"""JSON bodies read strictly before FastAPI validates them: media type, UTF-8, syntax and nesting depth."""

from __future__ import annotations

import json
from collections.abc import Callable, Coroutine
from email.message import Message
from typing import Any

from fastapi import Request, Response
from fastapi.routing import APIRoute

from qa.api.errors import ApiError


def is_json_media_type(content_type: str | None) -> bool:
    """``application/json`` or ``application/*+json`` exactly; ``text/plain; a=json`` is not JSON.

    Only a JSON media type makes a browser send a CORS preflight, so accepting anything else would let any
    web page post questions with a visitor's browser.
    """
    if not content_type:
        return False
    message = Message()
    message["content-type"] = content_type
    if message.get_content_maintype() != "application":
        return False
    subtype = message.get_content_subtype()
    return subtype == "json" or subtype.endswith("+json")


def json_depth(value: Any, limit: int) -> int:
    """How deep ``value`` nests, counting no further than ``limit + 1``."""
    stack: list[tuple[Any, int]] = [(value, 1)]
    deepest = 0
    while stack:
        item, depth = stack.pop()
        if isinstance(item, dict | list):
            deepest = max(deepest, depth)
            if deepest > limit:
                return deepest
            children = item.values() if isinstance(item, dict) else item
            stack.extend((child, depth + 1) for child in children)
    return deepest


def parse_json_body(raw: bytes, content_type: str | None, max_depth: int) -> Any:
    """The body as JSON, or an ApiError saying which of media type, encoding, syntax or depth is wrong."""
    if not is_json_media_type(content_type):
        raise ApiError(
            415, "unsupported_media_type", "send the question as JSON (content-type: application/json)"
        )
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
    except RecursionError as exc:
        raise ApiError(400, "json_too_deep", f"the body nests deeper than {max_depth} levels") from exc
    if json_depth(data, max_depth) > max_depth:
        raise ApiError(400, "json_too_deep", f"the body nests deeper than {max_depth} levels")
    return data


class JsonBodyRoute(APIRoute):
    """A route whose JSON body is checked by ``parse_json_body`` before FastAPI validates it."""

    def get_route_handler(self) -> Callable[[Request], Coroutine[Any, Any, Response]]:
        handler = super().get_route_handler()

        async def checked(request: Request) -> Response:
            settings = request.app.state.settings
            data = parse_json_body(
                await request.body(), request.headers.get("content-type"), settings.max_json_depth
            )
            # Starlette caches the parsed body here; FastAPI's own parse then reuses it.
            request._json = data
            return await handler(request)

        return checked
