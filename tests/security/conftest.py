import pytest

from tests.cases.factories import CaseFactory, make_client


@pytest.fixture
def client_a(office_a, lawyer):
    return make_client(office_a, actor=lawyer, family_name="Каримов", given_name="Бахтиёр")


@pytest.fixture
def case(client_a, lawyer):
    return CaseFactory(client=client_a, lead=lawyer)
