"""Finding 9: password reset answers alike for known and unknown addresses and is rate-limited."""

import time

import pytest
from aiosmtpd.controller import Controller
from django.core.cache import cache
from django.test import Client as HttpClient
from django.urls import reverse

from notices.models import OutgoingMail
from tests.security.test_smtp_down import _free_port

RESET = reverse("accounts:password-reset")


class Slow:
    async def handle_DATA(self, server, session, envelope):
        import asyncio

        await asyncio.sleep(1.5)
        return "250 OK"


@pytest.fixture(autouse=True)
def fresh_cache():
    cache.clear()


@pytest.fixture
def slow_smtp(settings):
    controller = Controller(Slow(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST, settings.EMAIL_PORT = "127.0.0.1", controller.port
    yield
    controller.stop()


def _timed(email, ip="192.0.2.1") -> float:
    started = time.perf_counter()
    response = HttpClient().post(RESET, {"email": email}, REMOTE_ADDR=ip)
    assert response.status_code == 302
    return time.perf_counter() - started


def test_a_known_address_answers_as_fast_as_an_unknown_one(slow_smtp, lawyer):
    _timed("warm-up@example.org")
    unknown = min(_timed("nobody@example.org") for _ in range(2))
    known = min(_timed(lawyer.email, ip=f"192.0.2.{n}") for n in (10, 11))
    # Sending inside the request took the mail server's 1.5 s; now the mail is queued.
    assert known < unknown + 0.7
    assert OutgoingMail.objects.filter(to=lawyer.email, tag="password-reset").exists()


def test_ten_requests_for_one_address_send_at_most_three_mails(lawyer):
    for n in range(10):
        HttpClient().post(RESET, {"email": lawyer.email}, REMOTE_ADDR=f"192.0.2.{n}")
    assert OutgoingMail.objects.filter(to=lawyer.email).count() == 3


def test_one_client_address_cannot_mail_many_staff(office_a):
    from tests.factories import UserFactory

    staff = [UserFactory(username=f"u{n}", office=office_a) for n in range(12)]
    for user in staff:
        HttpClient().post(RESET, {"email": user.email}, REMOTE_ADDR="192.0.2.99")
    assert OutgoingMail.objects.filter(tag="password-reset").count() == 10
