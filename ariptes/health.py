"""/healthz: the state of the database, the broker and the workers, for monitoring.

No login, no personal data: only "ok", "down" or "inline".
"""

from django.conf import settings
from django.db import connection
from django.http import JsonResponse


def _database() -> str:
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
            cursor.fetchone()
        return "ok"
    except Exception:
        return "down"


def _broker_and_worker() -> tuple[str, str]:
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return "inline", "inline"
    from ariptes.celery import app

    try:
        with app.connection_for_write() as conn:
            conn.ensure_connection(max_retries=1, timeout=2)
    except Exception:
        return "down", "unknown"
    try:
        replies = app.control.ping(timeout=1.0)
    except Exception:
        return "ok", "down"
    return "ok", ("ok" if replies else "down")


def healthz(request):
    database = _database()
    broker, worker = _broker_and_worker()
    status = 200 if database == "ok" else 503
    return JsonResponse({"database": database, "broker": broker, "worker": worker}, status=status)
