"""The widget in Debian's Chromium via Playwright: ask in English and Chinese, see the answer and citation, expand
it; and XSS payloads through the question, an ingested notice and an LLM reply never execute or leave the host."""

from __future__ import annotations

import shutil
import threading
import time
from pathlib import Path

import httpx
import pytest

from eval.bench import free_port
from tests.conftest import NOTICES, ScriptedGenerator, build_store_and_index, with_llm

pytestmark = pytest.mark.browser
CHROMIUM = "/usr/bin/chromium"
ARGS = ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-component-update",
        "--no-first-run", "--disable-sync", "--disable-quic"]

BASE_PAYLOADS = [
    "<script>window.__xss=(window.__xss||0)+1</script>",
    "<img src=x onerror=\"window.__xss=(window.__xss||0)+1\">",
    "<img src=\"http://evil.example/pixel.png\">",
    "<svg onload=\"window.__xss=(window.__xss||0)+1\"></svg>",
    "<a href=\"javascript:window.__xss=1\">click</a>",
    "<iframe src=\"javascript:parent.__xss=1\"></iframe>",
    "<body onload=window.__xss=1>",
    "\"><script>window.__xss=1</script>",
    "'><img src=x onerror=window.__xss=1>",
    "![x](javascript:window.__xss=1)",
    "![x](http://evil.example/md.png)",
    "[click](javascript:window.__xss=1)",
    "<details open ontoggle=window.__xss=1>",
    "<math><mtext><table><mglyph><style><img src=x onerror=window.__xss=1>",
    "<input autofocus onfocus=window.__xss=1>",
    "<video><source onerror=window.__xss=1></video>",
    "<link rel=stylesheet href=http://evil.example/x.css>",
    "<object data=\"javascript:window.__xss=1\"></object>",
    "<style>@import 'http://evil.example/i.css';</style>",
    "&lt;script&gt;window.__xss=1&lt;/script&gt;",
]
SUFFIXES = ("", " 外籍人才", " QFLP", "\n<b>x</b>", "（责任单位：市商务局）")
PAYLOADS = [p + suffix for p in BASE_PAYLOADS for suffix in SUFFIXES]
assert len(PAYLOADS) == 100


def serve(app) -> tuple[str, object]:  # type: ignore[no-untyped-def]
    import uvicorn

    port = free_port()
    server = uvicorn.Server(uvicorn.Config(app, host="127.0.0.1", port=port, log_level="warning"))
    threading.Thread(target=server.run, daemon=True).start()
    base = f"http://127.0.0.1:{port}"
    for _ in range(200):
        try:
            if httpx.get(f"{base}/readyz", timeout=1).status_code == 200:
                return base, server
        except httpx.HTTPError:
            pass
        time.sleep(0.05)
    raise RuntimeError("server did not start")


XSS_NOTICE = "\n".join(
    ["宁测发〔2024〕1号", "", "关于印发《跨站脚本测试方案》的通知", "", "各单位：", "", "跨站脚本测试方案", "",
     "一、测试任务", "",
     "（一）测试。建设测试平台。（责任单位：市商务局）", "", "附件", "", "序号\t任务内容\t责任单位"]
    + [f"{i}\t测试条款{i}：跨站脚本防护验证任务，{p}，确保页面安全。\t市商务局" for i, p in enumerate(BASE_PAYLOADS, 1)]
)


SITE_DATA: dict[str, Path] = {}


@pytest.fixture(scope="module")
def site(tmp_path_factory):  # type: ignore[no-untyped-def]
    if not Path(CHROMIUM).exists():
        pytest.fail("Debian chromium is not installed (apt-get install -y chromium); .ci/run installs it")
    from service.engine import load_engine
    from service.main import create_app

    notices = tmp_path_factory.mktemp("notices")
    for f in NOTICES.glob("*.txt"):
        shutil.copy(f, notices)
    (notices / "xss-test.txt").write_text(XSS_NOTICE, encoding="utf-8")
    settings = build_store_and_index(tmp_path_factory.mktemp("browser") / "var", "hash", notices)
    settings = settings.model_copy(update={"rate_limit_per_minute": 100_000})
    engine = load_engine(settings)

    def llm(prompt: str) -> str:
        if "LLMXSS" not in prompt:
            return "NOT_IN_NOTICES"
        i = int(prompt.split("LLMXSS", 1)[1].split()[0]) % len(BASE_PAYLOADS)
        return f"{BASE_PAYLOADS[i]} 牵头单位：市科技局 [2023-51-bfb4/t93]"

    engine.answerer = with_llm(engine, ScriptedGenerator(llm))
    SITE_DATA["dir"] = settings.data_dir
    base, server = serve(create_app(settings, engine_factory=lambda s: engine))
    yield base
    server.should_exit = True  # type: ignore[attr-defined]


