import pytest
from pypdf import PdfReader

from clients.models import ClientPhone, Vulnerability
from memorandum.models import PartnerContact
from reference.models import Country, Language
from tests.browser.conftest import browser, page  # noqa: F401 - Playwright fixtures for test_browser.py
from tests.clients.factories import ClientFactory, ConsentFactory, FamilyMemberFactory
from tests.memorandum.factories import PartnerFactory


@pytest.fixture
def tajik_client(office_a):
    """A Tajik client of office A who reads Tajik and Russian."""
    client = ClientFactory(
        office=office_a,
        family_name="Рахмонов",
        given_name="Далер",
        citizenship=Country.objects.get(code="tj"),
        employer="ТОО Стройсервис",
    )
    client.languages.set(Language.objects.filter(code__in=["tg", "ru"]))
    ClientPhone.objects.create(client=client, number="+77015550101")
    FamilyMemberFactory(client=client)
    ConsentFactory(client=client)
    return client


@pytest.fixture
def trafficking(db):
    return Vulnerability.objects.get(code="trafficking")


@pytest.fixture
def inspectorate(db):
    partner = PartnerFactory(
        code="labour-inspectorate-test",
        name_ru="Управление инспекции труда г. Алматы",
        name_kk="Алматы қаласының еңбек инспекциясы басқармасы",
        name_en="Labour Inspectorate of Almaty",
        address="Алматы, пр. Абая, 90",
    )
    PartnerContact.objects.create(partner=partner, name="Сериков Арман", phone="+77272000000", position="инспектор")
    return partner


def pdf_text(content: bytes) -> str:
    import io

    return "\n".join(sheet.extract_text() for sheet in PdfReader(io.BytesIO(content)).pages)
