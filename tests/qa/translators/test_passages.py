"""Rendering passages into English for the index's English legs: the reply check, the file, the errors."""

import json

import pytest

from qa.translators import TranslationError
from qa.translators.passages import PassageRenderer, checked_rendering, render_missing
from tests.conftest import free_port
from tests.llm_servers import ScriptedLLM

PASSAGE = "雙方同意共同研究加強粵港期貨業務合作。"


def test_a_rendering_is_english_on_one_line():
    reply = "  The two sides agreed to study\n closer futures business cooperation.  "
    assert (
        checked_rendering(PASSAGE, reply)
        == "The two sides agreed to study closer futures business cooperation."
    )


@pytest.mark.parametrize(
    "reply", ["雙方同意研究期貨業務合作。", "", "OK 雙方同意研究期貨業務合作", "x" * 600]
)
def test_a_reply_that_is_not_a_rendering_is_refused(reply):
    with pytest.raises(TranslationError) as caught:
        checked_rendering(PASSAGE, reply)
    assert caught.value.code == "llm_bad_translation"


def test_rendered_passages_are_appended_and_known_ones_skipped(tmp_path):
    out = tmp_path / "cache" / "translations.jsonl"
    with ScriptedLLM(reply="The two sides will study futures cooperation.") as llm:
        renderer = PassageRenderer(llm.url, "qwen")
        done, failed = render_missing([PASSAGE, "已有的。", PASSAGE], {"已有的。"}, out, renderer.render)
        renderer.close()
    assert (done, failed) == (1, [])
    assert len(llm.requests) == 1 and llm.requests[0]["temperature"] == 0
    assert llm.requests[0]["messages"][-1]["content"] == PASSAGE
    rows = [json.loads(line) for line in out.read_text(encoding="utf-8").splitlines()]
    assert rows == [{"text": PASSAGE, "english": "The two sides will study futures cooperation."}]


def test_a_reply_in_chinese_is_reported_and_the_run_goes_on(tmp_path):
    out = tmp_path / "translations.jsonl"
    with ScriptedLLM(reply="雙方研究期貨。") as llm:
        renderer = PassageRenderer(llm.url, "qwen")
        done, failed = render_missing([PASSAGE, "第二段。"], set(), out, renderer.render)
        renderer.close()
    assert done == 0 and len(failed) == 2 and "not English" in failed[0]
    assert out.read_text(encoding="utf-8") == ""


@pytest.mark.parametrize("status, code", [(503, "llm_http_error"), (None, "llm_unreachable")])
def test_a_server_that_fails_stops_the_run_and_keeps_what_was_written(tmp_path, status, code):
    out = tmp_path / "translations.jsonl"
    out.write_text(json.dumps({"text": "舊的。", "english": "Old."}) + "\n", encoding="utf-8")
    if status is None:
        renderer = PassageRenderer(f"http://127.0.0.1:{free_port()}/v1", "qwen", timeout=2)
        with pytest.raises(TranslationError) as caught:
            render_missing([PASSAGE], set(), out, renderer.render)
    else:
        with ScriptedLLM(status=status) as llm:
            renderer = PassageRenderer(llm.url, "qwen")
            with pytest.raises(TranslationError) as caught:
                render_missing([PASSAGE], set(), out, renderer.render)
    renderer.close()
    assert caught.value.code == code
    assert out.read_text(encoding="utf-8").count("\n") == 1
