"""👍/👎 from the widget and the admin quality page, in Debian's Chromium (Playwright)."""

import json

import httpx
import pytest

from tests.conftest import LiveServer, make_app
from tests.qa.test_browser import SHOTS, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

ADMIN = {"X-API-Key": "admin-secret"}


@pytest.fixture()
def server(real_service, tmp_path):
    app = make_app(real_service, data_path=tmp_path / "data", admin_key="admin-secret", query_log=True)
    with LiveServer(app) as live:
        yield live


def test_thumbs_down_with_a_comment_reaches_the_store_and_the_quality_page(page, server):  # noqa: F811
    page.goto(server.url + "/")
    page.get_by_role("button", name="繁體中文").click()
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("深港合作會議何時成立？")
    widget.locator("input").press("Enter")
    widget.locator(".answer-text").wait_for(timeout=15000)
    sentences = widget.locator(".answer-text").inner_text()
    widget.get_by_role("button", name="👎 不正確").click()
    assert widget.locator("button.vote[data-verdict=down]").get_attribute("aria-pressed") == "true"
    widget.locator(".feedback textarea").fill("年份要寫清楚")
    widget.get_by_role("button", name="提交意見").click()
    widget.locator(".feedback-status", has_text="謝謝").wait_for(timeout=10000)
    page.screenshot(path=SHOTS / "feedback-widget.png", full_page=True)

    rows = [
        json.loads(x) for x in httpx.get(server.url + "/v1/admin/feedback", headers=ADMIN).text.splitlines()
    ]
    assert len(rows) == 1
    assert rows[0]["question"] == "深港合作會議何時成立？" and rows[0]["lang"] == "zh-Hant"
    assert rows[0]["answers"] == [] and rows[0]["note"].endswith("comment: 年份要寫清楚")
    stored = httpx.get(server.url + "/v1/admin/quality", headers=ADMIN).json()["down_answers"][0]
    assert stored["answer"] and stored["answer"].split(" [")[0] in sentences

    page.goto(server.url + "/admin/quality")
    page.locator("#key").fill("admin-secret")
    page.get_by_role("button", name="Show").click()
    page.locator("#down tbody tr").first.wait_for(timeout=10000)
    assert "年份要寫清楚" in page.locator("#down").inner_text()
    assert "深港合作會議何時成立？" in page.locator("#asked").inner_text()
    page.locator("#lang").select_option("en")
    page.locator("#status", has_text="Languages: en").wait_for(timeout=10000)
    assert page.locator("#down tbody").inner_text().strip() == "none"
    page.locator("#lang").select_option("")
    page.locator("#down tbody tr td", has_text="年份要寫清楚").wait_for(timeout=10000)
    page.screenshot(path=SHOTS / "admin-quality.png", full_page=True)


def test_the_quality_page_says_a_wrong_key_is_wrong(page, server):  # noqa: F811
    page.goto(server.url + "/admin/quality")
    page.locator("#key").fill("guess")
    page.get_by_role("button", name="Show").click()
    page.locator("#status.error").wait_for(timeout=10000)
    assert "forbidden" in page.locator("#status").inner_text()
