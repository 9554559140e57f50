"""The service through real HTTP against the real index: contract, citations, errors, scripts, abstention."""

import re

import httpx
import pytest

from index.normalize import to_simplified
from tests.conftest import LiveServer, make_app

QUESTIONS = [
    "深港合作會議何時成立？",
    "深港合作会议何时成立？",
    "When was the Shenzhen-Hong Kong Cooperation Meeting set up?",
    "前海的定位是甚麼？",
    "前海的定位是什么？",
    "What is Qianhai positioned as?",
    "CEPA服务贸易协议开放了多少个部门？",
    "CEPA《服務貿易協議》開放了多少個服務貿易部門？",
    "How many service sectors did the CEPA Agreement on Trade in Services open to Hong Kong?",
    "政制事務局何時改名為政制及內地事務局？",
    "政制事务局何时改名？",
    "When was the Constitutional Affairs Bureau renamed?",
    "港珠澳大橋主體工程何時動工？",
    "港珠澳大桥什么时候动工？",
    "When did construction of the Hong Kong-Zhuhai-Macao Bridge main works start?",
    "特區政府在內地有多少個辦事處和聯絡處？",
    "特区政府在内地设有多少个联络处？",
    "How many liaison units does the government have in the Mainland?",
    "2010年內地與香港的商品貿易總額是多少？",
    "2010年内地与香港的商品贸易总额是多少？",
    "What was the total value of Mainland-Hong Kong merchandise trade in 2010?",
    "東江水最終年供水量是多少？",
    "东江水每年供水量是多少？",
    "What is the annual Dongjiang water supply to Hong Kong?",
    "督導組由誰擔任組長？",
    "督导组由谁担任组长？",
    "Who leads the Steering Group on Integration into National Development?",
    "落馬洲河套地區發展甚麼？",
    "落马洲河套地区将发展什么？",
    "What will be developed in the Lok Ma Chau Loop?",
    "深圳河污染底泥治理研究為期多久？",
    "What is the Guangdong Scheme for elderly people?",
]
UNANSWERABLE = [
    "What is the recipe for a chocolate cake?",
    "2022年世界盃足球賽冠軍是哪一隊？",
    "東京奧運會開幕式在哪一天舉行？",
]


def _ask(server, **body):
    return httpx.post(server.url + "/v1/ask", json=body, timeout=30)


def test_contract_fields_and_types(live_server):
    r = _ask(live_server, question="深港合作會議何時成立？")
    assert r.status_code == 200
    data = r.json()
    assert data["language"] == "zh-Hant" and isinstance(data["took_ms"], float)
    assert isinstance(data["index_version"], str) and data["index_version"]
    assert set(data["answer"]) >= {"text", "citations", "sentences", "span", "terms", "confidence"}
    assert data["answer"]["citations"] and all(isinstance(c, int) for c in data["answer"]["citations"])
    assert data["expected"] == "date" and data["abstain_reason"] is None
    span = data["answer"]["span"]
    assert span["text"] == "2004年" and span["kind"] == "date" and span["doc_id"] == "shenzhen-hk-2009"
    assert 5 <= len(data["passages"]) <= 6
    p = data["passages"][0]
    for field, kind in [
        ("rank", int),
        ("chunk_id", str),
        ("doc_id", str),
        ("title", str),
        ("date", str),
        ("start", int),
        ("end", int),
        ("text", str),
        ("score", float),
        ("highlights", list),
        ("explain", dict),
    ]:
        assert isinstance(p[field], kind), field
    assert "paper_no" in p and "paragraph" in p and "page" in p
    assert set(p["explain"]) >= {"bm25_rank", "dense_rank", "matched_terms"}
    assert p["kind"] in {"paragraph", "item", "footnote", "table_row"}


def test_first_start_question_from_the_issue(live_server):
    data = _ask(live_server, question="深港合作會議何時成立？").json()
    first = data["passages"][0]
    assert "2004年設立" in first["text"] and first["doc_id"] == "shenzhen-hk-2009"
    assert "2004" in data["answer"]["text"]


@pytest.fixture(scope="module")
def documents(live_server):
    docs = {}
    for summary in httpx.get(live_server.url + "/v1/documents").json():
        docs[summary["doc_id"]] = httpx.get(live_server.url + f"/v1/documents/{summary['doc_id']}").json()
    return docs


