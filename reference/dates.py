"""The earliest dates Ariptes accepts: one rule for every form (no consultation before 2000, no birth before 1900).

A date typed as ``0001-01-01`` would otherwise overflow when converted to UTC and answer 500.
"""

from datetime import date, datetime

from django import forms
from django.core.exceptions import ValidationError
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

EARLIEST_EVENT = date(2000, 1, 1)
EARLIEST_BIRTH = date(1900, 1, 1)
BIRTH_FIELDS = frozenset({"birth_date"})


def earliest_for(field_name: str) -> date:
    return EARLIEST_BIRTH if field_name in BIRTH_FIELDS else EARLIEST_EVENT


class EarliestDateValidator:
    def __init__(self, earliest: date):
        self.earliest = earliest

    def __call__(self, value) -> None:
        day = value.date() if isinstance(value, datetime) else value  # never compares across time zones
        if day is not None and day < self.earliest:
            raise ValidationError(
                _("Enter a date on or after %(date)s."),
                code="too_early",
                params={"date": date_format(self.earliest, "SHORT_DATE_FORMAT")},
            )

    def __eq__(self, other) -> bool:
        return isinstance(other, EarliestDateValidator) and other.earliest == self.earliest


def bound_dates(form: forms.BaseForm) -> None:
    """Give every date and date-time field of ``form`` its lower bound (validator and the input's ``min``)."""
    for name, field in form.fields.items():
        if isinstance(field, (forms.DateField, forms.DateTimeField)):
            earliest = earliest_for(name)
            field.validators.append(EarliestDateValidator(earliest))
            is_datetime = isinstance(field, forms.DateTimeField)
            field.widget.attrs.setdefault(
                "min", f"{earliest.isoformat()}T00:00" if is_datetime else earliest.isoformat()
            )


class BoundedDatesMixin:
    """Put first among a form's bases: its date fields refuse dates before the earliest sane one."""

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        bound_dates(self)
