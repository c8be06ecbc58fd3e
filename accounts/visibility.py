"""Record visibility is defined once per model, as a queryset (``<things>_visible_to(user)``).

The ``can_view_<thing>(user, obj)`` checks are derived from that queryset instead of repeating its
rule by hand: they ask it whether ``obj`` is among the user's records. The answer is kept on the
object, and the ``get_<thing>_for(user, pk)`` getters mark what they fetched through the queryset
as seen, so a page that checks a record it just loaded spends no query on it.
"""

from collections.abc import Callable
from typing import Any, TypeVar

from django.db.models import Model, QuerySet

M = TypeVar("M", bound=Model)
VisibleTo = Callable[[Any], QuerySet[Any]]

_ANSWERS = "_visible_to_answers"


def _key(user: Any, visible_to: VisibleTo) -> tuple[str, Any]:
    return (f"{visible_to.__module__}.{visible_to.__qualname__}", getattr(user, "pk", None))


def remember_visible(obj: M, user: Any, visible_to: VisibleTo) -> M:
    """Note that ``obj`` came out of ``visible_to(user)`` (returns ``obj``)."""
    obj.__dict__.setdefault(_ANSWERS, {})[_key(user, visible_to)] = True
    return obj


def is_visible(obj: Model, user: Any, visible_to: VisibleTo) -> bool:
    """True when ``obj`` is in ``visible_to(user)``; asked once per object and user."""
    answers: dict[tuple[str, Any], bool] = obj.__dict__.setdefault(_ANSWERS, {})
    key = _key(user, visible_to)
    if key not in answers:
        answers[key] = obj.pk is not None and visible_to(user).filter(pk=obj.pk).exists()
    return answers[key]
