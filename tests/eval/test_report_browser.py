"""The HTML report in Debian's Chromium: tables, inline plots that load, and the per-question filters."""

import json

import pytest

from eval.__main__ import main
from tests.qa.test_browser import SHOTS, browser, page  # noqa: F401  (fixtures)

pytestmark = [pytest.mark.slow, pytest.mark.browser]

QUESTIONS = [
    {"question": "深港合作會議何時成立？", "answers": ["2004年設立"]},
    {"question": "When was the Shenzhen-Hong Kong Cooperation Meeting set up?", "answers": ["2004年設立"]},
    {"question": "深港合作会议何时成立？", "answers": ["2004年設立"]},
    {"question": "腾讯的董事长是谁？", "answers": []},
    {"question": "What is the recipe for a chocolate cake?", "answers": []},
]


def test_report_renders_with_plots_and_filters(page, tmp_path, real_index_root):  # noqa: F811
    gold = tmp_path / "mine.jsonl"
    gold.write_text("".join(json.dumps(q, ensure_ascii=False) + "\n" for q in QUESTIONS), encoding="utf-8")
    out = tmp_path / "report"
    args = ["run", "--gold", str(gold), "--index", str(real_index_root), "--no-gate", "--out", str(out)]
    assert main(args) == 0
    page.goto((out / "report.html").as_uri())
    assert page.locator("h2", has_text="Retrieval").count() == 1
    assert page.locator("h2", has_text="95% bootstrap interval").count() == 1
    images = page.locator("img")
    assert images.count() == 2
    for i in range(2):
        assert images.nth(i).evaluate("img => img.complete && img.naturalWidth > 300")
    rows = page.locator("#questions tbody tr")
    assert rows.count() == 5
    assert page.locator("#f-count").inner_text() == "5 of 5 questions"
    page.locator("#f-lang").select_option("zh-Hans")
    assert page.locator("#f-count").inner_text() == "2 of 5 questions"
    shown = page.locator("#questions tbody tr:not([hidden])")
    assert [shown.nth(i).locator("td").first.inner_text() for i in range(2)] == ["q3", "q4"]
    page.locator("#f-lang").select_option("")
    page.locator("#f-verdict").select_option("abstained")
    visible = page.locator("#questions tbody tr:not([hidden])")
    assert visible.count() == int(page.locator("#f-count").inner_text().split()[0])
    for i in range(visible.count()):
        assert visible.nth(i).locator("td.verdict").inner_text() == "abstained"
    page.locator("#f-verdict").select_option("")
    page.screenshot(path=SHOTS / "eval-report.png", full_page=True)
