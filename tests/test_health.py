"""Monitoring asks /healthz whether the database, the broker and a worker answer."""

import json
import time

import pytest

from tests.processes import get

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
