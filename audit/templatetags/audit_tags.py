from django import template

from accounts.permissions import can_manage
from audit.selectors import history_for

register = template.Library()


@register.inclusion_tag("audit/_history.html", takes_context=True)
def audit_history(context, instance):
    """A record's history, shown to managers only."""
    user = context["request"].user
    allowed = can_manage(user)
    return {"allowed": allowed, "entries": list(history_for(instance)) if allowed else []}
