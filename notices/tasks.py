from celery import shared_task

from notices.mail import mail_deliver, mail_retry_due


@shared_task(name="notices.deliver_mail", acks_late=True, time_limit=120, soft_time_limit=90)
def deliver_mail(mail_id: int) -> str:
    return mail_deliver(mail_id=mail_id)


@shared_task(name="notices.retry_due_mail", time_limit=300, soft_time_limit=270)
def retry_due_mail() -> int:
    return mail_retry_due()


@shared_task(name="notices.mail_notice", acks_late=True, time_limit=120, soft_time_limit=90)
def mail_notice(notice_id: int) -> int:
    from notices.services import notice_mail

    return notice_mail(notice_id=notice_id)


@shared_task(name="notices.send_due_notices", time_limit=300, soft_time_limit=270)
def send_due_notices() -> int:
    from notices.services import notices_mail_due

    return notices_mail_due()


@shared_task(name="notices.send_digests", acks_late=True, time_limit=600, soft_time_limit=570)
def send_digests() -> int:
    from notices.services import notices_send_digests

    return notices_send_digests()
