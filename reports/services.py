"""Writes on report jobs: request, claim, progress, finish, fail, retry, expire."""

import datetime as dt
import logging
from collections.abc import Iterable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from celery.exceptions import SoftTimeLimitExceeded
from django.conf import settings
from django.core.exceptions import PermissionDenied, ValidationError
from django.core.files.base import ContentFile
from django.db import InterfaceError, OperationalError, transaction
from django.db.models import F, Q
from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext as _

import audit
from accounts.models import Office, User
from accounts.permissions import can_manage
from cases.models import Project
from notices.mail import mail_send
from reference import metrics as catalogue
from reference.routing import replica_reads
from reports.document import ReportRequest, build_files
from reports.models import (
    Audience,
    Indicator,
    IndicatorTarget,
    ReportJob,
    ReportStage,
    ReportState,
    TargetPeriod,
    report_file_path,
)
from reports.periods import Period

logger = logging.getLogger(__name__)

# The one retry budget of a job, counted on its row (``attempt``, one per claim): a job whose
# workers died this many times probably kills them (a report too big for the memory), and one
# whose database kept failing will not get better by itself. It fails instead of being
# redelivered forever and holding up the pdf queue; the manager's Retry gives one more go.
REPORT_MAX_ATTEMPTS = 3

# Worth another try: the database or the disk hiccuped. Anything else is a
# bug or bad data, and trying again would fail the same way.
TRANSIENT_ERRORS = (OperationalError, InterfaceError, ConnectionError, TimeoutError)


@dataclass(frozen=True)
class RunOutcome:
    """What the task does next: return ``result``, or, with ``retry_in`` seconds, come back later."""

    result: str
    retry_in: float | None = None


def report_run(*, job_id: int, deliveries: int = 0) -> RunOutcome:
    """Claim and build one job: the whole retry and lease policy of the report task lives here.

    ``deliveries`` is how many times the task already came back for this message; it only bounds
    retries while the job cannot even be claimed (the database is down: the row cannot count).
    """
    try:
        attempt = report_claim(job_id=job_id)
    except TRANSIENT_ERRORS:
        if deliveries >= REPORT_MAX_ATTEMPTS:
            raise
        return RunOutcome("retry", retry_in=5)
    if attempt is None:
        job = ReportJob.objects.filter(pk=job_id).values("state", "lease_until").first()
        if job and job["state"] == ReportState.RUNNING and job["lease_until"]:
            # Another worker holds the job, or held it and died (its message came
            # back to us): look again when its lease runs out.
            return RunOutcome("retry", retry_in=max((job["lease_until"] - timezone.now()).total_seconds(), 0) + 5)
        return RunOutcome("skipped")
    language = ReportJob.objects.values_list("created_by__language", flat=True).get(pk=job_id)
    try:
        report_generate(job_id=job_id, attempt=attempt)
    except SoftTimeLimitExceeded:
        with translation.override(language):
            report_fail(job_id=job_id, attempt=attempt, message=_("The report took too long. Try a shorter period."))
        return RunOutcome("failed")
    except TRANSIENT_ERRORS:
        if attempt >= REPORT_MAX_ATTEMPTS:
            with translation.override(language):
                report_fail(job_id=job_id, attempt=attempt, message=_("The database was unavailable. Press Retry."))
            return RunOutcome("failed")
        report_release(job_id=job_id, attempt=attempt)
        return RunOutcome("retry", retry_in=10 * attempt)
    except Exception:
        # The traceback goes to the log (ids only, no personal data in reports
        # code); the manager sees a short message and a Retry button.
        logger.exception("Report job %s failed", job_id)
        with translation.override(language):
            report_fail(
                job_id=job_id,
                attempt=attempt,
                message=_("The report could not be generated. Press Retry; if it fails again, tell the administrator."),
            )
        return RunOutcome("failed")
    return RunOutcome("done")


def _lease() -> dt.timedelta:
    return dt.timedelta(seconds=settings.REPORT_LEASE_SECONDS)


def _enqueue(job_id: int) -> None:
    from reports.tasks import build_report

    try:
        build_report.delay(job_id)
    except Exception:
        if settings.CELERY_TASK_ALWAYS_EAGER:
            raise
        # The broker is down: the job stays pending and beat's ``reports.requeue_pending`` sends it
        # again once the broker is back (issue 15, finding 7), instead of waiting for a Retry press.
        logger.warning("Could not enqueue report job %s; left pending for the requeue job", job_id)


def report_requeue_pending(*, older_than: dt.timedelta = dt.timedelta(minutes=2)) -> int:
    """Send again the pending jobs whose message never reached a worker; returns how many.

    A job whose message is only waiting in a long queue is sent twice; the conditional claim
    in ``report_claim`` makes the second message a no-op.
    """
    cutoff = timezone.now() - older_than
    ids = list(
        ReportJob.objects.filter(state=ReportState.PENDING, created_at__lt=cutoff).values_list("pk", flat=True)[:200]
    )
    for job_id in ids:
        _enqueue(job_id)
    return len(ids)


