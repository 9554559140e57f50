"""Filters through HTTP on every backend: paper, date range, bureau, committee; bad filters are 422."""

import httpx
import pytest


def _search(server, **params):
    return httpx.get(server.url + "/v1/search", params={"q": "合作", "k": 10, **params}, timeout=60)


def _ask(server, **filters):
    body = {"question": "深港合作會議何時成立？", "top_k": 8, "filters": filters}
    return httpx.post(server.url + "/v1/ask", json=body, timeout=60)


def test_search_by_paper_fills_k_from_that_paper(live_server):
    data = _search(live_server, doc="policy-address-2024").json()
    assert {p["doc_id"] for p in data["passages"]} == {"policy-address-2024"}
    assert len(data["passages"]) == 10


def test_search_by_several_papers_and_by_years(live_server):
    two = _search(live_server, doc=["shenzhen-hk-2009", "trade-guangdong-2011"]).json()
    assert {p["doc_id"] for p in two["passages"]} <= {"shenzhen-hk-2009", "trade-guangdong-2011"}
    recent = _search(live_server, **{"from": "2017"}).json()
    assert recent["passages"] and all(p["date"] >= "2017" for p in recent["passages"])
    old = _search(live_server, **{"from": "2009", "to": "2011"}).json()
    assert old["passages"] and all("2009" <= p["date"][:4] <= "2011" for p in old["passages"])


def test_ask_with_filters_answers_from_the_allowed_papers(live_server):
    data = _ask(live_server, doc_ids=["shenzhen-hk-2009"]).json()
    assert {p["doc_id"] for p in data["passages"]} == {"shenzhen-hk-2009"}
    by_committee = _ask(live_server, committee="Subcommittee on Proposed Legislative Amendments").json()
    assert {p["doc_id"] for p in by_committee["passages"]} == {"division-of-work-2012"}
    by_bureau = _ask(live_server, bureau="commerce and economic").json()
    assert by_bureau["passages"]
    assert "division-of-work-2012" not in {p["doc_id"] for p in by_bureau["passages"]}
    none = _ask(live_server, date_from="2030").json()
    assert none["passages"] == [] and none["abstained"] is True


@pytest.mark.parametrize(
    ("filters", "status", "code"),
    [
        ({"doc_ids": ["no-such-paper"]}, 404, "unknown_document"),
        ({"date_from": "last year"}, 422, "invalid_value"),
        ({"colour": "red"}, 422, "unknown_field"),
    ],
)
def test_bad_filters_get_a_4xx_with_a_code(live_server, filters, status, code):
    r = _ask(live_server, **filters)
    assert r.status_code == status
    error = r.json()["error"]
    assert error["code"] == code and error["message"]
    bad_date = _search(live_server, to="2012-5")
    assert bad_date.status_code == 422 and bad_date.json()["error"]["code"] == "invalid_value"
    assert _search(live_server, doc="no-such-paper").status_code == 404
