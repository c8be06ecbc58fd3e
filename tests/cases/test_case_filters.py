"""The case list's filters, each narrowing the office's cases to the one the user looks for."""

from datetime import date

import pytest
from django.urls import reverse

from cases.services import case_change_status
from tests.cases.factories import CaseFactory, ProjectFactory, category, make_client


@pytest.fixture
def two_cases(office_a, lawyer, psychologist):
    """A plain legal case of the lawyer, and an urgent psychological one of the psychologist with a project."""
    plain = CaseFactory(lead=lawyer, opened_on=date(2026, 3, 1))
    special = CaseFactory(
        client=make_client(office_a),
        lead=psychologist,
        kind="psychological",
        is_urgent=True,
        project=ProjectFactory(),
        opened_on=date(2026, 9, 15),
        categories=[category("psychological")],
    )
    case_change_status(case=special, status="waiting", actor=psychologist)
    return plain, special


@pytest.mark.parametrize(
    "query",
    [
        {"status": "waiting"},
        {"kind": "psychological"},
        {"is_urgent": "true"},
        {"opened_after": "2026-09-01", "opened_before": "2026-09-30"},
        {"category": "CATEGORY"},
        {"project": "PROJECT"},
        {"caseworker": "PSYCHOLOGIST"},
    ],
)
def test_each_filter_finds_the_special_case(two_cases, as_coordinator, psychologist, query):
    plain, special = two_cases
    placeholders = {
        "CATEGORY": category("psychological").pk,
        "PROJECT": special.project_id,
        "PSYCHOLOGIST": psychologist.pk,
    }
    query = {key: placeholders.get(value, value) for key, value in query.items()}
    response = as_coordinator.get(reverse("cases:list"), query)
    assert list(response.context["page"]) == [special]
    assert as_coordinator.get(reverse("cases:list")).context["page"].paginator.count == 2


def test_a_manager_filters_by_office(two_cases, office_b, outsider, as_manager):
    theirs = CaseFactory(lead=outsider)
    response = as_manager.get(reverse("cases:list"), {"office": office_b.pk})
    assert list(response.context["page"]) == [theirs]


def test_a_staff_member_on_a_case_is_found_as_its_caseworker(two_cases, lawyer, as_coordinator):
    plain, special = two_cases
    special.staff.add(lawyer)
    response = as_coordinator.get(reverse("cases:list"), {"caseworker": lawyer.pk})
    assert set(response.context["page"]) == {plain, special}
