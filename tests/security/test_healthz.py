"""Finding 4: anonymous /healthz answers from cheap checks; the detailed view needs a token."""

import time

import pytest

from ariptes import health
from ariptes.celery import app

pytestmark = pytest.mark.django_db


@pytest.fixture
def with_broker(settings, own_redis, monkeypatch):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = own_redis.url
    health._cached.update(at=0.0, value=None)
    pings = []

    def slow_ping(*args, **kwargs):
        pings.append(1)
        time.sleep(1.2)
        return []

    monkeypatch.setattr(app.control, "ping", slow_ping)
    yield pings
    health._cached.update(at=0.0, value=None)


def test_anonymous_healthz_never_pings_the_workers(client, with_broker):
    started = time.monotonic()
    for _ in range(6):
        response = client.get("/healthz")
    assert time.monotonic() - started < 3.0  # six pings would take 7.2 s
    assert with_broker == []
    assert response.json() == {"database": "ok", "broker": "ok", "worker": "down"}


def test_a_worker_heartbeat_shows_as_ok(client, with_broker):
    health.write_heartbeat()
    assert client.get("/healthz").json()["worker"] == "ok"


def test_a_stopped_broker_answers_down_quickly(client, with_broker, own_redis):
    own_redis.stop()
    started = time.monotonic()
    assert client.get("/healthz").json()["broker"] == "down"
    assert time.monotonic() - started < 1.5


def test_the_detailed_view_needs_the_token(client, settings, with_broker):
    settings.HEALTHZ_TOKEN = "s3cret-token-for-monitoring"
    assert client.get("/healthz/detail").status_code == 404
    assert client.get("/healthz/detail", HTTP_AUTHORIZATION="Bearer wrong").status_code == 404
    response = client.get("/healthz/detail", HTTP_AUTHORIZATION="Bearer s3cret-token-for-monitoring")
    assert response.status_code == 200
    assert with_broker == [1]


def test_without_a_token_configured_the_detailed_view_is_off(client, settings):
    settings.HEALTHZ_TOKEN = ""
    assert client.get("/healthz/detail", HTTP_AUTHORIZATION="Bearer ").status_code == 404
