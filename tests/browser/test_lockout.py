import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_outsider_is_locked_out_after_five_bad_passwords_while_lawyer_still_logs_in(page, outsider, lawyer):
    for attempt in range(4):
        log_in(page, "outsider", f"wrong-guess-{attempt}")
        assert page.locator(".alert-danger, .invalid-feedback, .errorlist").count() >= 1
        assert page.locator("[data-testid=locked-out]").count() == 0

    log_in(page, "outsider", "wrong-guess-4")
    assert page.locator("[data-testid=locked-out]").is_visible()
    page.screenshot(path="/tmp/lockout.png", full_page=True)

    # The right password does not open a locked account.
    log_in(page, "outsider", PASSWORD)
    assert page.locator("[data-testid=locked-out]").is_visible()

    # A colleague on the same computer is not affected.
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")
    assert page.locator("[data-testid=user-menu]").is_visible()
    assert "Здравствуйте" in page.inner_text("h1")
