import pytest

from clients.models import Vulnerability
from tests.browser.conftest import browser, page  # noqa: F401 - Playwright fixtures for test_browser.py
from tests.clients.factories import ClientFactory, ClientPhoneFactory, ConsentFactory


@pytest.fixture(autouse=True)
def private_media(settings, tmp_path):
    """Uploaded documents go to a temporary directory, never to the project's private/."""
    settings.MEDIA_ROOT = tmp_path / "private"
    return settings.MEDIA_ROOT


@pytest.fixture
def trafficking(db):
    return Vulnerability.objects.get(code="trafficking")


@pytest.fixture
def client_a(office_a):
    """An ordinary client of office A, with a phone and a consent."""
    client = ClientFactory(office=office_a, family_name="Абдуллаев", given_name="Рустам", birth_year=1988)
    ClientPhoneFactory(client=client, number="+77011234567")
    ConsentFactory(client=client)
    return client


@pytest.fixture
def restricted_client(office_a, trafficking, lawyer):
    """A trafficking case of office A assigned to the lawyer only."""
    return ClientFactory(
        office=office_a,
        family_name="Karimova",
        given_name="Dilnoza",
        sex="female",
        vulnerabilities=[trafficking],
        assigned_staff=[lawyer],
    )
