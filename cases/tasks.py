"""Celery tasks of the cases app: thin, they take ids and call a service."""

from datetime import date

from celery import shared_task
from django.utils import timezone

from accounts.models import User
from cases.reminders import follow_up_reminder_send, users_with_overdue_follow_ups


@shared_task(name="cases.remind_overdue_follow_ups", acks_late=True, time_limit=10 * 60, soft_time_limit=9 * 60)
def remind_overdue_follow_ups() -> int:
    """Each morning (beat): one reminder task per caseworker with overdue follow-ups."""
    today = timezone.localdate()
    user_ids = users_with_overdue_follow_ups(today=today)
    for user_id in user_ids:
        send_follow_up_reminder.delay(user_id, today.isoformat())
    return len(user_ids)


@shared_task(name="cases.send_follow_up_reminder", acks_late=True, time_limit=120, soft_time_limit=100)
def send_follow_up_reminder(user_id: int, day: str) -> int:
    user = User.objects.filter(pk=user_id).first()
    if user is None:
        return 0
    return follow_up_reminder_send(user=user, today=date.fromisoformat(day))
