"""Load-balancer probes: cheap, anonymous, no personal data, never held up by a slow dependency.

- ``/healthz/live``: the process answers (no dependency is touched): restart the node if this fails.
- ``/healthz/ready``: the database, the broker and the file storage answer within short timeouts:
  take the node out of rotation while this fails.
"""

from __future__ import annotations

import socket
from concurrent.futures import ThreadPoolExecutor
from concurrent.futures import TimeoutError as FutureTimeout
from urllib.parse import urlsplit

from django.conf import settings
from django.core.files.storage import default_storage
from django.db import connection
from django.http import HttpRequest, JsonResponse
from django.views.decorators.cache import never_cache

# Seconds each dependency may take before the node is reported not ready.
PROBE_TIMEOUT = 2.0
_pool = ThreadPoolExecutor(max_workers=2, thread_name_prefix="probe")


@never_cache
def live(request: HttpRequest) -> JsonResponse:
    return JsonResponse({"status": "ok"})


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:
        return "down"


def _broker() -> str:
    """A TCP connect to the broker: enough to know it is reachable, and bounded by the timeout."""
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "inline"
    parts = urlsplit(settings.CELERY_BROKER_URL)
    try:
        with socket.create_connection((parts.hostname or "127.0.0.1", parts.port or 6379), timeout=PROBE_TIMEOUT):
            return "ok"
    except OSError:
        return "down"


def _storage() -> str:
    def probe() -> None:
        # Listing the top folder touches the disk or the bucket without reading any file.
        default_storage.listdir("")

    try:
        _pool.submit(probe).result(timeout=PROBE_TIMEOUT)
        return "ok"
    except FutureTimeout:
        return "down"
    except FileNotFoundError:
        return "ok"  # an empty local MEDIA_ROOT not created yet
    except Exception:
        return "down"


@never_cache
def ready(request: HttpRequest) -> JsonResponse:
    checks = {"database": _database(), "broker": _broker(), "storage": _storage()}
    ready_now = all(value in {"ok", "inline"} for value in checks.values())
    return JsonResponse({"status": "ok" if ready_now else "unavailable", **checks}, status=200 if ready_now else 503)
