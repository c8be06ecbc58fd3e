"""Finding 2: logging a consultation never grants the right to read a case's psychological notes."""

import pytest
from django.urls import reverse
from django.utils import timezone

from accounts.models import Profession
from cases.models import Consultation
from tests.cases.factories import ConsultationFactory
from tests.factories import UserFactory

NOTES = "План безопасности, давление со стороны мужа"


@pytest.fixture
def session(case, psychologist):
    case.staff.add(psychologist)
    return ConsultationFactory(case=case, given_by=psychologist, kind="psychological", summary="S", psych_notes=NOTES)


@pytest.fixture
def other_psychologist(office_a):
    return UserFactory(username="psy_other", office=office_a, profession=Profession.PSYCHOLOGIST)


def _log(http, case, given_by, **extra):
    return http.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Короткая встреча",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 15,
            "given_by": given_by.pk,
            "kind": "psychological",
            "mode": "office",
            **extra,
        },
    )


def test_a_psychologist_logging_a_short_check_in_does_not_read_the_others_notes(
    session, case, other_psychologist, client
):
    client.force_login(other_psychologist)
    _log(client, case, other_psychologist)
    assert Consultation.objects.count() == 2
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert NOTES not in html


def test_a_lawyer_naming_a_psychologist_as_giver_does_not_open_the_notes_to_them(
    session, case, other_psychologist, as_lawyer, client
):
    _log(as_lawyer, case, other_psychologist)
    client.force_login(other_psychologist)
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert NOTES not in html


def test_the_psychologist_of_a_session_logged_by_someone_else_writes_that_sessions_notes_only(
    session, case, other_psychologist, as_lawyer, client
):
    _log(as_lawyer, case, other_psychologist)
    own = Consultation.objects.exclude(pk=session.pk).get()
    client.force_login(other_psychologist)
    url = reverse("cases:consultation-notes", args=[own.pk])
    assert client.post(url, {"psych_notes": "Мои заметки"}).status_code == 302
    own.refresh_from_db()
    assert own.psych_notes == "Мои заметки"
    # They read their own notes, still not the colleague's.
    html = client.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert "Мои заметки" in html
    assert NOTES not in html
    # And cannot write the colleague's session.
    assert client.post(reverse("cases:consultation-notes", args=[session.pk]), {"psych_notes": "x"}).status_code == 404
    session.refresh_from_db()
    assert session.psych_notes == NOTES


def test_a_psychologist_not_on_the_case_cannot_write_notes_for_someone_elses_session(
    session, case, other_psychologist, psychologist, client
):
    client.force_login(other_psychologist)
    _log(client, case, psychologist, psych_notes="чужие")
    assert not Consultation.objects.filter(psych_notes="чужие").exists()


def test_the_psychologists_assigned_to_the_case_and_managers_still_read(session, case, as_psychologist, as_manager):
    assert NOTES in as_psychologist.get(reverse("cases:detail", args=[case.pk])).content.decode()
    assert NOTES in as_manager.get(reverse("cases:detail", args=[case.pk])).content.decode()


def test_the_notes_page_of_another_office_is_404(session, as_outsider):
    assert as_outsider.get(reverse("cases:consultation-notes", args=[session.pk])).status_code == 404
