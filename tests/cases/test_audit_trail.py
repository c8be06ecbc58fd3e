"""Every change to a case is in the audit trail under the person who made it; exports skip restricted clients."""

from auditlog.models import LogEntry
from django.urls import reverse
from django.utils import timezone

from cases.models import CaseEvent, Consultation, FollowUp
from tests.cases.factories import CaseFactory, FollowUpFactory, make_client
from tests.cases.test_concurrent_edits import _edit_data


def _changes_by(user, model) -> list:
    return list(LogEntry.objects.get_for_model(model).filter(actor=user).exclude(action=LogEntry.Action.ACCESS))


def test_each_change_to_a_case_is_audited_under_its_author(case, lawyer, as_lawyer):
    follow_up = FollowUpFactory(case=case)
    as_lawyer.post(reverse("cases:edit", args=[case.pk]), _edit_data(case, summary="Паспорт вернули"))
    as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {"summary": "Встреча", "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
         "duration_minutes": 30, "given_by": lawyer.pk, "kind": "legal", "mode": "office"},
    )  # fmt: skip
    as_lawyer.post(reverse("cases:follow-up-done", args=[follow_up.pk]), {"done": "1"})
    case.refresh_from_db()
    as_lawyer.post(reverse("cases:status", args=[case.pk]), {"status": "waiting", "version": case.version})

    case_entries = _changes_by(lawyer, type(case))
    assert any("summary" in (entry.changes or {}) for entry in case_entries)
    assert any("status" in (entry.changes or {}) for entry in case_entries)
    assert _changes_by(lawyer, Consultation)
    assert any("done" in (entry.changes or {}) for entry in _changes_by(lawyer, FollowUp))
    assert _changes_by(lawyer, CaseEvent)


def test_a_restricted_clients_case_is_not_in_a_coordinators_export(case, office_a, lawyer, as_coordinator):
    hidden = CaseFactory(client=make_client(office_a, restricted=True), lead=lawyer)
    response = as_coordinator.get(reverse("cases:export"), {"format": "csv"})
    text = response.content.decode("utf-8-sig")
    assert case.client.code in text
    assert hidden.client.code not in text
