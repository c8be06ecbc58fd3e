"""Guessing passwords locks the account; idle and disabled accounts lose their sessions."""

import logging
import time
from datetime import timedelta

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.db import connection
from django.test import Client as HttpClient
from django.test.utils import CaptureQueriesContext
from django.urls import reverse
from django.utils import timezone

from ariptes.sessions import REFRESHED_KEY
from tests.conftest import PASSWORD

pytestmark = pytest.mark.django_db

LOGIN = reverse("accounts:login")
HOME = reverse("home")


def log_in(http: HttpClient, username: str, password: str = PASSWORD):
    return http.post(LOGIN, {"username": username, "password": password})


def fail_five_times(http: HttpClient, username: str):
    responses = [log_in(http, username, f"wrong-guess-{n}") for n in range(5)]
    return responses[-1]


def test_it_locks_an_account_after_five_wrong_passwords(client, outsider):
    response = fail_five_times(client, "outsider")

    assert response.status_code == 429
    assert 'data-testid="locked-out"' in response.content.decode()
    # Even the right password is refused now.
    again = log_in(client, "outsider")
    assert again.status_code == 429
    assert "_auth_user_id" not in client.session


def test_it_lets_four_wrong_passwords_pass_and_the_fifth_right_one_in(client, outsider):
    for n in range(4):
        assert log_in(client, "outsider", f"wrong-guess-{n}").status_code == 200

    assert log_in(client, "outsider").url == HOME


def test_it_locks_only_the_attacked_account_not_other_staff_on_the_same_computer(client, outsider, lawyer):
    fail_five_times(client, "outsider")

    response = log_in(client, "lawyer")

    assert response.status_code == 302
    assert response.url == HOME


def test_it_unlocks_the_account_after_fifteen_minutes(client, outsider):
    from axes.models import AccessAttempt

    fail_five_times(client, "outsider")
    AccessAttempt.objects.update(attempt_time=timezone.now() - timedelta(minutes=16))

    assert log_in(client, "outsider").url == HOME


def test_it_logs_logins_failures_and_lockouts_without_passwords(client, outsider, lawyer, caplog):
    caplog.set_level(logging.INFO, logger="ariptes.security")

    log_in(client, "lawyer")
    fail_five_times(HttpClient(), "outsider")

    messages = [r.getMessage() for r in caplog.records if r.name == "ariptes.security"]
    assert f"login user_id={lawyer.pk} ip=127.0.0.1" in messages
    assert sum("login failed username='outsider'" in m for m in messages) == 5
    assert any(m.startswith("lockout username='outsider'") for m in messages)
    everything = caplog.text
    assert PASSWORD not in everything
    assert "wrong-guess" not in everything


def test_it_ends_the_session_when_the_browser_closes(client, lawyer):
    response = log_in(client, "lawyer")

    # A cookie without Expires or Max-Age is dropped by the browser when it closes.
    cookie = response.cookies[settings.SESSION_COOKIE_NAME]
    assert cookie.value
    assert cookie["expires"] == ""
    assert cookie["max-age"] == ""
    assert cookie["httponly"] is True


def test_it_keeps_a_session_for_thirty_idle_minutes_counted_from_the_last_request(client, lawyer):
    log_in(client, "lawyer")
    session = Session.objects.get(session_key=client.session.session_key)
    first_expiry = session.expire_date
    assert abs(first_expiry - timezone.now() - timedelta(minutes=30)) < timedelta(seconds=10)

    # Pretend the last request was 20 minutes ago: a new request extends the session again.
    stored = client.session
    stored[REFRESHED_KEY] = int(time.time()) - 20 * 60
    stored.save()
    Session.objects.filter(pk=session.pk).update(expire_date=timezone.now() + timedelta(minutes=10))
    assert client.get(HOME).status_code == 200
    session.refresh_from_db()
    assert session.expire_date - timezone.now() > timedelta(minutes=29)


def test_it_writes_no_session_row_on_requests_within_a_minute_of_the_last_refresh(client, lawyer):
    log_in(client, "lawyer")
    assert client.get(HOME).status_code == 200
    expiry = Session.objects.get().expire_date

    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200
        assert client.get(reverse("cases:list")).status_code == 200

    writes = [q["sql"] for q in captured.captured_queries if q["sql"].startswith(("UPDATE", "INSERT", "DELETE"))]
    assert writes == []
    assert Session.objects.get().expire_date == expiry


def test_it_refreshes_the_expiry_once_the_refresh_interval_has_passed(client, lawyer, settings):
    settings.SESSION_REFRESH_SECONDS = 0
    log_in(client, "lawyer")
    Session.objects.update(expire_date=timezone.now() + timedelta(minutes=1))

    assert client.get(HOME).status_code == 200

    assert Session.objects.get().expire_date - timezone.now() > timedelta(minutes=29)


def test_it_keeps_sessions_in_the_cache_when_one_is_configured(client, lawyer, settings):
    settings.SESSION_ENGINE = "django.contrib.sessions.backends.cache"
    log_in(client, "lawyer")

    with CaptureQueriesContext(connection) as captured:
        assert client.get(HOME).status_code == 200

    assert not Session.objects.exists()
    assert not [q for q in captured.captured_queries if "django_session" in q["sql"]]
    settings.SESSION_COOKIE_AGE = 1
    client.session.save()  # stored again with a one-second lifetime, as after 30 idle minutes
    time.sleep(1.1)
    response = client.get(HOME)
    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_it_sends_a_user_idle_for_thirty_minutes_back_to_the_login_page(client, lawyer):
    log_in(client, "lawyer")
    assert client.get(HOME).status_code == 200

    # The last request was 30 minutes and one second ago.
    Session.objects.update(expire_date=timezone.now() - timedelta(seconds=1))
    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)


def test_it_ends_the_session_of_a_disabled_user_at_the_next_request(client, lawyer, manager):
    log_in(client, "lawyer")
    assert client.get(HOME).status_code == 200

    lawyer.is_active = False
    lawyer.save()
    response = client.get(HOME)

    assert response.status_code == 302
    assert response.url.startswith(LOGIN)
    assert log_in(client, "lawyer").status_code == 200  # the login form again, with an error
