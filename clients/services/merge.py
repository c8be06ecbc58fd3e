"""Merging two records of one person, and undoing a merge.

Everything pointing at the duplicate moves to the surviving record, found by
iterating the reverse relations of Client: rows of apps above this one (cases,
referrals) move too without this app knowing them. The ids of every moved row
are kept on the ClientMerge row, so the merge can be reverted.
"""

from collections.abc import Iterator
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import User
from clients.models import Client, ClientMerge
from clients.services.records import EDITABLE_FIELDS, _field, refresh_derived_fields, refresh_restriction

# Relations that describe the merge itself, not data to move.
_SKIPPED = {("clients", "clientmerge", "source"), ("clients", "clientmerge", "target")}
_OWN_M2M = ("vulnerabilities", "languages", "assigned_staff")


def _reverse_foreign_keys() -> Iterator[tuple[tuple[str, ...], Any, str]]:
    for relation in Client._meta.related_objects:
        if not (relation.one_to_many or relation.one_to_one):
            continue
        model = relation.related_model
        assert not isinstance(model, str)  # resolved once the apps are loaded
        key = (model._meta.app_label, str(model._meta.model_name), relation.field.name)
        if key not in _SKIPPED:
            yield key, model, relation.field.name


def _reverse_many_to_many() -> Iterator[tuple[tuple[str, ...], Any, str]]:
    for relation in Client._meta.related_objects:
        # A hand-made through model is a reverse foreign key already handled above.
        through = getattr(relation, "through", None)
        if relation.many_to_many and through is not None and through._meta.auto_created:
            client_column = next(f.name for f in through._meta.fields if f.is_relation and f.related_model is Client)
            yield (through._meta.app_label, through._meta.model_name, client_column), through, client_column


def _label(key: tuple[str, ...]) -> str:
    return ".".join(key)


@transaction.atomic
def client_merge(*, source: Client, target: Client, actor: User) -> ClientMerge:
    """Move everything of ``source`` to ``target``; ``source`` stays as an empty pointer (merged_into)."""
    locked = {c.pk: c for c in Client.objects.select_for_update().filter(pk__in=[source.pk, target.pk])}
    source, target = locked[source.pk], locked[target.pk]
    if source.pk == target.pk or source.merged_into_id or target.merged_into_id:
        raise ValidationError(_("These records cannot be merged."))
    if source.is_anonymised or target.is_anonymised:
        raise ValidationError(_("An anonymised record cannot be merged."))
    moved: dict[str, Any] = {}
    with set_actor(actor):
        for key, model, field_name in _reverse_foreign_keys():
            rows = model._base_manager.filter(**{field_name: source})
            if key == ("clients", "clientphone", "client"):
                # A phone the target already has stays behind instead of becoming a duplicate.
                rows = rows.exclude(number__in=target.phones.values_list("number", flat=True))
            ids = list(rows.values_list("pk", flat=True))
            if ids:
                model._base_manager.filter(pk__in=ids).update(**{field_name: target})
                moved[_label(key)] = ids
        for key, through, column in _reverse_many_to_many():
            other = next(f.name for f in through._meta.fields if f.is_relation and f.name != column)
            already = through.objects.filter(**{column: target}).values_list(f"{other}_id", flat=True)
            rows = through.objects.filter(**{column: source}).exclude(**{f"{other}_id__in": already})
            ids = list(rows.values_list("pk", flat=True))
            if ids:
                through.objects.filter(pk__in=ids).update(**{column: target})
                moved[_label(key)] = ids
        added = {}
        for name in _OWN_M2M:
            manager = getattr(target, name)
            new_ids = set(getattr(source, name).values_list("pk", flat=True))
            new_ids -= set(manager.values_list("pk", flat=True))
            if new_ids:
                manager.add(*new_ids)
                added[name] = sorted(new_ids)
        moved["m2m_added"] = added
        filled = {}
        for name in EDITABLE_FIELDS:
            if getattr(target, name) in ("", None) and getattr(source, name) not in ("", None):
                attname = _field(name).attname
                setattr(target, attname, getattr(source, attname))
                filled[name] = True
        moved["fields_filled"] = sorted(filled)
        refresh_derived_fields(target)
        target.version += 1
        target.save()
        refresh_restriction(target)
        if target.is_restricted and not target.assigned_staff.filter(pk=actor.pk).exists():
            # The person merging keeps access to the record they produced (undone with the merge).
            target.assigned_staff.add(actor)
            added.setdefault("assigned_staff", []).append(actor.pk)
        source.merged_into = target
        source.version += 1
        source.save()
        merge = ClientMerge.objects.create(
            source=source,
            target=target,
            source_code=source.code,
            target_code=target.code,
            moved=moved,
            merged_by=actor,
        )
    data = {"merge": merge.pk, "source": source.code, "target": target.code}
    audit.record_action(instance=source, actor=actor, action="merged_into", data=data)
    audit.record_action(instance=target, actor=actor, action="merged_from", data=data)
    return merge


@transaction.atomic
def client_merge_revert(*, merge: ClientMerge, actor: User) -> None:
    """Move the rows back to the old record and make it visible again. Filled fields stay on the target."""
    merge = ClientMerge.objects.select_for_update().get(pk=merge.pk)
    if merge.reverted_at:
        raise ValidationError(_("This merge has already been undone."))
    source, target = merge.source, merge.target
    if source.is_anonymised or target.is_anonymised:
        raise ValidationError(_("An anonymised record cannot be merged."))
    moved = merge.moved
    with set_actor(actor):
        for key, model, field_name in _reverse_foreign_keys():
            ids = moved.get(_label(key))
            if ids:
                model._base_manager.filter(pk__in=ids, **{field_name: target}).update(**{field_name: source})
        for key, through, column in _reverse_many_to_many():
            ids = moved.get(_label(key))
            if ids:
                through.objects.filter(pk__in=ids).update(**{column: source})
        for name, ids in moved.get("m2m_added", {}).items():
            getattr(target, name).remove(*ids)
        refresh_restriction(target)
        source.merged_into = None
        source.version += 1
        source.save()
        merge.reverted_at = timezone.now()
        merge.save(update_fields=["reverted_at"])
    data = {"merge": merge.pk, "source": merge.source_code, "target": merge.target_code}
    audit.record_action(instance=source, actor=actor, action="merge_reverted", data=data)
    audit.record_action(instance=target, actor=actor, action="merge_reverted", data=data)
