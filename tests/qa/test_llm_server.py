"""Generated answers with a real LLM server: llama-cpp-python serving the small Qwen model on loopback."""

import json

import httpx
import pytest

from tests.conftest import LiveServer, ferry_papers, make_app

pytestmark = [pytest.mark.slow, pytest.mark.llm]

QUESTION = "When was the Shenzhen-Hong Kong Cooperation Meeting set up?"


@pytest.fixture(scope="module")
def served(real_service, llama_server):
    app = make_app(real_service, llm_url=llama_server.url, llm_model=llama_server.alias, llm_timeout=180)
    with LiveServer(app) as server:
        yield server


def test_an_english_question_gets_a_generated_answer_checked_against_its_passages(served):
    data = httpx.post(served.url + "/v1/ask", json={"question": QUESTION}, timeout=240).json()
    assert data["generation_error"] is None
    generated = data["answer"]["generated"]
    assert generated["language"] == "en" and generated["model"] == "qwen2.5-coder-0.5b"
    assert generated["text"].strip() and generated["ms"] > 0
    # The small model is not always right, and not always in English: the check says which.
    assert generated["grounded"] == (generated["problems"] == [])
    assert set(generated["citations"]) <= {p["rank"] for p in data["passages"]} or not generated["grounded"]
    assert data["answer"]["span"]["text"] == "2004年"  # the extractive answer is untouched


def test_the_stream_brings_the_extractive_answer_before_the_model_writes(served):
    names = []
    first = None
    with httpx.stream(
        "POST", served.url + "/v1/ask/stream", json={"question": "深港合作會議何時成立？"}, timeout=240
    ) as r:
        for line in r.iter_lines():
            if line.startswith("event: "):
                names.append(line[7:])
            elif line.startswith("data: ") and first is None:
                first = json.loads(line[6:])
    assert names[0] == "answer" and names[-1] == "done"
    assert first["answer"]["span"]["text"] == "2004年"
    assert names.count("delta") >= 2 and names[-2] == "generated"


def test_a_real_server_too_slow_for_the_timeout_leaves_the_extractive_answer(real_service, llama_server):
    app = make_app(real_service, llm_url=llama_server.url, llm_timeout=0.05)
    with LiveServer(app) as server:
        r = httpx.post(server.url + "/v1/ask", json={"question": QUESTION}, timeout=60)
    assert r.status_code == 200
    data = r.json()
    assert data["generation_error"]["code"] == "llm_timeout"
    assert data["answer"]["generated"] is None and data["answer"]["span"]["text"] == "2004年"


def test_a_real_model_translates_an_english_question_before_retrieval(real_service, llama_server):
    from qa.service import QAService
    from qa.translators import ChatTranslator, TranslationError

    translator = ChatTranslator(llama_server.url, llama_server.alias, timeout=180)
    service = QAService(real_service.index, translator)
    result = service.ask(QUESTION)
    translator.close()
    # The small model may fail the check (no Chinese, an added figure): then it says why, and the
    # answer is the glossary's. Either way the question is answered.
    if result.translation_error is None:
        assert result.prepared.translation and any(
            "\u4e00" <= c <= "\u9fff" for c in result.prepared.translation
        )
        assert result.prepared.dense_text.endswith(result.prepared.translation)
    else:
        assert isinstance(result.translation_error, TranslationError)
        assert result.translation_error.code == "llm_bad_translation"
    assert result.reading.span is not None and result.reading.span.text == "2004年"


def test_a_real_model_renders_an_added_paper_for_english_questions(
    tmp_path, monkeypatch, llama_server, capsys
):
    """``policyqa index render-english``: the passages no shipped rendering covers (a paper added later)
    are put into English by the real server, kept in the index's cache and indexed by the rebuild."""
    from index import Index
    from qa.cli import main

    papers = ferry_papers(tmp_path / "papers")
    monkeypatch.setenv("POLICYQA_SHIPPED_PAPERS", "false")
    monkeypatch.setenv("POLICYQA_PAPERS_PATH", str(papers))
    monkeypatch.setenv("POLICYQA_DATA_PATH", str(tmp_path / "data"))
    root = tmp_path / "index"
    args = ["index", "render-english", "--index", str(root), "--llm-url", llama_server.url]
    assert main([*args, "--model", llama_server.alias, "--timeout", "300"]) == 0
    rows = [json.loads(line) for line in (root / "cache" / "translations.jsonl").read_text().splitlines()]
    index = Index.load(root)
    passages = list(index.iter_passages())
    assert {r["text"] for r in rows} == {p.text for p in passages}
    assert index.english is not None and len(index.english) == len(passages)
    assert all(any(c.isascii() and c.isalpha() for c in r["english"]) for r in rows)
    # Run again: nothing is left to render and no build is needed.
    assert main([*args, "--model", llama_server.alias]) == 0
    assert "0 passages rendered" in capsys.readouterr().err