@pytest.mark.parametrize("question", QUESTIONS)
def test_every_citation_checks_out(live_server, documents, question):
    data = _ask(live_server, question=question, top_k=8).json()
    # The top 8, and a passage the reader brought in when its sentence answers.
    assert 8 <= len(data["passages"]) <= 9
    assert all(p["explain"]["found_by"] == "neighbour" for p in data["passages"][8:])
    for p in data["passages"]:
        assert documents[p["doc_id"]]["text"][p["start"] : p["end"]] == p["text"]
        for s, e in p["highlights"]:
            assert 0 <= s < e <= len(p["text"])
    if data["answer"]:
        for c in data["answer"]["citations"]:
            assert 1 <= c <= len(data["passages"])
        for s in data["answer"]["sentences"]:
            assert documents[s["doc_id"]]["text"][s["start"] : s["end"]] == s["text"]
            passage = data["passages"][s["passage"] - 1]
            assert passage["start"] <= s["start"] and s["end"] <= passage["end"]
        span = data["answer"]["span"]
        if span:
            assert documents[span["doc_id"]]["text"][span["start"] : span["end"]] == span["text"]


def test_simplified_question_gets_simplified_answer(live_server):
    data = _ask(live_server, question="深港合作会议何时成立？").json()
    assert data["language"] == "zh-Hans"
    text = data["answer"]["text"]
    assert text == to_simplified(text) and "设立" in text
    assert "設立" in data["passages"][0]["text"]  # passages stay in the original Traditional


def test_english_question_gets_english_terms(live_server):
    data = _ask(live_server, question="What is Qianhai positioned as?").json()
    assert data["language"] == "en"
    assert any(t["zh"] == "前海" and t["en"] == "Qianhai" for t in data["terms"])


@pytest.mark.parametrize("question", UNANSWERABLE)
def test_questions_the_papers_cannot_answer_abstain(live_server, question):
    data = _ask(live_server, question=question).json()
    assert data["answer"] is None and data["abstained"] is True
    assert data["abstain_reason"] and data["abstain_message"]
    assert data["passages"]


BAD = [
    ({"question": ""}, 422, "question_empty"),
    ({"question": "   \n "}, 422, "question_empty"),
    ({"question": "深" * 501}, 422, "question_too_long"),
    ({"question": "前海", "top_k": 0}, 422, "out_of_range"),
    ({"question": "前海", "top_k": 21}, 422, "out_of_range"),
    ({"question": "前海", "top_k": "5"}, 422, "invalid_type"),
    ({"question": "前海", "top_k": 4.5}, 422, "invalid_type"),
    ({"question": "前海", "top_k": True}, 422, "invalid_type"),
    ({"question": 42}, 422, "invalid_type"),
    ({"question": "前海", "mode": "magic"}, 422, "invalid_mode"),
    ({"top_k": 3}, 422, "missing_field"),
]


@pytest.mark.parametrize("body, status, code", BAD)
def test_bad_bodies_get_4xx_with_code(live_server, body, status, code):
    r = _ask(live_server, **body)
    assert r.status_code == status
    assert r.json()["error"]["code"] == code and r.json()["error"]["message"]


@pytest.mark.parametrize(
    "content, content_type, status, code",
    [
        ('{"question": "前海'.encode(), "application/json", 400, "invalid_json"),
        ('{"question": "前海"}'.encode("big5"), "application/json", 400, "invalid_encoding"),
        (b'["question"]', "application/json", 422, "invalid_body"),
        (b"question=x", "application/x-www-form-urlencoded", 415, "unsupported_media_type"),
    ],
)
def test_bad_bytes_get_4xx_with_code(live_server, content, content_type, status, code):
    r = httpx.post(live_server.url + "/v1/ask", content=content, headers={"content-type": content_type})
    assert r.status_code == status and r.json()["error"]["code"] == code


def test_json_integers_may_be_written_with_a_zero_fraction(live_server):
    # JSON Schema counts 4.0 as an integer, so a schema-valid request must not be refused.
    r = _ask(live_server, question="前海", top_k=4.0)
    assert r.status_code == 200 and len(r.json()["passages"]) == 4


