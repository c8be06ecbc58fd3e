"""The review list of clients without activity for N years."""

import datetime
import io

import pytest
from django.core.management import call_command
from django.utils import timezone

from clients.extensions import _activity_sources, register_activity_source
from clients.models import Client
from tests.clients.factories import ClientDocumentFactory, ClientFactory

pytestmark = pytest.mark.django_db


def _age(client, years):
    Client.objects.filter(pk=client.pk).update(updated_at=timezone.now() - datetime.timedelta(days=365 * years + 2))


def _run(*args):
    out, err = io.StringIO(), io.StringIO()
    call_command("inactive_clients", *args, stdout=out, stderr=err)
    return out.getvalue(), err.getvalue()


def test_it_lists_only_clients_without_recent_activity_by_code(office_a, settings):
    settings.INACTIVE_CLIENT_YEARS = 3
    old = ClientFactory(office=office_a, family_name="Старый")
    recent = ClientFactory(office=office_a)
    with_new_document = ClientFactory(office=office_a)
    anonymised = ClientFactory(office=office_a, is_anonymised=True)
    for client in (old, with_new_document, anonymised):
        _age(client, 4)
    ClientDocumentFactory(client=with_new_document)
    out, err = _run()
    assert old.code in out
    assert "Старый" not in out
    for client in (recent, with_new_document, anonymised):
        assert client.code not in out
    assert "1 clients without activity for 3 years" in err


def test_the_years_and_office_options(office_a, office_b):
    a, b = ClientFactory(office=office_a), ClientFactory(office=office_b)
    _age(a, 2)
    _age(b, 2)
    assert a.code in _run("--years", "1", "--office", "ala")[0]
    assert b.code not in _run("--years", "1", "--office", "ALA")[0]
    assert a.code not in _run("--years", "5")[0]


def test_other_apps_can_report_activity(office_a):
    client = ClientFactory(office=office_a)
    _age(client, 10)

    def consultations(since):
        return [client.pk]

    register_activity_source(consultations)
    try:
        assert client.code not in _run("--years", "1")[0]
    finally:
        _activity_sources.remove(consultations)
