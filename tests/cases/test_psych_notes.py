"""Psychological notes: only the case's psychologists and managers read them; lawyers see that a session happened."""

import pytest
from django.urls import reverse

from accounts.models import Profession
from cases.selectors import consultations_of
from tests.cases.factories import ConsultationFactory
from tests.factories import UserFactory

NOTES = "Сообщила о давлении со стороны мужа; план безопасности"
SESSION = "Сессия поддержки, обсуждали страхи"


@pytest.fixture
def session(case, psychologist):
    case.staff.add(psychologist)
    return ConsultationFactory(
        case=case, given_by=psychologist, kind="psychological", summary=SESSION, psych_notes=NOTES
    )


def test_the_lawyer_sees_that_a_session_happened_but_not_what_was_said(session, case, as_lawyer):
    html = as_lawyer.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert f'id="consultation-{session.pk}"' in html
    assert 'data-testid="session-confidential"' in html
    assert NOTES not in html
    assert SESSION not in html


def test_the_psychologist_of_the_case_reads_the_notes(session, case, as_psychologist):
    html = as_psychologist.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert NOTES in html
    assert SESSION in html


def test_a_manager_reads_the_notes(session, case, as_manager):
    assert NOTES in as_manager.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_a_psychologist_who_is_not_on_the_case_does_not(session, case, office_a, client):
    colleague = UserFactory(username="psy2", office=office_a, profession=Profession.PSYCHOLOGIST)
    client.force_login(colleague)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert NOTES not in html


def test_the_notes_are_not_even_loaded_for_the_lawyer(session, case, lawyer, django_assert_num_queries):
    (consultation,) = consultations_of(case, lawyer)
    with django_assert_num_queries(0):
        assert consultation.psych_notes is None
        assert consultation.summary is None


def test_a_lawyer_cannot_write_psychological_notes(case, as_lawyer, lawyer):
    from django.utils import timezone

    from cases.models import Consultation

    as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Консультация",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 30,
            "given_by": lawyer.pk,
            "kind": "legal",
            "mode": "office",
            "psych_notes": "не должно сохраниться",
        },
    )
    assert Consultation.objects.get().psych_notes == ""


def test_the_audit_trail_does_not_reveal_the_notes(session):
    from auditlog.models import LogEntry

    entry = LogEntry.objects.get_for_object(session).first()
    assert NOTES not in str(entry.changes)