@pytest.fixture(scope="module")
def browser():  # type: ignore[no-untyped-def]
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=CHROMIUM, headless=True, args=ARGS)
        yield b
        b.close()


def open_widget(browser, base: str):  # type: ignore[no-untyped-def]
    page = browser.new_page()
    events = {"dialogs": 0, "foreign": []}
    page.on("dialog", lambda d: (events.__setitem__("dialogs", events["dialogs"] + 1), d.dismiss()))
    page.on("request", lambda r: None if r.url.startswith(base) or r.url.startswith("data:")
            else events["foreign"].append(r.url))
    page.goto(base + "/")
    page.get_by_role("button", name="Ask about policy notices").click()
    return page, events


def ask(page, question: str) -> None:  # type: ignore[no-untyped-def]
    n = page.locator(".pqa-bot").count()
    page.locator("#pqa-input").fill(question)
    page.locator("#pqa-input").press("Enter")
    # Polled from Python: the page's CSP (script-src 'self') forbids the eval that wait_for_function would need.
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline:
        bots = page.locator(".pqa-bot")
        if bots.count() > n and bots.last.get_attribute("aria-busy") is None:
            return
        time.sleep(0.03)
    raise AssertionError(f"no answer to {question!r}")


def test_english_question_shows_answer_and_expandable_citation(site, browser, tmp_path) -> None:  # type: ignore[no-untyped-def]
    page, events = open_widget(browser, site)
    assert page.locator("#pqa-panel").get_attribute("role") == "dialog"
    ask(page, "Who leads the pilot that lets foreign talent apply for work permits during their start-up period?")
    bot = page.locator(".pqa-bot").last
    assert "Nanjing Municipal Bureau of Science and Technology (市科技局)" in bot.locator(".pqa-text").inner_text()
    chip = bot.locator(".pqa-chip").first
    assert "task 93" in chip.inner_text() and chip.get_attribute("aria-expanded") == "false"
    chip.click()
    assert chip.get_attribute("aria-expanded") == "true"
    body = bot.locator(".pqa-cite-body").first
    assert "探索外国人才创业期间申办工作许可新模式" in body.inner_text()
    assert "Unofficial English rendering" in body.inner_text() and "Lead: Nanjing Municipal" in body.inner_text()
    page.screenshot(path=str(tmp_path / "widget-en.png"))
    page.keyboard.press("Escape")
    assert page.locator("#pqa-panel").is_hidden()
    assert events == {"dialogs": 0, "foreign": []}


def test_chinese_question_after_toggle(site, browser) -> None:  # type: ignore[no-untyped-def]
    page, events = open_widget(browser, site)
    page.locator(".pqa-toggle").click()
    assert page.locator(".pqa-send").inner_text() == "提问"
    ask(page, "外籍人才创业工作许可由哪个部门牵头？")
    bot = page.locator(".pqa-bot").last
    assert "牵头单位：市科技局" in bot.locator(".pqa-text").inner_text()
    assert "任务 93" in bot.locator(".pqa-chip").first.inner_text()
    assert events == {"dialogs": 0, "foreign": []}


def test_xss_payloads_never_execute(site, browser) -> None:  # type: ignore[no-untyped-def]
    page, events = open_widget(browser, site)
    for p in PAYLOADS:  # 100 through the question
        ask(page, p)
    for i in range(len(BASE_PAYLOADS)):  # through an ingested notice's text, quoted and expanded in the chip
        ask(page, f"测试条款{i + 1}跨站脚本防护验证任务由谁负责？")
        chip = page.locator(".pqa-bot").last.locator(".pqa-chip").first
        if chip.count():
            chip.click()
    for i in range(10):  # through a scripted LLM reply
        ask(page, f"LLMXSS {i} 外籍人才创业工作许可由哪个部门牵头？")
    texts = page.locator(".pqa-bot .pqa-text").all_inner_texts()
    assert any("<script>" in t for t in texts)  # payloads arrived and were shown as text
    assert any("onerror" in t for t in page.locator(".pqa-cite-body").all_inner_texts())
    assert page.evaluate("window.__xss") is None
    assert page.locator(".pqa-log img, .pqa-log script, .pqa-log iframe, .pqa-log svg, .pqa-log a").count() == 0
    assert events == {"dialogs": 0, "foreign": []}


