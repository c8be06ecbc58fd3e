from auditlog.models import LogEntry
from django import template
from django.core.exceptions import FieldDoesNotExist
from django.utils.translation import gettext_lazy as _

from accounts.permissions import can_manage
from audit.selectors import history_for

register = template.Library()

# auditlog ships no Russian or Kazakh labels; ours go through our .po files.
ACTION_LABELS = {
    LogEntry.Action.CREATE: _("created"),
    LogEntry.Action.UPDATE: _("changed"),
    LogEntry.Action.DELETE: _("deleted"),
    LogEntry.Action.ACCESS: _("viewed"),
}
ACCESS_LABELS = {
    "view": _("opened the record"),
    "edit form": _("opened the edit form"),
    "merge preview": _("previewed a merge"),
    "letter download": _("downloaded the letter"),
    "report requested": _("requested the report"),
    "report retried": _("retried the report"),
}
# Access notes carry details after a known prefix ("export-csv", "document 12 download").
ACCESS_PREFIXES = [
    ("export", _("exported")),
    ("document", _("downloaded a document")),
    ("download", _("downloaded a file")),
]


def _access_label(access: str) -> str:
    if access in ACCESS_LABELS:
        return ACCESS_LABELS[access]
    for prefix, label in ACCESS_PREFIXES:
        if access.startswith(prefix):
            return label
    return access


def _field_label(model, name: str) -> str:
    try:
        return str(model._meta.get_field(name).verbose_name)
    except FieldDoesNotExist:
        return name


@register.inclusion_tag("audit/_history.html", takes_context=True)
def audit_history(context, instance):
    """A record's history, shown to managers only."""
    user = context["request"].user
    allowed = can_manage(user)
    rows = []
    if allowed:
        model = type(instance)
        for entry in history_for(instance):
            access = (entry.additional_data or {}).get("access") if isinstance(entry.additional_data, dict) else None
            rows.append(
                {
                    "timestamp": entry.timestamp,
                    "actor": entry.actor,
                    "action": ACTION_LABELS.get(entry.action, entry.get_action_display()),
                    "fields": [_field_label(model, name) for name in entry.changes_dict]
                    if entry.action == LogEntry.Action.UPDATE
                    else [],
                    "access": _access_label(access) if access else "",
                }
            )
    return {"allowed": allowed, "entries": rows}