@transaction.atomic
def report_request(
    *,
    actor: User,
    period: Period,
    language: str,
    audience: str = Audience.FUNDER,
    project: Project | None = None,
    offices: Iterable[Office] = (),
    achievements: str = "",
    challenges: str = "",
    story: str = "",
) -> ReportJob:
    """Queue a report; a period that has not ended is counted up to today (and says so on its cover)."""
    if audience not in Audience.values:
        raise ValueError(f"Unknown audience {audience!r}")
    if audience == Audience.INTERNAL and not can_manage(actor):
        raise PermissionDenied("Only managers may request an internal report.")
    period = period.up_to(timezone.localdate())
    job = ReportJob.objects.create(
        created_by=actor,
        period_start=period.start,
        period_end=period.end,
        period_full_end=period.full_end,
        language=language,
        audience=audience,
        project=project,
        achievements=achievements,
        challenges=challenges,
        story=story,
    )
    job.offices.set(offices)
    audit.record_access(actor=actor, instance=job, what=f"report requested for the {audience} audience")
    transaction.on_commit(lambda: _enqueue(job.pk))
    return job


@transaction.atomic
def report_retry(*, job: ReportJob, actor: User) -> ReportJob:
    stalled = Q(state=ReportState.RUNNING, lease_until__lt=timezone.now())
    updated = ReportJob.objects.filter(Q(state=ReportState.FAILED) | stalled, pk=job.pk).update(
        state=ReportState.PENDING, stage=ReportStage.QUEUED, progress=0, error_message="", lease_until=None
    )
    if updated:
        audit.record_access(actor=actor, instance=job, what="report retried")
        transaction.on_commit(lambda: _enqueue(job.pk))
    job.refresh_from_db()
    return job


def report_claim(*, job_id: int) -> int | None:
    """Take the job for this worker; returns the attempt number, or None when someone else has it.

    The conditional UPDATE is the lock: a redelivered message finds the row
    running and leaves it alone, unless the lease of a dead worker ran out.
    """
    now = timezone.now()
    stalled = Q(state=ReportState.RUNNING, lease_until__lt=now)
    claimed = (
        ReportJob.objects.filter(pk=job_id)
        .filter(Q(state=ReportState.PENDING) | stalled & Q(attempt__lt=REPORT_MAX_ATTEMPTS))
        .update(
            state=ReportState.RUNNING,
            stage=ReportStage.COUNTING,
            progress=1,
            attempt=F("attempt") + 1,
            lease_until=now + _lease(),
            started_at=now,
            error_message="",
        )
    )
    if not claimed:
        _fail_if_it_keeps_killing_workers(job_id=job_id, stalled=stalled)
        return None
    return ReportJob.objects.values_list("attempt", flat=True).get(pk=job_id)


def _fail_if_it_keeps_killing_workers(*, job_id: int, stalled: Q) -> None:
    language = ReportJob.objects.filter(pk=job_id).values_list("created_by__language", flat=True).first()
    with translation.override(language or settings.LANGUAGE_CODE):
        message = _("The worker building this report stopped %(n)s times. Try a shorter period, or press Retry.") % {
            "n": REPORT_MAX_ATTEMPTS
        }
    ReportJob.objects.filter(stalled, pk=job_id, attempt__gte=REPORT_MAX_ATTEMPTS).update(
        state=ReportState.FAILED, error_message=message, finished_at=timezone.now(), lease_until=None
    )


def report_release(*, job_id: int, attempt: int) -> None:
    """Give the job back to the queue after a transient error, so the retry can claim it."""
    ReportJob.objects.filter(pk=job_id, attempt=attempt, state=ReportState.RUNNING).update(
        state=ReportState.PENDING, stage=ReportStage.QUEUED, lease_until=None
    )


def report_fail(*, job_id: int, attempt: int, message: str) -> None:
    ReportJob.objects.filter(pk=job_id, attempt=attempt, state=ReportState.RUNNING).update(
        state=ReportState.FAILED, error_message=message[:300], finished_at=timezone.now(), lease_until=None
    )


def _request_of(job: ReportJob) -> ReportRequest:
    return ReportRequest(
        period=Period(job.period_start, job.period_end, full_end=job.period_full_end),
        language=job.language,
        audience=job.audience,
        project=job.project,
        offices=list(job.offices.select_related("region").order_by("name_ru")),
        achievements=job.achievements,
        challenges=job.challenges,
        story=job.story,
    )


def _save(job: ReportJob, kind: str, content: bytes) -> str:
    # A fixed name per job: a second attempt replaces the first one's file
    # instead of leaving two reports behind.
    storage = job.pdf.storage
    name = report_file_path(job, f"report-{job.pk}.{kind}")
    if storage.exists(name):
        storage.delete(name)
    return str(storage.save(name, ContentFile(content)))


