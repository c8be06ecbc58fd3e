"""Celery tasks of the reports: thin wrappers that take ids and call services.

``build_report`` runs on the ``pdf`` queue (CELERY_TASK_ROUTES) so a big
report never delays the reminders on the default queue.
"""

import logging

from celery import shared_task
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.db import InterfaceError, OperationalError
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reports.models import ReportJob, ReportState

logger = logging.getLogger(__name__)

# Worth another try: the database or the disk hiccuped. Anything else is a
# bug or bad data, and trying again would fail the same way.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@shared_task(
    name="reports.build_report",
    bind=True,
    acks_late=True,
    reject_on_worker_lost=True,
    time_limit=settings.REPORT_TASK_TIME_LIMIT,
    soft_time_limit=settings.REPORT_TASK_TIME_LIMIT - 20,
    max_retries=3,
)
def build_report(self, job_id: int) -> str:
    from reports import services  # imported here so loading the task module stays light for every worker

    try:
        attempt = services.report_claim(job_id=job_id)
    except TRANSIENT_ERRORS as exc:
        raise self.retry(exc=exc, countdown=5) from exc
    if attempt is None:
        job = ReportJob.objects.filter(pk=job_id).values("state", "lease_until").first()
        if job and job["state"] == ReportState.RUNNING and job["lease_until"]:
            # Another worker holds the job, or held it and died (its message came
            # back to us): look again when its lease runs out.
            wait = max((job["lease_until"] - timezone.now()).total_seconds(), 0) + 5
            raise self.retry(countdown=wait)
        return "skipped"
    language = ReportJob.objects.values_list("created_by__language", flat=True).get(pk=job_id)
    try:
        services.report_generate(job_id=job_id, attempt=attempt)
    except SoftTimeLimitExceeded:
        with translation.override(language):
            services.report_fail(
                job_id=job_id, attempt=attempt, message=_("The report took too long. Try a shorter period.")
            )
        return "failed"
    except TRANSIENT_ERRORS as exc:
        if self.request.retries >= self.max_retries:
            with translation.override(language):
                services.report_fail(
                    job_id=job_id, attempt=attempt, message=_("The database was unavailable. Press Retry.")
                )
            return "failed"
        services.report_release(job_id=job_id, attempt=attempt)
        raise self.retry(exc=exc, countdown=10 * (self.request.retries + 1)) from exc
    except Exception:
        # The traceback goes to the log (ids only, no personal data in reports
        # code); the manager sees a short message and a Retry button.
        logger.exception("Report job %s failed", job_id)
        with translation.override(language):
            services.report_fail(
                job_id=job_id,
                attempt=attempt,
                message=_("The report could not be generated. Press Retry; if it fails again, tell the administrator."),
            )
        return "failed"
    return "done"


@shared_task(name="reports.expire_files")
def expire_files() -> int:
    from reports import services

    return services.report_expire_files()


@shared_task(name="reports.requeue_pending")
def requeue_pending() -> int:
    from reports import services

    return services.report_requeue_pending()