def test_search_endpoint_and_its_errors(live_server):
    r = httpx.get(live_server.url + "/v1/search", params={"q": "前海", "k": 3})
    assert r.status_code == 200 and len(r.json()["passages"]) == 3
    assert r.json()["passages"][0]["highlights"] == []
    for params, code in [
        ({"q": " "}, "question_empty"),
        ({"q": "前海", "k": 0}, "out_of_range"),
        ({"q": "前海", "k": 51}, "out_of_range"),
        ({}, "missing_field"),
        ({"q": "前海", "k": "x"}, "invalid_type"),
    ]:
        r = httpx.get(live_server.url + "/v1/search", params=params)
        assert r.status_code == 422 and r.json()["error"]["code"] == code, params


def test_documents_and_unknown_document(live_server, documents):
    assert set(documents) == {
        "division-of-work-2012",
        "policy-address-2024",
        "review-2012-2017",
        "trade-guangdong-2011",
        "shenzhen-hk-2009",
    }
    assert documents["division-of-work-2012"]["paper_no"] == "CB(2)2193/11-12(01)"
    r = httpx.get(live_server.url + "/v1/documents/nope")
    assert r.status_code == 404 and r.json()["error"]["code"] == "document_not_found"


def test_health_and_ready(live_server):
    assert httpx.get(live_server.url + "/healthz").json() == {"status": "ok"}
    ready = httpx.get(live_server.url + "/readyz").json()
    assert ready["status"] == "ready" and ready["counts"]["documents"] == 5
    assert ready["backend"] == live_server.backend


def test_not_ready_is_503_until_loaded():
    from qa.api import create_app
    from qa.service import ServiceHolder
    from qa.settings import Settings

    settings = Settings()
    holder = ServiceHolder(settings, autostart=False)  # never started: the index is "loading"
    with LiveServer(create_app(settings, holder)) as server:
        r = httpx.get(server.url + "/readyz")
        assert r.status_code == 503 and r.json()["error"]["code"] == "index_loading"
        r = httpx.post(server.url + "/v1/ask", json={"question": "前海"})
        assert r.status_code == 503 and r.headers["retry-after"] == "5"


def test_search_and_admin_keys(real_service, real_index_root):
    app = make_app(real_service, search_key="s3cret", admin_key="adm1n", index_path=real_index_root)
    with LiveServer(app) as server:
        url = server.url + "/v1/search?q=前海"
        assert httpx.get(url).json()["error"]["code"] == "unauthorized"
        assert httpx.get(url).status_code == 401
        assert httpx.get(url, headers={"x-api-key": "wrong"}).status_code == 403
        assert httpx.get(url, headers={"x-api-key": "s3cret"}).status_code == 200
        assert httpx.get(url, headers={"authorization": "Bearer s3cret"}).status_code == 200
        assert httpx.post(server.url + "/v1/admin/reload", headers={"x-api-key": "s3cret"}).status_code == 403
        r = httpx.post(server.url + "/v1/admin/reload", headers={"x-api-key": "adm1n"})
        assert r.status_code == 200 and r.json()["status"] == "reloaded"


def test_cors_only_for_allowed_origins(real_service):
    with LiveServer(make_app(real_service, cors_origins=["http://allowed.example"])) as server:
        ok = httpx.get(server.url + "/v1/search?q=前海", headers={"origin": "http://allowed.example"})
        assert ok.headers.get("access-control-allow-origin") == "http://allowed.example"
        other = httpx.get(server.url + "/v1/search?q=前海", headers={"origin": "http://evil.example"})
        assert "access-control-allow-origin" not in other.headers


def test_answer_text_cites_with_markers(live_server):
    data = _ask(live_server, question="前海的定位是甚麼？").json()
    assert re.search(r"\[\d\]$", data["answer"]["text"])


def test_a_paper_answered_from_its_sign_off_says_so(live_server):
    data = _ask(live_server, question="講2009年深港合作會議嗰份資料文件係幾時出㗎？").json()
    assert data["answer"]["span"]["text"] == "二零零九年十二月"
    cited = data["passages"][data["answer"]["citations"][0] - 1]
    assert cited["kind"] == "sign_off" and cited["paragraph"] is None
    assert cited["heading"] == "資料文件 立法會工商事務委員會 2009年深港合作會議"
