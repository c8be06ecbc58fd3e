import pytest

# The browser fixtures live in tests/browser; the reports browser story uses them too.
from tests.browser.conftest import browser, page, pytest_runtest_makereport  # noqa: F401
from tests.celery_redis import celery_on_redis
from tests.reports.factories import build_world


@pytest.fixture
def world(office_a, office_b, lawyer, outsider):
    return build_world(office_a=office_a, office_b=office_b, lawyer=lawyer, outsider=outsider)


BROKER = "redis://127.0.0.1:6379/14"


@pytest.fixture
def redis_app(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path
    with celery_on_redis(BROKER, flush=True) as celery_app:
        yield celery_app
