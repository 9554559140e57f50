"""Rendering passages into English for the index's English legs: the reply check, the file, the errors."""

import json

import pytest

from index import Entry, Glossary
from qa.translators import TranslationError
from qa.translators.passages import (
    MAX_NAMES,
    PassageRenderer,
    checked_rendering,
    passage_names,
    render_for_index,
    render_missing,
    user_message,
)
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


def test_the_glossary_names_of_a_passage_are_listed_before_it():
    glossary = Glossary(
        [
            Entry(english=("Qianhai",), chinese=("前海",), kind="place"),
            Entry(english=("Development Bureau",), chinese=("發展局",), kind="organisation"),
            Entry(english=("cooperation",), chinese=("合作",), kind="term"),  # everyday words go unlisted
        ]
    )
    text = "發展局率領專業界別人士到前海考察，\n推動合作。"
    names = passage_names(glossary, text)
    assert names == [("發展局", "Development Bureau"), ("前海", "Qianhai")]
    message = user_message(text, names)
    listed = ["English names to use:", "發展局 = Development Bureau", "前海 = Qianhai"]
    assert message.splitlines()[:3] == listed
    assert message.endswith("Text to translate:\n發展局率領專業界別人士到前海考察， 推動合作。")
    assert user_message(text) == "發展局率領專業界別人士到前海考察， 推動合作。"
    places = [Entry(english=(f"Place {i}",), chinese=(f"地{i:02d}",), kind="place") for i in range(40)]
    many = Glossary(places)
    assert len(passage_names(many, "".join(f"地{i:02d}" for i in range(40)))) == MAX_NAMES


def test_render_for_index_tells_the_model_the_glossary_names(tmp_path):
    glossary = Glossary([Entry(english=("Qianhai",), chinese=("前海",), kind="place")])
    passages = ["發展局率領專業界別人士到前海考察。", "雙方同意共同研究。"]
    with ScriptedLLM(reply="The Development Bureau led professionals to Qianhai.") as llm:
        done, failed, out = render_for_index(passages, tmp_path, llm.url, "qwen", glossary=glossary)
    assert (done, failed) == (2, [])
    first, second = (r["messages"][-1]["content"] for r in llm.requests)
    assert "前海 = Qianhai" in first and first.endswith(passages[0])
    assert second == passages[1]  # no name of the glossary in it: the passage alone
    assert out == tmp_path / "cache" / "translations.jsonl"
