from celery import shared_task

from notices.mail import mail_deliver, mail_retry_due


@shared_task(name="notices.deliver_mail", acks_late=True, time_limit=120, soft_time_limit=90)
def deliver_mail(mail_id: int) -> str:
    return mail_deliver(mail_id=mail_id)


@shared_task(name="notices.retry_due_mail", time_limit=300, soft_time_limit=270)
def retry_due_mail() -> int:
    return mail_retry_due()
