"""Finding 7: with Redis down a report request answers within 2 s, is sent once Redis is back,
and the cache degrades to a miss. The Redis is the test's own (a free port), never the shared one."""

import threading
import time

import pytest
import redis
from django.urls import reverse

from ariptes.cache import ForgivingRedisCache
from ariptes.celery import app
from reports.models import ReportJob, ReportState
from reports.services import report_requeue_pending


def _forget_connections():
    app._pool = None
    app.amqp._producer_pool = None
    app._local = threading.local()


@pytest.fixture
def celery_on_own_redis(settings, own_redis):
    overrides = {
        "broker_url": own_redis.url,
        "result_backend": own_redis.url,
        "task_always_eager": False,
        "task_eager_propagates": False,
    }
    saved = {key: app.conf[key] for key in overrides}
    app.conf.update(overrides)
    settings.CELERY_TASK_ALWAYS_EAGER = False
    _forget_connections()
    yield own_redis
    app.conf.update(saved)
    _forget_connections()


def test_a_report_request_answers_quickly_with_redis_down_and_is_sent_when_it_is_back(
    celery_on_own_redis, as_manager, django_capture_on_commit_callbacks
):
    celery_on_own_redis.stop()
    started = time.monotonic()
    with django_capture_on_commit_callbacks(execute=True):
        response = as_manager.post(
            reverse("reports:create"),
            {"quarter": "custom", "start": "2026-01-01", "end": "2026-03-31", "language": "ru"},
        )
    assert time.monotonic() - started < 2.0
    assert response.status_code == 302, response.content.decode()[:500]
    job = ReportJob.objects.get()
    assert job.state == ReportState.PENDING  # not failed: nobody has to press Retry

    celery_on_own_redis.start()
    _forget_connections()
    ReportJob.objects.filter(pk=job.pk).update(created_at=job.created_at.replace(year=job.created_at.year - 1))
    assert report_requeue_pending() == 1
    queued = redis.Redis.from_url(celery_on_own_redis.url).llen("pdf")
    assert queued == 1


def test_the_beat_schedule_requeues_pending_reports(settings):
    assert "reports.requeue_pending" in {entry["task"] for entry in settings.CELERY_BEAT_SCHEDULE.values()}


def test_the_cache_degrades_to_a_miss(own_redis):
    cache = ForgivingRedisCache(own_redis.url, {})
    cache.set("greeting", "salem", 30)
    assert cache.get("greeting") == "salem"
    own_redis.stop()
    started = time.monotonic()
    assert cache.get("greeting") is None
    assert cache.get("greeting", "default") == "default"
    cache.set("greeting", "again", 30)
    assert cache.add("other", 1) is False
    assert time.monotonic() - started < 2.0
