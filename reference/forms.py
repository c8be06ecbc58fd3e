"""Form pieces every app uses the same way: the date inputs and the birth-year rule."""

from django import forms
from django.core.exceptions import ValidationError
from django.utils import timezone
from django.utils.translation import gettext as _

from reference.dates import EARLIEST_BIRTH

# The earliest year of birth a record may hold (forms, their widgets and imports alike).
EARLIEST_BIRTH_YEAR = EARLIEST_BIRTH.year  # one rule with the date bounds (reference.dates)


class DateInput(forms.DateInput):
    """The browser's date picker; the value is written in ISO form, which is what it reads."""

    input_type = "date"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%d")


class DateTimeInput(forms.DateTimeInput):
    input_type = "datetime-local"

    def __init__(self, attrs: dict | None = None) -> None:
        super().__init__(attrs=attrs, format="%Y-%m-%dT%H:%M")


def is_birth_year(year: int) -> bool:
    """The one birth-year rule: from 1900 to this year."""
    return EARLIEST_BIRTH_YEAR <= year <= timezone.localdate().year


def validate_birth_year(year: int | None) -> int | None:
    """``year`` if it passes the rule (None passes: the year is optional), else a translated ValidationError."""
    if year is not None and not is_birth_year(year):
        raise ValidationError(_("Enter a year between 1900 and this year."))
    return year


def birth_year_widget_attrs() -> dict[str, int]:
    """The number input's bounds, the same as the rule's."""
    return {"min": EARLIEST_BIRTH_YEAR, "max": timezone.localdate().year}
