"""Aggregates of outreach for funder reports, indicators and the manager's dashboard.

Counting is done in the database with GROUP BY. Every function takes a ``Scope`` (the period,
offices and project of a report); only *held* activities count, dated by their first day, and quick
contacts by their date. These figures carry no names; the small-cell rules are the report's job
(``reports`` reads these functions and applies its suppression to what it prints).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime, time, timedelta
from decimal import Decimal

from django.db.models import Count, ExpressionWrapper, F, Q, QuerySet, Sum
from django.db.models import DecimalField as DecimalOutput
from django.utils import timezone

from outreach.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Attendee,
    ChannelReach,
    CitizenshipCount,
    MaterialHandout,
    MaterialKind,
    ParticipantCount,
    QuickContact,
)


@dataclass(frozen=True)
class Scope:
    start: date
    end: date
    office_ids: tuple[int, ...] = ()
    project_id: int | None = None

    @classmethod
    def of(cls, context) -> Scope:
        """From a reference.metrics.MetricContext (or anything with the same attributes)."""
        return cls(context.start, context.end, tuple(context.office_ids), context.project_id)


def held_activities(scope: Scope) -> QuerySet[Activity]:
    activities = Activity.objects.filter(
        status=ActivityStatus.HELD, starts_on__gte=scope.start, starts_on__lte=scope.end
    )
    if scope.office_ids:
        activities = activities.filter(office_id__in=scope.office_ids)
    if scope.project_id is not None:
        activities = activities.filter(project_id=scope.project_id)
    return activities


def quick_contacts(scope: Scope) -> QuerySet[QuickContact]:
    zone = timezone.get_current_timezone()
    start = timezone.make_aware(datetime.combine(scope.start, time.min), zone)
    end = timezone.make_aware(datetime.combine(scope.end + timedelta(days=1), time.min), zone)
    contacts = QuickContact.objects.filter(at__gte=start, at__lt=end)
    if scope.office_ids:
        contacts = contacts.filter(office_id__in=scope.office_ids)
    # Quick contacts belong to no project: a project's report has none.
    if scope.project_id is not None:
        contacts = contacts.none()
    return contacts


def _held_ids(scope: Scope):
    return held_activities(scope).values("pk")


def activities_by_kind(scope: Scope) -> dict[str, int]:
    rows = held_activities(scope).order_by().values("kind").annotate(n=Count("pk"))
    return {row["kind"]: row["n"] for row in rows}


def people_reached(scope: Scope) -> int:
    """People counted in the room of held activities (campaign reach by channel is not added)."""
    return held_activities(scope).aggregate(n=Sum("participants"))["n"] or 0


def people_reached_by_sex_and_age(scope: Scope) -> dict[tuple[str, str], int]:
    rows = (
        ParticipantCount.objects.filter(activity__in=_held_ids(scope))
        .order_by()
        .values("sex", "age_band")
        .annotate(n=Sum("count"))
    )
    return {(row["sex"], row["age_band"]): row["n"] for row in rows}


def people_reached_by_citizenship(scope: Scope) -> dict[int | None, int]:
    """Country id (None: not known) → people."""
    rows = (
        CitizenshipCount.objects.filter(activity__in=_held_ids(scope))
        .order_by()
        .values("country")
        .annotate(n=Sum("count"))
    )
    return {row["country"]: row["n"] for row in rows}


def campaign_reach_by_channel(scope: Scope) -> dict[str, int]:
    rows = (
        ChannelReach.objects.filter(activity__in=_held_ids(scope))
        .order_by()
        .values("channel")
        .annotate(n=Sum("estimate"))
    )
    return {row["channel"]: row["n"] for row in rows}


def _official_trainings(scope: Scope) -> QuerySet[Activity]:
    return held_activities(scope).filter(kind=ActivityKind.TRAINING_OFFICIALS)


def officials_trained(scope: Scope) -> int:
    """Participants of held trainings for officials (the attendance list may be shorter than the room)."""
    return _official_trainings(scope).aggregate(n=Sum("participants"))["n"] or 0


def officials_trained_by_agency(scope: Scope) -> dict[int, int]:
    """Agency id → officials on the attendance lists of held trainings for officials."""
    rows = (
        Attendee.objects.filter(activity__in=_official_trainings(scope).values("pk"))
        .order_by()
        .values("agency")
        .annotate(n=Count("pk"))
    )
    return {row["agency"]: row["n"] for row in rows}


def mean_test_improvement(scope: Scope) -> Decimal | None:
    """Mean of (post − pre) in points of 0–100, over every trained person with both scores."""
    return test_improvement(scope)[0]


def test_improvement(scope: Scope) -> tuple[Decimal | None, int]:
    """(mean improvement, number of people it rests on): see ``mean_test_improvement``.

    A training that kept only the mean scores of the room counts each of its participants once,
    at the room's improvement; one with per-person scores counts those people.
    """
    trainings = held_activities(scope)
    scored = Attendee.objects.filter(
        activity__in=trainings.values("pk"), pre_score__isnull=False, post_score__isnull=False
    )
    people = scored.aggregate(
        n=Count("pk"),
        total=Sum(ExpressionWrapper(F("post_score") - F("pre_score"), output_field=DecimalOutput())),
    )
    rooms = (
        trainings.filter(pre_test_mean__isnull=False, post_test_mean__isnull=False, participants__gt=0)
        .exclude(pk__in=scored.values("activity"))
        .aggregate(
            n=Sum("participants"),
            total=Sum(
                ExpressionWrapper(
                    (F("post_test_mean") - F("pre_test_mean")) * F("participants"), output_field=DecimalOutput()
                )
            ),
        )
    )
    count = (people["n"] or 0) + (rooms["n"] or 0)
    if not count:
        return None, 0
    total = Decimal(people["total"] or 0) + Decimal(rooms["total"] or 0)
    return (total / count).quantize(Decimal("0.1")), count


def materials_by_language(scope: Scope) -> dict[tuple[int, str], int]:
    """(language id, material kind) → copies handed out at held activities."""
    rows = (
        MaterialHandout.objects.filter(activity__in=_held_ids(scope))
        .order_by()
        .values("material__language", "material__kind")
        .annotate(n=Sum("quantity"))
    )
    return {(row["material__language"], row["material__kind"]): row["n"] for row in rows}


def leaflets_distributed(scope: Scope) -> int:
    return (
        MaterialHandout.objects.filter(activity__in=_held_ids(scope), material__kind=MaterialKind.LEAFLET).aggregate(
            n=Sum("quantity")
        )["n"]
        or 0
    )


def quick_contacts_by_channel(scope: Scope) -> dict[str, int]:
    rows = quick_contacts(scope).order_by().values("channel").annotate(n=Count("pk"))
    return {row["channel"]: row["n"] for row in rows}


def quick_contacts_by_problem(scope: Scope) -> dict[int, int]:
    """Problem category id → contacts that raised it (a contact may raise several)."""
    through = QuickContact.categories.through
    rows = (
        through.objects.filter(quickcontact__in=quick_contacts(scope).values("pk"))
        .order_by()
        .values("problemcategory")
        .annotate(n=Count("pk"))
    )
    return {row["problemcategory"]: row["n"] for row in rows}


def quick_contact_totals(scope: Scope) -> dict[str, int]:
    """All contacts, and those who became clients (counted as clients, so once, in people served)."""
    return quick_contacts(scope).aggregate(
        total=Count("pk"), became_clients=Count("pk", filter=Q(client__isnull=False))
    )


def summary(scope: Scope) -> dict[str, object]:
    """The headline figures (the manager's dashboard and the report's first outreach table)."""
    contacts = quick_contact_totals(scope)
    return {
        "activities": sum(activities_by_kind(scope).values()),
        "people_reached": people_reached(scope),
        "campaign_reach": sum(campaign_reach_by_channel(scope).values()),
        "officials_trained": officials_trained(scope),
        "mean_test_improvement": mean_test_improvement(scope),
        "leaflets_distributed": leaflets_distributed(scope),
        "quick_contacts": contacts["total"],
        "quick_contacts_became_clients": contacts["became_clients"],
    }
