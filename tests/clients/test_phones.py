import pytest
from django.core.exceptions import ValidationError

from clients.phones import normalise_phone, phone_query


@pytest.mark.parametrize(
    ("typed", "e164"),
    [
        ("8 701 123 45 67", "+77011234567"),
        ("+7 (701) 123-45-67", "+77011234567"),
        ("7011234567", "+77011234567"),
        ("87011234567", "+77011234567"),
        ("+998 90 123 45 67", "+998901234567"),
        ("998901234567", "+998901234567"),
        ("00998901234567", "+998901234567"),
        ("+996 555 123 456", "+996555123456"),
        ("+992 90 123 4567", "+992901234567"),
    ],
)
def test_it_normalises_kazakh_and_home_country_numbers_to_e164(typed, e164):
    assert normalise_phone(typed) == e164


def test_a_local_number_is_read_in_the_clients_home_country():
    assert normalise_phone("90 123 45 67", home_region="UZ") == "+998901234567"


@pytest.mark.parametrize("typed", ["123", "abc", "", "+7 000"])
def test_it_refuses_what_is_not_a_phone_number(typed):
    with pytest.raises(ValidationError):
        normalise_phone(typed)


def test_a_query_with_letters_is_not_a_phone():
    assert phone_query("Abdullaev 701") is None
    assert phone_query("8-701-123-45-67") == "+77011234567"
