"""👍/👎 through real HTTP: stored with the answer's citations, exported as a question set, clear 4xx."""

import json

import httpx
import pytest

from eval.__main__ import main as eval_main
from qa.cli import main as cli_main
from tests.conftest import LiveServer, make_app

ADMIN = {"X-API-Key": "admin-secret"}


@pytest.fixture()
def server(real_service, tmp_path):
    app = make_app(real_service, data_path=tmp_path / "data", admin_key="admin-secret", query_log=True)
    with LiveServer(app) as live:
        live.data = tmp_path / "data"
        yield live


def _ask(url, question):
    response = httpx.post(url + "/v1/ask", json={"question": question}, timeout=60)
    assert response.status_code == 200
    return response.json()


def _feedback_body(data, verdict, comment=None):
    answer = data["answer"]
    return {
        "question": data["question"],
        "language": data["language"],
        "answer": answer["text"] if answer else None,
        "citations": [
            {k: s[k] for k in ("doc_id", "start", "end")} for s in (answer["sentences"] if answer else [])
        ],
        "index_version": data["index_version"],
        "verdict": verdict,
        "comment": comment,
    }


def test_round_trip_export_and_run_as_a_question_set(server, tmp_path, real_index_root):
    answered = _ask(server.url, "深港合作會議何時成立？")
    abstained = _ask(server.url, "What is the recipe for a chocolate cake?")
    assert answered["answer"] and abstained["abstained"]
    first = httpx.post(server.url + "/v1/feedback", json=_feedback_body(answered, "up", "清楚"))
    assert first.status_code == 201, first.text
    assert first.json()["id"] == 1 and first.json()["verdict"] == "up"
    second = httpx.post(server.url + "/v1/feedback", json=_feedback_body(abstained, "up"))
    assert second.status_code == 201
    third = httpx.post(server.url + "/v1/feedback", json=_feedback_body(answered, "down", "年份不對"))
    assert third.status_code == 201

    exported = httpx.get(server.url + "/v1/admin/feedback", headers=ADMIN)
    assert exported.status_code == 200 and exported.headers["content-type"].startswith("application/x-ndjson")
    rows = [json.loads(line) for line in exported.text.splitlines()]
    assert [r["id"] for r in rows] == ["fb1", "fb2", "fb3"]
    assert rows[0]["answers"] == [s["text"] for s in answered["answer"]["sentences"]]
    assert rows[0]["lang"] == "zh-Hant" and rows[1]["answers"] == [] and rows[2]["answers"] == []
    downs = httpx.get(server.url + "/v1/admin/feedback?verdict=down", headers=ADMIN).text
    assert [json.loads(line)["id"] for line in downs.splitlines()] == ["fb3"]

    # The command line writes the same file from the data folder; the file runs as a question set.
    out = tmp_path / "exported.jsonl"
    assert (
        cli_main(["feedback", "export", "--data", str(server.data), "--verdict", "up", "--out", str(out)])
        == 0
    )
    assert (
        out.read_text(encoding="utf-8")
        == httpx.get(server.url + "/v1/admin/feedback?verdict=up", headers=ADMIN).text
    )
    code = eval_main(
        [
            "run",
            "--gold",
            str(out),
            "--index",
            str(real_index_root),
            "--no-gate",
            "--out",
            str(tmp_path / "r"),
        ]
    )
    assert code == 0


def test_query_log_quality_and_purge(server):
    _ask(server.url, "前海的定位是甚麼？")
    _ask(server.url, "前海的定位是甚麼？")
    _ask(server.url, "What is the recipe for a chocolate cake?")
    quality = httpx.get(server.url + "/v1/admin/quality", headers=ADMIN).json()
    assert quality["query_log_enabled"] and quality["logged"] == 3 and quality["abstained"] == 1
    assert quality["most_asked"][0] == {"question": "前海的定位是甚麼？", "language": "zh-Hant", "count": 2}
    assert [q["question"] for q in quality["recent_abstentions"]] == [
        "What is the recipe for a chocolate cake?"
    ]
    en = httpx.get(server.url + "/v1/admin/quality?lang=en", headers=ADMIN).json()
    assert en["languages"] == ["en"] and en["logged"] == 1
    purged = httpx.delete(server.url + "/v1/admin/query-log", headers=ADMIN)
    assert purged.json() == {"deleted": 3}
    assert httpx.get(server.url + "/v1/admin/quality", headers=ADMIN).json()["logged"] == 0


