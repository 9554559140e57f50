"""Translations kept in a file, so a measurement with a translating model can be repeated exactly."""

import json

import pytest

from eval.translations import FileTranslator, load_translations, translate_missing
from qa.translators import ChatTranslator, TranslationError
from tests.llm_servers import ScriptedLLM


def test_missing_translations_are_asked_once_and_kept_with_the_refusals(tmp_path):
    path = tmp_path / "translations.jsonl"
    with ScriptedLLM(reply="深港合作會議於何時成立？") as llm:
        translator = ChatTranslator(llm.url, "qwen")
        rows = translate_missing(
            ["When was it set up?", "When was it set up?", "Who chairs it?"], path, translator
        )
        again = translate_missing(["Who chairs it?", "When was it set up?"], path, translator)
        translator.close()
    assert len(llm.requests) == 2 and rows == again == load_translations(path)
    assert rows["Who chairs it?"]["translation"] == "深港合作會議於何時成立？"
    with ScriptedLLM(reply="It was set up in 2004.") as llm:
        translator = ChatTranslator(llm.url, "qwen")
        rows = translate_missing(["When was the meeting set up?"], path, translator)
        translator.close()
    refused = rows["When was the meeting set up?"]
    assert refused["error"] == "llm_bad_translation" and "translation" not in refused
    assert [json.loads(line)["question"] for line in path.read_text().splitlines()][-1] == refused["question"]


def test_the_file_translator_answers_from_the_file_and_says_why_it_cannot():
    rows = {
        "When was it set up?": {"question": "When was it set up?", "translation": "何時成立？"},
        "Who?": {"question": "Who?", "error": "llm_bad_translation", "message": "no Chinese"},
    }
    translator = FileTranslator(rows, "qwen")
    assert translator.translate("When was it set up?") == "何時成立？"
    with pytest.raises(TranslationError) as refused:
        translator.translate("Who?")
    assert refused.value.code == "llm_bad_translation"
    with pytest.raises(TranslationError) as missing:
        translator.translate("Where?")
    assert missing.value.code == "not_translated"
