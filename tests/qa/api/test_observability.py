"""Access log lines in JSON with request id, route, status, latency and answer fields; Prometheus metrics."""

import json
import logging
import time

import httpx

from qa.logs import JsonFormatter


def test_each_request_is_logged_once_with_its_fields(live_server, caplog):
    caplog.set_level(logging.INFO, logger="policyqa.access")
    r = httpx.post(
        live_server.url + "/v1/ask",
        json={"question": "前海的定位是甚麼？"},
        headers={"x-request-id": "req-42"},
        timeout=30,
    )
    assert r.headers["x-request-id"] == "req-42"
    # The line is written once the response has gone out, so it may trail the response by a moment.
    deadline = time.monotonic() + 5
    records = []
    while not records and time.monotonic() < deadline:
        time.sleep(0.02)
        records = [rec for rec in caplog.records if getattr(rec, "request_id", None) == "req-42"]
    time.sleep(0.1)
    records = [rec for rec in caplog.records if getattr(rec, "request_id", None) == "req-42"]
    assert len(records) == 1
    line = json.loads(JsonFormatter().format(records[0]))
    assert line["route"] == "/v1/ask" and line["status"] == 200 and line["method"] == "POST"
    assert line["language"] == "zh-Hant" and line["abstained"] is False
    assert line["index_version"] == r.json()["index_version"]
    assert isinstance(line["latency_ms"], float) and line["level"] == "info"


def test_an_unsafe_request_id_is_replaced(live_server):
    r = httpx.get(live_server.url + "/healthz", headers={"x-request-id": "a\tb" + "x" * 100})
    assert len(r.headers["x-request-id"]) == 32


def test_metrics_count_requests_latency_abstentions_and_the_index(live_server):
    httpx.post(
        live_server.url + "/v1/ask", json={"question": "What is the recipe for a chocolate cake?"}, timeout=30
    )
    httpx.get(live_server.url + "/v1/documents/nope")
    time.sleep(0.2)  # requests are counted once their response has gone out
    r = httpx.get(live_server.url + "/metrics")
    assert r.status_code == 200 and r.headers["content-type"].startswith("text/plain")
    text = r.text
    assert 'policyqa_http_requests_total{method="POST",route="/v1/ask",status="200"}' in text
    assert 'policyqa_http_requests_total{method="GET",route="/v1/documents/{doc_id}",status="404"}' in text
    assert 'policyqa_http_request_duration_seconds_bucket{le="0.5",route="/v1/ask",status="200"}' in text
    assert 'policyqa_answers_total{abstained="true"}' in text
    assert "policyqa_index_info{encoder=" in text
    age = next(line for line in text.splitlines() if line.startswith("policyqa_index_age_seconds "))
    assert float(age.split()[1]) >= 0
    assert "policyqa_index_build_seconds " in text