def test_the_query_log_is_off_by_default(real_service, tmp_path):
    with LiveServer(make_app(real_service, data_path=tmp_path, admin_key="admin-secret")) as live:
        _ask(live.url, "前海的定位是甚麼？")
        quality = httpx.get(live.url + "/v1/admin/quality", headers=ADMIN).json()
    assert quality["query_log_enabled"] is False and quality["logged"] == 0


BAD = [
    ({"verdict": "up"}, 422, "missing_field"),
    (
        {"question": "前海？", "language": "zh-Hant", "index_version": "v", "verdict": "meh"},
        422,
        "invalid_mode",
    ),
    ({"question": "前海？", "language": "fr", "index_version": "v", "verdict": "up"}, 422, "invalid_mode"),
    ({"question": "  ", "language": "en", "index_version": "v", "verdict": "up"}, 422, "question_empty"),
    (
        {"question": "前海？", "language": "en", "index_version": "v", "verdict": "up", "stars": 5},
        422,
        "unknown_field",
    ),
    (
        {
            "question": "前海？",
            "language": "en",
            "index_version": "v",
            "verdict": "up",
            "comment": "x" * 2001,
        },
        422,
        "invalid_value",
    ),
    (
        {
            "question": "前海？",
            "language": "zh-Hant",
            "index_version": "v",
            "verdict": "up",
            "citations": [{"doc_id": "no-such-paper", "start": 0, "end": 2}],
        },
        409,
        "citation_mismatch",
    ),
    *[
        (
            {
                "question": "前海？",
                "language": "zh-Hant",
                "index_version": "v",
                "verdict": "up",
                "citations": [{"doc_id": "division-of-work-2012", "start": start, "end": end}],
            },
            409,
            "citation_mismatch",
        )
        for start, end in ((5, 5), (9, 3), (0, 10_000_000))
    ],
]


@pytest.mark.parametrize(("body", "status", "code"), BAD)
def test_bad_feedback_is_a_clear_4xx_and_stores_nothing(server, body, status, code):
    response = httpx.post(server.url + "/v1/feedback", json=body)
    assert response.status_code == status
    assert response.json()["error"]["code"] == code
    assert httpx.get(server.url + "/v1/admin/feedback", headers=ADMIN).text == ""


def test_not_json_and_admin_keys(server):
    response = httpx.post(
        server.url + "/v1/feedback", content=b"verdict=up", headers={"content-type": "text/plain"}
    )
    assert response.status_code == 415
    assert httpx.get(server.url + "/v1/admin/feedback").status_code == 401
    assert httpx.get(server.url + "/v1/admin/feedback", headers={"X-API-Key": "wrong"}).status_code == 403
    assert httpx.delete(server.url + "/v1/admin/query-log").status_code == 401
    assert httpx.get(server.url + "/v1/admin/quality").status_code == 401


def test_without_an_admin_key_the_admin_side_does_not_exist(real_service, tmp_path):
    with LiveServer(make_app(real_service, data_path=tmp_path)) as live:
        for path in ("/admin/quality", "/admin/quality.js", "/v1/admin/feedback", "/v1/admin/quality"):
            response = httpx.get(live.url + path, headers=ADMIN)
            assert response.status_code == 404 and response.json()["error"]["code"] == "not_found", path
        paths = httpx.get(live.url + "/openapi.json").json()["paths"]
        assert "/v1/feedback" in paths and not [p for p in paths if p.startswith("/v1/admin/")]


def test_the_quality_page_is_served_with_its_own_script(server):
    page = httpx.get(server.url + "/admin/quality")
    assert page.status_code == 200 and '<script src="/admin/quality.js">' in page.text
    assert "script-src 'self'" in page.headers["content-security-policy"]
    assert httpx.get(server.url + "/admin/quality.js").headers["content-type"].startswith("text/javascript")
