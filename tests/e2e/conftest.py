"""A live server on a free port and Debian's Chromium driven by Playwright.

In CI (CI set) a missing Chromium fails the run; elsewhere these tests are skipped with the reason.
"""

import os
import shutil
import threading
from datetime import date
from pathlib import Path

import pytest
from werkzeug.serving import make_server

from catalogue.extensions import db
from tests import factories

CHROMIUM = os.environ.get("CHROMIUM", shutil.which("chromium") or "/usr/bin/chromium")
CHROMIUM_ARGS = [
    "--headless",
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


@pytest.fixture
def live_server(app):
    app.config["WTF_CSRF_ENABLED"] = True  # the real forms, with their tokens
    server = make_server("127.0.0.1", 0, app, threaded=True)
    thread = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True)
    thread.start()
    yield f"http://127.0.0.1:{server.server_port}"
    server.shutdown()
    thread.join(timeout=5)
    app.config["WTF_CSRF_ENABLED"] = False


@pytest.fixture(scope="session")
def chromium():
    if not os.path.exists(CHROMIUM):
        message = f"Chromium not found at {CHROMIUM}: apt-get install chromium fonts-wqy-microhei"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    from playwright.sync_api import sync_playwright

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


@pytest.hookimpl(wrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    report = yield
    if report.when == "call":
        item.call_failed = report.failed
    return report


@pytest.fixture
def page(chromium, live_server, request):
    """A Chinese-speaking browser tab on the live server; its last screen is kept in test-results/
    when the test fails (or always, with E2E_SCREENSHOTS=1)."""
    context = chromium.new_context(locale="zh-CN", base_url=live_server, viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.set_default_timeout(15_000)
    yield page
    if getattr(request.node, "call_failed", True) or os.environ.get("E2E_SCREENSHOTS"):
        os.makedirs("test-results", exist_ok=True)
        page.screenshot(path=f"test-results/{request.node.name}.png", full_page=True)
    context.close()


@pytest.fixture
def open_world(world):
    """The test world plus a campaign whose deadline is far away, committed for the server to see."""
    factories.campaign(world.scheme, code="2099", province=date(2099, 7, 31), prefecture=date(2099, 12, 31))
    db.session.commit()
    return world


def log_in(page, username):
    page.goto("/login")
    page.fill("#username", username)
    page.fill("#password", factories.PASSWORD)
    page.click("main button[type=submit]")


def hand_in(page, person="张敏", phone="0871-63000000"):
    """Fill in who the finance office may call about the submission (the check-and-submit page)."""
    page.fill("#contact_person", person)
    page.fill("#contact_phone", phone)


AXE = Path(__file__).parent / "node_modules/axe-core/axe.min.js"


@pytest.fixture(scope="module")
def axe_script():
    """axe-core's script, from the npm registry (tests/e2e/package.json): skipped without it, failed in CI."""
    if not AXE.exists():
        message = f"axe-core not found at {AXE}: npm ci --prefix tests/e2e (make test does it)"
        if os.environ.get("CI"):
            pytest.fail(message)
        pytest.skip(message)
    return AXE.read_text(encoding="utf-8")
