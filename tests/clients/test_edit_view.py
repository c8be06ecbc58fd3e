"""Editing a record, and the refused second save of two people editing at once."""

import pytest
from django.urls import reverse

from clients.models import Client

pytestmark = pytest.mark.django_db


def _form(client, **extra):
    data = {
        "family_name": client.family_name,
        "given_name": client.given_name,
        "sex": client.sex,
        "citizenship": client.citizenship_id,
        "birth_year": client.birth_year or "",
        "phones": "\n".join(client.phones.values_list("number", flat=True)),
        "version": client.version,
    }
    data.update(extra)
    return data


def test_the_edit_form_is_prefilled(as_lawyer, client_a):
    html = as_lawyer.get(reverse("clients:edit", args=[client_a.pk])).content.decode()
    assert "+77011234567" in html
    assert 'name="version"' in html


def test_a_caseworker_saves_changes(as_lawyer, client_a, trafficking):
    url = reverse("clients:edit", args=[client_a.pk])
    response = as_lawyer.post(url, _form(client_a, city="Талгар", vulnerabilities=[trafficking.pk]))
    assert response.status_code == 302
    client_a.refresh_from_db()
    assert client_a.city == "Талгар"
    assert client_a.version == 2
    assert client_a.is_restricted


def test_the_second_of_two_concurrent_saves_is_refused_with_what_changed(as_lawyer, as_psychologist, client_a):
    url = reverse("clients:edit", args=[client_a.pk])
    opened_by_both = _form(client_a)
    assert as_lawyer.post(url, {**opened_by_both, "city": "Талгар"}).status_code == 302
    response = as_psychologist.post(url, {**opened_by_both, "city": "Каскелен"})
    html = response.content.decode()
    assert response.status_code == 200
    assert 'data-testid="version-conflict"' in html
    assert "Талгар" in html and "Каскелен" in html
    assert Client.objects.get(pk=client_a.pk).city == "Талгар"
    # Saving again from the refreshed form is a deliberate overwrite.
    assert as_psychologist.post(url, {**opened_by_both, "city": "Каскелен", "version": 2}).status_code == 302
    assert Client.objects.get(pk=client_a.pk).city == "Каскелен"


def test_an_anonymised_record_cannot_be_edited(as_manager, client_a):
    Client.objects.filter(pk=client_a.pk).update(is_anonymised=True)
    assert as_manager.get(reverse("clients:edit", args=[client_a.pk])).status_code == 404


def test_a_retired_flag_stays_checked_and_keeps_the_record_restricted(as_lawyer, restricted_client, trafficking):
    # The flag may no longer be offered for new records; the records that carry it keep it.
    trafficking.is_active = False
    trafficking.save()
    url = reverse("clients:edit", args=[restricted_client.pk])
    offered = as_lawyer.get(url).context["form"].fields["vulnerabilities"].queryset
    assert trafficking in offered
    response = as_lawyer.post(url, _form(restricted_client, city="Талгар", vulnerabilities=[trafficking.pk]))
    assert response.status_code == 302
    restricted_client.refresh_from_db()
    assert restricted_client.city == "Талгар"
    assert restricted_client.is_restricted
    assert list(restricted_client.vulnerabilities.all()) == [trafficking]


def test_a_retired_language_stays_on_the_record(as_lawyer, client_a):
    from reference.models import Language

    tajik = Language.objects.get(code="tg")
    client_a.languages.add(tajik)
    Language.objects.filter(pk=tajik.pk).update(is_active=False)
    url = reverse("clients:edit", args=[client_a.pk])
    assert tajik in as_lawyer.get(url).context["form"].fields["languages"].queryset
    assert as_lawyer.post(url, _form(client_a, languages=[tajik.pk])).status_code == 302
    assert list(client_a.languages.all()) == [tajik]
