"""The lawyer's day with a case, in a real browser.

She opens a case for a client from the client's page, logs two consultations
through the htmx form (the page never reloads), adds a follow-up, and closes
the case with the wages recovered. The psychologist's session notes on the
same case never reach her screen.
"""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import Case
from cases.services import consultation_log
from tests.browser.conftest import log_in
from tests.cases.factories import category, make_client
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

NOTES = "Клиентка рассказала о давлении со стороны бригадира"


def _log_consultation(page, summary: str, count: int) -> None:
    page.fill("#consultation_summary", summary)
    page.click("[data-testid=consultation-submit]")
    page.locator("[data-testid=timeline-consultation]").nth(count - 1).wait_for()
    assert page.locator("[data-testid=timeline-consultation]").count() == count


def test_the_lawyer_works_a_case_from_opening_to_closing(page, lawyer, psychologist, office_a):
    client = make_client(office_a, actor=lawyer, family_name="Тошматова", given_name="Гулнора", sex="female")
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")

    # From the client's page, open a case.
    page.goto(f"/clients/{client.pk}/")
    page.click("[data-testid=client-open-case]")
    page.wait_for_url("**/cases/new/?client=*")
    page.select_option("select[name=kind]", "both")
    page.check(f"input[name=categories][value='{category('unpaid-wages').pk}']")
    page.fill("textarea[name=summary]", "Не выплачена зарплата за три месяца на стройке")
    page.select_option("select[name=staff]", str(psychologist.pk))
    page.screenshot(path="/tmp/cases-new.png", full_page=True)
    page.click("[data-testid=case-save]")
    page.wait_for_url("**/cases/*/")
    case = Case.objects.get(client=client)
    assert page.url.endswith(f"/cases/{case.pk}/")
    assert page.get_attribute("[data-testid=case-status]", "data-status") == "open"

    # Two consultations through the htmx form: the timeline grows, the page is never reloaded.
    page.evaluate("window.__stillTheSamePage = true")
    _log_consultation(page, "Разъяснены права, подготовлена претензия работодателю", 1)
    page.wait_for_selector("[data-testid=case-status][data-status=in_progress]")
    _log_consultation(page, "Звонок работодателю: обещал выплатить до конца месяца", 2)
    assert page.evaluate("window.__stillTheSamePage") is True
    assert page.input_value("#consultation_summary") == ""  # a fresh form for the next one

    # A follow-up for next week.
    due = timezone.localdate() + timedelta(days=7)
    page.fill("#follow_up_title", "Проверить, выплатил ли работодатель")
    page.fill("#follow_up_due_on", due.isoformat())
    page.click("[data-testid=follow-up-submit]")
    page.locator("[data-testid=timeline-follow-up]").wait_for()
    assert page.evaluate("window.__stillTheSamePage") is True

    # Meanwhile the psychologist of the case holds a session and writes notes.
    consultation_log(case=case, actor=psychologist, kind="psychological", summary="Сессия поддержки", psych_notes=NOTES)
    page.reload()
    page.locator("[data-testid=session-confidential]").wait_for()
    assert NOTES not in page.content()
    assert "Сессия поддержки" not in page.content()
    page.screenshot(path="/tmp/cases-page.png", full_page=True)

    # Closing: the outcome and the wages recovered.
    page.click("[data-testid=case-status-change]")
    page.wait_for_url("**/status/")
    page.select_option("select[name=status]", "closed")
    page.select_option("select[name=outcome]", "resolved")
    page.fill("input[name=wages_claimed]", "450000")
    page.fill("input[name=wages_recovered]", "450000")
    page.screenshot(path="/tmp/cases-close.png", full_page=True)
    page.click("[data-testid=status-save]")
    page.wait_for_url(f"**/cases/{case.pk}/")
    assert page.get_attribute("[data-testid=case-status]", "data-status") == "closed"
    assert "450" in page.inner_text("[data-testid=wages-recovered]")
    assert NOTES not in page.content()
    case.refresh_from_db()
    assert case.status == "closed" and case.wages_recovered == 450000
    assert case.consultations.count() == 3 and case.follow_ups.count() == 1

    # The list and the home page, for the record.
    page.goto("/cases/")
    page.screenshot(path="/tmp/cases-list.png", full_page=True)
    page.goto("/")
    page.screenshot(path="/tmp/cases-home.png", full_page=True)
