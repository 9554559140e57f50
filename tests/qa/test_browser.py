"""The widget and pages in a real browser: Debian's Chromium driven by Playwright (no browser download)."""

import http.server
import threading
from functools import partial
from pathlib import Path

import pytest

from tests.conftest import REPO, LiveServer, free_port, make_app

pytestmark = [pytest.mark.slow, pytest.mark.browser]

CHROMIUM = "/usr/bin/chromium"
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
    "--disable-quic",
]
SHOTS = REPO / "tests" / "artifacts"


@pytest.fixture(scope="module")
def browser():
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian's chromium is not installed (apt-get install chromium); .ci/run installs it")
    from playwright.sync_api import sync_playwright

    SHOTS.mkdir(parents=True, exist_ok=True)
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


@pytest.fixture()
def page(browser):
    context = browser.new_context(viewport={"width": 1200, "height": 900})
    pg = context.new_page()
    yield pg
    context.close()


def _options(page):
    return page.locator("policyqa-search").locator("[role=option]")


def test_page_loads_and_typing_shows_cited_results(page, live_server):
    page.goto(live_server.url + "/")
    box = page.locator("policyqa-search").locator("input")
    assert box.get_attribute("role") == "combobox"
    box.fill("前海的定位")
    _options(page).first.wait_for(timeout=10000)
    assert _options(page).count() == 8
    first = _options(page).first.inner_text()
    assert "·" in first and ("2009-12" in first or "2012-05" in first or "2011-03" in first)
    assert box.get_attribute("aria-expanded") == "true"
    page.screenshot(path=SHOTS / "search-results.png")


def test_enter_shows_answer_with_highlights_chinese(page, live_server):
    page.goto(live_server.url + "/")
    page.locator("policyqa-search").locator("input").fill("深港合作會議何時成立？")
    page.locator("policyqa-search").locator("input").press("Enter")
    answer = page.locator("policyqa-search").locator(".answer-text")
    answer.wait_for(timeout=15000)
    assert "2004" in answer.inner_text()
    marks = page.locator("policyqa-search").locator(".passages mark")
    assert any("2004年設立" in marks.nth(i).inner_text() for i in range(marks.count()))
    # The span is emphasised in the answer and inside the highlighted sentence of its passage.
    assert answer.locator(".span").inner_text() == "2004年"
    assert page.locator("policyqa-search").locator(".passages mark .span").first.inner_text() == "2004年"
    # No doubled numbering: the list shows "[1] …", not "1. [1] …".
    first_item = page.locator("policyqa-search").locator(".passages li").first
    assert first_item.evaluate("li => getComputedStyle(li.parentElement).listStyleType") == "none"
    page.screenshot(path=SHOTS / "answer-zh.png", full_page=True)


def test_an_answer_from_a_papers_sign_off_says_so_in_its_citation(page, live_server):
    page.goto(live_server.url + "/")
    page.locator("policyqa-search").locator("input").fill("介紹2009年深港合作會議嗰份資料文件係幾時發出㗎？")
    page.locator("policyqa-search").locator("input").press("Enter")
    answer = page.locator("policyqa-search").locator(".answer-text")
    answer.wait_for(timeout=15000)
    assert answer.locator(".span").inner_text() == "二零零九年十二月"
    first = page.locator("policyqa-search").locator(".passages li").first
    # the page follows the browser's language (English here): the paragraph number's place says "sign-off"
    assert first.locator(".meta").inner_text().endswith("· sign-off")
    page.screenshot(path=SHOTS / "answer-sign-off.png", full_page=True)


