"""Writing notices: one service to tell a staff member something, grouping and mailing it as they chose."""

from __future__ import annotations

import logging
from datetime import datetime, timedelta
from typing import Any

from django.conf import settings
from django.db import transaction
from django.db.models import F
from django.template.loader import render_to_string
from django.utils import timezone, translation
from kombu.exceptions import OperationalError

from notices.kinds import default_delivery, notice_kinds
from notices.mail import mail_send
from notices.models import Delivery, Notice, NoticePreference
from notices.rendering import make_line

logger = logging.getLogger(__name__)

MAX_LINES = 50


def group_window() -> timedelta:
    return timedelta(minutes=getattr(settings, "NOTICE_GROUP_MINUTES", 5))


def delivery_for(user: Any, kind: str) -> str:
    chosen = NoticePreference.objects.filter(user=user, kind=kind).values_list("delivery", flat=True).first()
    return chosen or default_delivery(kind)


@transaction.atomic
def notice_send(
    *,
    recipient: Any,
    kind: str,
    message: Any,
    params: dict[str, Any] | None = None,
    subject: str = "",
    url: str = "",
    actor: Any = None,
) -> Notice | None:
    """Tell ``recipient`` something: ``message`` is a translatable string (lazy) with ``%(name)s`` placeholders.

    A notice about the same ``subject`` within ``NOTICE_GROUP_MINUTES`` of the last one, still unread,
    becomes one more line of that notice. E-mail follows the recipient's choice for ``kind``: at once
    (after the grouping window, so a burst of steps is one mail), in the daily digest, or not at all.
    Nobody is notified of their own action.
    """
    if recipient is None or not recipient.is_active or (actor is not None and recipient.pk == actor.pk):
        return None
    now = timezone.now()
    line = make_line(message, params, now)
    delivery = delivery_for(recipient, kind)
    notice = None
    if subject:
        notice = (
            Notice.objects.select_for_update()
            .filter(
                recipient=recipient,
                subject=subject,
                delivery=delivery,
                read_at__isnull=True,
                updated_at__gte=now - group_window(),
                count__lt=MAX_LINES,
            )
            .order_by("-updated_at", "-pk")
            .first()
        )
    if notice is not None:
        notice.lines = [*notice.lines, line]
        notice.count = len(notice.lines)
        notice.updated_at = now
        if notice.url == "" and url:
            notice.url = url
        fields = ["lines", "count", "updated_at", "url"]
        if delivery == Delivery.IMMEDIATE and notice.mail_due_at is None:
            notice.mail_due_at = now + group_window()
            fields.append("mail_due_at")
        notice.save(update_fields=fields)
    else:
        notice = Notice.objects.create(
            recipient=recipient,
            kind=kind,
            subject=subject,
            url=url,
            lines=[line],
            count=1,
            delivery=delivery,
            created_at=now,
            updated_at=now,
            mail_due_at=now + group_window() if delivery == Delivery.IMMEDIATE else None,
        )
    if delivery == Delivery.IMMEDIATE and recipient.email:
        _schedule_mail(notice.pk)
    return notice


def _schedule_mail(notice_id: int) -> None:
    from notices.tasks import mail_notice

    seconds = int(group_window().total_seconds())

    def enqueue() -> None:
        try:
            mail_notice.apply_async((notice_id,), countdown=seconds)
        except (OperationalError, ConnectionError, OSError):  # broker down: beat's send_due_notices mails it
            logger.warning("notice %s: broker unreachable, left for the due-notices job", notice_id)

    transaction.on_commit(enqueue)


def _absolute(url: str) -> str:
    return settings.SITE_URL.rstrip("/") + url if url.startswith("/") else (url or settings.SITE_URL)


