"""Who sees which client: office scope, the restricted rule, merged records."""

import pytest
from django.http import Http404

from clients import permissions
from clients.selectors import clients_visible_to, get_client_for
from tests.clients.factories import ClientFactory

pytestmark = pytest.mark.django_db


def test_caseworkers_see_their_office_only(lawyer, outsider, client_a):
    assert list(clients_visible_to(lawyer)) == [client_a]
    assert list(clients_visible_to(outsider)) == []
    with pytest.raises(Http404):
        get_client_for(outsider, client_a.pk)


def test_managers_see_every_office(manager, office_b, client_a):
    other = ClientFactory(office=office_b)
    assert set(clients_visible_to(manager)) == {client_a, other}


def test_a_restricted_record_is_seen_by_its_assigned_staff_and_managers_only(
    restricted_client, lawyer, psychologist, coordinator, manager
):
    assert get_client_for(lawyer, restricted_client.pk) == restricted_client
    assert get_client_for(manager, restricted_client.pk) == restricted_client
    for user in (psychologist, coordinator):
        assert restricted_client not in clients_visible_to(user)
        assert not permissions.can_view_client(user, restricted_client)
        with pytest.raises(Http404):
            get_client_for(user, restricted_client.pk)


def test_list_and_page_agree_for_every_user(restricted_client, client_a, lawyer, psychologist, manager, outsider):
    for user in (lawyer, psychologist, manager, outsider):
        for client in (restricted_client, client_a):
            assert (client in clients_visible_to(user)) == permissions.can_view_client(user, client)


def test_a_merged_record_is_hidden(lawyer, client_a, office_a):
    old = ClientFactory(office=office_a, merged_into=client_a)
    assert old not in clients_visible_to(lawyer)


def test_a_restricted_record_appears_once_with_several_assigned_staff(restricted_client, psychologist, lawyer):
    restricted_client.assigned_staff.add(psychologist)
    assert list(clients_visible_to(lawyer)).count(restricted_client) == 1


def test_garbage_ids_are_404(lawyer):
    with pytest.raises(Http404):
        get_client_for(lawyer, "abc")


def test_inactive_users_see_nothing(lawyer, client_a):
    lawyer.is_active = False
    assert not clients_visible_to(lawyer).exists()
