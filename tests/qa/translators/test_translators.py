"""Translating English questions before retrieval: the output check, the cache, the HTTP client's errors."""

import pytest

from qa.translators import CachedTranslator, ChatTranslator, TranslationError, checked_translation
from tests.conftest import free_port
from tests.llm_servers import ScriptedLLM

QUESTION = "When was the Shenzhen-Hong Kong Cooperation Meeting set up?"


@pytest.mark.parametrize(
    "output, expected",
    [
        ("深港合作會議於何時成立？", "深港合作會議於何時成立？"),
        ("「深港合作會議於何時成立？」", "深港合作會議於何時成立？"),
        ("Translation: 深港合作會議於何時成立？\n(Note: 'set up' means 成立)", "深港合作會議於何時成立？"),
        ("  翻譯：深港合作會議何時成立？  ", "深港合作會議何時成立？"),
    ],
)
def test_a_translation_is_its_first_line_without_labels_or_quotes(output, expected):
    assert checked_translation(QUESTION, output) == expected


@pytest.mark.parametrize(
    "output, why",
    [
        ("The meeting was set up in 2004.", "no Chinese"),
        ("", "no Chinese"),
        # A small model that answers instead of translating writes the answer's figure.
        ("深港合作會議於2004年成立。", "adds figures"),
        ("深港合作會議" * 30, "longer than a question"),
    ],
)
def test_an_output_that_is_not_a_translation_is_refused_with_the_reason(output, why):
    with pytest.raises(TranslationError, match=why) as caught:
        checked_translation(QUESTION, output)
    assert caught.value.code == "llm_bad_translation"


def test_figures_the_question_has_may_stay():
    question = "How many projects did Hong Kong support in Sichuan by 2012?"
    assert checked_translation(question, "截至2012年，香港在四川支援了多少個項目？").startswith("截至2012年")


@pytest.mark.parametrize(
    "question, translation",
    [
        ("Whom did the CE meet in May and September 2024?", "行政長官於2024年5月和9月會見了誰？"),
        (
            "What did the sixth Shanghai-HK conference agree in Nov 2009?",
            "2009年11月第6次滬港會議達成了甚麼？",
        ),
    ],
)
def test_months_and_numbers_in_words_may_be_written_as_figures(question, translation):
    assert checked_translation(question, translation) == translation


def test_the_client_sends_a_short_prompt_at_temperature_zero_and_reads_the_reply():
    with ScriptedLLM(reply="深港合作會議於何時成立？") as llm:
        translator = ChatTranslator(llm.url, "qwen", api_key="k")
        assert translator.translate(QUESTION) == "深港合作會議於何時成立？"
        translator.close()
    body = llm.requests[0]
    assert body["temperature"] == 0 and not body.get("stream") and body["model"] == "qwen"
    assert body["messages"][-1] == {"role": "user", "content": QUESTION}
    assert llm.headers[0]["authorization"] == "Bearer k"


@pytest.mark.parametrize(
    "server, code",
    [
        (dict(status=503), "llm_http_error"),
        (dict(raw=b"not json"), "llm_bad_response"),
        (dict(reply="I cannot translate that."), "llm_bad_translation"),
        (dict(reply="深港合作會議於何時成立？", delay=1.0), "llm_timeout"),
    ],
)
def test_every_failure_of_the_server_is_a_translation_error_with_a_code(server, code):
    with ScriptedLLM(**server) as llm:
        translator = ChatTranslator(llm.url, "qwen", timeout=0.3)
        with pytest.raises(TranslationError) as caught:
            translator.translate(QUESTION)
        translator.close()
    assert caught.value.code == code and caught.value.message


def test_a_server_nobody_listens_on_is_unreachable_and_then_left_alone_for_a_while():
    translator = CachedTranslator(ChatTranslator(f"http://127.0.0.1:{free_port()}/v1", "qwen", timeout=1))
    with pytest.raises(TranslationError) as first:
        translator.translate(QUESTION)
    assert first.value.code == "llm_unreachable"
    # The next question does not wait for another connection to fail.
    with pytest.raises(TranslationError) as second:
        translator.translate("Who chairs the meeting?")
    assert second.value is first.value


def test_a_question_asked_again_is_translated_once_and_the_cache_is_bounded():
    with ScriptedLLM(reply="深港合作會議於何時成立？") as llm:
        translator = CachedTranslator(ChatTranslator(llm.url, "qwen"), size=2)
        for question in (QUESTION, QUESTION, "Who chairs it?", "Where is it?", QUESTION):
            translator.translate(question)
        translator.close()
    # The first question fell out of the cache of two when the third came, so it was asked again.
    assert [r["messages"][-1]["content"] for r in llm.requests] == [
        QUESTION,
        "Who chairs it?",
        "Where is it?",
        QUESTION,
    ]
