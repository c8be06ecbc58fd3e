"""Merging duplicates: everything moves, the old code points to the survivor, the merge can be undone."""

import pytest
from auditlog.models import LogEntry
from django.core.exceptions import ValidationError
from django.urls import reverse

from clients.models import Client, ClientMerge
from clients.services.merge import client_merge, client_merge_revert
from tests.clients.factories import (
    ClientDocumentFactory,
    ClientFactory,
    ClientPhoneFactory,
    ConsentFactory,
    FamilyMemberFactory,
)

pytestmark = pytest.mark.django_db


@pytest.fixture
def duplicate(office_a, trafficking, psychologist, coordinator):
    client = ClientFactory(
        office=office_a,
        family_name="Abdullayev",
        given_name="Rustam",
        city="Талгар",
        vulnerabilities=[trafficking],
        assigned_staff=[psychologist, coordinator],
    )
    ClientPhoneFactory(client=client, number="+998901112233")
    ClientPhoneFactory(client=client, number="+77011234567")  # the survivor has it too
    FamilyMemberFactory(client=client)
    ConsentFactory(client=client)
    ClientDocumentFactory(client=client)
    return client


def test_merging_moves_everything_and_keeps_the_old_code(client_a, duplicate, coordinator, trafficking):
    merge = client_merge(source=duplicate, target=client_a, actor=coordinator)
    client_a.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into == client_a
    assert sorted(client_a.phones.values_list("number", flat=True)) == ["+77011234567", "+998901112233"]
    assert client_a.family_members.count() == 1
    assert client_a.consents.count() == 2
    assert client_a.documents.count() == 1
    assert trafficking in client_a.vulnerabilities.all()
    assert client_a.is_restricted
    assert client_a.city == "Талгар"  # an empty field is filled from the duplicate
    assert merge.source_code == duplicate.code
    assert LogEntry.objects.get_for_object(client_a).filter(additional_data__action="merged_from").exists()
    assert LogEntry.objects.get_for_object(duplicate).filter(additional_data__action="merged_into").exists()


def test_undoing_a_merge_moves_the_rows_back(client_a, duplicate, coordinator, psychologist):
    merge = client_merge(source=duplicate, target=client_a, actor=coordinator)
    client_merge_revert(merge=merge, actor=coordinator)
    client_a.refresh_from_db()
    duplicate.refresh_from_db()
    assert duplicate.merged_into is None
    assert list(client_a.phones.values_list("number", flat=True)) == ["+77011234567"]
    assert duplicate.documents.count() == 1
    assert duplicate.family_members.count() == 1
    assert client_a.consents.count() == 1
    assert not client_a.is_restricted
    assert psychologist not in client_a.assigned_staff.all()


def test_a_coordinator_merges_from_the_page_after_a_preview(as_coordinator, client_a, duplicate):
    url = reverse("clients:merge", args=[client_a.pk])
    preview = as_coordinator.get(url, {"other_code": duplicate.code.lower()})
    assert 'data-testid="confirm-merge"' in preview.content.decode()
    assert not ClientMerge.objects.exists()
    response = as_coordinator.post(url, {"other_code": duplicate.code, "confirm": "1"})
    assert response.status_code == 302
    assert Client.objects.get(pk=duplicate.pk).merged_into_id == client_a.pk


def test_merging_a_record_into_itself_or_an_unknown_code_is_explained(as_coordinator, client_a):
    url = reverse("clients:merge", args=[client_a.pk])
    for code in (client_a.code, "ALA-1999-99999"):
        response = as_coordinator.post(url, {"other_code": code, "confirm": "1"})
        assert response.status_code == 200
        assert "invalid-feedback" in response.content.decode()
    assert not ClientMerge.objects.exists()


def test_a_coordinator_cannot_merge_a_record_of_another_office(as_coordinator, client_a, office_b):
    foreign = ClientFactory(office=office_b)
    as_coordinator.post(reverse("clients:merge", args=[client_a.pk]), {"other_code": foreign.code, "confirm": "1"})
    assert not ClientMerge.objects.exists()


def test_the_merge_is_undone_from_the_survivors_page(as_coordinator, client_a, duplicate, coordinator):
    merge = client_merge(source=duplicate, target=client_a, actor=coordinator)
    page = as_coordinator.get(reverse("clients:detail", args=[client_a.pk])).content.decode()
    assert 'data-testid="revert-merge"' in page
    as_coordinator.post(reverse("clients:merge-revert", args=[client_a.pk, merge.pk]))
    assert Client.objects.get(pk=duplicate.pk).merged_into is None


def test_caseworkers_cannot_undo_a_merge(as_lawyer, client_a, duplicate, coordinator):
    merge = client_merge(source=duplicate, target=client_a, actor=coordinator)
    assert as_lawyer.post(reverse("clients:merge-revert", args=[client_a.pk, merge.pk])).status_code == 404


def test_a_manager_merging_into_a_restricted_result_keeps_access_until_undone(client_a, duplicate, manager):
    merge = client_merge(source=duplicate, target=client_a, actor=manager)
    assert manager in client_a.assigned_staff.all()
    client_merge_revert(merge=merge, actor=manager)
    assert manager not in client_a.assigned_staff.all()


def test_a_merge_cannot_be_undone_once_the_survivor_is_anonymised(as_manager, client_a, duplicate, manager):
    from clients.services.data_rights import client_anonymise

    merge = client_merge(source=duplicate, target=client_a, actor=manager)
    client_anonymise(client=client_a, actor=manager, confirmation=client_a.code)
    page = as_manager.get(reverse("clients:detail", args=[client_a.pk])).content.decode()
    assert 'data-testid="revert-merge"' not in page
    response = as_manager.post(reverse("clients:merge-revert", args=[client_a.pk, merge.pk]))
    assert response.status_code == 404
    assert Client.objects.get(pk=duplicate.pk).merged_into_id == client_a.pk
    with pytest.raises(ValidationError):
        client_merge_revert(merge=merge, actor=manager)
