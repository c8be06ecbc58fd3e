import pytest

from memorandum.models import PartnerKind
from tests.browser.conftest import browser, page, pytest_runtest_makereport  # noqa: F401
from tests.cases.factories import CaseFactory, make_client
from tests.memorandum.factories import PartnerFactory

PARTNERS_ONLY = {"share_partners": True}
PARTNERS_AND_POLICE = {"share_partners": True, "share_law_enforcement": True}


@pytest.fixture
def client_a(office_a, lawyer):
    """Office A's client who agreed to sharing with partners (not with law enforcement)."""
    return make_client(office_a, actor=lawyer, family_name="Каримов", given_name="Бахтиёр", consent=PARTNERS_ONLY)


@pytest.fixture
def case(client_a, lawyer):
    return CaseFactory(client=client_a, lead=lawyer)


@pytest.fixture
def inspectorate(db):
    return PartnerFactory(
        code="labour-inspectorate",
        name_ru="Государственная инспекция труда",
        name_kk="Мемлекеттік еңбек инспекциясы",
        name_en="State Labour Inspectorate",
        kind=PartnerKind.GOVERNMENT,
        response_days=10,
    )


@pytest.fixture
def police(db):
    return PartnerFactory(
        code="migration-police",
        name_ru="Миграционная полиция",
        name_kk="Көші-қон полициясы",
        name_en="Migration police",
        kind=PartnerKind.LAW_ENFORCEMENT,
        response_days=7,
    )
