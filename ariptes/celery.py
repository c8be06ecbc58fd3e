"""The Celery application.

Configuration comes from Django settings (CELERY_* names). Apps add their
periodic tasks to ``BEAT_SCHEDULE`` entries in their own ``beat.py`` modules,
collected here so beat has one schedule.
"""

import os

from celery import Celery

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "ariptes.settings")

app = Celery("ariptes")
app.config_from_object("django.conf:settings", namespace="CELERY")
app.autodiscover_tasks()


@app.task(name="ariptes.ping")
def ping() -> str:
    """Round trip through the broker and a worker, for health checks and tests."""
    return "pong"


@app.task(name="ariptes.heartbeat", ignore_result=True)
def heartbeat() -> None:
    """Run by beat on a worker: /healthz reads the time it wrote (see ariptes/health.py)."""
    from ariptes.health import write_heartbeat

    write_heartbeat()
