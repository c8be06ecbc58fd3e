"""Outreach records for test stories, made through the real services."""

from datetime import timedelta
from decimal import Decimal

from django.utils import timezone

from outreach import services
from outreach.models import ActivityKind, Agency, Audience, Material, OutreachPoint
from reference.models import Region


def agency(code: str) -> Agency:
    return Agency.objects.get(code=code)


def material(code: str) -> Material:
    return Material.objects.get(code=code)


def point(code: str) -> OutreachPoint:
    return OutreachPoint.objects.get(code=code)


def make_activity(office, *, actor, days_ago: int = 3, **fields):
    values = {
        "kind": ActivityKind.INFORMATION_SESSION,
        "title": "Информационная встреча",
        "audience": Audience.MIGRANTS,
        "starts_on": timezone.localdate() - timedelta(days=days_ago),
        "region": office.region if office.region_id else Region.objects.get(code="almaty-city"),
        "point": point("market"),
        "duration_hours": Decimal("2"),
    }
    values.update(fields)
    return services.activity_plan(actor=actor, office=office, **values)


def make_training(office, *, actor, days_ago: int = 2, **fields):
    fields.setdefault("kind", ActivityKind.TRAINING_OFFICIALS)
    fields.setdefault("audience", Audience.POLICE)
    fields.setdefault("title", "Тренинг для сотрудников полиции")
    fields.setdefault("point", point("office"))
    return make_activity(office, actor=actor, days_ago=days_ago, **fields)


def record_held(activity, *, actor, women=(3, 2), men=(4, 1), **extra):
    """Hold ``activity`` with women/men counts in bands 18–24 and 25–34; all citizenship Uzbek."""
    from reference.models import Country

    grid = {
        ("female", "18-24"): women[0],
        ("female", "25-34"): women[1],
        ("male", "18-24"): men[0],
        ("male", "25-34"): men[1],
    }
    total = sum(grid.values())
    uz = Country.objects.get(code="uz")
    return services.activity_record_held(
        activity=activity,
        actor=actor,
        participants=total,
        by_sex_and_age=grid,
        by_citizenship={uz.pk: total},
        **extra,
    )
