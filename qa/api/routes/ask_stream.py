"""POST /v1/ask/stream: the extractive answer at once, then the generated one as it arrives (SSE)."""

from __future__ import annotations

import json
from collections.abc import AsyncIterator

from fastapi import APIRouter, Depends, Request
from fastapi.responses import StreamingResponse
from pydantic import BaseModel

from qa.api.body import JsonBodyRoute
from qa.api.deps import FeedbackDep, GeneratorDep, ServiceDep, SettingsDep, admitted, search_key
from qa.api.generation import generation_events, request_for
from qa.api.routes.ask import ERRORS, ask_response, extractive, log_query
from qa.api.schemas import AskRequest, DeltaOut, ErrorBody, GeneratedOut

router = APIRouter(route_class=JsonBodyRoute)

_EVENT_NAMES = {DeltaOut: "delta", GeneratedOut: "generated", ErrorBody: "generation_error"}

STREAM_DESCRIPTION = """Events, each `event: NAME` and one `data:` line of JSON:

- `answer`: the whole /v1/ask response without the generated answer, sent first;
- `delta` `{"text": ...}`: a piece of the generated answer (with an LLM server, when the reader answered);
- `generated`: the generated answer, checked (`grounded`); show it only when grounded;
- `generation_error` `{"code", "message"}`: no generated answer (server down, slow, garbage);
- `done` `{}`: the end.
"""


# Each event as schemathesis and OpenAPI 3.2 read a stream: its name and one line of JSON.
EVENT_SCHEMA = {
    "type": "object",
    "required": ["event", "data"],
    "properties": {
        "event": {"enum": ["answer", "delta", "generated", "generation_error", "done"]},
        "data": {"type": "string", "contentMediaType": "application/json"},
    },
}


def sse(event: str, data: BaseModel | dict[str, object]) -> bytes:
    payload = data.model_dump_json() if isinstance(data, BaseModel) else json.dumps(data)
    return f"event: {event}\ndata: {payload}\n\n".encode()


@router.post(
    "/v1/ask/stream",
    responses={
        200: {
            "content": {"text/event-stream": {"schema": EVENT_SCHEMA}},
            "description": STREAM_DESCRIPTION,
        },
        **ERRORS,  # type: ignore[dict-item]
    },
    response_class=StreamingResponse,
    dependencies=[Depends(search_key), Depends(admitted)],
    tags=["questions"],
)
async def ask_stream(
    body: AskRequest,
    request: Request,
    service: ServiceDep,
    settings: SettingsDep,
    generator: GeneratorDep,
    store: FeedbackDep,
) -> StreamingResponse:
    """Answer a question as /v1/ask does, streamed: the extractive answer first, then the generated text."""
    result = await extractive(body, service, settings)
    response = ask_response(body.question, result, service)
    generation = request_for(result, settings) if generator is not None else None
    request.state.log = {
        "language": response.language,
        "abstained": response.abstained,
        "index_version": response.index_version,
        "stream": True,
    }
    await log_query(result, response, settings, store)

    async def events() -> AsyncIterator[bytes]:
        yield sse("answer", response)
        if generator is not None and generation is not None:
            async for event in generation_events(generator, generation, service, settings):
                yield sse(_EVENT_NAMES[type(event)], event)
        yield sse("done", {})

    return StreamingResponse(
        events(),
        media_type="text/event-stream",
        headers={"cache-control": "no-store", "x-accel-buffering": "no"},
    )
