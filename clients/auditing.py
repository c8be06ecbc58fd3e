"""Audit entries for actions that are not a plain field change (merge, anonymisation, consent withdrawal)."""

from auditlog.models import LogEntry


def log_action(instance, *, actor, action: str, data: dict | None = None) -> LogEntry:
    """An UPDATE entry on ``instance`` whose ``additional_data`` names the action. Never put names in ``data``."""
    return LogEntry.objects.log_create(
        instance,
        force_log=True,
        action=LogEntry.Action.UPDATE,
        actor=actor if getattr(actor, "is_authenticated", False) else None,
        changes={},
        additional_data={"action": action, **(data or {})},
    )
