"""Background tasks travel through Redis to a real Celery worker and back."""

import time
import uuid

import pytest
from celery.contrib.testing.worker import start_worker

from ariptes import health
from ariptes.celery import app, heartbeat, ping
from tests.celery_redis import celery_on_redis

BROKER = "redis://127.0.0.1:6379/15"

pytestmark = pytest.mark.worker


@pytest.fixture
def redis_app():
    """The project's Celery app pointed at a scratch Redis database, as in production."""
    with celery_on_redis(BROKER) as celery_app:
        yield celery_app


@pytest.fixture
def own_queue(redis_app):
    """A queue of this test alone: other test runs on the same Redis cannot take its message."""
    name = f"test-{uuid.uuid4().hex[:12]}"
    yield name
    with redis_app.connection_for_write() as connection:
        client = connection.default_channel.client
        client.delete(name, f"_kombu.binding.{name}", f"_kombu.binding_permanent.{name}")
    app.amqp.__dict__.pop("queues", None)  # forget the worker's queue selection


def test_it_runs_the_ping_task_through_a_real_worker_on_redis(redis_app, own_queue):
    assert app.conf.task_serializer == "json"
    assert app.conf.task_acks_late is True
    assert app.conf.worker_prefetch_multiplier == 1

    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=[own_queue]):
        result = ping.apply_async(queue=own_queue)

        assert result.get(timeout=20) == "pong"
        assert result.status == "SUCCESS"


def test_it_runs_tasks_inline_when_no_broker_is_configured():
    assert app.conf.task_always_eager is True

    assert ping.delay().get() == "pong"


def test_it_reports_a_running_worker_on_healthz(redis_app, own_queue, settings, client, transactional_db):
    # transactional_db: starting a worker closes Django's connections (Celery's Django fixup),
    # which would break the enclosing transaction of a plain `db` test.
    # Since the hardening (issue 15, finding 4) anonymous /healthz no longer pings the workers: it reads
    # the heartbeat a worker writes when it runs the `ariptes.heartbeat` task (beat sends it every 15 s).
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = BROKER
    with redis_app.connection_for_write() as connection:
        connection.default_channel.client.delete(health.HEARTBEAT_KEY)
    health._cached.update(at=0.0, value=None)
    assert client.get("/healthz").json()["worker"] == "down"

    with start_worker(redis_app, pool="solo", perform_ping_check=False, shutdown_timeout=10, queues=[own_queue]):
        heartbeat.apply_async(queue=own_queue)
        deadline = time.monotonic() + 20
        with redis_app.connection_for_write() as connection:
            while not connection.default_channel.client.get(health.HEARTBEAT_KEY) and time.monotonic() < deadline:
                time.sleep(0.1)
    health._cached.update(at=0.0, value=None)
    response = client.get("/healthz")
    health._cached.update(at=0.0, value=None)

    assert response.json() == {"database": "ok", "broker": "ok", "worker": "ok"}
