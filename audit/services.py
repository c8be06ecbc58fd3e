"""The one writer of audit entries besides django-auditlog's own field diffs.

Access entries (a record seen, exported, downloaded) and action entries (merge, anonymisation,
consent withdrawal: what is not a plain field change) are written here and only here.
"""

from collections.abc import Iterable
from typing import Any

from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models
from django.utils import timezone

from audit.masking import MASK

BULK_BATCH = 2000


def _actor(actor: Any) -> Any:
    """Only a signed-in user is written as the actor (a system action has none)."""
    return actor if getattr(actor, "is_authenticated", False) else None


def _entry(
    instance: models.Model,
    *,
    actor: Any,
    action: int,
    additional_data: dict[str, Any],
    address: str | None = None,
) -> LogEntry:
    extra = {"remote_addr": address} if address else {}
    return LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=action,
        actor=_actor(actor),
        changes={},
        additional_data=additional_data,
        **extra,
    )


def record_access(
    *,
    actor: Any,
    instance: models.Model,
    what: str = "view",
    address: str | None = None,
    details: dict[str, Any] | None = None,
) -> LogEntry:
    """Write an access entry: ``actor`` saw (or exported, downloaded) ``instance``.

    Someone without an account (a partner through its link) is ``actor=None`` with their ``address``
    and ``details`` saying who they are (e.g. the partner contact's id).
    """
    return _entry(
        instance,
        actor=actor,
        action=LogEntry.Action.ACCESS,
        additional_data={"access": what, **(details or {})},
        address=address,
    )


def record_action(*, actor: Any, instance: models.Model, action: str, data: dict[str, Any] | None = None) -> LogEntry:
    """An UPDATE entry on ``instance`` whose ``additional_data`` names the action. Never put names in ``data``."""
    return _entry(
        instance, actor=actor, action=LogEntry.Action.UPDATE, additional_data={"action": action, **(data or {})}
    )


def record_bulk_access(*, actor: Any, instances: Iterable[models.Model], what: str) -> int:
    """One access entry per instance, written in batches (an export may hold thousands of rows)."""
    now = timezone.now()
    entries = []
    for instance in instances:
        entries.append(
            LogEntry(
                content_type=ContentType.objects.get_for_model(instance),
                object_pk=str(instance.pk),
                object_id=instance.pk,
                object_repr=str(instance),
                action=LogEntry.Action.ACCESS,
                actor=_actor(actor),
                changes={},
                timestamp=now,
                additional_data={"access": what},
            )
        )
    LogEntry.objects.bulk_create(entries, batch_size=BULK_BATCH)
    return len(entries)


def scrub_personal_values(*, model: type[models.Model], object_ids: Iterable[Any], fields: Iterable[str]) -> None:
    """Overwrite the values of ``fields`` in every audit entry of these rows, for anonymisation.

    Masking hides new values, but entries written before a field was masked, and
    the serialized snapshots, may still hold them.
    """
    if not object_ids:
        return
    content_type = ContentType.objects.get_for_model(model)
    entries = LogEntry.objects.filter(content_type=content_type, object_pk__in=[str(pk) for pk in object_ids])
    for entry in entries.iterator():
        changes = entry.changes or {}
        scrubbed = False
        for name in fields:
            if name in changes:
                changes[name] = [MASK, MASK]
                scrubbed = True
        if scrubbed or entry.serialized_data:
            entry.changes = changes
            entry.serialized_data = None
            entry.changes_text = ""
            entry.save(update_fields=["changes", "serialized_data", "changes_text"])
