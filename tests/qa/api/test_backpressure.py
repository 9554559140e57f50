"""Past the in-flight limit a question is refused at once with 503 + Retry-After; health stays answered."""

import time

import httpx

from tests.conftest import LiveServer, make_app


def test_a_full_service_refuses_at_once_and_recovers(real_service):
    app = make_app(real_service, max_in_flight=2)
    with LiveServer(app) as server:
        admission = app.state.admission
        # Take both slots as two long questions would.
        admission.enter()
        admission.enter()
        try:
            started = time.monotonic()
            r = httpx.post(server.url + "/v1/ask", json={"question": "前海的定位是甚麼？"}, timeout=30)
            assert r.status_code == 503
            assert r.headers["retry-after"] == "1"
            assert r.json()["error"]["code"] == "busy"
            r = httpx.get(server.url + "/v1/search", params={"q": "前海"}, timeout=30)
            assert r.status_code == 503 and r.json()["error"]["code"] == "busy"
            assert time.monotonic() - started < 1.0
            assert httpx.get(server.url + "/healthz").status_code == 200
            assert httpx.get(server.url + "/readyz").status_code == 200
            assert httpx.get(server.url + "/v1/documents").status_code == 200
            metrics = httpx.get(server.url + "/metrics").text
            assert "policyqa_questions_refused 2.0" in metrics
        finally:
            admission.leave()
            admission.leave()
        r = httpx.post(server.url + "/v1/ask", json={"question": "前海的定位是甚麼？"}, timeout=30)
        assert r.status_code == 200
        # The slot is given back when the request's dependencies close, which may trail the body.
        deadline = time.monotonic() + 5
        while admission.in_flight and time.monotonic() < deadline:
            time.sleep(0.01)
        assert admission.in_flight == 0


def test_concurrent_questions_past_the_limit_get_503_never_a_long_wait(real_service):
    from concurrent.futures import ThreadPoolExecutor

    app = make_app(real_service, max_in_flight=1)
    with LiveServer(app) as server:

        def ask(i: int) -> tuple[int, float]:
            started = time.monotonic()
            r = httpx.post(server.url + "/v1/ask", json={"question": f"前海的定位是甚麼？{i}"}, timeout=30)
            return r.status_code, time.monotonic() - started

        with ThreadPoolExecutor(16) as pool:
            results = list(pool.map(ask, range(32)))
    statuses = {status for status, _ in results}
    assert statuses <= {200, 503} and 200 in statuses
    assert max(seconds for _, seconds in results) < 5
