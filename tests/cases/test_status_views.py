"""Changing a case's status from its page: closing with the outcome and wages, reopening with a reason."""

from decimal import Decimal

from django.urls import reverse

from cases.models import CaseEvent, CaseStatus, Outcome


def test_the_lawyer_closes_a_case_with_wages_recovered(case, as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("cases:status", args=[case.pk]),
        {
            "status": CaseStatus.CLOSED,
            "outcome": Outcome.RESOLVED,
            "wages_claimed": "350000",
            "wages_recovered": "350000.00",
            "documents_returned": "on",
            "version": case.version,
        },
    )
    assert response.status_code == 302
    case.refresh_from_db()
    assert case.status == CaseStatus.CLOSED
    assert case.wages_recovered == Decimal("350000")
    assert case.documents_returned
    event = case.events.get()
    assert (event.kind, event.actor) == (CaseEvent.Kind.CLOSED, lawyer)


def test_closing_without_an_outcome_says_so(case, as_lawyer):
    response = as_lawyer.post(reverse("cases:status", args=[case.pk]), {"status": "closed", "version": 1})
    assert response.status_code == 200
    assert "outcome" in response.context["form"].errors
    case.refresh_from_db()
    assert case.status == CaseStatus.OPEN


def test_bad_amounts_are_a_message_not_an_error(case, as_lawyer):
    response = as_lawyer.post(
        reverse("cases:status", args=[case.pk]),
        {"status": "closed", "outcome": "resolved", "wages_recovered": "-5", "version": 1},
    )
    assert response.status_code == 200
    assert "wages_recovered" in response.context["form"].errors


def test_reopening_asks_why(case, as_lawyer, lawyer):
    from cases.services import case_change_status

    case_change_status(case=case, status="closed", actor=lawyer, outcome="resolved")
    url = reverse("cases:status", args=[case.pk])
    response = as_lawyer.post(url, {"status": "in_progress", "version": 2})
    assert "reason" in response.context["form"].errors
    response = as_lawyer.post(url, {"status": "in_progress", "reason": "Клиент вернулся", "version": 2})
    assert response.status_code == 302
    assert case.events.filter(kind=CaseEvent.Kind.REOPENED, reason="Клиент вернулся").exists()


def test_correcting_the_facts_of_a_closed_case_saves_them(case, as_lawyer, lawyer):
    """The status page of a closed case shows its facts; changing them and saving must not be silently dropped."""
    from cases.services import case_change_status

    case_change_status(
        case=case, status="closed", actor=lawyer, outcome="partly_resolved", facts={"wages_claimed": 100}
    )
    response = as_lawyer.post(
        reverse("cases:status", args=[case.pk]),
        {"status": "closed", "outcome": Outcome.RESOLVED, "wages_claimed": "100", "wages_recovered": "80000",
         "version": 2},
    )  # fmt: skip
    assert response.status_code == 302
    case.refresh_from_db()
    assert (case.outcome, case.wages_recovered, case.version) == (Outcome.RESOLVED, Decimal("80000"), 3)
    # Not a status change: no second "closed" event on the timeline.
    assert case.events.filter(kind=CaseEvent.Kind.CLOSED).count() == 1
