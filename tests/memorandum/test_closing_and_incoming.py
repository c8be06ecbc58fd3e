"""Closing a case with open referrals, incoming referrals from partners, and partner reminders."""

from datetime import timedelta

import pytest
from django.core import mail
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStatus
from clients.models import Client
from memorandum.incoming import clients_by_how_they_reached_us, referred_clients_metric
from memorandum.models import IncomingReferral, PartnerContact, PartnerLink, Referral, ReferralState
from memorandum.reminders import referrals_remind_overdue
from reference.metrics import MetricContext
from tests.memorandum.factories import make_referral

pytestmark = pytest.mark.django_db


@pytest.fixture
def emailed(case, coordinator, inspectorate, django_capture_on_commit_callbacks):
    PartnerContact.objects.create(partner=inspectorate, name="Ерлан Сапаров", email="inspector@example.org")
    with django_capture_on_commit_callbacks(execute=True):
        return make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)


def to_partner() -> list:
    return [message for message in mail.outbox if message.to == ["inspector@example.org"]]


def close_data(case, **extra) -> dict:
    return {"status": "closed", "outcome": "resolved", "version": case.version, **extra}


def test_closing_a_case_with_open_referrals_asks_whether_to_withdraw_them(emailed, case, as_coordinator):
    case.refresh_from_db()
    page = as_coordinator.get(reverse("cases:status", args=[case.pk])).content.decode()
    assert 'data-testid="close-question-referrals"' in page and emailed.reference in page


def test_closing_through_the_url_without_the_answer_is_refused(emailed, case, as_coordinator):
    case.refresh_from_db()
    response = as_coordinator.post(reverse("cases:status", args=[case.pk]), close_data(case))
    assert response.status_code == 200
    assert "Answer this before closing the case" in response.content.decode()
    case.refresh_from_db()
    assert case.status != CaseStatus.CLOSED
    emailed.refresh_from_db()
    assert emailed.state == ReferralState.SENT


def test_closing_and_withdrawing_revokes_the_links_and_tells_the_partner(
    emailed, case, as_coordinator, client, django_capture_on_commit_callbacks
):
    case.refresh_from_db()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_coordinator.post(
            reverse("cases:status", args=[case.pk]), close_data(case, close_referrals="withdraw")
        )
    assert response.status_code == 302
    case.refresh_from_db()
    emailed.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert emailed.state == ReferralState.WITHDRAWN
    assert not PartnerLink.objects.filter(referral=emailed, revoked_at__isnull=True).exists()
    withdrawn = to_partner()[-1]
    assert emailed.reference in withdrawn.subject
    assert case.client.family_name not in withdrawn.body


def test_closing_and_keeping_leaves_the_referral_open_but_not_acceptable(emailed, case, coordinator, as_coordinator):
    case.refresh_from_db()
    as_coordinator.post(reverse("cases:status", args=[case.pk]), close_data(case, close_referrals="keep"))
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    response = as_coordinator.post(
        reverse("memorandum:referral-transition", args=[emailed.pk, "accept"]), {"version": emailed.version}
    )
    assert response.status_code == 400
    emailed.refresh_from_db()
    assert emailed.state == ReferralState.SENT


def test_a_caseworker_who_may_not_withdraw_cannot_close_by_withdrawing(emailed, case, as_lawyer):
    case.refresh_from_db()
    response = as_lawyer.post(reverse("cases:status", args=[case.pk]), close_data(case, close_referrals="withdraw"))
    assert response.status_code == 200
    case.refresh_from_db()
    emailed.refresh_from_db()
    assert case.status != CaseStatus.CLOSED and emailed.state == ReferralState.SENT


def test_a_case_without_open_referrals_closes_as_before(case, as_coordinator):
    case.refresh_from_db()
    page = as_coordinator.get(reverse("cases:status", args=[case.pk])).content.decode()
    assert "close-question" not in page
    assert as_coordinator.post(reverse("cases:status", args=[case.pk]), close_data(case)).status_code == 302


