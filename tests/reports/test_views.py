"""A manager requests a report, follows its progress and downloads it; nobody else sees any of it."""

import datetime as dt

import pytest
from django.core import mail
from django.urls import reverse
from openpyxl import load_workbook

from reports.models import ReportJob, ReportState
from tests.reports.factories import ReportJobFactory

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _request(http, **extra):
    data = {"quarter": "custom", "start": "2026-07-01", "end": "2026-09-30", "language": "en", **extra}
    return http.post(reverse("reports:create"), data)


def test_the_manager_generates_a_report_and_downloads_both_files(
    world, as_manager, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        response = _request(as_manager, achievements="Two new outreach points opened.")
    job = ReportJob.objects.get()
    assert response.status_code == 302
    assert response["Location"] == reverse("reports:detail", args=[job.pk])
    # Without a broker (CELERY_TASK_ALWAYS_EAGER) the task ran on commit.
    job.refresh_from_db()
    assert job.state == ReportState.DONE, job.error_message
    assert job.progress == 100
    assert job.expires_at.date() == (job.finished_at + dt.timedelta(days=30)).date()

    page = as_manager.get(reverse("reports:detail", args=[job.pk]))
    assert b'data-testid="download-pdf"' in page.content

    pdf = as_manager.get(reverse("reports:download", args=[job.pk, "pdf"]))
    assert pdf.status_code == 200
    assert pdf["Content-Type"] == "application/pdf"
    assert b"".join(pdf.streaming_content).startswith(b"%PDF")
    xlsx = as_manager.get(reverse("reports:download", args=[job.pk, "xlsx"]))
    workbook = load_workbook(__import__("io").BytesIO(b"".join(xlsx.streaming_content)))
    assert "Clients" in workbook.sheetnames

    assert len(mail.outbox) == 1
    assert mail.outbox[0].to == [manager.email]
    assert f"/reports/{job.pk}/" in mail.outbox[0].body


def test_the_progress_partial_polls_until_the_job_is_finished(as_manager, manager):
    job = ReportJobFactory(created_by=manager, state=ReportState.RUNNING, stage="charts", progress=40)
    partial = as_manager.get(reverse("reports:progress", args=[job.pk]))
    assert b'hx-trigger="every 1s"' in partial.content
    assert b"40%" in partial.content
    ReportJob.objects.filter(pk=job.pk).update(state=ReportState.DONE, progress=100)
    partial = as_manager.get(reverse("reports:progress", args=[job.pk]))
    assert b"hx-trigger" not in partial.content


def test_a_failed_report_shows_its_message_and_can_be_retried(as_manager, manager, django_capture_on_commit_callbacks):
    job = ReportJobFactory(created_by=manager, state=ReportState.FAILED, error_message="The report took too long.")
    page = as_manager.get(reverse("reports:detail", args=[job.pk]))
    assert b"The report took too long." in page.content
    assert b'data-testid="retry"' in page.content
    with django_capture_on_commit_callbacks(execute=True):
        response = as_manager.post(reverse("reports:retry", args=[job.pk]))
    assert response.status_code == 302
    job.refresh_from_db()
    assert job.state == ReportState.DONE  # eager: generated again at once (an empty report)


def test_a_bad_period_is_refused_with_a_message_and_nothing_saved(as_manager, settings):
    as_manager.cookies[settings.LANGUAGE_COOKIE_NAME] = "en"
    response = _request(as_manager, start="2026-09-30", end="2026-07-01")
    assert response.status_code == 400
    assert "The period ends before it starts." in response.content.decode()
    assert not ReportJob.objects.exists()


def test_the_list_shows_earlier_reports_with_a_bounded_number_of_queries(
    as_manager, manager, django_assert_max_num_queries
):
    ReportJobFactory.create_batch(3, created_by=manager)
    with django_assert_max_num_queries(12) as few:
        response = as_manager.get(reverse("reports:list"))
    assert response.status_code == 200
    ReportJobFactory.create_batch(12, created_by=manager)
    with django_assert_max_num_queries(len(few.captured_queries)):
        as_manager.get(reverse("reports:list"))


@pytest.mark.parametrize("who", ["as_outsider", "as_lawyer", "as_coordinator"])
def test_non_managers_get_404_everywhere(request, who, manager):
    http = request.getfixturevalue(who)
    job = ReportJobFactory(created_by=manager, state=ReportState.DONE, pdf="reports/1/report-1.pdf")
    assert http.get(reverse("reports:list")).status_code == 404
    assert _request(http).status_code == 404
    assert http.get(reverse("reports:detail", args=[job.pk])).status_code == 404
    assert http.get(reverse("reports:progress", args=[job.pk])).status_code == 404
    assert http.post(reverse("reports:retry", args=[job.pk])).status_code == 404
    assert http.get(reverse("reports:download", args=[job.pk, "pdf"])).status_code == 404
    assert not ReportJob.objects.exclude(pk=job.pk).exists()


def test_expired_files_are_deleted_and_the_download_is_gone(as_manager, manager, settings, tmp_path):
    from django.core.files.base import ContentFile

    from reports.services import report_expire_files

    job = ReportJobFactory(created_by=manager, state=ReportState.DONE)
    job.pdf.save("report.pdf", ContentFile(b"%PDF-1.7"), save=False)
    job.xlsx.save("report.xlsx", ContentFile(b"PK"), save=False)
    job.expires_at = dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    job.save()
    path = tmp_path / job.pdf.name
    assert path.exists()
    assert report_expire_files() == 1
    assert not path.exists()
    job.refresh_from_db()
    assert job.files_deleted
    assert as_manager.get(reverse("reports:download", args=[job.pk, "pdf"])).status_code == 404


def test_the_manager_home_shows_this_quarters_figures(as_manager, as_lawyer, world):
    page = as_manager.get(reverse("home"))
    assert b'data-testid="manager-panel"' in page.content
    assert b'data-testid="manager-panel"' not in as_lawyer.get(reverse("home")).content


def test_the_report_page_has_a_bounded_number_of_queries(
    as_manager, manager, office_a, office_b, django_assert_max_num_queries
):
    job = ReportJobFactory(created_by=manager)
    job.offices.set([office_a])
    with django_assert_max_num_queries(10) as few:
        assert as_manager.get(reverse("reports:detail", args=[job.pk])).status_code == 200
    job.offices.set([office_a, office_b])
    with django_assert_max_num_queries(len(few.captured_queries)):
        as_manager.get(reverse("reports:detail", args=[job.pk]))


def test_managers_see_every_report_and_a_demoted_owner_still_sees_their_own(as_manager, manager, lawyer, as_lawyer):
    own = ReportJobFactory(created_by=lawyer)  # made when the lawyer was a manager
    assert as_manager.get(reverse("reports:detail", args=[own.pk])).status_code == 200
    assert as_lawyer.get(reverse("reports:detail", args=[own.pk])).status_code == 200
    assert as_lawyer.get(reverse("reports:list")).status_code == 404
