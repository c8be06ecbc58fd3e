"""A case moves open → in progress → waiting → closed, and can be reopened with a reason."""

from decimal import Decimal

import pytest
from django.core import mail
from django.core.exceptions import ValidationError
from django.utils import timezone

from cases.models import CaseEvent, CaseStatus, Outcome
from cases.services import CaseChangedError, case_change_status, case_open
from notices.models import Notice
from tests.cases.factories import category


def test_opening_a_case_leaves_an_attributed_event(client_a, lawyer, psychologist):
    case = case_open(
        client=client_a,
        actor=lawyer,
        kind="both",
        categories=[category("unpaid-wages"), category("psychological")],
        summary="Не выплачена зарплата, тревога",
        staff=[psychologist],
    )
    assert case.office == lawyer.office
    assert case.status == CaseStatus.OPEN
    event = case.events.get()
    assert (event.kind, event.actor, event.to_status) == (CaseEvent.Kind.OPENED, lawyer, CaseStatus.OPEN)
    assert set(case.staff.all()) == {psychologist}
    # The psychologist, assigned by someone else, hears about it.
    assert Notice.objects.filter(recipient=psychologist, subject=f"case:{case.pk}").exists()


def test_a_case_needs_a_problem_category(client_a, lawyer):
    with pytest.raises(ValidationError):
        case_open(client=client_a, actor=lawyer, kind="legal", categories=[], summary="?")


def test_every_status_change_is_a_dated_attributed_event(case, lawyer, coordinator):
    case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=lawyer)
    case = case_change_status(case=case, status=CaseStatus.WAITING, actor=coordinator, reason="Ждём ответа инспекции")
    event = case.events.order_by("-at", "-pk").first()
    assert event.kind == CaseEvent.Kind.STATUS
    assert (event.from_status, event.to_status, event.actor) == (
        CaseStatus.IN_PROGRESS,
        CaseStatus.WAITING,
        coordinator,
    )
    assert event.reason == "Ждём ответа инспекции"
    assert event.at.date() == timezone.now().date()
    assert case.version == 3


def test_asking_for_the_current_status_changes_nothing(case, lawyer):
    case_change_status(case=case, status=CaseStatus.OPEN, actor=lawyer)
    case.refresh_from_db()
    assert case.version == 1
    assert not case.events.exists()


def test_closing_asks_for_an_outcome(case, lawyer):
    with pytest.raises(ValidationError) as error:
        case_change_status(case=case, status=CaseStatus.CLOSED, actor=lawyer)
    assert "outcome" in error.value.message_dict
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN


def test_closing_records_the_outcome_and_its_facts(case, lawyer):
    case = case_change_status(
        case=case,
        status=CaseStatus.CLOSED,
        actor=lawyer,
        outcome=Outcome.PARTLY_RESOLVED,
        facts={"wages_claimed": "450000", "wages_recovered": Decimal("300000.50"), "documents_returned": True},
    )
    case.refresh_from_db()
    assert case.closed_on == timezone.localdate()
    assert case.outcome == Outcome.PARTLY_RESOLVED
    assert case.wages_claimed == Decimal("450000.00")
    assert case.wages_recovered == Decimal("300000.50")
    assert case.documents_returned and not case.deportation_avoided
    assert case.events.get().kind == CaseEvent.Kind.CLOSED


def test_negative_wages_are_refused(case, lawyer):
    with pytest.raises(ValidationError):
        case_change_status(
            case=case, status="closed", actor=lawyer, outcome="resolved", facts={"wages_recovered": "-1"}
        )


def test_reopening_needs_a_reason(case, lawyer):
    case = case_change_status(case=case, status="closed", actor=lawyer, outcome=Outcome.RESOLVED)
    with pytest.raises(ValidationError) as error:
        case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=lawyer)
    assert "reason" in error.value.message_dict
    case = case_change_status(
        case=case, status=CaseStatus.IN_PROGRESS, actor=lawyer, reason="Работодатель снова не платит"
    )
    assert case.closed_on is None and case.outcome == ""
    reopened = case.events.get(kind=CaseEvent.Kind.REOPENED)
    assert reopened.reason == "Работодатель снова не платит"


def test_a_stale_version_is_refused(case, lawyer, coordinator):
    case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=coordinator, expected_version=1)
    with pytest.raises(CaseChangedError) as error:
        case_change_status(case=case, status=CaseStatus.WAITING, actor=lawyer, expected_version=1)
    assert error.value.current.status == CaseStatus.IN_PROGRESS


@pytest.mark.django_db(transaction=True)
def test_the_lead_is_told_when_someone_else_changes_the_status(case, lawyer, coordinator):
    case_change_status(case=case, status=CaseStatus.WAITING, actor=coordinator)
    notice = Notice.objects.get(recipient=lawyer)
    assert f"#{case.pk}" in notice.text
    assert case.client.family_name not in notice.text
    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [lawyer.email]
    assert case.client.family_name not in mail.outbox[0].body


def test_the_services_refuse_an_outsider_even_without_a_view_in_front(case, outsider):
    from cases.services import case_update, consultation_log
    from reference.errors import NotAllowed

    before = case.version
    with pytest.raises(NotAllowed):
        case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=outsider)
    with pytest.raises(NotAllowed):
        case_update(case=case, actor=outsider, expected_version=case.version, summary="Чужая правка")
    with pytest.raises(NotAllowed):
        consultation_log(case=case, actor=outsider, summary="Чужая консультация")
    case.refresh_from_db()
    assert (case.version, case.status, case.consultations.count()) == (before, CaseStatus.OPEN, 0)
