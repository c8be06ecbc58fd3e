"""A coordinator's referral, step by step, through the services."""

from datetime import timedelta

import pytest
from django.utils import timezone

from cases.models import CaseEvent
from memorandum import services
from memorandum.models import ReferralState
from tests.cases.factories import CaseFactory, category
from tests.memorandum.factories import PartnerFactory, make_referral


def test_a_coordinator_drafts_a_referral_with_the_minimal_data_by_default(case, coordinator, inspectorate):
    referral = services.referral_create(
        case=case, partner=inspectorate, actor=coordinator, request="Проверить работодателя", categories=[category()]
    )

    assert referral.state == ReferralState.DRAFT
    assert referral.reference == f"ALA-{timezone.now():%Y}-R{referral.pk:05d}"
    assert referral.shared_data == ["sex", "age_group", "citizenship", "problem"]
    assert list(referral.categories.all()) == [category()]
    assert referral.events.get().to_state == ReferralState.DRAFT


def test_sending_dates_the_referral_sets_the_due_date_and_makes_the_case_wait(case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate)

    services.referral_send(referral=referral, actor=coordinator)

    referral.refresh_from_db()
    case.refresh_from_db()
    assert referral.state == ReferralState.SENT
    assert referral.sent_by == coordinator
    assert referral.due_on == timezone.localdate() + timedelta(days=10)
    assert case.status == "waiting"
    assert CaseEvent.objects.filter(case=case, to_status="waiting").exists()
    sent = referral.events.get(to_state=ReferralState.SENT)
    assert (sent.from_state, sent.actor) == (ReferralState.DRAFT, coordinator)


def test_every_step_is_dated_and_attributed_and_the_case_resumes_when_done(case, coordinator, manager, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    services.referral_acknowledge(referral=referral, actor=coordinator)
    services.referral_accept(referral=referral, actor=manager, note="Проверка назначена")
    services.referral_complete(referral=referral, actor=coordinator, result="Зарплата выплачена")

    referral.refresh_from_db()
    case.refresh_from_db()
    assert referral.state == ReferralState.COMPLETED
    assert referral.result == "Зарплата выплачена"
    assert referral.answer_days == 0
    assert referral.answered_at is not None and referral.completed_at is not None
    steps = [(e.from_state, e.to_state, e.actor.username) for e in referral.events.select_related("actor")]
    assert steps == [
        ("", "draft", "coordinator"),
        ("draft", "sent", "coordinator"),
        ("sent", "acknowledged", "coordinator"),
        ("acknowledged", "accepted", "manager"),
        ("accepted", "completed", "coordinator"),
    ]
    assert case.status == "in_progress"


def test_the_case_keeps_waiting_while_another_referral_is_open(case, coordinator, inspectorate):
    first = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    make_referral(coordinator=coordinator, case=case, partner=PartnerFactory(), state=ReferralState.SENT)

    services.referral_decline(referral=first, actor=coordinator, reason="Не в компетенции")

    case.refresh_from_db()
    assert case.status == "waiting"


def test_declining_needs_the_reason_and_completing_needs_the_result(case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    with pytest.raises(services.ReferralRefused):
        services.referral_decline(referral=referral, actor=coordinator, reason="  ")
    services.referral_accept(referral=referral, actor=coordinator)
    with pytest.raises(services.ReferralRefused):
        services.referral_complete(referral=referral, actor=coordinator, result="")

    referral.refresh_from_db()
    assert referral.state == ReferralState.ACCEPTED


def test_a_declined_referral_goes_to_another_partner_in_one_step(case, coordinator, inspectorate):
    declined = make_referral(
        coordinator=coordinator,
        case=case,
        partner=inspectorate,
        state=ReferralState.DECLINED,
        shared_data=["sex", "name"],
    )
    union = PartnerFactory(name_ru="Федерация профсоюзов")

    new = services.referral_resend(referral=declined, partner=union, actor=coordinator)

    assert new.state == ReferralState.SENT
    assert new.partner == union
    assert new.resent_from == declined
    assert (new.request, new.shared_data) == (declined.request, ["sex", "name"])
    assert list(new.categories.all()) == list(declined.categories.all())
    case.refresh_from_db()
    assert case.status == "waiting"


def test_only_a_declined_referral_can_be_resent_and_not_to_the_same_partner(case, coordinator, inspectorate):
    sent = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    with pytest.raises(services.ReferralRefused):
        services.referral_resend(referral=sent, partner=PartnerFactory(), actor=coordinator)

    services.referral_decline(referral=sent, actor=coordinator, reason="Нет")
    with pytest.raises(services.ReferralRefused):
        services.referral_resend(referral=sent, partner=inspectorate, actor=coordinator)
    assert case.referrals.count() == 1


def test_a_caseworker_drafts_only_where_the_office_allows_and_the_coordinator_approves(
    case, lawyer, coordinator, inspectorate, office_a
):
    with pytest.raises(services.NotAllowed):
        services.referral_create(case=case, partner=inspectorate, actor=lawyer, request="Помочь")

    office_a.allows_caseworker_referrals = True
    office_a.save()
    lawyer.refresh_from_db()
    draft = services.referral_create(case=case, partner=inspectorate, actor=lawyer, request="Помочь")
    assert draft.needs_approval

    with pytest.raises(services.NotAllowed):
        services.referral_send(referral=draft, actor=lawyer)
    services.referral_send(referral=draft, actor=coordinator)
    draft.refresh_from_db()
    assert (draft.state, draft.created_by, draft.sent_by) == (ReferralState.SENT, lawyer, coordinator)


def test_a_caseworker_may_withdraw_their_own_draft_but_not_record_answers(
    case, lawyer, coordinator, inspectorate, office_a
):
    office_a.allows_caseworker_referrals = True
    office_a.save()
    lawyer.refresh_from_db()
    draft = services.referral_create(case=case, partner=inspectorate, actor=lawyer, request="Помочь")
    other = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)

    with pytest.raises(services.NotAllowed):
        services.referral_accept(referral=other, actor=lawyer)
    services.referral_withdraw(referral=draft, actor=lawyer)

    draft.refresh_from_db()
    assert draft.state == ReferralState.WITHDRAWN


def test_a_closed_case_cannot_be_referred(coordinator, inspectorate, lawyer):
    closed = CaseFactory(lead=lawyer, status="closed")

    with pytest.raises(services.ReferralRefused):
        services.referral_create(case=closed, partner=inspectorate, actor=coordinator, request="Помочь")


def test_a_stale_form_is_refused_with_a_message(case, coordinator, inspectorate):
    referral = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.SENT)
    stale_version = referral.version
    services.referral_acknowledge(referral=referral, actor=coordinator)

    with pytest.raises(services.ReferralRefused, match="changed"):
        services.referral_accept(referral=referral, actor=coordinator, expected_version=stale_version)
    referral.refresh_from_db()
    assert referral.state == ReferralState.ACKNOWLEDGED


