"""The OpenAPI schema states what the server enforces: limits from settings and the key scheme."""

import httpx

from tests.conftest import LiveServer, make_app


def test_schema_states_the_limits_from_settings(real_service):
    app = make_app(real_service, max_question_chars=300, max_top_k=7, max_search_k=12, search_key="k")
    with LiveServer(app) as server:
        schema = httpx.get(server.url + "/openapi.json").json()
    question = schema["components"]["schemas"]["AskRequest"]["properties"]["question"]
    assert question["minLength"] == 1 and question["maxLength"] == 300
    assert schema["components"]["schemas"]["AskRequest"]["properties"]["top_k"]["maximum"] == 7
    params = {p["name"]: p for p in schema["paths"]["/v1/search"]["get"]["parameters"]}
    assert params["k"]["schema"]["maximum"] == 12 and params["q"]["schema"]["maxLength"] == 300
    scheme = schema["components"]["securitySchemes"]["APIKeyHeader"]
    assert scheme == {
        "type": "apiKey",
        "in": "header",
        "name": "X-API-Key",
        "description": scheme["description"],
    }
    assert schema["paths"]["/v1/ask"]["post"]["security"] == [{"APIKeyHeader": []}]


def test_schema_limits_are_what_the_server_enforces(real_service):
    app = make_app(real_service, max_question_chars=300, max_top_k=7)
    with LiveServer(app) as server:
        ok = httpx.post(server.url + "/v1/ask", json={"question": "深" * 300, "top_k": 7}, timeout=30)
        assert ok.status_code == 200
        long = httpx.post(server.url + "/v1/ask", json={"question": "深" * 301}, timeout=30)
        assert long.status_code == 422 and long.json()["error"]["code"] == "question_too_long"
        many = httpx.post(server.url + "/v1/ask", json={"question": "前海", "top_k": 8}, timeout=30)
        assert many.status_code == 422 and many.json()["error"]["code"] == "out_of_range"
