from auditlog.models import LogEntry
from django.db import models
from django.db.models import QuerySet


def history_for(instance: models.Model, *, limit: int = 100) -> QuerySet[LogEntry]:
    """The newest audit entries of one record, with their actors, in one query."""
    entries: QuerySet[LogEntry] = LogEntry.objects.get_for_object(instance)
    return entries.select_related("actor").order_by("-timestamp")[:limit]