def test_a_follow_up_in_the_widget_is_about_the_previous_answer(site, browser) -> None:  # type: ignore[no-untyped-def]
    page, _ = open_widget(browser, site)
    ask(page, "Who leads the pilot that lets foreign talent apply for work permits during their start-up period?")
    ask(page, "And who cooperates on it?")
    text = page.locator(".pqa-bot").last.locator(".pqa-text").inner_text()
    assert "task 93" in text and "previous answer" in text and "(市公安局)" in text, text
    page.close()


@pytest.mark.parametrize(("path", "rendered"), [("/docs", ".opblock-summary-path"), ("/redoc", "[data-section-id]")])
def test_api_docs_render_offline(site, browser, tmp_path, path: str, rendered: str) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    foreign: list[str] = []
    blocked: list[str] = []
    page.on("request", lambda r: None if r.url.startswith((site, "data:", "blob:")) else foreign.append(r.url))
    page.on("console", lambda m: blocked.append(m.text) if "Content Security Policy" in m.text else None)
    page.goto(site + path)
    page.locator(rendered, has_text="/v1/ask" if path == "/docs" else "").first.wait_for(timeout=30_000)
    assert page.get_by_text("/v1/ask").count() >= 1
    page.screenshot(path=str(tmp_path / f"{path.strip('/')}.png"))
    assert (tmp_path / f"{path.strip('/')}.png").stat().st_size > 10_000
    # ReDoc's sidebar credit links an image on its CDN: the CSP stops it before it leaves the browser, and nothing
    # else from outside is even requested.
    assert all(any(url in m for m in blocked) for url in foreign), (foreign, blocked)
    assert all(url.startswith("https://cdn.redoc.ly/") for url in foreign), foreign
    page.close()


def test_an_answer_can_be_copied_and_rated_and_a_failed_one_retried(site, browser) -> None:  # type: ignore[no-untyped-def]
    from service.feedback import FeedbackStore

    context = browser.new_context(permissions=["clipboard-read", "clipboard-write"])
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_role("button", name="Ask about policy notices").click()
    question = "Who leads the QFLP pilot?"
    held = []
    page.route("**/v1/ask/stream", lambda route: held.append(route))  # hold the request: the reply is pending
    page.locator("#pqa-input").fill(question)
    page.locator("#pqa-input").press("Enter")
    pending = page.locator(".pqa-bot").last
    pending.locator(".pqa-thinking").wait_for(timeout=5_000)  # a visible "thinking" state while it waits
    assert pending.get_attribute("aria-busy") == "true" and "Looking" in pending.inner_text()
    while not held:
        time.sleep(0.02)
    held[0].abort()  # then the network fails
    deadline = time.monotonic() + 10
    while time.monotonic() < deadline and pending.get_attribute("aria-busy") is not None:
        time.sleep(0.03)
    page.unroute("**/v1/ask/stream")
    page.get_by_role("button", name="New chat").click()
    page.route("**/v1/ask/stream", lambda route: route.abort())  # the network fails once
    ask(page, question)
    failed = page.locator(".pqa-bot").last
    assert "could not answer" in failed.inner_text()
    page.unroute("**/v1/ask/stream")
    failed.get_by_role("button", name="Retry").click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not page.locator(".pqa-bot .pqa-actions").count():
        time.sleep(0.05)
    bot = page.locator(".pqa-bot").last
    assert page.locator(".pqa-bot").count() == 1  # the failed reply gave way to the answer
    assert "Sources" in bot.inner_text()

    bot.get_by_role("button", name="Copy").click()
    bot.get_by_role("button", name="Copied").wait_for(timeout=5_000)
    bot.get_by_role("button", name="Helpful", exact=True).click()
    bot.get_by_role("status").wait_for(timeout=5_000)
    assert "Thanks" in bot.get_by_role("status").inner_text()
    assert bot.get_by_role("button", name="Not helpful").is_disabled()
    rows = FeedbackStore(SITE_DATA["dir"] / "feedback.sqlite3").rows()
    assert rows[0]["rating"] == "up" and rows[0]["question"] == question and rows[0]["citations"]
    assert rows[0]["answer"] == bot.locator(".pqa-text").inner_text()
    context.close()


