"""The one way mail leaves Ariptes: ``mail_send`` stores a row and a Celery task delivers it after commit.

A failing mail server never turns a saved request into an error page: the task records the error and
tries again later (``MAIL_RETRY_DELAYS``), and a beat job re-enqueues mail whose task was lost
(broker down at the moment of enqueueing, worker killed).
"""

from __future__ import annotations

import logging
import smtplib
import socket
from datetime import timedelta

from django.conf import settings
from django.core.mail import EmailMultiAlternatives
from django.db import transaction
from django.db.models import Q
from django.utils import timezone
from kombu.exceptions import OperationalError

from notices.models import MailState, OutgoingMail

logger = logging.getLogger(__name__)

# Seconds to wait before the 2nd, 3rd, ... attempt; after the last one the mail is marked failed.
MAIL_RETRY_DELAYS = [60, 300, 900, 3600, 6 * 3600]
# A mail stuck in "sending" this long (a worker died mid-send) is tried again.
SENDING_LEASE = timedelta(minutes=10)
TRANSIENT_ERRORS = (smtplib.SMTPException, OSError, socket.timeout)


def mail_send(*, to: str, subject: str, body: str, html_body: str = "", tag: str = "") -> OutgoingMail | None:
    """Queue one e-mail; it is delivered by a Celery task once the current transaction commits.

    Returns None (and queues nothing) when ``to`` is empty.
    """
    if not to:
        return None
    mail = OutgoingMail.objects.create(
        to=to, subject=" ".join(subject.split())[:250], body=body, html_body=html_body, tag=tag[:80]
    )
    transaction.on_commit(lambda: enqueue(mail.pk))
    return mail


def enqueue(mail_id: int) -> None:
    """Hand the mail to a worker; if the broker is down, beat's ``retry_due_mail`` picks it up later."""
    from notices.tasks import deliver_mail

    try:
        deliver_mail.delay(mail_id)
    except (OperationalError, ConnectionError, OSError):  # broker unreachable: the row stays queued
        logger.warning("mail %s: broker unreachable, left queued for the retry job", mail_id)


def mail_deliver(*, mail_id: int) -> str:
    """Send one queued mail once. Returns its new state. Safe to call twice for the same id."""
    now = timezone.now()
    claimed = (
        OutgoingMail.objects.filter(pk=mail_id, state=MailState.QUEUED)
        .filter(_due(now))
        .update(state=MailState.SENDING, next_attempt_at=now + SENDING_LEASE)
    )
    if not claimed:
        return OutgoingMail.objects.filter(pk=mail_id).values_list("state", flat=True).first() or ""
    mail = OutgoingMail.objects.get(pk=mail_id)
    message = EmailMultiAlternatives(mail.subject, mail.body, settings.DEFAULT_FROM_EMAIL, [mail.to])
    if mail.html_body:
        message.attach_alternative(mail.html_body, "text/html")
    attempts = mail.attempts + 1
    try:
        message.send(fail_silently=False)
    except TRANSIENT_ERRORS as error:
        # The reason is kept for the timeline; it names the server's answer, never the body.
        reason = f"{type(error).__name__}: {error}"[:300]
        if attempts > len(MAIL_RETRY_DELAYS):
            state, next_attempt = MailState.FAILED, None
        else:
            state, next_attempt = MailState.QUEUED, now + timedelta(seconds=MAIL_RETRY_DELAYS[attempts - 1])
        OutgoingMail.objects.filter(pk=mail_id).update(
            state=state, attempts=attempts, last_error=reason, next_attempt_at=next_attempt
        )
        logger.warning("mail %s: attempt %s failed (%s)", mail_id, attempts, type(error).__name__)
        return state
    OutgoingMail.objects.filter(pk=mail_id).update(
        state=MailState.SENT, attempts=attempts, sent_at=timezone.now(), next_attempt_at=None, last_error=""
    )
    return MailState.SENT


def _due(now) -> Q:
    return Q(next_attempt_at__isnull=True) | Q(next_attempt_at__lte=now)


def mail_retry_due(*, now=None) -> int:
    """Re-enqueue queued mail whose time has come and mail stuck in "sending"; returns how many."""
    now = now or timezone.now()
    stuck = OutgoingMail.objects.filter(state=MailState.SENDING, next_attempt_at__lte=now)
    stuck.update(state=MailState.QUEUED, next_attempt_at=now)
    due = list(OutgoingMail.objects.filter(state=MailState.QUEUED).filter(_due(now)).values_list("pk", flat=True)[:500])
    # Their time has come: mark them ready, so the task (which reads its own clock) takes them.
    OutgoingMail.objects.filter(pk__in=due, state=MailState.QUEUED).update(next_attempt_at=None)
    for mail_id in due:
        enqueue(mail_id)
    return len(due)
