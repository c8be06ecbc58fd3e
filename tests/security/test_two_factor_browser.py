"""Browser story: a manager enrols a second factor and logs in with a code computed by the test (pyotp)."""

import time

import pyotp
import pytest

from tests.browser.conftest import browser, log_in, page, pytest_runtest_makereport  # noqa: F401
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_a_manager_enrols_and_logs_in_with_a_code(page, manager, settings):  # noqa: F811
    settings.TWO_FACTOR_REQUIRED_ROLES = ["manager", "administrator"]
    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/accounts/2fa/setup/**")
    assert page.locator("[data-testid=totp-qr]").is_visible()
    secret = page.inner_text("[data-testid=totp-secret]").strip()
    page.screenshot(path="/tmp/two-factor-setup.png", full_page=True)
    page.fill("input[name=code]", pyotp.TOTP(secret).now())
    page.click("[data-testid=two-factor-confirm]")
    assert page.locator("[data-testid=backup-codes] li").count() == 10
    page.click("[data-testid=two-factor-continue]")
    page.wait_for_url("**/")
    assert page.locator("[data-testid=user-menu]").is_visible()

    # Log out, log in again: the code is asked for.
    page.context.clear_cookies()
    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/accounts/2fa/verify/**")
    page.fill("input[name=code]", pyotp.TOTP(secret).at(time.time() + 30))
    page.click("[data-testid=two-factor-verify]")
    page.wait_for_url("**/")
    assert page.locator("[data-testid=user-menu]").is_visible()
