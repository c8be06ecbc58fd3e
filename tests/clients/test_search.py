"""Search by name in any script, by phone in any format, by code; duplicate detection."""

import pytest

from clients.models import Client
from clients.search import find_duplicates, search_clients
from tests.clients.factories import ClientFactory, ClientPhoneFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(office_a):
    abdullaev = ClientFactory(office=office_a, family_name="Абдуллаев", given_name="Рустам", birth_year=1988)
    karimova = ClientFactory(office=office_a, family_name="Karimova", given_name="Dilnoza", sex="female")
    xolmatov = ClientFactory(
        office=office_a, family_name="Холматов", given_name="Жамшид", latin_name="KHOLMATOV JAMSHID"
    )
    ClientPhoneFactory(client=karimova, number="+998901234567")
    return {"abdullaev": abdullaev, "karimova": karimova, "xolmatov": xolmatov}


def _found(query):
    return list(search_clients(Client.objects.all(), query))


@pytest.mark.parametrize("query", ["Абдуллаев", "Abdullaev", "Abdullayev", "Abdulaev", "abdullaev rustam", "абдул"])
def test_every_spelling_finds_the_cyrillic_record(people, query):
    assert _found(query) == [people["abdullaev"]]


@pytest.mark.parametrize("query", ["Каримова", "Karimova Dilnoza", "КАРИМОВА ДИЛНОЗА"])
def test_a_cyrillic_query_finds_a_latin_record(people, query):
    assert _found(query) == [people["karimova"]]


@pytest.mark.parametrize("query", ["Xolmatov", "Djamshid", "Холматов Джамшид"])
def test_uzbek_and_russian_latin_variants_meet(people, query):
    assert people["xolmatov"] in _found(query)


@pytest.mark.parametrize("query", ["+998 90 123 45 67", "998901234567", "90 123-45-67", "1234567"])
def test_a_phone_in_any_format_finds_its_client(people, query):
    assert _found(query) == [people["karimova"]]


def test_a_code_finds_its_client(people):
    assert _found(people["xolmatov"].code.lower()) == [people["xolmatov"]]


def test_a_code_typed_without_the_leading_zeros_finds_its_client(people):
    # Letters quote "ALA-2026-00042"; people on the phone say "ALA-2026-42".
    office, year, number = people["xolmatov"].code.split("-")
    assert _found(f"{office.lower()}-{year}-{int(number)}") == [people["xolmatov"]]


def test_the_code_said_aloud_comes_before_longer_codes_it_begins(office_a):
    seventh = ClientFactory(office=office_a, code="ALA-2026-00007")
    newer = ClientFactory(office=office_a, code="ALA-2026-70001")
    assert _found("ALA-2026-7") == [seventh, newer]


def test_an_unrelated_name_finds_nobody(people):
    assert _found("Петров") == []


def test_an_empty_query_filters_nothing(people):
    assert len(_found("  ")) == 3


def test_duplicates_by_name_in_another_script_and_birth_year(people):
    duplicates = find_duplicates(Client.objects.all(), family_name="Abdullayev", given_name="Rustam", birth_year=1988)
    assert [d.client for d in duplicates] == [people["abdullaev"]]
    assert len(duplicates[0].reasons) == 2  # similar name, same birth year


def test_a_different_birth_year_is_not_a_duplicate(people):
    assert find_duplicates(Client.objects.all(), family_name="Абдуллаев", given_name="Рустам", birth_year=1970) == []


def test_the_same_phone_is_a_duplicate_whatever_the_name(people):
    duplicates = find_duplicates(
        Client.objects.all(), family_name="Иванова", given_name="Анна", phones=["90 123 45 67"]
    )
    assert [d.client for d in duplicates] == [people["karimova"]]


def test_the_latin_passport_name_is_enough(people):
    duplicates = find_duplicates(Client.objects.all(), latin_name="Kholmatov Jamshid")
    assert [d.client for d in duplicates] == [people["xolmatov"]]


def test_a_typo_is_forgiven_on_postgresql_only(people):
    from django.db import connection

    found = _found("Abdulayef")
    if connection.vendor == "postgresql":
        assert found == [people["abdullaev"]]
    else:  # the SQLite fallback matches folded substrings only (documented)
        assert found == []
