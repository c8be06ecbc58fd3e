"""A caseworker registers a client from /clients/new/, meeting the duplicate warning on the way."""

import pytest
from django.urls import reverse

from clients.models import Client
from tests.factories import country

pytestmark = pytest.mark.django_db
NEW = reverse("clients:create")


def _form(**extra):
    data = {
        "family_name": "Тошматова",
        "given_name": "Гулнора",
        "sex": "female",
        "citizenship": country("uz").pk,
        "phones": "8 701 555 44 33\n+998 90 765 43 21",
        "birth_year": "1992",
        "consent_method": "verbal",
        "consent_store_data": "on",
        "consent_share_partners": "on",
    }
    data.update(extra)
    return data


def test_the_form_shows_its_sections(as_lawyer):
    html = as_lawyer.get(NEW).content.decode()
    for field in ("family_name", "consent_store_data", "vulnerabilities", "phones", "address"):
        assert f'name="{field}"' in html


def test_a_caseworker_creates_a_client_with_only_the_required_fields(as_lawyer, lawyer):
    response = as_lawyer.post(NEW, _form(phones="", birth_year=""))
    client = Client.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("clients:detail", args=[client.pk])
    assert client.office == lawyer.office
    assert client.consents.get().store_data


def test_phones_are_stored_in_e164(as_lawyer):
    as_lawyer.post(NEW, _form())
    assert sorted(Client.objects.get().phones.values_list("number", flat=True)) == ["+77015554433", "+998907654321"]


@pytest.mark.parametrize(
    ("field", "value"),
    [("family_name", ""), ("sex", ""), ("citizenship", ""), ("consent_store_data", ""), ("phones", "12")],
)
def test_missing_or_bad_input_is_explained_and_nothing_is_saved(as_lawyer, field, value):
    response = as_lawyer.post(NEW, _form(**{field: value}))
    assert response.status_code == 200
    assert "invalid-feedback" in response.content.decode()
    assert not Client.objects.exists()


def test_a_birth_year_that_contradicts_the_date_is_refused(as_lawyer):
    response = as_lawyer.post(NEW, _form(birth_date="1990-01-01", birth_year="1985"))
    assert response.status_code == 200
    assert not Client.objects.exists()


def test_a_likely_duplicate_is_shown_before_saving_then_can_be_created_anyway(as_lawyer, client_a):
    data = _form(family_name="Abdullayev", given_name="Rustam", sex="male", birth_year="1988", phones="")
    response = as_lawyer.post(NEW, data)
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="duplicates"' in html
    assert reverse("clients:detail", args=[client_a.pk]) in html
    assert Client.objects.count() == 1
    response = as_lawyer.post(NEW, {**data, "create_anyway": "1"})
    assert response.status_code == 302
    assert Client.objects.count() == 2


def test_the_same_phone_is_flagged_as_a_duplicate(as_lawyer, client_a):
    response = as_lawyer.post(NEW, _form(phones="+7 701 123 45 67"))
    assert client_a.code in response.content.decode()


def test_the_live_duplicate_panel_answers_partial_input(as_lawyer, client_a):
    response = as_lawyer.post(reverse("clients:duplicates"), {"family_name": "Абдулаев", "given_name": "Rustam"})
    assert client_a.code in response.content.decode()
    assert "<html" not in response.content.decode()


def test_the_duplicate_panel_never_shows_records_the_user_may_not_see(as_outsider, client_a):
    response = as_outsider.post(reverse("clients:duplicates"), {"family_name": "Абдуллаев", "given_name": "Рустам"})
    assert client_a.code not in response.content.decode()
