"""Finding 1: lockout an attacker cannot turn against staff.

Failures lock the pair (username, client address); an address failing across many usernames is slowed.
"""

from datetime import timedelta

import pytest
from django.test import Client as HttpClient
from django.urls import reverse
from django.utils import timezone

from notices.models import OutgoingMail
from tests.conftest import PASSWORD
from tests.factories import UserFactory

LOGIN = reverse("accounts:login")
ATTACKER = "203.0.113.66"
OFFICE = "198.51.100.10"


def log_in(username, password=PASSWORD, *, ip, path=LOGIN, http=None):
    http = http or HttpClient()
    return http.post(path, {"username": username, "password": password}, REMOTE_ADDR=ip)


def test_an_anonymous_attacker_cannot_lock_the_manager_out(manager):
    for n in range(10):
        log_in("manager", f"guess-{n}", ip=ATTACKER)
    # The attacker's own address is locked for that account...
    assert log_in("manager", ip=ATTACKER).status_code == 429
    # ...but the manager logs in from the office.
    response = log_in("manager", ip=OFFICE)
    assert response.status_code == 302


def test_the_admin_login_locks_only_the_pair_too(manager):
    manager.is_staff = True
    manager.save()
    for n in range(6):
        log_in("manager", f"guess-{n}", ip=ATTACKER, path="/admin/login/")
    assert log_in("manager", ip=OFFICE).status_code == 302


def test_five_failures_from_one_address_lock_that_pair(lawyer):
    for n in range(5):
        log_in("lawyer", f"guess-{n}", ip=OFFICE)
    response = log_in("lawyer", ip=OFFICE)
    assert response.status_code == 429
    assert 'data-testid="locked-out"' in response.content.decode()


def test_password_spraying_across_many_usernames_is_slowed(office_a):
    real = UserFactory(username="real", office=office_a)
    for n in range(12):
        log_in(f"staff{n}", "Summer2026!", ip=ATTACKER)
    # Even the right password of a real account is not tried: the address must wait first.
    response = log_in(real.username, ip=ATTACKER)
    assert response.status_code == 429
    assert 'data-testid="slowed-down"' in response.content.decode()
    # Other addresses are not slowed.
    assert log_in(real.username, ip=OFFICE).status_code == 302


def test_a_slowed_address_may_try_again_after_the_pause(office_a):
    from axes.models import AccessAttempt

    real = UserFactory(username="real", office=office_a)
    for n in range(12):
        log_in(f"staff{n}", "Summer2026!", ip=ATTACKER)
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=2))
    assert log_in(real.username, ip=ATTACKER).status_code == 302


def test_the_locked_user_is_told_by_mail_once(lawyer, django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=False):
        for n in range(8):
            log_in("lawyer", f"guess-{n}", ip=ATTACKER)
    mails = OutgoingMail.objects.filter(to=lawyer.email)
    assert mails.count() == 1
    assert ATTACKER in mails.get().body
    assert "guess" not in mails.get().body


@pytest.fixture
def administrator(db):
    return UserFactory(username="admin", office=None, role="administrator", is_staff=True, is_superuser=True)


def test_an_administrator_sees_and_lifts_a_lockout(lawyer, administrator, client):
    from axes.models import AccessAttempt

    for n in range(5):
        log_in("lawyer", f"guess-{n}", ip=OFFICE)
    client.force_login(administrator)
    page = client.get("/admin/axes/accessattempt/")
    assert page.status_code == 200
    assert "lawyer" in page.content.decode()
    attempt = AccessAttempt.objects.get(username="lawyer")
    client.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert log_in("lawyer", ip=OFFICE).status_code == 302
