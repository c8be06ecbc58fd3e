"""Creating and editing client records through the services."""

import datetime

import pytest
from auditlog.models import LogEntry
from django.utils import timezone

from clients.models import Client, ClientCodeCounter
from clients.services import (
    ClientVersionConflict,
    client_assign_staff,
    client_create,
    client_update,
    consent_allows,
    consent_withdraw,
    next_client_code,
)
from tests.clients.factories import ClientFactory, ConsentFactory
from tests.factories import country

pytestmark = pytest.mark.django_db


def _create(actor, **extra):
    fields = {"family_name": "Юсупов", "given_name": "Бекзод", "sex": "male", "citizenship": country("uz")}
    return client_create(actor=actor, **{**fields, **extra})


def test_a_new_client_gets_the_next_code_of_its_office_and_year(lawyer, outsider):
    year = timezone.localdate().year
    first, second = _create(lawyer), _create(lawyer)
    other_office = _create(outsider)
    assert first.code == f"ALA-{year}-00001"
    assert second.code == f"ALA-{year}-00002"
    assert other_office.code == f"AST-{year}-00001"


def test_codes_restart_each_year(lawyer):
    last_year = timezone.now() - datetime.timedelta(days=366)
    old = _create(lawyer, created_at=last_year)
    assert old.code.startswith(f"ALA-{timezone.localtime(last_year).year}-")
    assert ClientCodeCounter.objects.filter(office=lawyer.office).count() == 1
    assert _create(lawyer).code.endswith("-00001")


def test_the_counter_continues_from_its_stored_value(office_a):
    ClientCodeCounter.objects.create(office=office_a, year=2026, last_number=41)
    assert next_client_code(office=office_a, year=2026) == "ALA-2026-00042"


def test_create_stores_phones_in_e164_and_the_search_key(lawyer):
    phones = ["8 701 123 45 67", "+998 90 123 45 67", "87011234567"]
    client = _create(lawyer, latin_name="YUSUPOV BEKZOD", phones=phones)
    assert sorted(client.phones.values_list("number", flat=True)) == ["+77011234567", "+998901234567"]
    assert client.search_key == "iusupov bekzod"


def test_a_birth_date_sets_the_birth_year(lawyer):
    client = _create(lawyer, birth_date=datetime.date(1991, 5, 2))
    assert client.birth_year == 1991


def test_a_trafficking_flag_restricts_the_record_and_the_creator_keeps_access(lawyer, trafficking):
    client = _create(lawyer, vulnerabilities=[trafficking])
    assert client.is_restricted
    assert list(client.assigned_staff.all()) == [lawyer]


def test_create_records_consent_and_an_audit_entry_with_the_actor(lawyer):
    client = _create(lawyer, consent={"share_partners": True})
    assert consent_allows(client, "store_data")
    assert consent_allows(client, "share_partners")
    assert not consent_allows(client, "share_law_enforcement")
    entry = LogEntry.objects.get_for_object(client).get(action=LogEntry.Action.CREATE)
    assert entry.actor == lawyer
    assert "Юсупов" not in str(entry.changes)  # names are masked in the trail


def test_withdrawn_consent_no_longer_allows_sharing_and_is_audited(lawyer, client_a):
    consent = client_a.consents.get()
    assert consent_allows(client_a, "share_partners")
    consent_withdraw(consent=consent, actor=lawyer)
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
    assert consent.withdrawn_by == lawyer
    assert not consent_allows(client_a, "share_partners")
    assert LogEntry.objects.get_for_object(client_a).filter(additional_data__action="consent_withdrawn").exists()


def test_the_newest_consent_in_force_decides(client_a):
    ConsentFactory(client=client_a, given_on=timezone.localdate(), share_partners=False)
    assert not consent_allows(client_a, "share_partners")


def test_an_unknown_scope_is_a_programming_error(client_a):
    with pytest.raises(ValueError):
        consent_allows(client_a, "sell_data")


def test_assigning_staff_lets_them_see_a_restricted_record(restricted_client, psychologist):
    client_assign_staff(client=restricted_client, users=[psychologist, None])
    assert restricted_client.assigned_staff.filter(pk=psychologist.pk).exists()


def test_update_bumps_the_version_and_recomputes_restriction(lawyer, trafficking):
    client = _create(lawyer)
    updated = client_update(
        client=client, actor=lawyer, expected_version=1, given_name="Бахтиёр", vulnerabilities=[trafficking]
    )
    assert updated.version == 2
    assert updated.is_restricted
    assert "bahtier" in updated.search_key


def test_a_second_save_on_the_same_version_is_refused_with_what_changed(lawyer, psychologist):
    client = _create(lawyer)
    client_update(client=client, actor=lawyer, expected_version=1, city="Талгар")
    with pytest.raises(ClientVersionConflict) as conflict:
        client_update(client=client, actor=psychologist, expected_version=1, city="Каскелен", employer="ТОО Стройка")
    changed = {label: (saved, mine) for label, saved, mine in conflict.value.changes}
    assert changed["city or district"] == ("Талгар", "Каскелен")
    assert Client.objects.get(pk=client.pk).city == "Талгар"


def test_restriction_follows_the_vulnerability_table(lawyer, trafficking):
    client = ClientFactory(office=lawyer.office, vulnerabilities=[trafficking])
    assert client.is_restricted


def test_a_colleague_who_flags_trafficking_keeps_access(lawyer, psychologist, trafficking):
    client = _create(lawyer)
    client_update(client=client, actor=psychologist, expected_version=1, vulnerabilities=[trafficking])
    assert set(client.assigned_staff.all()) == {lawyer, psychologist}


def test_withdrawing_the_newest_consent_does_not_revive_an_older_one(lawyer, client_a):
    newer = ConsentFactory(client=client_a, given_on=timezone.localdate(), share_partners=True)
    consent_withdraw(consent=newer, actor=lawyer)
    assert not consent_allows(client_a, "share_partners")
    assert not consent_allows(client_a, "store_data")
