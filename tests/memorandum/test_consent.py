"""The consent gate: what the client agreed to decides which partners may read the letter."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from memorandum import services
from memorandum.models import ReferralState
from tests.cases.factories import CaseFactory, make_client
from tests.memorandum.conftest import PARTNERS_AND_POLICE
from tests.memorandum.factories import make_referral


@pytest.fixture
def case_without_consent(office_a, lawyer):
    return CaseFactory(lead=lawyer, client=make_client(office_a, actor=lawyer))


def test_without_consent_to_share_the_referral_is_not_sent(case_without_consent, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)

    with pytest.raises(services.ConsentMissing):
        services.referral_send(referral=referral, actor=coordinator)

    referral.refresh_from_db()
    case_without_consent.refresh_from_db()
    assert referral.state == ReferralState.DRAFT
    assert case_without_consent.status != "waiting"


def test_consent_to_share_with_partners_lets_it_go_to_a_partner(case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)

    services.referral_send(referral=referral, actor=coordinator)

    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
    assert referral.consent_override_reason == ""


def test_law_enforcement_needs_its_own_consent(case, coordinator, police, office_a, lawyer):
    refused = make_referral(coordinator=coordinator, case=case, partner=police)
    with pytest.raises(services.ConsentMissing):
        services.referral_send(referral=refused, actor=coordinator)

    agreed = CaseFactory(lead=lawyer, client=make_client(office_a, actor=lawyer, consent=PARTNERS_AND_POLICE))
    allowed = make_referral(coordinator=coordinator, case=agreed, partner=police)
    services.referral_send(referral=allowed, actor=coordinator)
    allowed.refresh_from_db()
    assert allowed.state == ReferralState.SENT


def test_a_coordinator_cannot_override_a_missing_consent(case_without_consent, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)

    with pytest.raises(services.ConsentMissing):
        services.referral_send(referral=referral, actor=coordinator, consent_override_reason="Срочно")


def test_a_manager_overrides_only_with_a_written_reason(case_without_consent, coordinator, manager, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)
    with pytest.raises(services.ConsentMissing):
        services.referral_send(referral=referral, actor=manager, consent_override_reason="   ")

    services.referral_send(
        referral=referral, actor=manager, consent_override_reason="Угроза жизни, клиент в больнице без сознания"
    )

    referral.refresh_from_db()
    assert referral.state == ReferralState.SENT
    assert referral.consent_override_by == manager
    assert "Угроза жизни" in referral.events.get(to_state=ReferralState.SENT).note
    audited = LogEntry.objects.get_for_object(referral).filter(
        action=LogEntry.Action.UPDATE, changes__icontains="consent_override_reason"
    )
    assert audited.get().actor == manager


def test_the_override_shows_on_the_referral_page(
    case_without_consent, coordinator, manager, as_coordinator, inspectorate
):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)
    services.referral_send(referral=referral, actor=manager, consent_override_reason="Клиент в больнице")

    page = as_coordinator.get(reverse("memorandum:referral-detail", args=[referral.pk]))

    assert 'data-testid="consent-override"' in page.content.decode()
    assert "Клиент в больнице" in page.content.decode()


def test_the_send_button_through_the_url_refuses_without_consent(
    case_without_consent, coordinator, as_coordinator, inspectorate
):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)

    response = as_coordinator.post(
        reverse("memorandum:referral-send", args=[referral.pk]), {"version": referral.version}
    )

    assert response.status_code == 400
    assert 'data-testid="referral-error"' in response.content.decode()
    referral.refresh_from_db()
    assert referral.state == ReferralState.DRAFT


def test_a_manager_sends_without_consent_through_the_url_with_a_reason(
    case_without_consent, coordinator, as_manager, inspectorate
):
    referral = make_referral(coordinator=coordinator, case=case_without_consent, partner=inspectorate)

    response = as_manager.post(
        reverse("memorandum:referral-send", args=[referral.pk]),
        {"version": referral.version, "consent_override_reason": "Ребёнок без присмотра"},
    )

    assert response.status_code == 302
    referral.refresh_from_db()
    assert (referral.state, referral.consent_override_reason) == (ReferralState.SENT, "Ребёнок без присмотра")
