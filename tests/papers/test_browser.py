"""A caseworker with a Tajik client, in a real browser: the consent form in Tajik, a referral slip, the signed form."""

import re

import pytest
from pypdf import PdfReader

from clients.models import ConsentMethod
from tests.browser.conftest import log_in
from tests.conftest import PASSWORD

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]


def read(download) -> str:
    return "\n".join(sheet.extract_text() for sheet in PdfReader(download.path()).pages)


def test_a_caseworker_prints_the_tajik_consent_form_and_a_slip_and_records_the_signed_consent(
    page, lawyer, tajik_client, inspectorate
):
    log_in(page, "lawyer", PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/clients/{tajik_client.pk}/")
    page.click("[data-testid=client-papers-link]")
    page.wait_for_url(re.compile(rf"/clients/{tajik_client.pk}/papers/"))
    assert page.locator("#id_language").input_value() == "tg"

    with page.expect_download() as consent_download:
        page.click("[data-testid=print-consent]")
    consent = read(consent_download.value)
    assert "Розигӣ" in consent and tajik_client.code in consent and "Рахмонов" not in consent

    page.select_option("#slip_partner", str(inspectorate.pk))
    page.fill("#slip_hours", "Душанбе–Ҷумъа 09:00–18:00")
    page.screenshot(path="/tmp/papers-page.png", full_page=True)
    with page.expect_download() as slip_download:
        page.click("[data-testid=print-slip]")
    slip = read(slip_download.value)
    assert "Равонакунӣ" in slip and "Алматы, пр. Абая, 90" in slip and "Ҷумъа" in slip
    assert tajik_client.code in slip and "+77015550101" not in slip

    page.fill("#consent_signed_on", "2026-11-27")
    page.check("#consent_store_data")
    page.check("#consent_share_partners")
    page.click("[data-testid=record-signed-consent]")
    page.wait_for_selector(".alert-success")
    consent_row = tajik_client.consents.order_by("-id").first()
    assert consent_row.method == ConsentMethod.WRITTEN and consent_row.language.code == "tg"
    assert consent_row.store_data and consent_row.share_partners and not consent_row.share_law_enforcement
    assert consent_row.recorded_by == lawyer
