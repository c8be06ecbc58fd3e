"""The client list: search, filters, pagination, no restricted field, a fixed number of queries."""

import pytest
from django.urls import reverse
from django.utils import timezone

from tests.clients.factories import ClientFactory, ClientPhoneFactory

pytestmark = pytest.mark.django_db
LIST = reverse("clients:list")


def test_the_lawyer_sees_the_offices_clients_without_address_or_phone(as_lawyer, client_a, office_b):
    client_a.address = "ул. Секретная, 5"
    client_a.save()
    ClientFactory(office=office_b, family_name="Чужой")
    response = as_lawyer.get(LIST)
    html = response.content.decode()
    assert response.status_code == 200
    assert client_a.code in html
    assert "Абдуллаев" in html
    assert "Секретная" not in html
    assert "+77011234567" not in html
    assert "Чужой" not in html


def test_a_restricted_record_is_listed_only_for_its_staff(as_psychologist, as_lawyer, restricted_client):
    assert restricted_client.code not in as_psychologist.get(LIST).content.decode()
    assert restricted_client.code in as_lawyer.get(LIST).content.decode()


def test_searching_a_latin_spelling_finds_the_cyrillic_record(as_lawyer, client_a, office_a):
    ClientFactory(office=office_a, family_name="Каримов", given_name="Бекзод")
    html = as_lawyer.get(LIST, {"q": "Abdullayev"}).content.decode()
    assert client_a.code in html
    assert "Каримов" not in html


def test_filters_combine_with_search(as_lawyer, office_a):
    twenty = timezone.localdate().year - 20
    woman = ClientFactory(office=office_a, family_name="Asanova", sex="female", birth_year=twenty)
    man = ClientFactory(office=office_a, family_name="Asanov", sex="male", birth_year=twenty)
    html = as_lawyer.get(LIST, {"q": "asanov", "sex": "female", "age_group": "18-24"}).content.decode()
    assert woman.code in html
    assert man.code not in html


def test_the_vulnerability_and_unknown_age_filters(as_manager, office_a, restricted_client, trafficking):
    no_age = ClientFactory(office=office_a, birth_year=None)
    html = as_manager.get(LIST, {"vulnerability": trafficking.pk}).content.decode()
    assert restricted_client.code in html
    assert no_age.code not in html
    assert no_age.code in as_manager.get(LIST, {"age_group": "unknown"}).content.decode()


def test_a_bad_filter_value_is_ignored_not_a_500(as_lawyer, client_a):
    response = as_lawyer.get(LIST, {"citizenship": "999999", "page": "x"})
    assert response.status_code == 200


def test_results_are_paginated(as_lawyer, office_a):
    ClientFactory.create_batch(30, office=office_a)
    first = as_lawyer.get(LIST).content.decode()
    second = as_lawyer.get(LIST, {"page": 2}).content.decode()
    assert first.count("data-client-id") == 25
    assert second.count("data-client-id") == 5


def test_htmx_gets_only_the_results_partial(as_lawyer, client_a):
    response = as_lawyer.get(LIST, {"q": "Abdullaev"}, HTTP_HX_REQUEST="true")
    html = response.content.decode()
    assert client_a.code in html
    assert "<html" not in html


def test_the_number_of_queries_does_not_grow_with_the_data(as_lawyer, office_a, django_assert_max_num_queries):
    def load():
        with django_assert_max_num_queries(10):
            assert as_lawyer.get(LIST, {"q": "a"}).status_code == 200
        with django_assert_max_num_queries(10):
            assert as_lawyer.get(LIST).status_code == 200

    ClientFactory.create_batch(3, office=office_a, family_name="Asanov")
    load()
    for client in ClientFactory.create_batch(40, office=office_a, family_name="Asanov"):
        ClientPhoneFactory(client=client)
    load()
