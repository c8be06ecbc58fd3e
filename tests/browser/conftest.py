"""Browser tests: real Chromium through Playwright, against Django's live server.

The fixtures (``browser``, ``page``) live in tests/conftest.py so every app's
browser story can use them; they are also importable from here, as the apps'
conftests do. ``log_in(page, username, password)`` fills the login form.
"""

from tests.browser.playwright import log_in
from tests.conftest import browser, page, pytest_runtest_makereport

__all__ = ["browser", "log_in", "page", "pytest_runtest_makereport"]