# --- Reminders ------------------------------------------------------------------------------------


def test_an_overdue_emailed_referral_reminds_the_partner_once_then_the_coordinator_once(
    emailed, coordinator, django_capture_on_commit_callbacks
):
    Referral.objects.filter(pk=emailed.pk).update(due_on=timezone.localdate() - timedelta(days=2))
    before = len(to_partner())
    with django_capture_on_commit_callbacks(execute=True):
        assert referrals_remind_overdue() == 1
        assert referrals_remind_overdue() == 0  # the coordinator waits for the next morning
    assert len(to_partner()) == before + 1
    reminder = to_partner()[-1]
    assert "/p/" in reminder.body and emailed.case.client.family_name not in reminder.body
    assert not [m for m in mail.outbox if m.to == [coordinator.email] and emailed.reference in m.subject]
    tomorrow = timezone.localdate() + timedelta(days=1)
    with django_capture_on_commit_callbacks(execute=True):
        assert referrals_remind_overdue(today=tomorrow) == 1
        assert referrals_remind_overdue(today=tomorrow) == 0
    assert len([m for m in mail.outbox if m.to == [coordinator.email] and emailed.reference in m.subject]) == 1
    assert len(to_partner()) == before + 1


# --- Incoming referrals -----------------------------------------------------------------------------


def test_an_incoming_referral_from_the_police_is_recorded_at_intake_and_counted(
    as_lawyer, police, inspectorate, office_a, lawyer
):
    response = as_lawyer.get(reverse("clients:create"))
    assert 'data-testid="referred-by"' in response.content.decode()
    data = {
        "family_name": "Турсунов",
        "given_name": "Алишер",
        "sex": "male",
        "citizenship": _country_pk("uz"),
        "consent_method": "verbal",
        "consent_store_data": "on",
        "create_anyway": "1",
        "referred_by-partner": police.pk,
        "referred_by-reference": "ДП-2026/118",
        "referred_by-referred_on": timezone.localdate().isoformat(),
    }
    response = as_lawyer.post(reverse("clients:create"), data)
    assert response.status_code == 302, response.content.decode()[:3000]
    incoming = IncomingReferral.objects.get()
    assert incoming.partner == police and incoming.reference == "ДП-2026/118"
    assert incoming.client.family_name == "Турсунов"

    rows = {key: count for key, _label, count in clients_by_how_they_reached_us(Client.objects.all())}
    assert rows["law_enforcement"] == 1
    today = timezone.localdate()
    assert referred_clients_metric(MetricContext(start=today, end=today)) == 1
    assert referred_clients_metric(MetricContext(start=today, end=today, filters={"partner_kind": "ngo"})) == 0

    page = as_lawyer.get(reverse("memorandum:index")).content.decode()
    row = page.split('data-testid="partner-migration-police"')[1].split("</tr>")[0]
    assert 'data-testid="incoming">1<' in row


def test_a_new_case_records_who_referred_the_client(as_lawyer, client_a, police):
    from cases.models import ProblemCategory

    data = {
        "client": client_a.pk,
        "kind": "legal",
        "categories": [ProblemCategory.objects.first().pk],
        "summary": "Не платят зарплату",
        "lead": as_lawyer.session["_auth_user_id"],
        "opened_on": timezone.localdate().isoformat(),
        "referred_by-partner": police.pk,
    }
    response = as_lawyer.post(reverse("cases:create"), data)
    assert response.status_code == 302, response.content.decode()[:2000]
    incoming = IncomingReferral.objects.get()
    assert incoming.case is not None and incoming.client == client_a


def test_a_reference_without_a_partner_is_a_clear_error(as_lawyer):
    data = {"family_name": "Турсунов", "referred_by-reference": "ДП-1"}
    response = as_lawyer.post(reverse("clients:create"), data)
    assert response.status_code == 200
    assert "Choose the partner that referred the client." in response.content.decode()
    assert not IncomingReferral.objects.exists()


def _country_pk(code: str) -> int:
    from reference.models import Country

    return Country.objects.get(code=code).pk
