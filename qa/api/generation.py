"""A generated answer added to an extractive one: never more than the timeout, never an error status."""

from __future__ import annotations

import logging
from collections.abc import AsyncIterator

from qa.api.schemas import AskResponse, DeltaOut, ErrorBody, GeneratedOut, ProblemOut
from qa.generators import Generated, GenerationError, GenerationRequest, Generator, generation_request
from qa.generators import stream_answer as stream_generated
from qa.presentation import display_language
from qa.service import AskResult, QAService
from qa.settings import Settings
from qa.span_english import span_in_english

logger = logging.getLogger("policyqa.generation")


def request_for(result: AskResult, settings: Settings) -> GenerationRequest | None:
    """What the model is given, or None when there is nothing to generate from (the reader abstained)."""
    span = result.reading.span
    language = display_language(result.prepared.language)
    english = span_in_english(span.text, span.kind) if span is not None and language == "en" else None
    return generation_request(result.question, language, result.reading, settings.llm_passages, english)


def generated_out(generated: Generated) -> GeneratedOut:
    return GeneratedOut(
        text=generated.text,
        language=generated.language,  # type: ignore[arg-type]
        citations=list(generated.citations),
        grounded=generated.grounded,
        problems=[ProblemOut(code=p.code, detail=p.detail) for p in generated.problems],
        model=generated.model,
        ms=generated.ms,
    )


async def generation_events(
    generator: Generator, request: GenerationRequest, service: QAService, settings: Settings
) -> AsyncIterator[DeltaOut | GeneratedOut | ErrorBody]:
    """Deltas, then the checked answer, or one error instead: whatever the LLM does, this ends in time."""
    try:
        async for item in stream_generated(
            generator, request, service.grounding, settings.llm_max_tokens, settings.llm_timeout
        ):
            yield generated_out(item) if isinstance(item, Generated) else DeltaOut(text=item)
    except GenerationError as exc:
        yield ErrorBody(code=exc.code, message=exc.message)
    except Exception as exc:  # a generated answer is optional; the extractive one must still go out
        logger.exception("generation failed")
        yield ErrorBody(
            code="generation_failed", message=f"the generated answer failed: {type(exc).__name__}"
        )


async def add_generated(
    response: AskResponse,
    result: AskResult,
    generator: Generator | None,
    service: QAService,
    settings: Settings,
) -> AskResponse:
    """The response with ``answer.generated`` or ``generation_error`` (unchanged without an LLM server)."""
    request = request_for(result, settings) if generator is not None else None
    if generator is None or request is None or response.answer is None:
        return response
    async for event in generation_events(generator, request, service, settings):
        if isinstance(event, GeneratedOut):
            response.answer.generated = event
        elif isinstance(event, ErrorBody):
            response.generation_error = event
    return response