def test_answer_citation_links_to_its_passage(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("深港合作會議何時成立？")
    widget.locator("input").press("Enter")
    cite = widget.locator(".answer-text a.cite").first
    cite.wait_for(timeout=15000)
    n = int(cite.inner_text().strip("[]"))
    cite.click()
    focused = widget.locator(".passages li.focused")
    assert focused.count() == 1
    assert focused.get_attribute("id").endswith(f"-p-{n}")
    assert focused.evaluate("li => li.getRootNode().activeElement === li")


def test_abstention_is_said_plainly_and_passages_are_related_not_answers(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="繁體中文").click()
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("騰訊的主席是誰？")
    widget.locator("input").press("Enter")
    widget.locator(".abstained").wait_for(timeout=15000)
    assert widget.locator(".answer-text").count() == 0
    assert widget.locator(".abstained").inner_text() == "文件似乎沒有談及這個問題。"  # focus_not_found
    assert widget.locator(".passages h2").inner_text() == "相關段落（並非答案）"
    page.screenshot(path=SHOTS / "abstained-zh.png", full_page=True)


def test_english_question_in_the_english_interface(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("When was the Shenzhen-Hong Kong Cooperation Meeting set up?")
    widget.locator("button").click()
    widget.locator(".answer-text").wait_for(timeout=15000)
    assert "2004" in widget.locator(".answer-text").inner_text()
    assert "Shenzhen-Hong Kong Cooperation Meeting" in widget.locator(".terms").inner_text()
    assert widget.locator("h2").first.inner_text() == "Answer"
    assert widget.locator(".answer-text .span").inner_text() == "2004年"
    assert widget.locator(".span-en").inner_text() == "Answer: 2004"
    # English mode shows the papers' English titles.
    title = widget.locator(".passages .meta").first.inner_text().split("·")[0]
    assert title.isascii() and title.strip(), title
    page.screenshot(path=SHOTS / "answer-en.png", full_page=True)


def test_interface_language_follows_attribute_and_html_lang(page, live_server):
    page.goto(live_server.url + "/")
    page.get_by_role("button", name="繁體中文").click()
    assert page.locator("policyqa-search").locator("button").inner_text() == "提問"
    page.get_by_role("button", name="简体中文").click()
    assert "查询" in page.locator("policyqa-search").locator("input").get_attribute("placeholder")


def test_document_view_marks_the_cited_span(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("深港合作會議何時成立？")
    widget.locator("input").press("Enter")
    widget.locator(".passages a").first.wait_for(timeout=15000)
    href = widget.locator(".passages a").first.get_attribute("href")
    expected = widget.locator(".passages .snippet").first.inner_text()
    widget.locator(".passages a").first.click()
    page.wait_for_url("**/documents/**")
    mark = page.locator("#cited-span")
    mark.wait_for(timeout=10000)
    assert mark.inner_text() == expected
    assert href.endswith(page.url.split("/documents/")[1])
    box = mark.bounding_box()
    assert box is not None and 0 <= box["y"] < 900  # scrolled into view
    page.screenshot(path=SHOTS / "document-view.png")


def test_keyboard_navigation(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    page.keyboard.press("/")
    assert page.evaluate("document.activeElement.tagName") == "POLICYQA-SEARCH"
    page.keyboard.type("港珠澳大橋")
    _options(page).first.wait_for(timeout=10000)
    page.keyboard.press("ArrowDown")
    page.keyboard.press("ArrowDown")
    selected = widget.locator("[role=option][aria-selected=true]")
    assert selected.count() == 1
    assert widget.locator("input").get_attribute("aria-activedescendant") == selected.get_attribute("id")
    assert selected.get_attribute("id").endswith("-opt-1")
    page.keyboard.press("ArrowUp")
    assert widget.locator("input").get_attribute("aria-activedescendant").endswith("-opt-0")
    page.keyboard.press("Escape")
    assert widget.locator("[role=listbox]").is_hidden()
    assert widget.locator("input").get_attribute("aria-expanded") == "false"
    page.keyboard.press("ArrowDown")
    page.keyboard.press("Enter")  # opens the selected passage in context
    page.wait_for_url("**/documents/**")
    page.locator("#cited-span").wait_for(timeout=10000)


def test_shortcuts_do_not_steal_focus_from_other_fields(page, live_server):
    page.goto(live_server.url + "/")
    page.evaluate("document.body.insertAdjacentHTML('beforeend', '<input id=other>')")
    page.locator("#other").focus()
    page.keyboard.type("a/b")
    assert page.locator("#other").input_value() == "a/b"
    page.locator("#other").blur()
    page.keyboard.press("Control+k")
    assert page.evaluate("document.activeElement.tagName") == "POLICYQA-SEARCH"


def _all_options_show(page, text):
    page.wait_for_function(
        """text => {
            const root = document.querySelector("policyqa-search").shadowRoot;
            const opts = [...root.querySelectorAll("[role=option]")];
            return opts.length > 0 && opts.every(o => o.textContent.includes(text));
        }""",
        arg=text,
        timeout=15000,
    )


def test_paper_and_year_facets_narrow_search_and_ask(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    paper = widget.locator("select[data-facet=paper]")
    year = widget.locator("select[data-facet=year]")
    paper.locator("option[value=policy-address-2024]").wait_for(state="attached", timeout=10000)
    assert year.locator("option").all_inner_texts() == ["All years", "2024", "2017", "2012", "2011", "2009"]
    paper.select_option("policy-address-2024")
    widget.locator("input").fill("合作")
    _all_options_show(page, "2024-10")
    assert _options(page).count() == 8  # a single paper still fills the list
    paper.select_option("")
    year.select_option("2009")  # changing a facet searches again
    _all_options_show(page, "2009-12")
    widget.locator("input").press("Escape")
    widget.locator("input").press("Enter")
    widget.locator(".passages li").first.wait_for(timeout=15000)
    cited = widget.locator(".passages li").all_inner_texts()
    assert cited and all("2009-12" in text for text in cited)
    page.screenshot(path=SHOTS / "facets.png")


def test_readable_at_200_percent_zoom(browser, live_server):
    context = browser.new_context(viewport={"width": 600, "height": 800}, device_scale_factor=2)
    page = context.new_page()
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("前海的定位是甚麼？")
    widget.locator("input").press("Enter")
    widget.locator(".answer-text").wait_for(timeout=15000)
    assert page.evaluate("document.documentElement.scrollWidth <= document.documentElement.clientWidth")
    page.screenshot(path=SHOTS / "zoom-200.png", full_page=True)
    context.close()


def test_server_text_is_inserted_as_text(page, live_server):
    """A question with markup is shown as text: no element is created from it."""
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("<img src=x onerror=alert(1)>" + "深" * 600)
    widget.locator("input").press("Enter")
    widget.locator(".error").wait_for(timeout=10000)
    assert "question_too_long" in widget.locator(".status").inner_text()
    assert widget.locator("img").count() == 0


def test_503_while_the_index_loads_shows_a_clear_message(page):
    from qa.api import create_app
    from qa.service import ServiceHolder
    from qa.settings import Settings

    settings = Settings()
    with LiveServer(create_app(settings, ServiceHolder(settings, autostart=False))) as server:
        page.goto(server.url + "/")
        widget = page.locator("policyqa-search")
        widget.locator("input").fill("前海")
        widget.locator(".status.error").wait_for(timeout=10000)
        assert "loading" in widget.locator(".status").inner_text()


class _Quiet(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


@pytest.fixture()
def host_page(tmp_path):
    """A page on another origin (localhost vs 127.0.0.1) that embeds the widget with one script tag."""
    port = free_port()
    server = http.server.ThreadingHTTPServer(("127.0.0.1", port), partial(_Quiet, directory=str(tmp_path)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()

    def write(api_url):
        (tmp_path / "index.html").write_text(
            f"""<!doctype html><html lang="zh-Hant"><head><meta charset="utf-8">
            <style>input, li {{ color: red !important; font-size: 40px; }}
            .answer {{ display: none; }}</style></head>
            <body><h1>Intranet</h1>
            <policyqa-search endpoint="{api_url}" style="--pqa-accent: #7a0000"></policyqa-search>
            <script src="{api_url}/widget.js"></script></body></html>""",
            encoding="utf-8",
        )
        return f"http://localhost:{port}/index.html"

    yield write, f"http://localhost:{port}"
    server.shutdown()
    server.server_close()


def test_embedding_from_another_origin_works_when_allowed(page, real_service, host_page):
    write, origin = host_page
    with LiveServer(make_app(real_service, cors_origins=[origin])) as api:
        page.goto(write(api.url))
        widget = page.locator("policyqa-search")
        assert widget.locator("input").get_attribute("placeholder").startswith("查詢")  # follows <html lang>
        widget.locator("input").fill("前海的定位是甚麼？")
        widget.locator("input").press("Enter")
        widget.locator(".answer-text").wait_for(timeout=15000)
        # The host page's CSS does not reach into the widget.
        assert widget.locator(".answer").is_visible()
        color = widget.locator("input").evaluate("e => getComputedStyle(e).color")
        assert color != "rgb(255, 0, 0)"
        page.screenshot(path=SHOTS / "embedded-allowed.png", full_page=True)


def test_embedding_from_another_origin_fails_cleanly_when_not_allowed(page, real_service, host_page):
    write, _ = host_page
    with LiveServer(make_app(real_service)) as api:
        page.goto(write(api.url))
        widget = page.locator("policyqa-search")
        widget.locator("input").fill("前海")
        widget.locator(".status.error").wait_for(timeout=10000)
        assert "無法連接服務" in widget.locator(".status").inner_text()
        page.screenshot(path=SHOTS / "embedded-refused.png")


@pytest.mark.parametrize(
    "path, ready",
    [("/docs", ".swagger-ui .opblock-tag"), ("/redoc", "[data-section-id]"), ("/", "policyqa-search input")],
)
def test_pages_render_offline_under_their_csp(page, live_server, path, ready):
    """Every request off this server is blocked, as on a network without internet; nothing trips the CSP."""
    violations, outside = [], []
    page.on(
        "console", lambda msg: violations.append(msg.text) if "Content Security Policy" in msg.text else None
    )
    page.route(
        "**/*",
        lambda route: (
            route.continue_()
            if route.request.url.startswith(live_server.url)
            else (outside.append(route.request.url), route.abort())
        ),
    )
    page.goto(live_server.url + path)
    page.locator(ready).first.wait_for(timeout=20000)
    # ReDoc's footer logo points at its CDN; the CSP blocks it, as it should. Nothing of ours is blocked.
    assert [v for v in violations if "cdn.redoc.ly/redoc/logo-mini.svg" not in v] == []
    assert outside == []
    if path == "/docs":
        assert page.locator(".swagger-ui .opblock").count() >= 5


def test_generated_answer_shows_under_the_extractive_one_marked_machine_generated(page, real_service):
    from tests.llm_servers import ScriptedLLM

    text = "The Shenzhen-Hong Kong Cooperation Meeting was set up in 2004 [1]."
    with (
        ScriptedLLM(text) as llm,
        LiveServer(make_app(real_service, llm_url=llm.url, llm_model="scripted-model")) as server,
    ):
        page.goto(server.url + "/")
        widget = page.locator("policyqa-search")
        widget.locator("input").fill("When was the Shenzhen-Hong Kong Cooperation Meeting set up?")
        widget.locator("button").click()
        widget.locator(".answer[data-complete=true]").wait_for(timeout=30000)
        assert "2004" in widget.locator(".answer-text").inner_text()
        assert widget.locator(".answer").get_attribute("data-generation") == "shown"
        generated = widget.locator(".generated")
        label = generated.locator(".generated-label").inner_text()
        assert label.startswith("Machine-generated by scripted-model, checked against the cited passages")
        assert generated.locator(".generated-text").inner_text() == text
        # Its citations are links to the passages, like the extractive answer's.
        cite = generated.locator("a.cite").first
        assert cite.inner_text() == "[1]"
        cite.click()
        assert widget.locator(".passages li.focused").get_attribute("id").endswith("-p-1")
        page.screenshot(path=SHOTS / "answer-generated-en.png", full_page=True)


@pytest.mark.llm
def test_a_real_models_answer_is_shown_only_when_the_api_says_it_is_grounded(
    page, real_service, llama_server
):
    import httpx

    question = "When was the Shenzhen-Hong Kong Cooperation Meeting set up?"
    app = make_app(real_service, llm_url=llama_server.url, llm_model=llama_server.alias, llm_timeout=180)
    with LiveServer(app) as server:
        # Greedy decoding: the widget's request gets the same answer the API gave.
        api = httpx.post(server.url + "/v1/ask", json={"question": question}, timeout=240).json()
        grounded = api["answer"]["generated"]["grounded"]
        page.goto(server.url + "/")
        widget = page.locator("policyqa-search")
        widget.locator("input").fill(question)
        widget.locator("button").click()
        widget.locator(".answer-text").wait_for(timeout=15000)
        widget.locator(".answer[data-complete=true]").wait_for(timeout=240000)
        state = widget.locator(".answer").get_attribute("data-generation")
        assert state == ("shown" if grounded else "hidden")
        assert widget.locator(".generated").count() == (1 if grounded else 0)
        page.screenshot(path=SHOTS / "answer-generated-real-model.png", full_page=True)


def test_without_an_llm_the_widget_shows_no_generated_box(page, live_server):
    page.goto(live_server.url + "/")
    widget = page.locator("policyqa-search")
    widget.locator("input").fill("深港合作會議何時成立？")
    widget.locator("button").click()
    widget.locator(".answer[data-complete=true]").wait_for(timeout=15000)
    assert widget.locator(".answer").get_attribute("data-generation") == "none"
    assert widget.locator(".generated").count() == 0
    assert widget.locator(".status").inner_text() == ""


def test_an_ungrounded_generated_answer_is_not_shown(page, real_service):
    from tests.llm_servers import ScriptedLLM

    with (
        ScriptedLLM("The Shenzhen-Hong Kong Cooperation Meeting was set up in 2005 [1].") as llm,
        LiveServer(make_app(real_service, llm_url=llm.url)) as server,
    ):
        page.goto(server.url + "/")
        widget = page.locator("policyqa-search")
        widget.locator("input").fill("When was the Shenzhen-Hong Kong Cooperation Meeting set up?")
        widget.locator("button").click()
        widget.locator(".answer[data-complete=true]").wait_for(timeout=15000)
        assert len(llm.requests) == 1
        assert widget.locator(".answer").get_attribute("data-generation") == "hidden"
        assert widget.locator(".generated").count() == 0
        assert "2004" in widget.locator(".answer-text").inner_text()


def test_an_english_question_shows_what_it_was_also_searched_as(page, real_service):
    from qa.service import QAService
    from qa.translators import ChatTranslator
    from tests.llm_servers import ScriptedLLM

    with ScriptedLLM(reply="武漢貿易辦公室何時開業？") as llm:
        service = QAService(real_service.index, ChatTranslator(llm.url, "qwen"))
        with LiveServer(make_app(service)) as server:
            page.goto(server.url + "/")
            widget = page.locator("policyqa-search")
            widget.locator("input").fill("When did the Wuhan trade office open?")
            widget.locator("button").click()
            widget.locator(".answer-text").wait_for(timeout=15000)
            assert widget.locator(".answer-text .span").inner_text() == "2014年4月"
            shown = widget.locator(".translation").inner_text()
            assert shown == "Also searched as (machine translation): 武漢貿易辦公室何時開業？"
            page.screenshot(path=SHOTS / "answer-en-translated.png", full_page=True)
