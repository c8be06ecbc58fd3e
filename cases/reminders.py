"""The morning e-mail of overdue follow-ups, one per caseworker."""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.template.loader import render_to_string
from django.utils import translation

from accounts.models import User
from cases.models import FollowUp
from cases.selectors import follow_ups_visible_to
from notices.mail import mail_send


def users_with_overdue_follow_ups(*, today: date) -> list[int]:
    return list(
        FollowUp.objects.filter(done=False, due_on__lt=today, assigned_to__is_active=True)
        .exclude(assigned_to__email="")
        .values_list("assigned_to_id", flat=True)
        .distinct()
        .order_by("assigned_to_id")
    )


@transaction.atomic
def follow_up_reminder_send(*, user: User, today: date) -> int:
    """E-mail ``user`` their overdue follow-ups; at most once a day (a redelivered task sends nothing).

    Returns the number of follow-ups in the e-mail.
    """
    if not user.is_active or not user.email:
        return 0
    overdue = follow_ups_visible_to(user).filter(assigned_to=user, done=False, due_on__lt=today)
    # Claim today's reminder with a conditional update, so two workers cannot both send it.
    claimed = FollowUp.objects.filter(pk__in=overdue.exclude(reminded_on=today).values("pk")).update(reminded_on=today)
    if not claimed:
        return 0
    follow_ups = list(overdue.select_related("case__client").order_by("due_on", "pk"))
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"follow_ups": follow_ups, "user": user, "site_url": settings.SITE_URL.rstrip("/")}
        subject = render_to_string("cases/email/follow_up_reminder_subject.txt", context).strip()
        body = render_to_string("cases/email/follow_up_reminder.txt", context)
    mail_send(to=user.email, subject=subject, body=body, tag="follow-up-reminder")
    return len(follow_ups)
