"""End to end: a real Celery worker on Redis, consuming the pdf queue, builds the files of a quarter."""

import io
import time

import pytest
from celery.contrib.testing.worker import start_worker
from django.db import OperationalError
from openpyxl import load_workbook
from pypdf import PdfReader

from ariptes.celery import app
from reports import services
from reports.models import ReportJob, ReportState
from reports.periods import parse_period
from reports.tasks import build_report
from tests.reports.factories import SECRET_NAMES, build_world

pytestmark = [pytest.mark.worker, pytest.mark.django_db(transaction=True)]


def _wait_for(job: ReportJob, timeout: float = 90) -> ReportJob:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        time.sleep(0.5)
        try:
            job.refresh_from_db()
        except OperationalError:  # SQLite's shared in-memory test database locks whole tables
            continue
        if job.is_finished:
            return job
    raise AssertionError(f"job still {job.state} / {job.stage} after {timeout} s")


def test_a_worker_on_the_pdf_queue_builds_the_pdf_and_the_spreadsheet(
    redis_app, office_a, office_b, lawyer, outsider, manager
):
    assert build_report.name in app.conf.task_routes and app.conf.task_routes[build_report.name]["queue"] == "pdf"
    world = build_world(office_a=office_a, office_b=office_b, lawyer=lawyer, outsider=outsider)
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20, queues=["pdf"]):
        job = services.report_request(actor=manager, period=parse_period("2026Q3"), language="en")
        job = _wait_for(job)

    assert job.state == ReportState.DONE, job.error_message
    assert job.attempt == 1
    text = "\n".join(page.extract_text() for page in PdfReader(job.pdf.open("rb")).pages)
    assert "Clients served" in text
    assert "Report on our work" in text
    # Key figures: 14 clients served and 14 consultations in Q3, 7 served in Q2.
    assert "Clients served 14 7 +100" in text.replace("\u202f", " ")
    for secret in [*SECRET_NAMES, *(client.code for client in world["women"])]:
        assert secret not in text
    workbook = load_workbook(io.BytesIO(job.xlsx.read()))
    key_figures = workbook[workbook.sheetnames[1]]
    values = {row[0].value: row[1].value for row in key_figures.iter_rows(min_row=3) if row[0].value}
    assert values["Clients served"] == 14
    assert values["Consultations"] == 14


def test_a_redelivered_task_does_not_build_a_second_file(redis_app, manager, tmp_path):
    job = services.report_request(actor=manager, period=parse_period("2026Q3"), language="en")
    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=20, queues=["pdf"]):
        job = _wait_for(job)
        # The broker hands the same message out again (a worker died before acking it):
        # the job is done, the conditional claim fails, nothing is rebuilt.
        assert build_report.apply_async(args=[job.pk]).get(timeout=30) == "skipped"
    job.refresh_from_db()
    assert job.attempt == 1
    files = sorted(path.name for path in (tmp_path / "reports" / str(job.pk)).iterdir())
    assert files == [f"report-{job.pk}.pdf", f"report-{job.pk}.xlsx"]
