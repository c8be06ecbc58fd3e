"""A manager exports everything about a client, and anonymises a client for good."""

import json
from pathlib import Path

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

from clients.models import Client, ClientPhone
from clients.services import client_update
from tests.clients.factories import ClientDocumentFactory, FamilyMemberFactory

pytestmark = pytest.mark.django_db


def test_the_json_export_holds_everything_and_is_audited(as_manager, manager, client_a):
    FamilyMemberFactory(client=client_a, name="Малика")
    ClientDocumentFactory(client=client_a)
    response = as_manager.get(reverse("clients:export", args=[client_a.pk]), {"format": "json"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith(f'attachment; filename="{client_a.code}-')
    data = json.loads(response.content)
    assert data["family_name"] == "Абдуллаев"
    assert data["phones"] == ["+77011234567"]
    assert data["family_members"][0]["name"] == "Малика"
    assert data["consents"][0]["store_data"] is True
    assert data["documents"][0]["file_name"] == "Каримов_договор.pdf"
    entry = LogEntry.objects.get_for_object(client_a).get(action=LogEntry.Action.ACCESS)
    assert (entry.actor, entry.additional_data) == (manager, {"access": "export json"})


def test_the_printable_export_page(as_manager, client_a):
    html = as_manager.get(reverse("clients:export", args=[client_a.pk])).content.decode()
    assert "Абдуллаев" in html and "+77011234567" in html
    assert 'data-testid="export-json"' in html


def test_anonymisation_needs_the_typed_code(as_manager, client_a):
    response = as_manager.post(reverse("clients:anonymise", args=[client_a.pk]), {"confirmation": "yes"})
    assert response.status_code == 200
    assert not Client.objects.get(pk=client_a.pk).is_anonymised


def test_anonymisation_erases_personal_data_and_keeps_statistics(
    as_manager, lawyer, client_a, django_capture_on_commit_callbacks
):
    client_update(
        client=client_a, actor=lawyer, expected_version=1, address="ул. Секретная, 5", employer="ТОО Строй", city="Есик"
    )
    member = FamilyMemberFactory(client=client_a, name="Малика")
    document = ClientDocumentFactory(client=client_a)
    path = Path(document.file.path)
    with django_capture_on_commit_callbacks(execute=True):
        response = as_manager.post(
            reverse("clients:anonymise", args=[client_a.pk]), {"confirmation": client_a.code.lower()}
        )
    assert response.status_code == 302
    client = Client.objects.get(pk=client_a.pk)
    assert client.is_anonymised
    assert (client.family_name, client.given_name, client.address, client.employer, client.city) == ("",) * 5
    assert client.search_key == ""
    assert (client.sex, client.birth_year, client.citizenship_id) == (client_a.sex, 1988, client_a.citizenship_id)
    assert not ClientPhone.objects.filter(client=client).exists()
    member.refresh_from_db()
    assert member.name == "" and member.birth_year == 2015
    assert not client.documents.exists()
    assert not path.exists()
    trail = json.dumps([entry.changes for entry in LogEntry.objects.all()], ensure_ascii=False)
    for secret in ("Абдуллаев", "Секретная", "ТОО Строй", "Есик", "1234567", "Малика"):
        assert secret not in trail
    assert LogEntry.objects.get_for_object(client).filter(additional_data__action="anonymised").exists()


def test_an_anonymised_client_is_listed_without_a_name_and_shares_nothing(as_manager, client_a, manager):
    from clients.services import consent_allows
    from clients.services.data_rights import client_anonymise

    client_anonymise(client=client_a, actor=manager, confirmation=client_a.code)
    html = as_manager.get(reverse("clients:list")).content.decode()
    assert client_a.code in html
    assert "Абдуллаев" not in html
    client_a.refresh_from_db()
    assert not consent_allows(client_a, "share_partners")


def test_anonymisation_also_erases_older_records_merged_into_the_client(client_a, office_a, manager):
    from clients.services.data_rights import client_anonymise
    from tests.clients.factories import ClientFactory

    old = ClientFactory(office=office_a, family_name="Abdullayev", given_name="Rustam", merged_into=client_a)
    ClientPhone.objects.create(client=old, number="+998901112233")
    client_anonymise(client=client_a, actor=manager, confirmation=client_a.code)
    old.refresh_from_db()
    assert old.is_anonymised and old.family_name == "" and old.search_key == ""
    assert not old.phones.exists()


def test_the_export_holds_what_older_merged_records_still_keep(as_manager, client_a, office_a):
    # A merge leaves the duplicate's own spelling and a phone the survivor already had on the old
    # record (for an undo): that is still data held about this person, older merges of merges too.
    from tests.clients.factories import ClientFactory

    old = ClientFactory(office=office_a, family_name="Abdullayev", given_name="Rustam", merged_into=client_a)
    ClientPhone.objects.create(client=old, number="+998901112233")
    oldest = ClientFactory(office=office_a, family_name="Abdulaev", given_name="Rustem", merged_into=old)
    response = as_manager.get(reverse("clients:export", args=[client_a.pk]), {"format": "json"})
    merged = {record["code"]: record for record in json.loads(response.content)["merged_records"]}
    assert set(merged) == {old.code, oldest.code}
    assert (merged[old.code]["family_name"], merged[old.code]["phones"]) == ("Abdullayev", ["+998901112233"])
    assert merged[oldest.code]["given_name"] == "Rustem"
    html = as_manager.get(reverse("clients:export", args=[client_a.pk])).content.decode()
    assert "+998901112233" in html and "Rustem" in html
