"""The manager's report shows the outreach section (a story in a real browser, with a real worker)."""

import io
import re
from datetime import timedelta

import pytest
from celery.contrib.testing.worker import start_worker
from django.utils import timezone
from pypdf import PdfReader

from tests.browser.conftest import log_in
from tests.conftest import PASSWORD
from tests.reports.outreach_world import record_a_month_of_outreach

pytestmark = [
    pytest.mark.browser,
    pytest.mark.worker,
    pytest.mark.django_db(transaction=True),
]


def test_the_managers_report_shows_the_outreach_section(page, redis_app, manager, coordinator, office_a, office_b):
    record_a_month_of_outreach(office_a=office_a, office_b=office_b, coordinator=coordinator, manager=manager)
    today = timezone.localdate()
    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/")
    page.goto("/reports/")
    page.select_option("#id_quarter", "custom")
    page.fill("#id_start", f"{today - timedelta(days=29):%Y-%m-%d}")
    page.fill("#id_end", f"{today:%Y-%m-%d}")
    page.check(f"input[name=offices][value='{office_a.pk}']")
    page.select_option("#id_language", "en")
    page.click("[data-testid=generate]")
    page.wait_for_url("**/reports/*/")
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20, queues=["pdf"]):
        page.wait_for_selector("[data-testid=report-progress][data-state=done]", timeout=120_000)
    page.screenshot(path="/tmp/reports-outreach-done.png", full_page=True)
    pdf = page.request.get(page.locator("[data-testid=download-pdf]").get_attribute("href"))
    assert pdf.status == 200
    text = "\n".join(p.extract_text() for p in PdfReader(io.BytesIO(pdf.body())).pages)

    # The contents list the section, and the section prints ALA's figures with the small-cell marks.
    assert text.count("Outreach activities held, by kind") == 2  # in the contents and as a heading
    outreach = " ".join(text[text.rindex("Outreach activities held, by kind") :].split())
    assert re.search(r"People reached by sex \S+ \S+ ± Female 16 0 Male 18 0 Total 34 0", outreach), outreach[:600]
    assert re.search(r"Officials trained, by agency \S+ \S+ ± Police <5 0", outreach)
    assert "Mean improvement, points out of 100 n<5 —" in outreach
    assert re.search(r"Materials handed out, by language \S+ \S+ ± Uzbek \(Latin\) 300 0", outreach)
    assert "WhatsApp <5 0" in outreach and "Phone × 0" in outreach
    assert "Astana" not in text  # another office, and no title of an activity is ever printed
