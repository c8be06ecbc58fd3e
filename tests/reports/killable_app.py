"""The project's Celery app, tuned so a message of a killed worker comes back within seconds.

Redis keeps a delivered, unacknowledged message aside and hands it out again
once ``visibility_timeout`` has passed (an hour by default). The killed-worker
test starts its workers with ``celery -A tests.reports.killable_app worker``.
"""

from ariptes.celery import app

app.conf.broker_transport_options = {
    **app.conf.broker_transport_options,
    "visibility_timeout": 2,
    "unacked_restore_interval": 1,
    "unacked_restore_throttle": 1,
}

__all__ = ["app"]
