"""The project's Celery app pointed at a scratch Redis database, as in production: the one way the
worker tests (``-m worker``) set it up. Each test module keeps its own database number, so two
modules never consume each other's messages."""

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from celery import Celery

from ariptes.celery import app


def _forget_connections() -> None:
    # Connections, producers and the result backend are cached per app (and per
    # thread for the backend); drop them so the next user builds them from the conf.
    app._pool = None
    app.amqp._producer_pool = None
    app._local = threading.local()


@contextmanager
def celery_on_redis(broker: str, *, flush: bool = False) -> Iterator[Celery]:
    """``app`` sending to and reading from ``broker``; ``flush`` empties that database first."""
    overrides = {
        "broker_url": broker,
        "result_backend": broker,
        "task_always_eager": False,
        "task_eager_propagates": False,
    }
    saved = {key: app.conf[key] for key in overrides}
    app.conf.update(overrides)
    _forget_connections()
    if flush:
        with app.connection_for_write() as connection:
            connection.default_channel.client.flushdb()  # a message left over by an earlier run must not be consumed
    try:
        yield app
    finally:
        app.conf.update(saved)
        _forget_connections()
        # A worker started with queues=["pdf"] narrows the app's shared queue
        # selection; forget it so the next worker consumes the default queue again.
        app.amqp.__dict__.pop("queues", None)
