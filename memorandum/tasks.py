from celery import shared_task

from memorandum.reminders import referrals_remind_overdue


@shared_task(name="memorandum.remind_overdue_referrals", acks_late=True, time_limit=600, soft_time_limit=570)
def remind_overdue_referrals() -> int:
    """Beat runs this every morning; each overdue referral is reminded about once."""
    return referrals_remind_overdue()
