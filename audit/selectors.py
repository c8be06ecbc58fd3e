from auditlog.models import LogEntry
from django.db import models


def history_for(instance: models.Model, *, limit: int = 100):
    """The newest audit entries of one record, with their actors, in one query."""
    return LogEntry.objects.get_for_object(instance).select_related("actor").order_by("-timestamp")[:limit]
