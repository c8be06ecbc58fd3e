from auditlog.models import LogEntry
from django.contrib.contenttypes.models import ContentType
from django.db import models

from audit.masking import MASK


def record_access(
    *, actor, instance: models.Model, what: str = "view", address: str | None = None, details: dict | None = None
) -> LogEntry:
    """Write an access entry: ``actor`` saw (or exported, downloaded) ``instance``.

    Someone without an account (a partner through its link) is ``actor=None`` with their ``address``
    and ``details`` saying who they are (e.g. the partner contact's id).
    """
    extra = {"remote_addr": address} if address else {}
    return LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes={},
        additional_data={"access": what, **(details or {})},
        **extra,
    )


def scrub_personal_values(*, model: type[models.Model], object_ids, fields) -> None:
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
