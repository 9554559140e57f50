"""Generated answers over HTTP: off by default, never worse with the LLM down, slow or careless; streamed."""

import json

import httpx
import pytest

from tests.conftest import LiveServer, free_port, make_app
from tests.llm_servers import ScriptedLLM

QUESTION = "When was the Shenzhen-Hong Kong Cooperation Meeting set up?"
UNANSWERABLE = "騰訊的主席是誰？"


def ask(server, question=QUESTION, path="/v1/ask"):
    return httpx.post(server.url + path, json={"question": question}, timeout=60)


def events(response):
    """(name, data) of each server-sent event."""
    out = []
    for block in response.text.split("\n\n"):
        if not block.strip():
            continue
        lines = dict(line.split(": ", 1) for line in block.split("\n"))
        out.append((lines["event"], json.loads(lines["data"])))
    return out


def without_timing(data):
    return {k: v for k, v in data.items() if k not in ("took_ms", "generation_error")}


@pytest.fixture(scope="module")
def plain(real_service):
    with LiveServer(make_app(real_service)) as server:
        yield server


def test_without_an_llm_server_nothing_changes(plain):
    data = ask(plain).json()
    assert data["answer"]["generated"] is None and data["generation_error"] is None
    streamed = events(ask(plain, path="/v1/ask/stream"))
    assert [name for name, _ in streamed] == ["answer", "done"]
    assert without_timing(streamed[0][1]) == without_timing(data)


def test_with_nothing_listening_the_extractive_answer_comes_with_a_generation_error(real_service, plain):
    url = f"http://127.0.0.1:{free_port()}/v1"
    with LiveServer(make_app(real_service, llm_url=url)) as server:
        r = ask(server)
        streamed = events(ask(server, path="/v1/ask/stream"))
    assert r.status_code == 200
    data = r.json()
    assert data["generation_error"]["code"] == "llm_unreachable"
    assert data["answer"]["generated"] is None
    assert without_timing(data) == without_timing(ask(plain).json())
    assert [name for name, _ in streamed] == ["answer", "generation_error", "done"]
    assert streamed[1][1]["code"] == "llm_unreachable"


def test_a_number_the_evidence_does_not_carry_makes_the_answer_ungrounded(real_service):
    with (
        ScriptedLLM("The Shenzhen-Hong Kong Cooperation Meeting was set up in 2005 [1].") as llm,
        LiveServer(make_app(real_service, llm_url=llm.url)) as server,
    ):
        data = ask(server).json()
    generated = data["answer"]["generated"]
    assert generated["grounded"] is False
    assert generated["problems"] == [
        {"code": "figure_not_in_evidence", "detail": "2005 is not in the cited passages"}
    ]
    assert data["answer"]["span"]["text"] == "2004年"  # the extractive answer is untouched


def test_a_grounded_answer_is_returned_beside_the_extractive_one(real_service):
    with (
        ScriptedLLM("The Shenzhen-Hong Kong Cooperation Meeting was set up in 2004 [1].") as llm,
        LiveServer(make_app(real_service, llm_url=llm.url, llm_model="tiny")) as server,
    ):
        data = ask(server).json()
    generated = data["answer"]["generated"]
    assert generated["grounded"] is True and generated["problems"] == []
    assert (generated["language"], generated["citations"], generated["model"]) == ("en", [1], "tiny")
    assert data["generation_error"] is None
    # The model was given the passage the answer cites, under the number the asker sees.
    prompt = llm.requests[0]["messages"][1]["content"]
    cited = data["answer"]["citations"][0]
    assert f"[{cited}] " + data["passages"][cited - 1]["text"].strip() in prompt


def test_nothing_is_generated_when_the_reader_abstains(real_service):
    with ScriptedLLM("Pony Ma [1].") as llm, LiveServer(make_app(real_service, llm_url=llm.url)) as server:
        data = ask(server, UNANSWERABLE).json()
        streamed = events(ask(server, UNANSWERABLE, path="/v1/ask/stream"))
    assert data["abstained"] and data["answer"] is None and data["generation_error"] is None
    assert [name for name, _ in streamed] == ["answer", "done"]
    assert llm.requests == []


def test_a_slow_llm_gives_way_to_the_extractive_answer_within_the_timeout(real_service):
    with (
        ScriptedLLM("Set up in 2004 [1].", delay=5.0) as llm,
        LiveServer(make_app(real_service, llm_url=llm.url, llm_timeout=0.5)) as server,
    ):
        r = ask(server)
    assert r.status_code == 200
    assert r.json()["generation_error"]["code"] == "llm_timeout"
    assert r.elapsed.total_seconds() < 4


def test_garbage_and_errors_are_generation_errors_never_5xx(real_service):
    for script, code in [
        (ScriptedLLM(raw=b"data: {oops\n\n"), "llm_bad_response"),
        (ScriptedLLM(status=500), "llm_http_error"),
    ]:
        with script as llm, LiveServer(make_app(real_service, llm_url=llm.url)) as server:
            r = ask(server)
            assert r.status_code == 200
            assert r.json()["generation_error"]["code"] == code
            assert r.json()["answer"]["span"]["text"] == "2004年"


def test_the_stream_sends_the_extractive_answer_first_then_the_text_as_it_comes(real_service):
    text = "The Shenzhen-Hong Kong Cooperation Meeting was set up in 2004 [1]."
    with ScriptedLLM(text) as llm, LiveServer(make_app(real_service, llm_url=llm.url)) as server:
        r = ask(server, path="/v1/ask/stream")
    assert r.headers["content-type"].startswith("text/event-stream")
    streamed = events(r)
    names = [name for name, _ in streamed]
    assert names[0] == "answer" and names[-2:] == ["generated", "done"]
    assert set(names[1:-2]) == {"delta"} and len(names) > 4
    first = streamed[0][1]
    assert first["answer"]["span"]["text"] == "2004年" and first["answer"]["generated"] is None
    assert "".join(d["text"] for name, d in streamed if name == "delta") == text
    assert streamed[-2][1]["grounded"] is True


def test_stream_requests_are_checked_like_ask(plain):
    r = httpx.post(plain.url + "/v1/ask/stream", json={"question": "   "}, timeout=10)
    assert r.status_code == 422 and r.json()["error"]["code"]
