"""The case list and the case page."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from cases.models import CaseStatus
from tests.cases.factories import CaseFactory, ConsultationFactory, FollowUpFactory, make_client


def test_the_lawyer_sees_the_case_page_with_its_timeline(as_lawyer, case, lawyer):
    ConsultationFactory(case=case, summary="Подготовлена претензия")
    FollowUpFactory(case=case, title="Позвонить работодателю")
    response = as_lawyer.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 200
    html = response.content.decode()
    assert "Подготовлена претензия" in html
    assert "Позвонить работодателю" in html
    assert case.client.code in html
    assert 'data-testid="consultation-form"' in html


def test_opening_the_case_page_is_audited_as_access(as_lawyer, case, lawyer):
    as_lawyer.get(reverse("cases:detail", args=[case.pk]))
    entry = LogEntry.objects.get_for_object(case).filter(action=LogEntry.Action.ACCESS).get()
    assert entry.actor == lawyer


def test_the_case_page_lists_the_clients_other_cases(as_lawyer, case, lawyer):
    older = CaseFactory(client=case.client, lead=lawyer, status=CaseStatus.CLOSED)
    response = as_lawyer.get(reverse("cases:detail", args=[case.pk]))
    assert reverse("cases:detail", args=[older.pk]) in response.content.decode()


def test_the_case_list_shows_the_office_cases(as_lawyer, case, office_b, outsider):
    CaseFactory(lead=outsider)
    response = as_lawyer.get(reverse("cases:list"))
    assert response.status_code == 200
    assert list(response.context["page"]) == [case]


@pytest.mark.parametrize("query", ["Каримов", "karimov"])
def test_the_list_finds_a_case_by_client_name_in_any_script(as_lawyer, case, lawyer, office_a, query):
    CaseFactory(client=make_client(office_a, family_name="Турсунов"), lead=lawyer)
    response = as_lawyer.get(reverse("cases:list"), {"q": query})
    assert list(response.context["page"]) == [case]


def test_the_list_finds_a_case_by_client_code(as_lawyer, case, lawyer, office_a):
    CaseFactory(client=make_client(office_a), lead=lawyer)
    response = as_lawyer.get(reverse("cases:list"), {"q": case.client.code})
    assert list(response.context["page"]) == [case]
