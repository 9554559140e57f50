"""A generator over an OpenAI-compatible ``/v1/chat/completions`` (llama.cpp's server, Ollama, vLLM)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator
from typing import Any

import httpx

from qa.generators.base import ChatMessage, GenerationError


def transport_failure(exc: httpx.HTTPError, url: str, doing: str) -> tuple[str, str]:
    """The code and message for a call to an LLM server that failed on the wire (``doing``: what it did
    not do in time, e.g. "answer")."""
    if isinstance(exc, httpx.ConnectError):
        return "llm_unreachable", f"cannot reach the LLM server at {url}: {exc}"
    if isinstance(exc, httpx.TimeoutException):
        return "llm_timeout", f"the LLM server did not {doing} in time: {exc}"
    return "llm_unreachable", f"the LLM server connection failed: {exc}"


def completions_url(base: str) -> str:
    """``http://h:p/v1`` (the OpenAI base URL) or the full ``.../chat/completions`` URL, as given."""
    base = base.rstrip("/")
    return base if base.endswith("/chat/completions") else base + "/chat/completions"


class OpenAIChatGenerator:
    """Streams a chat completion (server-sent events) at temperature 0, so an answer is repeatable."""

    def __init__(
        self, url: str, model: str, api_key: str | None = None, connect_timeout: float = 2.0
    ) -> None:
        self.url = completions_url(url)
        self.model = model
        headers = {"authorization": f"Bearer {api_key}"} if api_key else {}
        # The whole answer's deadline is the caller's; here only connecting is bounded.
        self._client = httpx.AsyncClient(
            headers=headers, timeout=httpx.Timeout(None, connect=connect_timeout), trust_env=False
        )

    async def stream(self, messages: list[ChatMessage], max_tokens: int) -> AsyncIterator[str]:
        body = {
            "model": self.model,
            "messages": [{"role": m.role, "content": m.content} for m in messages],
            "max_tokens": max_tokens,
            "temperature": 0,
            "stream": True,
        }
        try:
            async with self._client.stream("POST", self.url, json=body) as response:
                if response.status_code != 200:
                    detail = (await response.aread())[:200].decode("utf-8", "replace")
                    raise GenerationError(
                        "llm_http_error", f"the LLM server answered HTTP {response.status_code}: {detail}"
                    )
                async for line in response.aiter_lines():
                    delta = _delta(line)
                    if delta is _DONE:
                        return
                    if delta:
                        yield str(delta)
        except httpx.HTTPError as exc:
            raise GenerationError(*transport_failure(exc, self.url, "answer")) from exc

    async def aclose(self) -> None:
        await self._client.aclose()


_DONE = object()


def _delta(line: str) -> object:
    """The text of one server-sent event line: ``data: {...}``, ``data: [DONE]``, or nothing."""
    if not line.startswith("data:"):
        return None
    payload = line[5:].strip()
    if payload == "[DONE]":
        return _DONE
    try:
        event: Any = json.loads(payload)
        choice = event["choices"][0] if event.get("choices") else None
    except (ValueError, KeyError, TypeError, AttributeError) as exc:
        raise GenerationError(
            "llm_bad_response", f"the LLM server sent an unreadable event: {payload[:120]}"
        ) from exc
    if choice is None:
        return None
    content = (choice.get("delta") or {}).get("content") if isinstance(choice, dict) else None
    if content is not None and not isinstance(content, str):
        raise GenerationError("llm_bad_response", "the LLM server sent a non-text delta")
    return content
