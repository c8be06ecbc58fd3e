"""The whole referral loop in real browsers, with mail through a real SMTP server.

The coordinator sends; the partner opens the mailed link on a phone, types the one-time code from the
second mail and asks a question; the coordinator answers; the partner accepts and reports completion;
the coordinator sees the outcome on the case and the lawyer has one grouped notice.
"""

import re

import pytest

from demo.seed_memorandum import seed_partners
from memorandum.models import Partner, PartnerContact, Referral, ReferralState
from notices.models import Notice
from tests.browser.conftest import log_in
from tests.cases.factories import CaseFactory, make_client
from tests.conftest import PASSWORD
from tests.memorandum.conftest import PARTNERS_ONLY
from tests.smtp import body_of, start_smtp

pytestmark = [pytest.mark.browser, pytest.mark.django_db(transaction=True)]

PARTNER_EMAIL = "inspector@example.org"
LINK = re.compile(r"(https?://\S+/p/[A-Za-z0-9_-]+/)")
CODE = re.compile(r"\b(\d{6})\b")


@pytest.fixture
def smtp(settings, live_server):
    settings.SITE_URL = live_server.url
    controller, recorder = start_smtp(settings)
    yield recorder
    controller.stop()


def test_a_partner_takes_a_referral_from_the_first_mail_to_completion_without_phoning_anyone(
    page, browser, live_server, smtp, coordinator, lawyer, office_a
):
    seed_partners()
    inspectorate = Partner.objects.get(code="labour-inspectorate")
    contact = PartnerContact.objects.create(partner=inspectorate, name="Ерлан Сапаров", email=PARTNER_EMAIL)
    client = make_client(office_a, actor=lawyer, family_name="Каримов", given_name="Бахтиёр", consent=PARTNERS_ONLY)
    case = CaseFactory(client=client, lead=lawyer)

    # The machine is shared: give slow pages time.
    page.set_default_timeout(45_000)
    # The coordinator refers the case, sharing the client's name, and sends it.
    log_in(page, "coordinator", PASSWORD)
    page.wait_for_url("**/")
    page.goto(f"/cases/{case.pk}/")
    page.click("[data-testid=refer-case]")
    page.wait_for_url(re.compile(r"/memorandum/referrals/new/"))
    page.select_option("select[name=partner]", str(inspectorate.pk))
    page.fill("textarea[name=request]", "Просим провести проверку работодателя: зарплата не выплачена три месяца.")
    page.check("input[name=shared_data][value=name]")
    page.click("[data-testid=create-referral]")
    page.wait_for_url(re.compile(r"/memorandum/referrals/\d+/$"))
    page.select_option("[data-testid=send-contact]", str(contact.pk))
    page.click("[data-testid=action-send]")
    page.wait_for_selector("[data-testid=referral-state][data-state=sent]")
    page.wait_for_selector("[data-testid=referral-mail][data-state=sent]")
    referral = Referral.objects.get(case=case)

    [first] = smtp.to(PARTNER_EMAIL)
    body = body_of(first)
    assert "Каримов" not in body and client.code not in body
    link = LINK.search(body).group(1)

    # The partner, on a phone, opens the link: a code first.
    partner_context = browser.new_context(
        base_url=live_server.url, locale="ru-RU", viewport={"width": 390, "height": 844}, is_mobile=True
    )
    partner_context.set_default_timeout(45_000)
    partner = partner_context.new_page()
    requested: list[str] = []
    partner.on("request", lambda request: requested.append(request.url))
    partner.goto(link)
    partner.wait_for_selector("[data-testid=code-input]")
    assert "Каримов" not in partner.content()
    second = smtp.to(PARTNER_EMAIL)[1]
    code = CODE.search(body_of(second)).group(1)
    assert "Каримов" not in body_of(second)
    partner.fill("[data-testid=code-input]", code)
    partner.click("[data-testid=code-submit]")
    partner.wait_for_selector("[data-testid=partner-request]")
    assert "Каримов" in partner.inner_text("[data-testid=partner-client]")

    partner.fill("[data-testid=partner-question]", "Есть ли у клиента трудовой договор?")
    partner.click("[data-testid=partner-ask]")
    partner.wait_for_selector("[data-testid=thread-message][data-from=partner]")

    # The coordinator answers from the referral page.
    page.reload()
    assert "Есть ли у клиента трудовой договор?" in page.inner_text("[data-testid=staff-thread]")
    page.fill("[data-testid=reply-text]", "Договора нет, только расписки.")
    page.click("[data-testid=reply-send]")
    page.wait_for_selector("[data-testid=staff-thread] [data-from=coordinator]")

    # The partner reads the answer, accepts, then reports completion.
    partner.reload()
    assert "Договора нет, только расписки." in partner.inner_text("[data-testid=partner-thread]")
    partner.click("[data-testid=partner-accept]")
    partner.wait_for_selector("[data-testid=partner-state][data-state=accepted]")
    partner.fill("[data-testid=partner-outcome]", "Инспекция обязала работодателя выплатить 450 000 тенге.")
    partner.click("[data-testid=partner-complete]")
    partner.wait_for_selector("[data-testid=partner-state][data-state=completed]")
    partner.screenshot(path="/tmp/partner-page-phone.png", full_page=True)
    assert all(url.startswith(live_server.url) for url in requested), requested
    partner_context.close()

    referral.refresh_from_db()
    assert referral.state == ReferralState.COMPLETED

    # The coordinator sees the outcome on the case.
    page.goto(f"/cases/{case.pk}/")
    assert "450 000" in page.inner_text("[data-testid=timeline-referral-result]")
    page.goto(f"/memorandum/referrals/{referral.pk}/")
    page.screenshot(path="/tmp/partner-loop-referral.png", full_page=True)

    # The lawyer has one notice about the case, holding the steps.
    assert Notice.objects.filter(recipient=lawyer).count() == 1
    lawyer_context = browser.new_context(base_url=live_server.url, locale="ru-RU")
    lawyer_context.set_default_timeout(45_000)
    lawyer_page = lawyer_context.new_page()
    log_in(lawyer_page, "lawyer", PASSWORD)
    lawyer_page.wait_for_url("**/")
    notices = lawyer_page.locator("[data-testid=notifications-panel] [data-testid=notice]")
    assert notices.count() == 1
    assert int(notices.first.get_attribute("data-count")) >= 3
    lawyer_page.screenshot(path="/tmp/partner-loop-lawyer.png", full_page=True)
    lawyer_context.close()
