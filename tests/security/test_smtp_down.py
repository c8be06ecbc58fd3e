"""Finding 3: a refusing mail server never turns a saved request into an error page."""

import socket

import pytest
from aiosmtpd.controller import Controller
from django.urls import reverse

from cases.models import Case
from notices.models import MailState, OutgoingMail


class Refuse:
    async def handle_RCPT(self, server, session, envelope, address, rcpt_options):
        return "554 5.7.1 Service unavailable"


def _free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


@pytest.fixture
def refusing_smtp(settings):
    controller = Controller(Refuse(), hostname="127.0.0.1", port=_free_port())
    controller.start()
    settings.EMAIL_BACKEND = "django.core.mail.backends.smtp.EmailBackend"
    settings.EMAIL_HOST = "127.0.0.1"
    settings.EMAIL_PORT = controller.port
    settings.EMAIL_TIMEOUT = 3
    yield controller
    controller.stop()


def test_assigning_a_case_succeeds_while_the_mail_server_refuses(
    refusing_smtp, case, psychologist, as_coordinator, django_capture_on_commit_callbacks
):
    psychologist.email = "psy@example.org"
    psychologist.save()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_coordinator.post(
            reverse("cases:edit", args=[case.pk]),
            {
                "version": case.version,
                "kind": case.kind,
                "categories": [c.pk for c in case.categories.all()],
                "summary": case.summary,
                "lead": psychologist.pk,
                "opened_on": case.opened_on.isoformat(),
            },
        )
    assert response.status_code == 302
    assert Case.objects.get(pk=case.pk).lead == psychologist
    mail = OutgoingMail.objects.get(to="psy@example.org")
    assert mail.state == MailState.QUEUED
    assert "554" in mail.last_error
