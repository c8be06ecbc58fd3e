"""Phone numbers in any format → E.164, with Kazakh numbers as the default."""

import phonenumbers
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

# Countries whose numbers our clients bring, tried after Kazakhstan for numbers without a prefix.
HOME_REGIONS = ("UZ", "KG", "TJ", "RU", "TM")


def _digits(raw: str) -> str:
    return "".join(char for char in raw if char.isdigit())


def _candidates(raw: str, home_region: str | None):
    digits = _digits(raw)
    stripped = raw.strip()
    if stripped.startswith("+") or stripped.startswith("00"):
        yield digits[2:] if stripped.startswith("00") else digits, None
        return
    yield digits, "KZ"
    if home_region:
        yield digits, home_region.upper()
    # A home-country number typed with its country code but without "+".
    yield digits, None
    for region in HOME_REGIONS:
        yield digits, region


def normalise_phone(raw: str, *, home_region: str | None = None) -> str:
    """The E.164 form of ``raw`` ("8 701 123 45 67" → "+77011234567"); ValidationError when invalid."""
    for digits, region in _candidates(raw or "", home_region):
        if not digits:
            continue
        try:
            number = phonenumbers.parse(digits if region else f"+{digits}", region)
        except phonenumbers.NumberParseException:
            continue
        if phonenumbers.is_valid_number(number):
            return phonenumbers.format_number(number, phonenumbers.PhoneNumberFormat.E164)
    raise ValidationError(_("“%(value)s” is not a valid phone number."), code="invalid_phone", params={"value": raw})


def phone_query(raw: str) -> str | None:
    """The E.164 form of a search query that looks like a phone number, or None."""
    if len(_digits(raw)) < 7 or any(char.isalpha() for char in raw):
        return None
    try:
        return normalise_phone(raw)
    except ValidationError:
        return None
