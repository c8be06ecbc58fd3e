"""The clients' reference tables in the admin."""

import pytest
from django.urls import reverse

from clients.models import Client, Vulnerability
from tests.clients.factories import ClientFactory
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def as_admin(client, office_a):
    client.force_login(UserFactory(username="root", office=None, is_staff=True, is_superuser=True))
    return client


def test_the_reference_tables_are_listed_and_client_records_are_not(as_admin):
    assert as_admin.get(reverse("admin:clients_vulnerability_changelist")).status_code == 200
    assert as_admin.get(reverse("admin:clients_migrationstatus_changelist")).status_code == 200
    with pytest.raises(Exception):  # noqa: B017 - NoReverseMatch: records are edited only through the app
        reverse("admin:clients_client_changelist")


def test_making_a_flag_restrictive_restricts_its_clients(as_admin, office_a):
    detention = Vulnerability.objects.get(code="detention")
    flagged = ClientFactory(office=office_a, vulnerabilities=[detention])
    assert not flagged.is_restricted
    url = reverse("admin:clients_vulnerability_change", args=[detention.pk])
    data = {
        "code": detention.code,
        "name_ru": detention.name_ru,
        "name_kk": detention.name_kk,
        "name_en": detention.name_en,
        "ordering": detention.ordering,
        "is_active": "on",
        "restricts_access": "on",
    }
    assert as_admin.post(url, data).status_code == 302
    assert Client.objects.get(pk=flagged.pk).is_restricted
