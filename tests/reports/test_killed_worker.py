"""A worker killed with SIGKILL in the middle of a report: a second worker finishes it, with one PDF and one XLSX.

Real processes all the way: the workers are ``celery worker`` subprocesses on
Redis, and the database is a scratch SQLite file that they and this test
share (the test database of pytest may live in memory, where another process
cannot see it). The test reads the job's row with the sqlite3 module.
"""

import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest
import redis
from django.conf import settings
from pypdf import PdfReader

from tests.reports.factories import SECRET_NAMES

pytestmark = [pytest.mark.worker]

BROKER = "redis://127.0.0.1:6379/13"

SEED = """
from django.db import transaction
from accounts.models import Role
from reports import services
from reports.periods import parse_period
from tests.factories import OfficeFactory, UserFactory
from tests.reports.factories import build_world

office_a = OfficeFactory(code="ALA", name="Almaty")
office_b = OfficeFactory(code="AST", name="Astana")
lawyer = UserFactory(username="lawyer", office=office_a)
outsider = UserFactory(username="outsider", office=office_b)
manager = UserFactory(username="manager", office=office_a, role=Role.MANAGER, profession="")
build_world(office_a=office_a, office_b=office_b, lawyer=lawyer, outsider=outsider)
with transaction.atomic():  # the task is enqueued on commit
    job = services.report_request(actor=manager, period=parse_period("2026Q3"), language="en")
print("JOB", job.pk)
"""


def _environment(tmp_path: Path) -> dict:
    return {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}",
        "MEDIA_ROOT": str(tmp_path / "media"),
        "CELERY_BROKER_URL": BROKER,
        "CELERY_RESULT_BACKEND": BROKER,
        # The dead worker's claim lapses quickly, so the second worker may take the job over.
        "REPORT_LEASE_SECONDS": "2",
    }


def _manage(env: dict, *args: str) -> str:
    done = subprocess.run(
        [sys.executable, "manage.py", *args],
        cwd=settings.BASE_DIR,
        env=env,
        capture_output=True,
        text=True,
        timeout=180,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def _start_worker(env: dict, name: str, log: Path) -> subprocess.Popen:
    command = [sys.executable, "-m", "celery", "-A", "tests.reports.killable_app", "worker", "-Q", "pdf"]
    # prefork, as in production: the parent process acknowledges a message early unless the task says acks_late.
    command += [
        "-P",
        "prefork",
        "-c",
        "1",
        "-n",
        f"{name}@%h",
        "--without-gossip",
        "--without-mingle",
        "--without-heartbeat",
    ]
    return subprocess.Popen(
        command,
        cwd=settings.BASE_DIR,
        env=env,
        stdout=log.open("w"),
        stderr=subprocess.STDOUT,
        start_new_session=True,  # its own process group, so the kill reaches every process of it
    )


def _job(database: Path, job_id: int) -> dict:
    with sqlite3.connect(database, timeout=10) as connection:
        connection.row_factory = sqlite3.Row
        row = connection.execute(
            "SELECT state, stage, attempt, pdf, xlsx FROM reports_reportjob WHERE id = ?", [job_id]
        ).fetchone()
    return dict(row)


def _wait(database: Path, job_id: int, until, timeout: float, log: Path) -> dict:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        job = _job(database, job_id)
        if until(job):
            return job
        time.sleep(0.02)
    raise AssertionError(f"job is {job} after {timeout} s; worker log:\n{log.read_text()[-3000:]}")


def _stop(worker: subprocess.Popen) -> None:
    if worker.poll() is None:
        os.killpg(worker.pid, signal.SIGTERM)
        try:
            worker.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(worker.pid, signal.SIGKILL)
            worker.wait()


def test_a_report_survives_its_worker_being_killed_and_is_built_once(tmp_path):
    env = _environment(tmp_path)
    database = tmp_path / "db.sqlite3"
    broker = redis.Redis.from_url(BROKER)
    broker.flushdb()  # no message of an earlier run
    _manage(env, "migrate", "--verbosity", "0")
    job_id = int(_manage(env, "shell", "--command", SEED).split("JOB")[-1])

    first_log, second_log = tmp_path / "first-worker.log", tmp_path / "second-worker.log"
    first = _start_worker(env, "first", first_log)
    try:
        # Kill it while it writes the PDF: the longest stage, after counting and charts.
        job = _wait(database, job_id, lambda job: job["stage"] == "pdf" or job["state"] == "done", 120, first_log)
        os.killpg(first.pid, signal.SIGKILL)
        first.wait(timeout=10)
    finally:
        _stop(first)
    assert job["state"] == "running", "the first worker finished before it could be killed"
    job = _job(database, job_id)
    assert (job["state"], job["attempt"], job["pdf"]) == ("running", 1, "")
    assert broker.hlen("unacked") == 1, "the killed worker's message was acknowledged: it would be lost"

    second = _start_worker(env, "second", second_log)
    try:
        job = _wait(database, job_id, lambda job: job["state"] in ("done", "failed"), 120, second_log)
    finally:
        _stop(second)
        broker.flushdb()

    assert job["state"] == "done", second_log.read_text()[-3000:]
    assert job["attempt"] == 2  # the message of the killed worker came back and was claimed again
    folder = tmp_path / "media" / "reports" / str(job_id)
    assert sorted(path.name for path in folder.iterdir()) == [f"report-{job_id}.pdf", f"report-{job_id}.xlsx"]
    assert sorted(path.name for path in (tmp_path / "media").rglob("*") if path.is_file()) == [
        f"report-{job_id}.pdf",
        f"report-{job_id}.xlsx",
    ]
    text = "\n".join(page.extract_text() for page in PdfReader(folder / f"report-{job_id}.pdf").pages)
    assert "Clients served 14 7 +100" in text.replace("\u202f", " ")
    assert not any(secret in text for secret in SECRET_NAMES)
