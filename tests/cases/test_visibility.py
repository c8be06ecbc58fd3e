"""Cases are seen through the same rules as their clients: office scope and the restricted rule."""

import pytest
from django.http import Http404

from cases.selectors import cases_visible_to, get_case_for
from cases.services import case_open
from tests.cases.factories import CaseFactory, category, make_client


def test_an_outsider_sees_no_case_of_another_office(case, outsider, manager):
    assert not cases_visible_to(outsider).exists()
    with pytest.raises(Http404):
        get_case_for(outsider, case.pk)
    assert get_case_for(manager, case.pk) == case


def test_a_restricted_clients_cases_are_restricted_too(office_a, lawyer, psychologist, manager):
    client = make_client(office_a, restricted=True)
    case = CaseFactory(client=client, lead=psychologist)
    assert list(cases_visible_to(lawyer)) == []
    assert list(cases_visible_to(manager)) == [case]


def test_staff_put_on_a_restricted_case_can_see_it(office_a, lawyer, psychologist):
    client = make_client(office_a, actor=psychologist, restricted=True)
    case = case_open(
        client=client,
        actor=psychologist,
        kind="both",
        categories=[category("trafficking")],
        summary="…",
        staff=[lawyer],
    )
    assert get_case_for(lawyer, case.pk) == case


def test_a_bad_id_is_a_404(lawyer):
    with pytest.raises(Http404):
        get_case_for(lawyer, "abc")


def test_can_view_case_agrees_with_the_selector(case, office_a, lawyer, psychologist, outsider, manager):
    from cases.permissions import can_view_case

    restricted = CaseFactory(client=make_client(office_a, restricted=True), lead=psychologist)
    for user in (lawyer, psychologist, outsider, manager):
        visible = set(cases_visible_to(user))
        assert can_view_case(user, case) == (case in visible)
        assert can_view_case(user, restricted) == (restricted in visible)


def test_staff_added_later_to_a_restricted_case_can_see_it(office_a, lawyer, psychologist, coordinator, manager):
    from cases.services import case_update
    from reference.errors import NotAllowed

    client = make_client(office_a, actor=psychologist, restricted=True)
    case = case_open(client=client, actor=psychologist, kind="both", categories=[category()], summary="…")
    assert not cases_visible_to(lawyer).exists()
    # A coordinator who is not on the restricted case cannot see it, so the service refuses them too.
    with pytest.raises(NotAllowed):
        case_update(case=case, actor=coordinator, expected_version=case.version, staff=[lawyer])
    case_update(case=case, actor=manager, expected_version=case.version, staff=[lawyer])
    assert get_case_for(lawyer, case.pk) == case
