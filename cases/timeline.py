"""The case timeline and its extension point.

Higher apps add items with ``register_provider(func)`` in their
``AppConfig.ready``; ``func(case, user) -> list[TimelineItem]`` must run a
fixed number of queries whatever the number of items (one query per provider
is the norm), and must show only what ``user`` may see.
"""

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime

from accounts.models import User
from cases.models import Case


@dataclass
class TimelineItem:
    when: datetime
    template: str
    context: dict = field(default_factory=dict)
    # When the item was written down: orders items of the same minute (forms record minutes only).
    recorded: datetime | None = None

    def sort_key(self) -> tuple:
        return (self.when.replace(second=0, microsecond=0), self.recorded or self.when)


Provider = Callable[[Case, User], list[TimelineItem]]

_providers: list[Provider] = []


def register_provider(func: Provider) -> Provider:
    """Add a timeline provider (idempotent: ``ready()`` may run twice in tests)."""
    if func not in _providers:
        _providers.append(func)
    return func


def providers() -> list[Provider]:
    return list(_providers)


def timeline_for(case: Case, user: User, *, consultations: list | None = None) -> list[TimelineItem]:
    """Every item of the case's life, newest first.

    ``consultations`` may be passed when the caller already loaded them
    through ``selectors.consultations_of`` (the case page does).
    """
    from cases import selectors

    if consultations is None:
        consultations = selectors.consultations_of(case, user)
    items = [consultation_item(c) for c in consultations]
    items += [event_item(e) for e in case.events.select_related("actor")]
    items += [follow_up_item(f) for f in case.follow_ups.select_related("assigned_to", "created_by")]
    for provider in _providers:
        items.extend(provider(case, user) or [])
    items.sort(key=TimelineItem.sort_key, reverse=True)
    return items


def consultation_item(consultation) -> TimelineItem:
    return TimelineItem(
        when=consultation.started_at,
        template="cases/timeline/_consultation.html",
        context={"consultation": consultation},
        recorded=consultation.created_at,
    )


def event_item(event) -> TimelineItem:
    return TimelineItem(when=event.at, template="cases/timeline/_event.html", context={"event": event})


def follow_up_item(follow_up) -> TimelineItem:
    return TimelineItem(
        when=follow_up.created_at, template="cases/timeline/_follow_up.html", context={"follow_up": follow_up}
    )
