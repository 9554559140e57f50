"""The chat client and the deadline against loopback servers: nothing listening, errors, garbage, silence."""

import asyncio
import time

import pytest

from index import default_glossary
from qa.generators import (
    ContextPassage,
    Generated,
    GenerationError,
    GenerationRequest,
    GroundingChecker,
    OpenAIChatGenerator,
    generate_answer,
    stream_answer,
)
from qa.generators.openai_chat import completions_url
from tests.conftest import free_port
from tests.llm_servers import ScriptedLLM

REQUEST = GenerationRequest(
    question="When was the Shenzhen-Hong Kong Cooperation Meeting set up?",
    language="en",
    passages=(ContextPassage(1, "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議。"),),
    evidence=(ContextPassage(1, "雙方更在2004年設立由政務司司長及深圳市市長共同主持的深港合作會議。"),),
    span="2004年",
    span_english="2004",
)
CHECKER = GroundingChecker(default_glossary())


def run(url, timeout=5.0, model="scripted"):
    async def go():
        generator = OpenAIChatGenerator(url, model)
        try:
            return await generate_answer(generator, REQUEST, CHECKER, 64, timeout)
        finally:
            await generator.aclose()

    return asyncio.run(go())


def error_of(url, timeout=5.0):
    with pytest.raises(GenerationError) as caught:
        run(url, timeout)
    return caught.value


def test_the_base_url_or_the_full_url():
    assert completions_url("http://h:1/v1/") == "http://h:1/v1/chat/completions"
    assert completions_url("http://h:1/v1/chat/completions") == "http://h:1/v1/chat/completions"


def test_a_streamed_answer_is_joined_checked_and_timed():
    with ScriptedLLM("The meeting was set up in 2004 [1].") as llm:
        generated = run(llm.url)
    assert (generated.text, generated.citations, generated.grounded, generated.model) == (
        "The meeting was set up in 2004 [1].",
        (1,),
        True,
        "scripted",
    )
    assert generated.ms > 0
    sent = llm.requests[0]
    assert (sent["model"], sent["max_tokens"], sent["temperature"], sent["stream"]) == (
        "scripted",
        64,
        0,
        True,
    )
    assert [m["role"] for m in sent["messages"]] == ["system", "user"]


def test_an_invented_number_comes_back_ungrounded():
    with ScriptedLLM("The meeting was set up in 2005 [1].") as llm:
        generated = run(llm.url)
    assert not generated.grounded
    assert [p.detail for p in generated.problems] == ["2005 is not in the cited passages"]


def test_deltas_come_before_the_checked_answer():
    async def go(url):
        generator = OpenAIChatGenerator(url, "scripted")
        items = [item async for item in stream_answer(generator, REQUEST, CHECKER, 64, 5.0)]
        await generator.aclose()
        return items

    with ScriptedLLM("Set up in 2004 [1].") as llm:
        items = asyncio.run(go(llm.url))
    assert [i for i in items if isinstance(i, str)] == ["Set ", "up i", "n 20", "04 [", "1]."]
    assert isinstance(items[-1], Generated) and items[-1].grounded


def test_nothing_listening_is_unreachable_at_once():
    started = time.perf_counter()
    error = error_of(f"http://127.0.0.1:{free_port()}/v1")
    assert error.code == "llm_unreachable"
    assert time.perf_counter() - started < 2


def test_an_error_status_is_reported_with_its_code():
    with ScriptedLLM(status=503) as llm:
        error = error_of(llm.url)
    assert error.code == "llm_http_error"
    assert "HTTP 503" in error.message


@pytest.mark.parametrize(
    ("raw", "code"),
    [
        (b"data: {not json\n\n", "llm_bad_response"),
        (b"data: [DONE]\n\n", "llm_empty_answer"),
        (b"<html>", "llm_empty_answer"),
    ],
)
def test_garbage_is_an_error_not_an_answer(raw, code):
    with ScriptedLLM(raw=raw) as llm:
        assert error_of(llm.url).code == code


def test_a_silent_server_times_out_within_the_deadline():
    with ScriptedLLM("Set up in 2004 [1].", delay=3.0) as llm:
        started = time.perf_counter()
        error = error_of(llm.url, timeout=0.3)
        took = time.perf_counter() - started
    assert error.code == "llm_timeout"
    assert took < 1.5


def test_the_api_key_is_sent_as_a_bearer_token():
    async def go(url):
        generator = OpenAIChatGenerator(url, "m", api_key="s3cret")
        await generate_answer(generator, REQUEST, CHECKER, 64, 5.0)
        await generator.aclose()

    with ScriptedLLM("Set up in 2004 [1].") as llm:
        asyncio.run(go(llm.url))
    assert llm.headers[0]["authorization"] == "Bearer s3cret"
