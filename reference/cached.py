"""Small reference tables (languages, problem categories...) kept in each process, checked for freshness.

Pages render the same short lists of reference rows on every request (a form's
language choices, a case's categories). ``rows(Model)`` returns every row of a
registered table, in the model's order, from a copy kept in the process; the copy
is used while a version stamp in the shared cache (Redis in production) is
unchanged, and every save or delete of a row through the ORM sets a new stamp,
so all gunicorn workers reload the table on their next request. Reading the
stamp is a cache lookup, not a database query.

The rows are shared between requests: treat them as read-only.
"""

import uuid

from django import forms
from django.core.cache import cache
from django.db import models
from django.db.models.signals import post_delete, post_save
from django.forms.models import ModelChoiceIterator

_local: dict[str, tuple[str, list]] = {}
_registered: set[type[models.Model]] = set()


def _key(model: type[models.Model]) -> str:
    return f"reference-rows:{model._meta.label_lower}"


def register(model: type[models.Model]) -> None:
    """Keep ``model``'s rows in the process; any save or delete marks them stale everywhere."""
    if model in _registered:
        return
    _registered.add(model)
    post_save.connect(_bump, sender=model, dispatch_uid=f"reference-cached-save-{model._meta.label_lower}")
    post_delete.connect(_bump, sender=model, dispatch_uid=f"reference-cached-delete-{model._meta.label_lower}")


def _bump(sender, **kwargs) -> None:
    stale(sender)


def stale(model: type[models.Model]) -> None:
    """Mark the rows stale (bulk updates bypass signals: call this after one)."""
    cache.set(_key(model), uuid.uuid4().hex, None)
    _local.pop(_key(model), None)


def rows(model: type[models.Model]) -> list:
    """Every row of ``model`` (active or not), in the model's default order."""
    if model not in _registered:
        raise LookupError(f"{model._meta.label} is not registered with reference.cached.register")
    key = _key(model)
    version = cache.get(key)
    if version is None:
        version = uuid.uuid4().hex
        cache.add(key, version, None)
        version = cache.get(key, version)
    kept = _local.get(key)
    if kept is not None and kept[0] == version:
        return kept[1]
    loaded = list(model._default_manager.all())
    _local[key] = (version, loaded)
    return loaded


def active(model: type[models.Model]) -> list:
    return [row for row in rows(model) if row.is_active]


def by_pk(model: type[models.Model]) -> dict:
    return {row.pk: row for row in rows(model)}


def forget() -> None:
    """Drop every kept copy (tests: the database rolls back without signals)."""
    _local.clear()


class ListedChoiceIterator(ModelChoiceIterator):
    """A model choice field's options from rows already loaded (``field.listed``): no query per rendering."""

    def __iter__(self):
        if self.field.empty_label is not None:
            yield ("", self.field.empty_label)
        for row in self.field.listed:
            yield self.choice(row)

    def __len__(self):
        return len(self.field.listed) + (self.field.empty_label is not None)

    def __bool__(self):
        return self.field.empty_label is not None or bool(self.field.listed)


def offer(field: forms.ModelChoiceField, rows: list) -> None:
    """Show ``rows`` (loaded once, shared by the forms of a page) as the choices; validation still asks
    the field's queryset, so a submitted value must be in the database's current list."""
    field.listed = rows
    field.iterator = ListedChoiceIterator
    field.widget.choices = field.choices
