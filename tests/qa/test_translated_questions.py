"""English questions searched in their Chinese translation too, when an LLM server translates them."""

import httpx
import pytest

from index.tokenizer import tokenize
from qa.service import QAService
from qa.translators import CachedTranslator, ChatTranslator
from tests.conftest import LiveServer, free_port, fusion_changed, make_app
from tests.llm_servers import ScriptedLLM

QUESTION = "When was the Shenzhen-Hong Kong Cooperation Meeting set up?"
TRANSLATION = "深港合作會議於何時成立？"


def test_an_english_question_is_searched_in_its_translation_beside_the_glossary_terms(real_service):
    with ScriptedLLM(reply=TRANSLATION) as llm:
        service = QAService(real_service.index, ChatTranslator(llm.url, "qwen"))
        result = service.ask(QUESTION)
    plain = real_service.prepare(QUESTION)[0]
    prepared = result.prepared
    assert prepared.translation == TRANSLATION and result.translation_error is None
    assert prepared.dense_text == f"{plain.dense_text} {TRANSLATION}"
    assert prepared.tokens == plain.tokens + tuple(tokenize(TRANSLATION))
    # The reader's concepts are the question's own: the translation only finds passages.
    assert prepared.expansions == plain.expansions
    assert result.reading.span is not None and result.reading.span.text == "2004年"


def test_a_chinese_question_is_never_sent_to_the_translator(real_service):
    with ScriptedLLM(reply=TRANSLATION) as llm:
        service = QAService(real_service.index, ChatTranslator(llm.url, "qwen"))
        result = service.ask("深港合作會議何時成立？")
    assert llm.requests == [] and result.prepared.translation is None


def test_a_failed_translation_leaves_the_answer_as_without_a_translator_and_says_why(real_service):
    translator = CachedTranslator(ChatTranslator(f"http://127.0.0.1:{free_port()}/v1", "qwen", timeout=1))
    result = QAService(real_service.index, translator).ask(QUESTION)
    alone = real_service.ask(QUESTION)
    assert result.translation_error is not None and result.translation_error.code == "llm_unreachable"
    assert result.prepared == alone.prepared
    assert [h.passage.chunk_id for h in result.hits] == [h.passage.chunk_id for h in alone.hits]


def test_the_http_answer_shows_the_translation_or_why_there_is_none(real_service):
    with ScriptedLLM(reply=TRANSLATION) as llm:
        app = make_app(QAService(real_service.index, ChatTranslator(llm.url, "qwen")))
        with LiveServer(app) as server:
            data = httpx.post(server.url + "/v1/ask", json={"question": QUESTION}, timeout=60).json()
    assert data["translation"] == TRANSLATION and data["translation_error"] is None
    with ScriptedLLM(reply="The meeting was set up in 2004.") as llm:
        app = make_app(QAService(real_service.index, ChatTranslator(llm.url, "qwen")))
        with LiveServer(app) as server:
            data = httpx.post(server.url + "/v1/ask", json={"question": QUESTION}, timeout=60).json()
    assert data["translation"] is None
    assert data["translation_error"]["code"] == "llm_bad_translation"
    assert data["answer"]["span"]["text"] == "2004年"


def test_the_translation_brings_the_passage_that_answers_to_the_top(real_service):
    # "trade office" is not how the papers' glossary names 駐武漢經濟貿易辦事處: without a translation (nor
    # the passages' English renderings, which also put it first) the passage that answers is retrieved
    # second; the 1.5B model's translation of the question puts it first.
    question = "When did the Wuhan trade office open?"
    with fusion_changed(real_service.index, english=(0.0, 0.0)):
        alone = real_service.ask(question)
        with ScriptedLLM(reply="武漢貿易辦公室何時開業？") as llm:
            result = QAService(real_service.index, ChatTranslator(llm.url, "qwen")).ask(question)

    def answering(hits):
        return [i for i, h in enumerate(hits) if "2014年4月" in h.passage.text][:1]

    assert answering(alone.retrieved) == [1]
    assert answering(result.retrieved) == [0]
    # Either way the reader's answer comes from that passage, and a person sees it first.
    assert answering(alone.hits) == answering(result.hits) == [0]
    assert result.reading.span is not None and result.reading.span.text == "2014年4月"


@pytest.mark.slow
def test_the_milvus_backend_searches_the_translation_alike(milvus_service, real_service):
    question = "When did the Wuhan trade office open?"
    with ScriptedLLM(reply="武漢貿易辦公室何時開業？") as llm:
        embedded = QAService(real_service.index, ChatTranslator(llm.url, "qwen")).ask(question)
        milvus = QAService(milvus_service.index, ChatTranslator(llm.url, "qwen")).ask(question)
    assert milvus.prepared.translation == embedded.prepared.translation
    assert [h.passage.chunk_id for h in milvus.hits][:3] == [h.passage.chunk_id for h in embedded.hits][:3]
    assert "2014年4月" in milvus.hits[0].passage.text


def test_the_search_box_is_not_translated_as_the_asker_types(real_service):
    with ScriptedLLM(reply=TRANSLATION) as llm:
        service = QAService(real_service.index, ChatTranslator(llm.url, "qwen"))
        prepared, hits = service.search("When was the Shenzhen-Hong Kong Coop")
    assert llm.requests == [] and prepared.translation is None and hits
