"""Logging a consultation in seconds: htmx on the case page, a plain form without JavaScript."""

from datetime import timedelta

from django.urls import reverse
from django.utils import timezone

from cases.models import CaseStatus, Consultation, ConsultationKind
from cases.services import case_change_status
from reference.models import Language

HTMX = {"HTTP_HX_REQUEST": "true"}


def test_the_form_comes_with_sensible_defaults(case, as_lawyer, lawyer):
    case.language = Language.objects.get(code="uz-latn")
    case.save()
    response = as_lawyer.get(reverse("cases:detail", args=[case.pk]))
    form = response.context["consultation_form"]
    assert form["given_by"].initial == lawyer
    assert form["kind"].initial == ConsultationKind.LEGAL
    assert form["language"].initial == case.language_id
    assert form["place"].initial == lawyer.office.name
    assert abs(form["started_at"].initial - timezone.localtime()) < timedelta(minutes=1)
    assert "psych_notes" not in form.fields


def test_a_consultation_logged_with_htmx_appears_in_the_timeline(case, as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Разъяснены права, подготовлена претензия",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 30,
            "given_by": lawyer.pk,
            "kind": "legal",
            "mode": "office",
        },
        **HTMX,
    )
    assert response.status_code == 200
    html = response.content.decode()
    consultation = Consultation.objects.get(case=case)
    assert f'id="consultation-{consultation.pk}"' in html
    assert "Разъяснены права, подготовлена претензия" in html
    assert 'id="consultation-form" hx-swap-oob="true"' in html  # a fresh form replaces the used one
    # The first consultation starts the work on an open case.
    case.refresh_from_db()
    assert case.status == CaseStatus.IN_PROGRESS
    assert 'id="case-status"' in html


def test_without_javascript_the_same_form_redirects_back_to_the_case(case, as_lawyer, lawyer):
    url = reverse("cases:consultation-create", args=[case.pk])
    assert as_lawyer.get(url).status_code == 200
    response = as_lawyer.post(
        url,
        {
            "summary": "Звонок клиенту",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 10,
            "given_by": lawyer.pk,
            "kind": "follow_up_call",
            "mode": "phone",
        },
    )
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert Consultation.objects.get(case=case).kind == "follow_up_call"


def test_an_invalid_consultation_returns_the_form_with_errors(case, as_lawyer, lawyer):
    response = as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {"summary": "", "started_at": "", "duration_minutes": 0, "given_by": lawyer.pk, "kind": "legal", "mode": "x"},
        **HTMX,
    )
    assert response.status_code == 200
    assert response["HX-Retarget"] == "#consultation-form"
    assert not Consultation.objects.exists()


def test_a_consultation_cannot_be_in_the_future(case, as_lawyer, lawyer):
    future = (timezone.localtime() + timedelta(days=2)).strftime("%Y-%m-%dT%H:%M")
    response = as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {"summary": "…", "started_at": future, "duration_minutes": 30, "given_by": lawyer.pk, "kind": "legal",
         "mode": "office"},
    )  # fmt: skip
    assert response.status_code == 200
    assert "started_at" in response.context["consultation_form"].errors
    assert not Consultation.objects.exists()


def test_a_closed_case_takes_no_consultation(case, as_lawyer, lawyer):
    case_change_status(case=case, status="closed", actor=lawyer, outcome="resolved")
    response = as_lawyer.post(reverse("cases:consultation-create", args=[case.pk]), {"summary": "x"})
    assert response.status_code == 302
    assert not Consultation.objects.exists()


def test_giving_a_consultation_does_not_put_the_giver_on_the_case(case, as_psychologist, psychologist):
    """Being on the case opens all its psychological notes; only the lead, coordinators and managers assign it
    (issue 15, finding 2). The giver still reads and writes the notes of their own session."""
    as_psychologist.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Первичная встреча",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 50,
            "given_by": psychologist.pk,
            "kind": "psychological",
            "mode": "office",
            "psych_notes": "Тревога, нарушения сна",
        },
    )
    assert psychologist not in case.staff.all()
    assert Consultation.objects.get().psych_notes == "Тревога, нарушения сна"


def test_logging_a_consultation_does_not_let_a_helper_open_a_restricted_client_to_others(
    office_a, lawyer, psychologist, as_lawyer
):
    """Only the lead, coordinators and managers assign staff; naming a colleague as the giver must not bypass that."""
    from cases.selectors import cases_visible_to
    from clients.services import client_assign_staff
    from tests.cases.factories import CaseFactory, make_client
    from tests.factories import UserFactory

    client = make_client(office_a, restricted=True)
    client_assign_staff(client=client, users=[psychologist, lawyer])
    case = CaseFactory(client=client, lead=psychologist)
    case.staff.add(lawyer)
    colleague = UserFactory(username="colleague", office=office_a)

    response = as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Встреча",
            "started_at": timezone.localtime().strftime("%Y-%m-%dT%H:%M"),
            "duration_minutes": 30,
            "given_by": colleague.pk,
            "kind": "legal",
            "mode": "office",
        },
    )
    assert response.status_code == 200
    assert "given_by" in response.context["consultation_form"].errors
    assert not Consultation.objects.exists()
    assert not cases_visible_to(colleague).filter(pk=case.pk).exists()
