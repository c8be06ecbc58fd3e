"""Finding 10: absurd dates and overlong usernames get a message, never a server error."""

import pytest
from django.test import Client as HttpClient
from django.urls import reverse

from cases.models import Consultation
from clients.models import Client


def _consultation(http, case, started_at):
    return http.post(
        reverse("cases:consultation-create", args=[case.pk]),
        {
            "summary": "Консультация",
            "started_at": started_at,
            "duration_minutes": 30,
            "given_by": case.lead_id,
            "kind": "legal",
            "mode": "office",
        },
    )


@pytest.mark.parametrize("started_at", ["0001-01-01T00:00", "1999-12-31T23:00"])
def test_a_consultation_before_2000_is_refused_with_a_message(case, as_lawyer, started_at):
    response = _consultation(as_lawyer, case, started_at)
    assert response.status_code == 200
    assert "started_at" in response.context["consultation_form"].errors
    assert not Consultation.objects.exists()


def test_a_birth_before_1900_is_refused(client_a, as_lawyer):
    data = {
        "version": client_a.version,
        "family_name": client_a.family_name,
        "given_name": client_a.given_name,
        "sex": client_a.sex,
        "citizenship": client_a.citizenship_id,
        "birth_date": "1899-12-31",
    }
    response = as_lawyer.post(reverse("clients:edit", args=[client_a.pk]), data)
    assert response.status_code == 200
    assert "birth_date" in response.context["form"].errors
    assert Client.objects.get(pk=client_a.pk).birth_date is None


def test_a_case_opened_in_year_one_is_refused(case, as_lawyer):
    response = as_lawyer.post(
        reverse("cases:edit", args=[case.pk]),
        {
            "version": case.version,
            "kind": case.kind,
            "categories": [c.pk for c in case.categories.all()],
            "summary": case.summary,
            "lead": case.lead_id,
            "opened_on": "0001-01-01",
        },
    )
    assert response.status_code == 200
    assert "opened_on" in response.context["form"].errors


@pytest.mark.parametrize("path", ["/accounts/login/", "/admin/login/"])
def test_a_username_of_300_characters_gets_the_login_page_again(db, path):
    response = HttpClient().post(path, {"username": "x" * 300, "password": "whatever"})
    assert response.status_code == 200


def test_an_imported_birth_before_1900_is_a_bad_row(manager):
    from clients.importing import plan_import

    (row,) = plan_import(
        [{"family_name": "А", "given_name": "Б", "sex": "m", "citizenship": "uz", "consent": "yes",
          "birth_date": "1850-01-01"}],
        user=manager,
    )  # fmt: skip
    assert row.status == "error"
