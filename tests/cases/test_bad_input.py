"""Odd query strings and form values give a page or a message, never a server error."""

import pytest
from django.urls import reverse


@pytest.mark.parametrize(
    "query",
    [
        {"page": "abc"},
        {"page": "99999"},
        {"opened_after": "31.02.2026", "opened_before": "yesterday"},
        {"category": "99999999999999999999", "project": "x", "caseworker": "-1", "office": "1e9"},
        {"status": ["closed", "bogus"], "is_urgent": "maybe", "kind": "<script>"},
        {"q": "#99999999999999999999"},
        {"q": "\x00"},
    ],
)
def test_the_case_list_and_its_export_take_odd_filters(case, as_coordinator, query):
    assert as_coordinator.get(reverse("cases:list"), query).status_code == 200
    # One case matches at most, far below the export limit: the file itself, never a redirect or a 500.
    assert as_coordinator.get(reverse("cases:export"), {**query, "format": "csv"}).status_code == 200


@pytest.mark.parametrize("client_id", ["abc", "99999999999999999999", "-1", "1.5"])
def test_opening_a_case_for_an_odd_client_id_is_a_404(as_lawyer, client_id):
    assert as_lawyer.get(reverse("cases:create"), {"client": client_id}).status_code == 404


def test_odd_consultation_and_status_values_are_messages(case, as_lawyer):
    response = as_lawyer.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {"summary": "x", "started_at": "2026-13-40T99:99", "duration_minutes": "99999999", "given_by": "abc",
         "kind": "legal", "mode": "office", "language": "99999999999999999999"},
    )  # fmt: skip
    assert response.status_code == 200
    assert not case.consultations.exists()
    response = as_lawyer.post(
        reverse("cases:status", args=[case.pk]),
        {"status": "closed", "outcome": "resolved", "wages_claimed": "1e400", "wages_recovered": "NaN", "version": "x"},
    )
    assert response.status_code == 200
    case.refresh_from_db()
    assert case.status == "open"
