"""The product's one age banding: client filters, referral letters, funder reports and outreach counts.

Funders count people in the bands 0–17, 18–24, 25–34, 35–49, 50+ and "unknown"; every place that
groups people by age imports this module, so one person is in the same band everywhere.

Age is counted from the birth year (the record often holds only an approximate year), as
"the year of the reference date minus the birth year".
"""

from __future__ import annotations

from datetime import date

from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _


class AgeBand(models.TextChoices):
    UNDER_18 = "0-17", _("0–17")
    FROM_18 = "18-24", _("18–24")
    FROM_25 = "25-34", _("25–34")
    FROM_35 = "35-49", _("35–49")
    FROM_50 = "50+", _("50 and over")
    UNKNOWN = "unknown", _("Age unknown")


# (band, youngest age, oldest age or None for open-ended); UNKNOWN has no ages.
AGE_LIMITS: list[tuple[AgeBand, int, int | None]] = [
    (AgeBand.UNDER_18, 0, 17),
    (AgeBand.FROM_18, 18, 24),
    (AgeBand.FROM_25, 25, 34),
    (AgeBand.FROM_35, 35, 49),
    (AgeBand.FROM_50, 50, None),
]

# The bands in print order, "unknown" last.
AGE_BANDS: list[AgeBand] = [band for band, _youngest, _oldest in AGE_LIMITS] + [AgeBand.UNKNOWN]


def age_band(birth_year: int | None, *, on: date | None = None) -> AgeBand:
    """The band of a person born in ``birth_year``, on ``on`` (default: today in the local zone)."""
    if not birth_year:
        return AgeBand.UNKNOWN
    age = (on or timezone.localdate()).year - birth_year
    for band, youngest, oldest in AGE_LIMITS:
        if age >= youngest and (oldest is None or age <= oldest):
            return band
    # A birth year in the future of ``on``: treat as a child rather than guess.
    return AgeBand.UNDER_18


def birth_year_range(band: AgeBand | str, *, on: date | None = None) -> tuple[int | None, int | None]:
    """(earliest, latest) birth year of ``band`` on ``on``; None for an open end. UNKNOWN: (None, None)."""
    year = (on or timezone.localdate()).year
    for limit_band, youngest, oldest in AGE_LIMITS:
        if limit_band == band:
            return (None if oldest is None else year - oldest, year - youngest)
    return (None, None)


def birth_year_filter(band: AgeBand | str, *, field: str = "birth_year", on: date | None = None) -> models.Q:
    """A ``Q`` selecting the people of ``band`` by their birth year field."""
    if band == AgeBand.UNKNOWN:
        return models.Q(**{f"{field}__isnull": True})
    earliest, latest = birth_year_range(band, on=on)
    condition = models.Q(**{f"{field}__lte": latest})
    if earliest is not None:
        condition &= models.Q(**{f"{field}__gte": earliest})
    return condition


def age_band_case(*, year: int, field: str = "birth_year") -> models.Case:
    """SQL CASE giving the index in ``AGE_BANDS`` (an integer: grouping on it is cheaper than on text)."""
    whens = [models.When(**{f"{field}__isnull": True}, then=models.Value(AGE_BANDS.index(AgeBand.UNKNOWN)))]
    for index, (_band, _youngest, oldest) in enumerate(AGE_LIMITS):
        if oldest is not None:
            whens.append(models.When(**{f"{field}__gte": year - oldest}, then=models.Value(index)))
    return models.Case(*whens, default=models.Value(len(AGE_LIMITS) - 1), output_field=models.IntegerField())
