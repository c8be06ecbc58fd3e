"""Every client URL: an outsider, and a colleague not assigned to a restricted record, get a 404."""

import pytest
from django.urls import reverse

from tests.clients.factories import (
    ClientDocumentFactory,
    ClientFactory,
    ClientMergeFactory,
    ConsentFactory,
    FamilyMemberFactory,
)
from tests.factories import UserFactory

pytestmark = pytest.mark.django_db


def _urls(client):
    document = ClientDocumentFactory(client=client)
    member = FamilyMemberFactory(client=client)
    consent = ConsentFactory(client=client)
    merge = ClientMergeFactory(source=ClientFactory(office=client.office, merged_into=client), target=client)
    staff_member = client.assigned_staff.first() or UserFactory(office=client.office)
    return [
        ("post", reverse("clients:merge-revert", args=[client.pk, merge.pk])),
        ("post", reverse("clients:staff-unassign", args=[client.pk, staff_member.pk])),
        ("get", reverse("clients:detail", args=[client.pk])),
        ("get", reverse("clients:edit", args=[client.pk])),
        ("post", reverse("clients:edit", args=[client.pk])),
        ("post", reverse("clients:family-add", args=[client.pk])),
        ("post", reverse("clients:staff-assign", args=[client.pk])),
        ("post", reverse("clients:family-delete", args=[client.pk, member.pk])),
        ("post", reverse("clients:consent-add", args=[client.pk])),
        ("post", reverse("clients:consent-withdraw", args=[client.pk, consent.pk])),
        ("post", reverse("clients:document-upload", args=[client.pk])),
        ("get", reverse("clients:document-download", args=[client.pk, document.pk])),
        ("post", reverse("clients:document-delete", args=[client.pk, document.pk])),
        ("get", reverse("clients:export", args=[client.pk])),
        ("get", reverse("clients:export", args=[client.pk]) + "?format=json"),
        ("get", reverse("clients:anonymise", args=[client.pk])),
        ("post", reverse("clients:anonymise", args=[client.pk])),
        ("get", reverse("clients:merge", args=[client.pk])),
        ("post", reverse("clients:merge", args=[client.pk])),
    ]


def test_an_outsider_gets_404_on_every_client_url(as_outsider, client_a):
    for method, url in _urls(client_a):
        response = getattr(as_outsider, method)(url)
        assert response.status_code == 404, (method, url)


def test_a_colleague_not_assigned_gets_404_on_every_url_of_a_restricted_record(as_psychologist, restricted_client):
    for method, url in _urls(restricted_client):
        response = getattr(as_psychologist, method)(url)
        assert response.status_code == 404, (method, url)


def test_the_data_rights_pages_are_404_for_caseworkers(as_lawyer, client_a):
    for name in ("export", "anonymise"):
        assert as_lawyer.get(reverse(f"clients:{name}", args=[client_a.pk])).status_code == 404
    assert as_lawyer.get(reverse("clients:merge", args=[client_a.pk])).status_code == 404


def test_anonymous_visitors_are_sent_to_the_login_page(client, client_a):
    response = client.get(reverse("clients:detail", args=[client_a.pk]))
    assert response.status_code == 302
    assert "/accounts/login/" in response["Location"]


def test_a_user_without_an_office_cannot_create_or_import(client, db):
    from tests.factories import UserFactory

    user = UserFactory(office=None)
    client.force_login(user)
    assert client.get(reverse("clients:create")).status_code == 404
    assert client.get(reverse("clients:import")).status_code == 404


def test_the_old_id_of_a_merged_record_leads_no_outsider_to_the_survivor(as_outsider, as_psychologist, client_a):
    from tests.clients.factories import ClientFactory

    old = ClientFactory(office=client_a.office, merged_into=client_a)
    assert as_outsider.get(reverse("clients:detail", args=[old.pk])).status_code == 404
    restricted_old = ClientFactory(office=client_a.office, merged_into=ClientFactory(office=client_a.office))
    restricted_old.merged_into.is_restricted = True
    restricted_old.merged_into.save()
    assert as_psychologist.get(reverse("clients:detail", args=[restricted_old.pk])).status_code == 404
