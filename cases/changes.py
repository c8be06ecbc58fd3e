"""What differs between the saved case and a user's refused edit, for the conflict message."""

from decimal import Decimal

from django.core.exceptions import FieldDoesNotExist
from django.db import models
from django.utils.translation import gettext as _

from cases.models import Case


def _comparable(value):
    if isinstance(value, models.Model):
        return value.pk
    if isinstance(value, Decimal):
        return value.normalize()
    if value == "":
        return None
    return value


def _display(field, value) -> str:
    if field.many_to_many:
        return ", ".join(str(item) for item in value) or "—"
    if isinstance(field, models.BooleanField):
        return _("yes") if value else _("no")
    if field.choices:
        return str(dict(field.flatchoices).get(value, value or "—"))
    return "—" if value in (None, "") else str(value)


def differences(form, current: Case) -> list[dict]:
    """Rows of (field label, value saved now, value in the user's form) for every field that differs."""
    cleaned = getattr(form, "cleaned_data", {}) or {}
    rows = []
    for name in form.fields:
        if name == "version" or name not in cleaned:
            continue
        try:
            field = Case._meta.get_field(name)
        except FieldDoesNotExist:
            continue
        yours = cleaned[name]
        if field.many_to_many:
            saved = list(getattr(current, name).all())
            same = {item.pk for item in saved} == {item.pk for item in (yours or [])}
        else:
            saved = getattr(current, name)
            same = _comparable(saved) == _comparable(yours)
        if not same:
            rows.append({"label": field.verbose_name, "saved": _display(field, saved), "yours": _display(field, yours)})
    return rows
