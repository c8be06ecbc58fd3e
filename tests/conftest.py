"""The people of our test stories.

Office A is the Almaty office: ``lawyer`` and ``psychologist`` are its
caseworkers, ``coordinator`` its coordinator, ``manager`` a manager (who sees
every office). ``outsider`` is a caseworker of office B (Astana) and must
never see office A's clients: every view has a test that they get a 404.
"""

import os

import pytest
from django.test import Client as HttpClient

from accounts.models import Profession, Role
from tests.browser.playwright import ARTIFACTS, close_shared_browser, shared_browser
from tests.factories import OfficeFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-password-1"


@pytest.fixture(autouse=True)
def english_unless_asked(settings):
    """Assertions read the English source strings: a request that names no language gets English.

    The product default stays Russian (settings.LANGUAGE_CODE); tests of language
    behaviour ask for a language explicitly (Accept-Language, the cookie, or the
    browser's locale) or request the ``russian_default`` fixture.
    """
    settings.LANGUAGE_CODE = "en"


@pytest.fixture(autouse=True)
def fresh_reference_rows():
    """Rows kept in the process or the cache (reference rows, board counts) do not outlive a test's
    rolled-back data."""
    from django.core.cache import cache

    from reference import cached

    cached.forget()
    cache.clear()
    yield
    cached.forget()


@pytest.fixture
def russian_default(settings):
    settings.LANGUAGE_CODE = "ru"


@pytest.fixture
def office_a(db):
    return OfficeFactory(code="ALA", name="Алматинский офис", city="Алматы")


@pytest.fixture
def office_b(db):
    return OfficeFactory(code="AST", name="Офис в Астане", city="Астана")


@pytest.fixture
def lawyer(office_a):
    return UserFactory(
        username="lawyer", first_name="Айгерим", last_name="Нурланова", office=office_a, profession=Profession.LAWYER
    )


@pytest.fixture
def psychologist(office_a):
    return UserFactory(
        username="psychologist",
        first_name="Динара",
        last_name="Сейтказиева",
        office=office_a,
        profession=Profession.PSYCHOLOGIST,
    )


@pytest.fixture
def coordinator(office_a):
    return UserFactory(username="coordinator", office=office_a, role=Role.COORDINATOR, profession="")


@pytest.fixture
def manager(office_a):
    return UserFactory(username="manager", office=office_a, role=Role.MANAGER, profession="")


@pytest.fixture
def outsider(office_b):
    return UserFactory(username="outsider", first_name="Марат", office=office_b, profession=Profession.LAWYER)


def _logged_in(user) -> HttpClient:
    http = HttpClient()
    http.force_login(user)
    return http


@pytest.fixture
def as_lawyer(lawyer):
    return _logged_in(lawyer)


@pytest.fixture
def as_psychologist(psychologist):
    return _logged_in(psychologist)


@pytest.fixture
def as_coordinator(coordinator):
    return _logged_in(coordinator)


@pytest.fixture
def as_manager(manager):
    return _logged_in(manager)


@pytest.fixture
def as_outsider(outsider):
    return _logged_in(outsider)


# Apps whose data migrations load rows that tests rely on (regions, countries, categories...).
_MIGRATED_DATA_APPS = [
    "reference",
    "accounts",
    "audit",
    "clients",
    "cases",
    "memorandum",
    "papers",
    "outreach",
    "reports",
]


@pytest.fixture(scope="session")
def _migrated_rows(django_db_setup, django_db_blocker) -> str:
    """The rows the data migrations loaded, taken before any transactional test empties the tables."""
    from django.apps import apps
    from django.core import serializers

    with django_db_blocker.unblock():
        objects = [
            obj
            for label in _MIGRATED_DATA_APPS
            for model in apps.get_app_config(label).get_models()
            if not model._meta.proxy
            for obj in model._default_manager.order_by("pk")
        ]
        return serializers.serialize("json", objects)


@pytest.fixture(autouse=True)
def _reload_migrated_rows(request):
    """Give transactional tests (browser tests, live server) the data migrations' rows back.

    A transactional test ends by emptying every table, including the reference
    data that migrations loaded. Django's ``serialized_rollback`` keeps its
    snapshot on the connection object, which the Playwright tests do not see,
    so the snapshot is kept here and reloaded when the tables are empty.
    """
    marker = request.node.get_closest_marker("django_db")
    if marker is None or not (marker.kwargs.get("transaction") or (marker.args and marker.args[0])):
        return
    rows = request.getfixturevalue("_migrated_rows")
    request.getfixturevalue("_django_db_helper")
    from django.core import serializers
    from django.db import transaction

    from reference.models import Region

    if Region.objects.exists():
        return
    with transaction.atomic():
        for obj in serializers.deserialize("json", rows):
            obj.save()


# --- Browser tests (Playwright) ----------------------------------------------------------


@pytest.fixture(scope="session")
def browser():
    return shared_browser()


@pytest.fixture
def page(browser, live_server, request):
    context = browser.new_context(base_url=live_server.url, locale="ru-RU", viewport={"width": 1280, "height": 900})
    context.set_default_timeout(10_000)
    page = context.new_page()
    yield page
    if getattr(request.node, "rep_call", None) is not None and request.node.rep_call.failed:
        ARTIFACTS.mkdir(exist_ok=True)
        page.screenshot(path=str(ARTIFACTS / f"{request.node.name}.png"), full_page=True)
    context.close()


@pytest.hookimpl(hookwrapper=True, tryfirst=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    setattr(item, f"rep_{report.when}", report)


def pytest_sessionfinish(session):
    close_shared_browser()
