"""Opening a case from the case list (by client code) or from the client's page."""

from django.urls import reverse

from cases.models import Case, CaseEvent
from tests.cases.factories import category


def test_the_lawyer_finds_the_client_by_code_then_opens_a_case(client_a, as_lawyer, lawyer, psychologist):
    response = as_lawyer.get(reverse("cases:create"), {"code": client_a.code.lower()})
    assert response.status_code == 302
    form_url = response["Location"]
    assert form_url == f"{reverse('cases:create')}?client={client_a.pk}"
    assert as_lawyer.get(form_url).status_code == 200

    response = as_lawyer.post(
        form_url,
        {
            "kind": "both",
            "categories": [category("unpaid-wages").pk, category("psychological").pk],
            "summary": "Не выплачена зарплата; тревога",
            "is_urgent": "on",
            "lead": lawyer.pk,
            "staff": [psychologist.pk],
            "opened_on": "2026-11-20",
        },
    )
    case = Case.objects.get(client=client_a)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert (case.office, case.lead, case.is_urgent) == (lawyer.office, lawyer, True)
    assert set(case.staff.all()) == {psychologist}
    assert case.events.get().kind == CaseEvent.Kind.OPENED
    assert psychologist in client_a.assigned_staff.all()


def test_a_case_cannot_be_opened_in_the_future(client_a, as_lawyer, lawyer):
    response = as_lawyer.post(
        f"{reverse('cases:create')}?client={client_a.pk}",
        {"kind": "legal", "categories": [category().pk], "summary": "…", "lead": lawyer.pk, "opened_on": "2099-01-01"},
    )
    assert response.status_code == 200
    assert "opened_on" in response.context["form"].errors
    assert not Case.objects.exists()


def test_a_manager_opens_a_case_in_another_office_led_by_that_offices_caseworker(office_b, as_manager, outsider):
    """The case belongs to the client's office, so its lead must be someone who works there (and can open it)."""
    from tests.cases.factories import make_client

    client_b = make_client(office_b)
    url = f"{reverse('cases:create')}?client={client_b.pk}"
    response = as_manager.post(
        url,
        {"kind": "legal", "categories": [category().pk], "summary": "Паспорт у работодателя", "lead": outsider.pk,
         "opened_on": "2026-11-20"},
    )  # fmt: skip
    case = Case.objects.get(client=client_b)
    assert response["Location"] == reverse("cases:detail", args=[case.pk])
    assert (case.office, case.lead) == (office_b, outsider)
