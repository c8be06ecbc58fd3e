"""The job's life: claimed once, fenced against a stale worker, failed with a message, expired."""

import datetime as dt

import pytest
from django.utils import timezone

from reports import services
from reports.models import ReportJob, ReportState
from reports.tasks import build_report
from tests.reports.factories import ReportJobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def test_a_job_is_claimed_only_once(manager):
    job = ReportJobFactory(created_by=manager)
    assert services.report_claim(job_id=job.pk) == 1
    assert services.report_claim(job_id=job.pk) is None  # the redelivered message finds it running
    job.refresh_from_db()
    assert (job.state, job.stage) == (ReportState.RUNNING, "counting")


def test_a_dead_workers_job_is_taken_again_and_the_stale_worker_cannot_finish_it(manager, tmp_path):
    job = ReportJobFactory(created_by=manager)
    first = services.report_claim(job_id=job.pk)
    ReportJob.objects.filter(pk=job.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))
    second = services.report_claim(job_id=job.pk)
    assert (first, second) == (1, 2)

    assert services.report_generate(job_id=job.pk, attempt=second) is True
    # The first worker was only slow, not dead: its result is refused and it
    # wrote over the same file names, so there is still one PDF and one XLSX.
    assert services.report_generate(job_id=job.pk, attempt=first) is False
    job.refresh_from_db()
    assert job.state == ReportState.DONE
    assert job.attempt == 2
    assert sorted(p.name for p in (tmp_path / "reports" / str(job.pk)).iterdir()) == [
        f"report-{job.pk}.pdf",
        f"report-{job.pk}.xlsx",
    ]


def test_a_job_that_kills_every_worker_taking_it_fails_instead_of_blocking_the_queue(manager):
    manager.language = "en"
    manager.save(update_fields=["language"])
    job = ReportJobFactory(created_by=manager)
    for attempt in range(1, services.REPORT_MAX_ATTEMPTS + 1):
        assert services.report_claim(job_id=job.pk) == attempt
        # The worker dies (out of memory, say) and its lease runs out.
        ReportJob.objects.filter(pk=job.pk).update(lease_until=timezone.now() - dt.timedelta(seconds=1))

    # The message comes back once more: nobody takes the job again, the manager is told.
    assert build_report.apply(args=[job.pk]).get() == "skipped"
    job.refresh_from_db()
    assert (job.state, job.attempt) == (ReportState.FAILED, services.REPORT_MAX_ATTEMPTS)
    assert "stopped" in job.error_message
    assert job.lease_until is None

    # Retry from the page gives it one more go.
    services.report_retry(job=job, actor=manager)
    assert services.report_claim(job_id=job.pk) == services.REPORT_MAX_ATTEMPTS + 1


def test_the_task_marks_a_broken_job_failed_with_a_clear_message(manager):
    manager.language = "en"  # the message is written in the language of the manager who asked
    manager.save()
    job = ReportJobFactory(created_by=manager, period_start=dt.date(2026, 7, 1), period_end=dt.date(2026, 9, 30))
    ReportJob.objects.filter(pk=job.pk).update(period_end=dt.date(2026, 6, 1))  # ends before it starts
    assert build_report.apply(args=[job.pk]).get() == "failed"
    job.refresh_from_db()
    assert job.state == ReportState.FAILED
    assert "could not be generated" in job.error_message


def test_retry_puts_only_a_failed_job_back_in_the_queue(manager, django_capture_on_commit_callbacks):
    done = ReportJobFactory(created_by=manager, state=ReportState.DONE)
    services.report_retry(job=done, actor=manager)
    assert ReportJob.objects.get(pk=done.pk).state == ReportState.DONE
    failed = ReportJobFactory(created_by=manager, state=ReportState.FAILED, error_message="boom")
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        services.report_retry(job=failed, actor=manager)
    failed.refresh_from_db()
    assert (failed.state, failed.error_message, len(callbacks)) == (ReportState.PENDING, "", 1)


def test_a_job_whose_worker_vanished_can_be_retried_from_its_page(
    as_manager, manager, django_capture_on_commit_callbacks
):
    from django.urls import reverse

    job = ReportJobFactory(created_by=manager)
    services.report_claim(job_id=job.pk)
    page = as_manager.get(reverse("reports:progress", args=[job.pk]))
    assert b'data-testid="report-stalled"' not in page.content  # the lease still runs: the worker is busy
    ReportJob.objects.filter(pk=job.pk).update(lease_until=timezone.now() - dt.timedelta(minutes=1))
    page = as_manager.get(reverse("reports:progress", args=[job.pk]))
    assert b'data-testid="report-stalled"' in page.content
    with django_capture_on_commit_callbacks(execute=False) as callbacks:
        as_manager.post(reverse("reports:retry", args=[job.pk]))
    job.refresh_from_db()
    assert (job.state, len(callbacks)) == (ReportState.PENDING, 1)


def test_a_database_hiccup_gives_the_job_back_and_the_rows_budget_ends_the_retries(manager, monkeypatch):
    from django.db import OperationalError

    manager.language = "en"
    manager.save(update_fields=["language"])
    job = ReportJobFactory(created_by=manager)

    def hiccup(**kwargs):
        raise OperationalError("connection lost")

    monkeypatch.setattr(services, "report_generate", hiccup)
    for attempt in range(1, services.REPORT_MAX_ATTEMPTS):
        outcome = services.report_run(job_id=job.pk)
        # Given back to the queue, to be claimed again later: a retry, not a failure.
        assert outcome == services.RunOutcome("retry", retry_in=10 * attempt)
        job.refresh_from_db()
        assert (job.state, job.attempt, job.lease_until) == (ReportState.PENDING, attempt, None)

    # The last attempt of the row's budget fails the job with a message the manager can act on.
    assert services.report_run(job_id=job.pk) == services.RunOutcome("failed")
    job.refresh_from_db()
    assert (job.state, job.attempt) == (ReportState.FAILED, services.REPORT_MAX_ATTEMPTS)
    assert "database was unavailable" in job.error_message
