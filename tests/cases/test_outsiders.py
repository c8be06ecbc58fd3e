"""Every case URL answers 404 to staff of another office and to colleagues kept out of a restricted client."""

import pytest
from django.urls import reverse

from tests.cases.factories import CaseFactory, FollowUpFactory, make_client


def _urls(case, follow_up) -> list[tuple[str, str]]:
    return [
        ("get", reverse("cases:detail", args=[case.pk])),
        ("get", reverse("cases:edit", args=[case.pk])),
        ("post", reverse("cases:edit", args=[case.pk])),
        ("get", reverse("cases:status", args=[case.pk])),
        ("post", reverse("cases:status", args=[case.pk])),
        ("get", reverse("cases:consultation-create", args=[case.pk])),
        ("post", reverse("cases:consultation-create", args=[case.pk])),
        ("get", reverse("cases:follow-up-create", args=[case.pk])),
        ("post", reverse("cases:follow-up-create", args=[case.pk])),
        ("post", reverse("cases:follow-up-done", args=[follow_up.pk])),
        ("get", reverse("cases:create") + f"?client={case.client_id}"),
    ]


@pytest.mark.parametrize("index", range(11))
def test_an_outsider_gets_404_everywhere(case, as_outsider, index):
    method, url = _urls(case, FollowUpFactory(case=case))[index]
    data = {"status": "closed", "summary": "x", "done": "1"} if method == "post" else None
    response = getattr(as_outsider, method)(url, data)
    assert response.status_code == 404
    case.refresh_from_db()
    assert case.version == 1 and case.status == "open"
    assert not case.consultations.exists()


@pytest.mark.parametrize("index", range(11))
def test_a_restricted_clients_case_is_404_to_colleagues_not_on_it(office_a, psychologist, as_lawyer, index):
    case = CaseFactory(client=make_client(office_a, restricted=True), lead=psychologist)
    method, url = _urls(case, FollowUpFactory(case=case))[index]
    assert getattr(as_lawyer, method)(url).status_code == 404


def test_the_outsiders_list_and_home_show_nothing_of_office_a(case, as_outsider):
    FollowUpFactory(case=case)
    assert list(as_outsider.get(reverse("cases:list")).context["page"]) == []
    html = as_outsider.get(reverse("home")).content.decode()
    assert case.client.code not in html


def test_the_outsider_cannot_open_a_case_by_typing_a_code(case, as_outsider):
    response = as_outsider.get(reverse("cases:create"), {"code": case.client.code})
    assert response.status_code == 200
    assert "code" in response.context["form"].errors


def test_anonymous_visitors_are_sent_to_log_in(case, client):
    response = client.get(reverse("cases:detail", args=[case.pk]))
    assert response.status_code == 302
    assert reverse("accounts:login") in response["Location"]
