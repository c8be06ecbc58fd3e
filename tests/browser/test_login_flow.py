import pytest

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_lawyer_logs_in_in_russian_switches_to_kazakh_and_logs_out(page, lawyer):
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")
    assert "Здравствуйте" in page.inner_text("h1")

    # Choosing a language submits the switcher's form: wait for the page it loads.
    with page.expect_navigation():
        page.select_option("#language-select", "kk")
    assert page.locator("html").get_attribute("lang") == "kk"
    assert "Сәлеметсіз бе" in page.inner_text("h1")

    page.click("[data-testid=user-menu]")
    page.get_by_role("button", name="Шығу").click()
    page.wait_for_url("**/accounts/login/**")
    lawyer.refresh_from_db()
    assert lawyer.language == "kk"
