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
from tests.factories import OfficeFactory, UserFactory

# Playwright's sync API runs an event loop in the test thread; the ORM calls
# made by fixtures in that thread are still synchronous and safe.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")

PASSWORD = "demo-password-1"


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
