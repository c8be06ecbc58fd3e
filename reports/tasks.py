"""Celery tasks of the reports: thin wrappers that take ids and call services (``report_run`` decides retries).

``build_report`` runs on the ``pdf`` queue (CELERY_TASK_ROUTES) so a big
report never delays the reminders on the default queue.
"""

from celery import shared_task
from django.conf import settings


@shared_task(
    name="reports.build_report",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.REPORT_TASK_TIME_LIMIT,
    soft_time_limit=settings.REPORT_TASK_TIME_LIMIT - 20,
    # The retry budget is the job row's (services.REPORT_MAX_ATTEMPTS), not Celery's.
    max_retries=None,
)
def build_report(self, job_id: int) -> str:
    from reports import services  # imported here so loading the task module stays light for every worker

    outcome = services.report_run(job_id=job_id, deliveries=self.request.retries)
    if outcome.retry_in is not None:
        raise self.retry(countdown=outcome.retry_in)
    return outcome.result


@shared_task(name="reports.expire_files")
def expire_files() -> int:
    from reports import services

    return services.report_expire_files()


@shared_task(name="reports.requeue_pending")
def requeue_pending() -> int:
    from reports import services

    return services.report_requeue_pending()
