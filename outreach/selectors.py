"""Reads that depend on who asks: one queryset per model; lists, pages, exports and panels start here.

The rule is the product's: staff see their own office's outreach; managers and administrators see
every office. Attendance lists of officials follow their activity.
"""

from datetime import timedelta
from typing import Any, cast

from django.db.models import QuerySet
from django.http import Http404
from django.utils import timezone

from accounts.models import User
from outreach.models import (
    Activity,
    ActivityStatus,
    Attendee,
    MaterialHandout,
    MaterialStock,
    QuickContact,
)


def _sees(user: User) -> str | None:
    """ "all", "office" or None (nothing)."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.sees_all_offices:
        return "all"
    return "office" if user.office_id is not None else None


def activities_visible_to(user: User) -> QuerySet[Activity]:
    scope = _sees(user)
    if scope is None:
        return Activity.objects.none()
    activities = Activity.objects.all()
    return activities if scope == "all" else activities.filter(office_id=cast(int, user.office_id))


def attendees_visible_to(user: User) -> QuerySet[Attendee]:
    return Attendee.objects.filter(activity__in=activities_visible_to(user).values("pk"))


def handouts_visible_to(user: User) -> QuerySet[MaterialHandout]:
    return MaterialHandout.objects.filter(activity__in=activities_visible_to(user).values("pk"))


def stocks_visible_to(user: User) -> QuerySet[MaterialStock]:
    scope = _sees(user)
    if scope is None:
        return MaterialStock.objects.none()
    stocks = MaterialStock.objects.all()
    return stocks if scope == "all" else stocks.filter(office_id=cast(int, user.office_id))


def quick_contacts_visible_to(user: User) -> QuerySet[QuickContact]:
    scope = _sees(user)
    if scope is None:
        return QuickContact.objects.none()
    contacts = QuickContact.objects.all()
    return contacts if scope == "all" else contacts.filter(office_id=cast(int, user.office_id))


def activity_list_for(user: User) -> QuerySet[Activity]:
    return (
        activities_visible_to(user).select_related("office", "region", "point", "project").order_by("-starts_on", "-pk")
    )


def get_activity_for(user: User, pk: Any) -> Activity:
    try:
        return (
            activities_visible_to(user)
            .select_related("office", "region", "point", "project", "created_by")
            .prefetch_related("languages", "staff", "partners")
            .get(pk=pk)
        )
    except (Activity.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def attendees_of(user: User, activity: Activity) -> list[Attendee]:
    return list(attendees_visible_to(user).filter(activity=activity).select_related("agency", "partner").order_by("pk"))


def get_quick_contact_for(user: User, pk: Any) -> QuickContact:
    try:
        return quick_contacts_visible_to(user).select_related("citizenship", "language", "office").get(pk=pk)
    except (QuickContact.DoesNotExist, ValueError, TypeError):
        raise Http404 from None


def recent_quick_contacts_of(user: User, *, limit: int = 20) -> list[QuickContact]:
    return list(
        quick_contacts_visible_to(user)
        .select_related("citizenship", "language", "client")
        .prefetch_related("categories")
        .order_by("-at", "-pk")[:limit]
    )


def planned_activities_for(user: User, *, weeks: int = 6, limit: int = 10) -> list[Activity]:
    today = timezone.localdate()
    return list(
        activities_visible_to(user)
        .filter(status=ActivityStatus.PLANNED, starts_on__gte=today, starts_on__lte=today + timedelta(weeks=weeks))
        .select_related("office", "point")
        .order_by("starts_on", "pk")[:limit]
    )


def overdue_planned_count(user: User) -> int:
    """Planned activities whose date has passed: they should be recorded as held or cancelled."""
    return activities_visible_to(user).filter(status=ActivityStatus.PLANNED, starts_on__lt=timezone.localdate()).count()
