"""A manager gives a colleague access to a restricted record, and takes it back."""

import pytest
from auditlog.models import LogEntry
from django.urls import reverse

pytestmark = pytest.mark.django_db


def test_a_manager_gives_and_removes_access(as_manager, as_psychologist, psychologist, restricted_client):
    page = reverse("clients:detail", args=[restricted_client.pk])
    assert as_psychologist.get(page).status_code == 404
    response = as_manager.post(reverse("clients:staff-assign", args=[restricted_client.pk]), {"user": psychologist.pk})
    assert response.status_code == 302
    assert as_psychologist.get(page).status_code == 200
    assert LogEntry.objects.get_for_object(restricted_client).filter(changes__has_key="assigned_staff").exists()
    as_manager.post(reverse("clients:staff-unassign", args=[restricted_client.pk, psychologist.pk]))
    assert as_psychologist.get(page).status_code == 404


def test_only_staff_of_the_clients_office_can_be_given_access(as_manager, outsider, restricted_client):
    as_manager.post(reverse("clients:staff-assign", args=[restricted_client.pk]), {"user": outsider.pk})
    assert not restricted_client.assigned_staff.filter(pk=outsider.pk).exists()


def test_caseworkers_cannot_hand_out_access(as_lawyer, psychologist, restricted_client, lawyer):
    url = reverse("clients:staff-assign", args=[restricted_client.pk])
    assert as_lawyer.post(url, {"user": psychologist.pk}).status_code == 404
    url = reverse("clients:staff-unassign", args=[restricted_client.pk, lawyer.pk])
    assert as_lawyer.post(url).status_code == 404
