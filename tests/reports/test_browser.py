"""The manager generates a report in the browser and watches the progress bar finish."""

import pytest
from celery.contrib.testing.worker import start_worker

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.reports.factories import build_world

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]


def test_the_manager_generates_a_report_and_the_progress_bar_finishes(
    page, redis_app, manager, office_a, office_b, lawyer, outsider
):
    build_world(office_a=office_a, office_b=office_b, lawyer=lawyer, outsider=outsider)
    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/")
    page.goto("/reports/")
    page.select_option("#id_quarter", "custom")
    page.fill("#id_start", "2026-07-01")
    page.fill("#id_end", "2026-09-30")
    page.select_option("#id_language", "en")
    page.fill("#id_achievements", "Two outreach points opened in Almaty markets.")
    page.screenshot(path="/tmp/reports-form.png", full_page=True)
    page.click("[data-testid=generate]")
    page.wait_for_url("**/reports/*/")
    # No worker is listening yet: the request waits in the queue and the page shows the bar.
    assert page.locator("[data-testid=report-progress]").get_attribute("data-state") == "pending"
    assert page.get_by_role("progressbar").is_visible()
    page.screenshot(path="/tmp/reports-progress.png", full_page=True)
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20, queues=["pdf"]):
        page.wait_for_selector("[data-testid=report-progress][data-state=done]", timeout=90_000)
    assert page.locator("[data-testid=download-pdf]").is_visible()
    page.screenshot(path="/tmp/reports-done.png", full_page=True)
    page.goto("/reports/")
    assert page.locator("[data-testid=report-list] tbody tr").count() == 1
    page.screenshot(path="/tmp/reports-list.png", full_page=True)
    page.goto("/")
    assert page.locator("[data-testid=manager-panel]").is_visible()
    page.screenshot(path="/tmp/reports-home.png", full_page=True)