def report_generate(*, job_id: int, attempt: int) -> bool:
    """Build the files of a claimed job; False when a newer attempt took the job meanwhile."""
    job = ReportJob.objects.select_related("project", "created_by").get(pk=job_id)

    def progress(stage: str, percent: int) -> None:
        ReportJob.objects.filter(pk=job_id, attempt=attempt, state=ReportState.RUNNING).update(
            stage=stage, progress=percent, lease_until=timezone.now() + _lease()
        )

    # Counting reads a replica when one is configured (DATABASE_REPLICA_URL); the job's rows stay on the primary.
    request = _request_of(job)
    with replica_reads():
        files = build_files(request, progress)
    pdf_name, xlsx_name = _save(job, "pdf", files.pdf), _save(job, "xlsx", files.xlsx)
    now = timezone.now()
    with transaction.atomic():
        finished = ReportJob.objects.filter(pk=job_id, attempt=attempt, state=ReportState.RUNNING).update(
            state=ReportState.DONE,
            stage=ReportStage.FINISHED,
            progress=100,
            pdf=pdf_name,
            xlsx=xlsx_name,
            finished_at=now,
            lease_until=None,
            expires_at=now + dt.timedelta(days=settings.REPORT_FILE_TTL_DAYS),
            counting_seconds=files.counting_seconds,
            pdf_seconds=files.pdf_seconds,
        )
        if finished:
            transaction.on_commit(lambda: report_notify(job_id=job_id))
    return bool(finished)


def report_notify(*, job_id: int) -> None:
    """E-mail the manager who asked that the report is ready (the link, never the figures)."""
    job = ReportJob.objects.select_related("created_by").get(pk=job_id)
    user = job.created_by
    if not user.email or job.audience == Audience.INTERNAL:
        # An internal report (small numbers) is never announced by e-mail: the manager finds it on the page.
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        link = settings.SITE_URL.rstrip("/") + reverse("reports:detail", args=[job.pk])
        subject = _("Your report for %(period)s is ready") % {"period": _request_of(job).period.label}
        body = _(
            "The report you requested is ready. Download the PDF and the spreadsheet here:\n%(link)s\n\n"
            "The files are deleted after %(days)s days."
        ) % {"link": link, "days": settings.REPORT_FILE_TTL_DAYS}
    mail_send(to=user.email, subject=subject, body=body, tag=f"report:{job.pk}")


def report_expire_files(*, now: dt.datetime | None = None) -> int:
    """Delete the files of reports past their expiry date; the rows stay as the history."""
    now = now or timezone.now()
    expired = ReportJob.objects.filter(files_deleted=False, expires_at__lt=now)
    count = 0
    for job in expired.only("pk", "pdf", "xlsx").iterator():
        for field in (job.pdf, job.xlsx):
            if field.name and field.storage.exists(field.name):
                field.storage.delete(field.name)
        ReportJob.objects.filter(pk=job.pk).update(files_deleted=True, pdf="", xlsx="")
        count += 1
    return count


@transaction.atomic
def indicator_create(
    *,
    actor: User,
    project: Project,
    code: str,
    name_ru: str,
    name_kk: str = "",
    name_en: str = "",
    metric: str,
    filters: dict[str, Any] | None = None,
    baseline: int | Decimal = 0,
    ordering: int = 100,
) -> Indicator:
    """Add an indicator to a project's logframe; only the filters its metric honours are kept."""
    if not can_manage(actor):
        raise PermissionDenied("Only managers may define indicators.")
    try:
        honoured = catalogue.get(metric).filters
    except KeyError:
        raise ValidationError({"metric": _("Choose a metric from the list.")}) from None
    kept = {key: value for key, value in (filters or {}).items() if value not in (None, "")}
    refused = sorted(set(kept) - set(honoured))
    if refused:
        raise ValidationError(_("This metric cannot be narrowed by: %(keys)s.") % {"keys": ", ".join(refused)})
    if Indicator.objects.filter(project=project, code=code).exists():
        raise ValidationError({"code": _("This project already has an indicator with this code.")})
    with set_actor(actor):
        return Indicator.objects.create(
            project=project,
            code=code,
            name_ru=name_ru,
            name_kk=name_kk,
            name_en=name_en,
            metric=metric,
            filters=kept,
            baseline=baseline,
            ordering=ordering,
        )


@transaction.atomic
def indicator_target_set(
    *,
    actor: User,
    indicator: Indicator,
    period: str,
    value: int | Decimal,
    year: int | None = None,
    quarter: int | None = None,
) -> IndicatorTarget:
    """Set (or change) the target of one quarter, one year, or the whole project."""
    if not can_manage(actor):
        raise PermissionDenied("Only managers may set targets.")
    if period == TargetPeriod.QUARTER and not (year and quarter in (1, 2, 3, 4)):
        raise ValidationError(_("A quarterly target needs a year and a quarter from 1 to 4."))
    if period == TargetPeriod.YEAR and not year:
        raise ValidationError(_("A yearly target needs a year."))
    if period == TargetPeriod.PROJECT:
        year = quarter = None
    elif period == TargetPeriod.YEAR:
        quarter = None
    if value is None or value < 0:
        raise ValidationError({"value": _("A target is zero or more.")})
    with set_actor(actor):
        target, _created = IndicatorTarget.objects.update_or_create(
            indicator=indicator, period=period, year=year, quarter=quarter, defaults={"value": value}
        )
    return target
