"""One headless Chromium for the whole test session, driven through Playwright.

Playwright cannot download its own browser here; it drives Debian's
``/usr/bin/chromium`` (override with ARIPTES_CHROMIUM). Several conftests
import the ``browser`` fixture, and each import is a fixture of its own; they
all share this one browser, because Playwright's sync API can run only once
per thread.
"""

import os
from pathlib import Path

CHROMIUM = os.environ.get("ARIPTES_CHROMIUM", "/usr/bin/chromium")
ARTIFACTS = Path(__file__).resolve().parents[2] / "test-artifacts"

_session: dict = {}


def shared_browser():
    if "browser" not in _session:
        from playwright.sync_api import sync_playwright

        playwright = sync_playwright().start()
        _session["playwright"] = playwright
        _session["browser"] = playwright.chromium.launch(
            executable_path=CHROMIUM,
            headless=True,
            args=["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--disable-dev-shm-usage"],
        )
    return _session["browser"]


def close_shared_browser() -> None:
    browser = _session.pop("browser", None)
    if browser is not None:
        browser.close()
        _session.pop("playwright").stop()


def log_in(page, username: str, password: str) -> None:
    page.goto("/accounts/login/")
    page.fill("input[name=username]", username)
    page.fill("input[name=password]", password)
    page.click("form button[type=submit]")
