"""Adding family members and consents from the client page."""

import datetime

import pytest
from django.urls import reverse
from django.utils import timezone

pytestmark = pytest.mark.django_db


def test_a_caseworker_adds_and_removes_a_child(as_lawyer, client_a):
    url = reverse("clients:family-add", args=[client_a.pk])
    response = as_lawyer.post(url, {"relation": "child", "sex": "female", "birth_year": "2016", "schooling": "school"})
    assert response.status_code == 302
    member = client_a.family_members.get()
    assert (member.relation, member.birth_year, member.schooling) == ("child", 2016, "school")
    as_lawyer.post(reverse("clients:family-delete", args=[client_a.pk, member.pk]))
    assert not client_a.family_members.exists()


def test_a_bad_family_member_is_explained_and_not_saved(as_lawyer, client_a):
    response = as_lawyer.post(
        reverse("clients:family-add", args=[client_a.pk]), {"relation": "cousin", "birth_year": "3000"}, follow=True
    )
    assert not client_a.family_members.exists()
    assert "alert-danger" in response.content.decode()


def test_a_new_consent_is_recorded_with_its_scopes(as_lawyer, client_a, lawyer):
    url = reverse("clients:consent-add", args=[client_a.pk])
    response = as_lawyer.post(
        url,
        {"given_on": timezone.localdate().isoformat(), "method": "written", "store_data": "on", "research": "on"},
    )
    assert response.status_code == 302
    consent = client_a.consents.order_by("-id").first()
    assert (consent.research, consent.share_partners, consent.recorded_by) == (True, False, lawyer)


def test_a_consent_dated_in_the_future_is_refused(as_lawyer, client_a):
    tomorrow = timezone.localdate() + datetime.timedelta(days=1)
    as_lawyer.post(
        reverse("clients:consent-add", args=[client_a.pk]),
        {"given_on": tomorrow.isoformat(), "method": "written", "store_data": "on"},
    )
    assert client_a.consents.count() == 1


def test_withdrawing_from_the_page(as_lawyer, client_a):
    consent = client_a.consents.get()
    as_lawyer.post(reverse("clients:consent-withdraw", args=[client_a.pk, consent.pk]))
    consent.refresh_from_db()
    assert consent.withdrawn_on == timezone.localdate()
