"""/healthz: the state of the database, the broker and the workers, for monitoring.

No login, no personal data: only "ok", "down" or "inline". Every check is cheap, so anonymous
requests cannot tie up web workers:

- the database: ``SELECT 1``;
- the broker: one Redis ``GET`` with a short timeout, which also reads the workers' heartbeat
  (``ariptes.heartbeat``, run by beat every ``HEARTBEAT_SECONDS`` on a worker, writes it);
- broker and heartbeat are looked up at most once per ``HEALTH_CACHE_SECONDS`` (30 s) per process.

``/healthz/detail`` also asks every worker to answer (a broadcast ping, ~1 s); it needs the
``HEALTHZ_TOKEN`` of the environment in an ``Authorization: Bearer`` header, else it is a 404.
"""

from __future__ import annotations

import hmac
import time

from django.conf import settings
from django.db import connection
from django.http import Http404, JsonResponse

HEARTBEAT_KEY = "ariptes:worker-heartbeat"
HEARTBEAT_SECONDS = 15
HEARTBEAT_MAX_AGE = 90
HEALTH_CACHE_SECONDS = 30
BROKER_TIMEOUT = 0.5

_cached: dict = {"at": 0.0, "value": None}


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:
        return "down"


def _redis():
    import redis

    return redis.Redis.from_url(
        settings.CELERY_BROKER_URL, socket_timeout=BROKER_TIMEOUT, socket_connect_timeout=BROKER_TIMEOUT
    )


def write_heartbeat() -> None:
    """Called by the ``ariptes.heartbeat`` task on a worker."""
    if settings.CELERY_BROKER_URL.startswith(("redis://", "rediss://")):
        _redis().set(HEARTBEAT_KEY, str(time.time()), ex=HEARTBEAT_MAX_AGE * 2)


def _broker_and_heartbeat() -> tuple[str, str]:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "inline", "inline"
    now = time.monotonic()
    if _cached["value"] is not None and now - _cached["at"] < HEALTH_CACHE_SECONDS:
        return _cached["value"]
    try:
        beat = _redis().get(HEARTBEAT_KEY)
    except Exception:
        value = ("down", "unknown")
    else:
        fresh = beat is not None and time.time() - float(beat) < HEARTBEAT_MAX_AGE
        value = ("ok", "ok" if fresh else "down")
    _cached.update(at=now, value=value)
    return value


def healthz(request):
    database = _database()
    broker, worker = _broker_and_heartbeat()
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database, "broker": broker, "worker": worker}, status=status)


def _token_ok(request) -> bool:
    token = settings.HEALTHZ_TOKEN
    given = request.headers.get("Authorization", "").removeprefix("Bearer ").strip()
    return bool(token) and hmac.compare_digest(given.encode(), token.encode())


def healthz_detail(request):
    if not _token_ok(request):
        raise Http404
    database = _database()
    broker, heartbeat = _broker_and_heartbeat()
    workers: list[str] = []
    if broker == "ok":
        from ariptes.celery import app

        try:
            workers = sorted(name for reply in app.control.ping(timeout=1.0) for name in reply)
        except Exception:
            workers = []
    body = {"database": database, "broker": broker, "heartbeat": heartbeat, "workers": workers}
    return JsonResponse(body, status=200 if database == "ok" else 503)
