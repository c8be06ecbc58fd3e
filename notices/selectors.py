"""Reads of notices: a user sees only their own."""

from typing import Any

from notices.kinds import notice_kinds
from notices.models import Notice, NoticePreference


def notices_of(user: Any, *, unread_only: bool = False, limit: int = 50) -> list[Notice]:
    if not user.is_authenticated:
        return []
    notices = Notice.objects.filter(recipient=user)
    if unread_only:
        notices = notices.filter(read_at__isnull=True)
    return list(notices.order_by("-updated_at", "-pk")[:limit])


def notice_preferences_of(user: Any) -> list[tuple[Any, str]]:
    """(kind, chosen delivery) for every registered kind, the kind's default where the user chose nothing."""
    chosen = dict(NoticePreference.objects.filter(user=user).values_list("kind", "delivery"))
    return [(kind, chosen.get(kind.code, kind.default)) for kind in notice_kinds()]