def notice_mail(*, notice_id: int) -> int:
    """Mail the lines of one notice not mailed yet; claimed with a conditional UPDATE so they go once."""
    notice = Notice.objects.select_related("recipient").filter(pk=notice_id).first()
    if notice is None or notice.delivery != Delivery.IMMEDIATE or notice.mailed_count >= notice.count:
        return 0
    recipient = notice.recipient
    if not recipient.is_active or not recipient.email:
        return 0
    with transaction.atomic():
        claimed = Notice.objects.filter(pk=notice.pk, mailed_count=notice.mailed_count).update(
            mailed_count=notice.count, mail_due_at=None
        )
        if not claimed:
            return 0
        lines = notice.lines[notice.mailed_count : notice.count]
        with translation.override(recipient.language or settings.LANGUAGE_CODE):
            pending = Notice(lines=lines)
            context = {"texts": pending.texts, "url": _absolute(notice.url), "recipient": recipient}
            subject = render_to_string("notices/email/notice_subject.txt", {**context, "first": pending.texts[0]})
            body = render_to_string("notices/email/notice.txt", context)
        mail_send(to=recipient.email, subject=subject.strip(), body=body, tag=f"notice:{notice.pk}")
    return len(lines)


def notices_mail_due(*, now: datetime | None = None) -> int:
    """Beat's safety net: immediate notices whose grouping window closed and whose mail task was lost."""
    now = now or timezone.now()
    ids = list(
        Notice.objects.filter(delivery=Delivery.IMMEDIATE, mail_due_at__lte=now, mailed_count__lt=F("count"))
        .values_list("pk", flat=True)
        .order_by("pk")[:500]
    )
    return sum(1 for notice_id in ids if notice_mail(notice_id=notice_id))


def notices_send_digests(*, now: datetime | None = None) -> int:
    """One e-mail per user with every digest notice not mailed yet. Returns how many mails were queued."""
    pending = (
        Notice.objects.filter(delivery=Delivery.DIGEST, mailed_count__lt=F("count"))
        .select_related("recipient")
        .order_by("recipient_id", "created_at", "pk")
    )
    by_user: dict[int, list[Notice]] = {}
    for notice in pending:
        by_user.setdefault(notice.recipient_id, []).append(notice)
    sent = 0
    for notices in by_user.values():
        recipient = notices[0].recipient
        if not recipient.is_active or not recipient.email:
            continue
        with transaction.atomic():
            items = []
            for notice in notices:
                claimed = Notice.objects.filter(pk=notice.pk, mailed_count=notice.mailed_count).update(
                    mailed_count=notice.count
                )
                if claimed:
                    items.append((notice, notice.lines[notice.mailed_count : notice.count]))
            if not items:
                continue
            with translation.override(recipient.language or settings.LANGUAGE_CODE):
                context = {
                    "items": [
                        {"texts": Notice(lines=lines).texts, "url": _absolute(notice.url)} for notice, lines in items
                    ],
                    "recipient": recipient,
                    "site_url": settings.SITE_URL.rstrip("/"),
                }
                subject = render_to_string("notices/email/digest_subject.txt", context).strip()
                body = render_to_string("notices/email/digest.txt", context)
            mail_send(to=recipient.email, subject=subject, body=body, tag=f"digest:{recipient.pk}")
            sent += 1
    return sent


@transaction.atomic
def notices_mark_read(*, user: Any, ids: list[int] | None = None) -> int:
    unread = Notice.objects.filter(recipient=user, read_at__isnull=True)
    if ids is not None:
        unread = unread.filter(pk__in=ids)
    return unread.update(read_at=timezone.now())


@transaction.atomic
def notice_preferences_set(*, user: Any, choices: dict[str, str]) -> None:
    """Save the user's delivery per kind of notice (their own preferences only)."""
    known = {kind.code for kind in notice_kinds()}
    for kind, delivery in choices.items():
        if kind not in known or delivery not in Delivery.values:
            raise ValueError(f"unknown notice kind or delivery: {kind}={delivery}")
        NoticePreference.objects.update_or_create(user=user, kind=kind, defaults={"delivery": delivery})
