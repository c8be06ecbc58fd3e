"""Monitoring asks /healthz whether the database, the broker and a worker answer."""

import json
import sys
import time

import pytest

from tests.processes import get, run

pytestmark = pytest.mark.django_db


def test_it_answers_ok_without_login_when_the_database_answers(client):
    response = client.get("/healthz")

    assert response.status_code == 200
    assert response.json() == {"database": "ok", "broker": "inline", "worker": "inline"}


def test_it_answers_503_when_the_database_is_unreachable():
    # Nothing listens on port 9: a real connection attempt fails.
    result = get("/healthz", env={"DATABASE_URL": "postgres://postgres@127.0.0.1:9/ariptes"})

    status, body = result.stdout.split("\n", 1)
    assert status == "503", result.stderr
    assert json.loads(body)["database"] == "down"


def test_it_reports_a_broker_without_a_worker():
    result = get("/healthz", env={"CELERY_BROKER_URL": "redis://127.0.0.1:6379/15"})

    status, body = result.stdout.split("\n", 1)
    assert status == "200", result.stderr
    assert json.loads(body) == {"database": "ok", "broker": "ok", "worker": "down"}


def test_it_reports_an_unreachable_broker_quickly():
    started = time.monotonic()
    result = get("/healthz", env={"CELERY_BROKER_URL": "redis://127.0.0.1:9/0"})

    # Short broker timeouts: monitoring (and any request queueing a task) never hangs.
    assert time.monotonic() - started < 15

    status, body = result.stdout.split("\n", 1)
    assert status == "200", result.stderr
    assert json.loads(body)["broker"] == "down"


RESTART_STORY = """
import django, os, psycopg
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")
django.setup()
from wsgiref.util import setup_testing_defaults

from django.core.wsgi import get_wsgi_application

application = get_wsgi_application()


def healthz():
    # As gunicorn does: one WSGI call, then close() ends the request and gives
    # the connection back to the pool.
    environ = {"PATH_INFO": "/healthz", "HTTP_HOST": "127.0.0.1"}
    setup_testing_defaults(environ)
    status = []
    body = application(environ, lambda s, headers: status.append(s))
    body.close()
    return status[0].split()[0]


statuses = [healthz()]
# What a database restart does to open connections: the server ends them all.
with psycopg.connect("postgresql://postgres@127.0.0.1:5432/postgres", autocommit=True) as admin:
    ended = admin.execute(
        "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = 'ariptes-restart'"
    ).fetchone()[0]
statuses += [healthz() for _ in range(3)]
print(ended, *statuses)
"""


def test_it_survives_a_database_restart_without_a_failed_request():
    env = {"DATABASE_URL": "postgres://postgres@127.0.0.1:5432/postgres?application_name=ariptes-restart"}
    result = run([sys.executable, "-c", RESTART_STORY], env=env)

    ended, *statuses = result.stdout.split()
    assert int(ended) >= 1, result.stderr
    assert statuses == ["200", "200", "200", "200"], result.stderr
