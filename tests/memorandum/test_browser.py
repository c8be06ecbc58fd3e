"""The coordinator's story in a real browser: refer, download the letter, record the answers, see the figures."""

import re

import pytest
from pypdf import PdfReader

from demo.seed_memorandum import seed_memorandum, seed_partners
from memorandum.models import Partner
from tests.browser.conftest import log_in
from tests.cases.factories import CaseFactory, make_client
from tests.conftest import PASSWORD
from tests.memorandum.conftest import PARTNERS_ONLY
from tests.memorandum.factories import make_referral

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def test_the_coordinator_refers_a_case_to_the_labour_inspectorate_and_records_the_answers(
    page, coordinator, lawyer, office_a
):
    memorandum = seed_memorandum(seed_partners())
    inspectorate = Partner.objects.get(code="labour-inspectorate")
    client = make_client(office_a, actor=lawyer, family_name="Каримов", given_name="Бахтиёр", consent=PARTNERS_ONLY)
    case = CaseFactory(client=client, lead=lawyer)

    log_in(page, "coordinator", PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/cases/{case.pk}/")
    page.click("[data-testid=refer-case]")
    page.wait_for_url(re.compile(r"/memorandum/referrals/new/"))
    page.select_option("select[name=partner]", str(inspectorate.pk))
    page.fill("textarea[name=request]", "Просим провести проверку работодателя: зарплата не выплачена три месяца.")
    page.fill("textarea[name=client_needs]", "Получить зарплату и трудовой договор.")
    page.screenshot(path="/tmp/memorandum-form.png", full_page=True)
    page.click("[data-testid=create-referral]")
    page.wait_for_url(re.compile(r"/memorandum/referrals/\d+/$"))
    page.click("[data-testid=action-send]")
    page.wait_for_selector("[data-testid=referral-state][data-state=sent]")
    reference = page.inner_text("[data-testid=referral-reference]")

    with page.expect_download() as download_info:
        page.click("[data-testid=letter-download]")
    letter = download_info.value
    assert letter.suggested_filename == f"{reference}.pdf"
    text = "".join("".join(p.extract_text().split()) for p in PdfReader(letter.path()).pages)
    assert reference in text and client.code in text
    assert "Каримов" not in text

    page.click("[data-testid=action-accept]")
    page.wait_for_selector("[data-testid=referral-state][data-state=accepted]")
    page.fill("#text-complete", "Инспекция обязала работодателя выплатить долг; клиент получил 450 000 тенге.")
    page.click("[data-testid=action-complete]")
    page.wait_for_selector("[data-testid=referral-state][data-state=completed]")
    assert "450 000" in page.inner_text("[data-testid=referral-result]")
    page.screenshot(path="/tmp/memorandum-referral.png", full_page=True)

    page.goto("/memorandum/")
    row = page.locator("[data-testid=partner-labour-inspectorate]")
    assert row.locator("[data-testid=referred]").inner_text() == "1"
    assert row.locator("[data-testid=accepted]").inner_text() == "1"
    assert row.locator("[data-testid=completed]").inner_text() == "1"
    assert row.locator("[data-testid=median-days]").inner_text() == "0"
    assert page.locator("[data-testid=signatory]").count() == memorandum.signatories.count() == 15
    page.screenshot(path="/tmp/memorandum-index.png", full_page=True)

    page.goto("/memorandum/referrals/?state=completed")
    assert page.locator("[data-testid=referral-row]").count() == 1
    page.screenshot(path="/tmp/memorandum-board.png", full_page=True)

    page.goto(f"/cases/{case.pk}/")
    assert page.locator("[data-testid=timeline-referral]").count() == 1
    page.screenshot(path="/tmp/memorandum-case.png", full_page=True)


def test_a_manager_sends_a_referral_without_consent_with_a_written_reason(page, coordinator, manager, lawyer, office_a):
    seed_partners()
    police = Partner.objects.get(code="migration-police")
    client = make_client(office_a, actor=lawyer, consent=PARTNERS_ONLY)  # no consent for law enforcement
    case = CaseFactory(client=client, lead=lawyer)
    referral = make_referral(coordinator=coordinator, case=case, partner=police)

    log_in(page, "coordinator", PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/memorandum/referrals/{referral.pk}/")
    assert page.locator("[data-testid=consent-missing]").is_visible()
    assert page.locator("[data-testid=action-send]").is_disabled()

    page.context.clear_cookies()
    log_in(page, "manager", PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/memorandum/referrals/{referral.pk}/")
    page.fill("#id_consent_override_reason", "Клиента задержали, нужна срочная проверка законности задержания.")
    page.screenshot(path="/tmp/memorandum-override.png", full_page=True)
    page.click("[data-testid=action-send]")
    page.wait_for_selector("[data-testid=referral-state][data-state=sent]")
    assert "срочная проверка" in page.inner_text("[data-testid=consent-override]")
