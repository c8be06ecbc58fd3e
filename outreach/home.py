"""Home-page panels of outreach (listed in ariptes.views.HOME_PANELS)."""

from datetime import timedelta

from django.core.cache import cache
from django.http import HttpRequest
from django.utils import timezone, translation

from accounts.permissions import can_coordinate, can_manage
from outreach import aggregates, selectors
from reference.ages import AGE_BANDS

CACHE_SECONDS = 10 * 60


def planned_panel(request: HttpRequest) -> dict | None:
    """Coordinators and managers: planned activities of the next weeks, and those left unrecorded."""
    user = request.user
    if not can_coordinate(user):
        return None
    return {
        "template": "outreach/home/_planned_panel.html",
        "planned": selectors.planned_activities_for(user),
        "overdue": selectors.overdue_planned_count(user),
    }


def quarter_of(day):
    first_month = 3 * ((day.month - 1) // 3) + 1
    start = day.replace(month=first_month, day=1)
    end = start.replace(year=start.year + 1, month=1) if first_month == 10 else start.replace(month=first_month + 3)
    return start, end - timedelta(days=1)


def quarter_panel(request: HttpRequest) -> dict | None:
    """Managers: this quarter's outreach figures (every office), cached for a few minutes."""
    if not can_manage(request.user):
        return None
    start, end = quarter_of(timezone.localdate())
    language = (translation.get_language() or "ru")[:2]
    key = f"outreach:quarter-panel:{start:%Y%m%d}:{language}"
    panel = cache.get(key)
    if panel is None:
        scope = aggregates.Scope(start, end)
        by_sex_age = aggregates.people_reached_by_sex_and_age(scope)
        panel = {
            "start": start,
            "end": end,
            "figures": aggregates.summary(scope),
            "by_band": [
                (str(band.label), sum(n for (_sex, b), n in by_sex_age.items() if b == band.value))
                for band in AGE_BANDS
            ],
        }
        cache.set(key, panel, CACHE_SECONDS)
    return {"template": "outreach/home/_quarter_panel.html", **panel}
