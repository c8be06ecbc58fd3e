import threading

import pytest

from ariptes.celery import app

# The browser fixtures live in tests/browser; the reports browser story uses them too.
from tests.browser.conftest import browser, page, pytest_runtest_makereport  # noqa: F401
from tests.reports.factories import build_world


@pytest.fixture
def world(office_a, office_b, lawyer, outsider):
    return build_world(office_a=office_a, office_b=office_b, lawyer=lawyer, outsider=outsider)


BROKER = "redis://127.0.0.1:6379/14"


def _forget_connections():
    app._pool = None
    app.amqp._producer_pool = None
    app._local = threading.local()


@pytest.fixture
def redis_app(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    overrides = {
        "broker_url": BROKER,
        "result_backend": BROKER,
        "task_always_eager": False,
        "task_eager_propagates": False,
    }
    saved = {key: app.conf[key] for key in overrides}
    app.conf.update(overrides)
    _forget_connections()
    with app.connection_for_write() as connection:
        connection.default_channel.client.flushdb()  # a message left over by an earlier run must not be consumed
    yield app
    app.conf.update(saved)
    _forget_connections()
    # A worker started with queues=["pdf"] narrows the app's shared queue
    # selection to "pdf"; forget it so the next worker consumes the default queue again.
    app.amqp.__dict__.pop("queues", None)
