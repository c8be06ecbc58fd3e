"""In-app notices and e-mails to staff. No client names: case numbers and client codes only."""

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone, translation

from accounts.models import User
from cases.models import Case, Notification
from notices.mail import mail_send


def case_url(case: Case) -> str:
    return settings.SITE_URL.rstrip("/") + reverse("cases:detail", args=[case.pk])


def notify(
    *, recipient: User, case: Case | None, message, params: dict | None = None, actor: User | None = None
) -> Notification | None:
    """Tell ``recipient`` about a case: an in-app notice now, an e-mail once the transaction commits.

    ``message`` is a lazy translatable string with ``%(name)s`` placeholders filled from ``params``,
    rendered in the recipient's language. Nobody is notified of their own action.
    """
    if recipient is None or not recipient.is_active or (actor is not None and recipient.pk == actor.pk):
        return None
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        text = str(message) % (params or {})
    notification = Notification.objects.create(recipient=recipient, case=case, message=text[:300])
    if recipient.email:
        _queue_notification_mail(notification)
    return notification


def _queue_notification_mail(notification: Notification) -> None:
    recipient = notification.recipient
    with translation.override(recipient.language or settings.LANGUAGE_CODE):
        context = {
            "notification": notification,
            "recipient": recipient,
            "url": case_url(notification.case) if notification.case_id else settings.SITE_URL,
        }
        subject = render_to_string("cases/email/notification_subject.txt", context).strip()
        body = render_to_string("cases/email/notification.txt", context)
    mail_send(to=recipient.email, subject=subject, body=body, tag=f"notification:{notification.pk}")


@transaction.atomic
def notifications_mark_read(*, user: User, ids: list[int] | None = None) -> int:
    unread = Notification.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())