def test_a_draft_is_changed_by_its_author_or_a_coordinator_only(case, lawyer, psychologist, coordinator, office_a):
    office_a.allows_caseworker_referrals = True
    office_a.save()
    lawyer.refresh_from_db()
    partner = PartnerFactory()
    draft = services.referral_create(case=case, partner=partner, actor=lawyer, request="Помочь")

    services.referral_update(referral=draft, actor=lawyer, partner=partner, request="Помочь с документами")
    with pytest.raises(services.NotAllowed):
        services.referral_update(referral=draft, actor=psychologist, partner=partner, request="Другое")
    services.referral_update(referral=draft, actor=coordinator, partner=partner, request="Проверить работодателя")

    draft.refresh_from_db()
    assert draft.request == "Проверить работодателя"
    assert draft.shared_data == ["sex", "age_group", "citizenship", "problem"]


def test_unknown_data_items_and_letter_languages_are_refused(case, coordinator, inspectorate):
    with pytest.raises(services.ReferralRefused):
        services.referral_create(
            case=case, partner=inspectorate, actor=coordinator, request="Помочь", shared_data=["address"]
        )
    with pytest.raises(services.ReferralRefused):
        services.referral_create(case=case, partner=inspectorate, actor=coordinator, request="Помочь", language="en")
    assert not case.referrals.exists()


def test_a_declined_referral_is_resent_once_so_a_double_click_makes_no_second_referral(case, coordinator, inspectorate):
    declined = make_referral(coordinator=coordinator, case=case, partner=inspectorate, state=ReferralState.DECLINED)
    union = PartnerFactory(name_ru="Федерация профсоюзов")
    page_version = declined.version

    services.referral_resend(referral=declined, partner=union, actor=coordinator, expected_version=page_version)
    with pytest.raises(services.ReferralRefused):
        services.referral_resend(referral=declined, partner=union, actor=coordinator, expected_version=page_version)
    with pytest.raises(services.ReferralRefused, match="already"):
        services.referral_resend(referral=declined, partner=PartnerFactory(), actor=coordinator)

    assert case.referrals.filter(resent_from=declined).count() == 1


def test_a_draft_is_not_sent_once_its_case_is_closed_or_its_partner_inactive(case, coordinator, inspectorate):
    draft = make_referral(coordinator=coordinator, case=case, partner=inspectorate)
    inspectorate.is_active = False
    inspectorate.save()

    with pytest.raises(services.ReferralRefused, match="no longer active"):
        services.referral_send(referral=draft, actor=coordinator)

    inspectorate.is_active = True
    inspectorate.save()
    case.status = "closed"
    case.save()
    with pytest.raises(services.ReferralRefused, match="closed"):
        services.referral_send(referral=draft, actor=coordinator)

    draft.refresh_from_db()
    assert (draft.state, draft.sent_at) == (ReferralState.DRAFT, None)
