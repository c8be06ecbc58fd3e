"""Finding 11: lifting a client's restriction (trafficking, violence) is a request a manager approves."""

import pytest
from django.urls import reverse

from clients.models import Client, Vulnerability
from clients.services import client_update
from tests.cases.factories import make_client


@pytest.fixture
def restricted(office_a, lawyer):
    return make_client(office_a, actor=lawyer, restricted=True)


def _decide_url(client, request):
    return reverse("clients:restriction-lift-decide", args=[client.pk, request.pk])


def _drop_flags(user, client):
    return client_update(client=client, actor=user, expected_version=client.version, vulnerabilities=[])


def test_an_assigned_caseworker_cannot_lift_the_restriction_alone(restricted, lawyer):
    _drop_flags(lawyer, restricted)
    restricted.refresh_from_db()
    assert restricted.is_restricted
    assert restricted.vulnerabilities.filter(code="trafficking").exists()
    assert restricted.restriction_lift_requests.filter(state="pending", requested_by=lawyer).exists()


def test_a_manager_approves_the_request_and_only_then_the_record_opens(restricted, lawyer, as_manager):
    _drop_flags(lawyer, restricted)
    request = restricted.restriction_lift_requests.get()
    page = as_manager.get(reverse("clients:detail", args=[restricted.pk])).content.decode()
    assert 'data-testid="restriction-lift-request"' in page
    response = as_manager.post(_decide_url(restricted, request), {"approve": "1"})
    assert response.status_code == 302
    restricted.refresh_from_db()
    assert not restricted.is_restricted
    assert not restricted.vulnerabilities.filter(restricts_access=True).exists()


def test_a_declined_request_leaves_the_record_restricted(restricted, lawyer, as_manager):
    _drop_flags(lawyer, restricted)
    request = restricted.restriction_lift_requests.get()
    as_manager.post(_decide_url(restricted, request), {"decline": "1"})
    restricted.refresh_from_db()
    assert restricted.is_restricted
    request.refresh_from_db()
    assert request.state == "declined"


def test_the_caseworker_cannot_approve_their_own_request(restricted, lawyer, as_lawyer):
    _drop_flags(lawyer, restricted)
    request = restricted.restriction_lift_requests.get()
    response = as_lawyer.post(_decide_url(restricted, request), {"approve": "1"})
    assert response.status_code == 404
    assert Client.objects.get(pk=restricted.pk).is_restricted


def test_other_edits_of_the_caseworker_are_saved_with_the_flag_kept(restricted, lawyer):
    other = Vulnerability.objects.filter(restricts_access=False).first()
    client_update(client=restricted, actor=lawyer, expected_version=restricted.version, vulnerabilities=[other])
    assert set(restricted.vulnerabilities.values_list("code", flat=True)) == {"trafficking", other.code}


def test_an_outsider_gets_404(restricted, lawyer, as_outsider):
    _drop_flags(lawyer, restricted)
    request = restricted.restriction_lift_requests.get()
    url = _decide_url(restricted, request)
    assert as_outsider.post(url, {"approve": "1"}).status_code == 404
