"""A generated answer within a deadline: the text as it arrives, then the whole of it checked."""

from __future__ import annotations

import asyncio
import time
from collections.abc import AsyncIterator

from qa.generators.base import Generated, GenerationError, GenerationRequest, Generator
from qa.generators.grounding import GroundingChecker
from qa.generators.prompt import messages_for, passages_by_number


async def stream_answer(
    generator: Generator,
    request: GenerationRequest,
    checker: GroundingChecker,
    max_tokens: int,
    timeout: float,
) -> AsyncIterator[str | Generated]:
    """Text deltas, then the checked ``Generated``; GenerationError (e.g. llm_timeout) otherwise."""
    started = time.perf_counter()
    loop = asyncio.get_running_loop()
    deadline = loop.time() + timeout
    parts: list[str] = []
    deltas = aiter(generator.stream(messages_for(request), max_tokens))
    try:
        while True:
            try:
                delta = await asyncio.wait_for(anext(deltas), max(deadline - loop.time(), 0.0))
            except StopAsyncIteration:
                break
            except TimeoutError as exc:
                raise GenerationError(
                    "llm_timeout", f"the LLM did not finish its answer within {timeout:g} s"
                ) from exc
            parts.append(delta)
            yield delta
    finally:
        aclose = getattr(deltas, "aclose", None)
        if aclose is not None:
            await aclose()
    text = "".join(parts).strip()
    if not text:
        raise GenerationError("llm_empty_answer", "the LLM answered with no text")
    grounding = checker.check(text, request.language, passages_by_number(request))
    yield Generated(
        text=text,
        language=request.language,
        citations=grounding.citations,
        grounded=grounding.grounded,
        problems=grounding.problems,
        model=generator.model,
        ms=round((time.perf_counter() - started) * 1000, 1),
    )


async def generate_answer(
    generator: Generator,
    request: GenerationRequest,
    checker: GroundingChecker,
    max_tokens: int,
    timeout: float,
) -> Generated:
    """The whole checked answer (for /v1/ask); GenerationError when there is none in time."""
    async for item in stream_answer(generator, request, checker, max_tokens, timeout):
        if isinstance(item, Generated):
            return item
    raise GenerationError("llm_empty_answer", "the LLM answered with no text")
