"""Mail leaves through a queued row and a Celery task: a failing mail server never breaks a saved request."""

import smtplib
from datetime import timedelta

import pytest
from django.core import mail
from django.core.mail.backends.base import BaseEmailBackend
from django.db import transaction
from django.utils import timezone

from notices.mail import MAIL_RETRY_DELAYS, mail_retry_due, mail_send
from notices.models import MailState, OutgoingMail

pytestmark = pytest.mark.django_db


class RefusingBackend(BaseEmailBackend):
    """Answers like an SMTP server that is temporarily unavailable."""

    def send_messages(self, email_messages):
        raise smtplib.SMTPResponseException(451, b"4.3.0 try again later")


def test_a_mail_is_sent_only_after_the_transaction_commits(django_capture_on_commit_callbacks):
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail_send(to="lawyer@example.org", subject="Case ALA-1", body="A link")
        assert mail.outbox == []
    queued.refresh_from_db()
    assert queued.state == MailState.SENT
    assert [message.to for message in mail.outbox] == [["lawyer@example.org"]]


def test_a_rolled_back_request_sends_nothing():
    with pytest.raises(RuntimeError), transaction.atomic():
        mail_send(to="lawyer@example.org", subject="Case ALA-1", body="A link")
        raise RuntimeError
    assert mail.outbox == []
    assert not OutgoingMail.objects.exists()


def test_a_refusing_server_leaves_the_mail_queued_with_the_reason_and_a_retry_sends_it(
    settings, django_capture_on_commit_callbacks
):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail_send(to="lawyer@example.org", subject="Case ALA-1", body="A link")
    queued.refresh_from_db()
    assert queued.state == MailState.QUEUED
    assert queued.attempts == 1
    assert "451" in queued.last_error
    # Not due yet: the retry job leaves it alone.
    assert mail_retry_due() == 0

    settings.EMAIL_BACKEND = "django.core.mail.backends.locmem.EmailBackend"
    assert mail_retry_due(now=timezone.now() + timedelta(seconds=MAIL_RETRY_DELAYS[0] + 1)) == 1
    queued.refresh_from_db()
    assert queued.state == MailState.SENT
    assert len(mail.outbox) == 1


def test_a_mail_is_marked_failed_after_the_last_retry(settings, django_capture_on_commit_callbacks):
    settings.EMAIL_BACKEND = f"{__name__}.RefusingBackend"
    with django_capture_on_commit_callbacks(execute=True):
        queued = mail_send(to="lawyer@example.org", subject="Case ALA-1", body="A link")
    moment = timezone.now()
    for delay in MAIL_RETRY_DELAYS:
        moment += timedelta(seconds=delay + 1)
        mail_retry_due(now=moment)
    queued.refresh_from_db()
    assert queued.state == MailState.FAILED
    assert queued.attempts == len(MAIL_RETRY_DELAYS) + 1


def test_nothing_is_queued_without_an_address():
    assert mail_send(to="", subject="x", body="y") is None
    assert not OutgoingMail.objects.exists()
