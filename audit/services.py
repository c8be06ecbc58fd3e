from auditlog.models import LogEntry
from django.db import models


def record_access(*, actor, instance: models.Model, what: str = "view") -> LogEntry:
    """Write an access entry: ``actor`` saw (or exported, downloaded) ``instance``."""
    return LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes={},
        additional_data={"access": what},
    )
