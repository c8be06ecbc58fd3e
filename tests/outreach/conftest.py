import pytest

# Playwright fixtures for test_browser.py (and screenshots of failed steps).
from tests.browser.conftest import browser, page, pytest_runtest_makereport  # noqa: F401
from tests.outreach.factories import make_activity, make_training


@pytest.fixture
def activity_a(office_a, coordinator):
    return make_activity(office_a, actor=coordinator, title="Информационная встреча на рынке Алтын Орда")


@pytest.fixture
def training_a(office_a, coordinator):
    return make_training(office_a, actor=coordinator)