def test_suggestions_start_a_conversation_that_survives_a_reload_until_new_chat(site, browser) -> None:  # type: ignore[no-untyped-def]
    page = browser.new_page()
    page.goto(site + "/")
    page.get_by_role("button", name="Ask about policy notices").click()
    suggestions = page.locator(".pqa-suggestion")
    suggestions.first.wait_for(timeout=10_000)
    assert suggestions.count() >= 2
    question = suggestions.first.inner_text()
    suggestions.first.click()
    deadline = time.monotonic() + 20
    while time.monotonic() < deadline and not page.locator(".pqa-bot .pqa-actions").count():
        time.sleep(0.05)
    answer = page.locator(".pqa-bot .pqa-text").last.inner_text()
    assert answer and page.locator(".pqa-welcome").count() == 0

    page.reload()
    page.get_by_role("button", name="Ask about policy notices").click()
    assert page.locator(".pqa-user").all_inner_texts() == [question]
    assert page.locator(".pqa-bot .pqa-text").all_inner_texts() == [answer]
    assert page.locator(".pqa-bot .pqa-sources").count() == 1 and page.locator(".pqa-welcome").count() == 0
    page.get_by_role("button", name="中文", exact=True).click()  # earlier answers' labels follow the language
    assert page.locator(".pqa-bot .pqa-text").all_inner_texts() == [answer]
    assert page.get_by_role("button", name="复制").count() == 1 and page.get_by_role("button", name="Copy").count() == 0
    assert page.locator(".pqa-sources h3").all_inner_texts() == ["出处"]
    page.get_by_role("button", name="English", exact=True).click()

    page.get_by_role("button", name="New chat").click()
    assert page.locator(".pqa-bot").count() == 0 and page.locator(".pqa-welcome").count() == 1
    page.reload()
    page.get_by_role("button", name="Ask about policy notices").click()
    assert page.locator(".pqa-bot").count() == 0
    page.close()


def serious_violations(page) -> list[str]:  # type: ignore[no-untyped-def]
    from axe_playwright_python.sync_playwright import Axe

    results = Axe().run(page)
    return [f"{v['id']}: {v['help']}" for v in results.response["violations"] if v["impact"] in ("serious", "critical")]


def test_desktop_widget_with_an_expanded_citation_has_no_serious_axe_violations(site, browser) -> None:  # type: ignore[no-untyped-def]
    # axe is injected as a script: the test context bypasses the page's CSP for it (the page itself never needs to).
    context = browser.new_context(viewport={"width": 1280, "height": 900}, bypass_csp=True)
    page = context.new_page()
    page.goto(site + "/")
    page.get_by_role("button", name="Ask about policy notices").click()
    ask(page, "外籍人才创业工作许可由哪个部门牵头？")
    page.locator(".pqa-bot .pqa-chip").first.click()
    assert serious_violations(page) == []
    context.close()


def test_phone_layout_keeps_everything_in_view_and_axe_finds_nothing_serious(site, browser) -> None:  # type: ignore[no-untyped-def]
    context = browser.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True,
                                  device_scale_factor=3, bypass_csp=True)
    page = context.new_page()
    page.goto(site + "/")
    page.locator("#demo-notices li").first.wait_for(timeout=10_000)  # the stored notices, listed from the API

    def within_screen(locator) -> bool:  # type: ignore[no-untyped-def]
        box = locator.bounding_box()
        return box is not None and box["x"] >= 0 and box["y"] >= 0 and box["x"] + box["width"] <= 390 and \
            box["y"] + box["height"] <= 844

    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    launcher = page.get_by_role("button", name="Ask about policy notices")
    assert within_screen(launcher)
    launcher.click()
    for name in ("中文", "Close", "Ask", "New chat"):
        assert within_screen(page.get_by_role("button", name=name, exact=True)), name
    assert within_screen(page.locator("#pqa-input"))
    ask(page, "Who leads the QFLP pilot?")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    assert within_screen(page.get_by_role("button", name="Close", exact=True))

    assert serious_violations(page) == []
    page.get_by_role("button", name="Close", exact=True).click()
    assert within_screen(launcher)
    context.close()
