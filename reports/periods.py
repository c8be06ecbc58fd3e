"""Reporting periods: quarters ("2026Q3"), years ("2026") or any pair of dates.

A period that has not ended when the report is made is cut at that day (``up_to``): it keeps the
end it will have as ``full_end``, is titled "2026 Q4 to 29.11.2026", and is compared with the same
number of days at the start of the previous period, not with the whole of it.
"""

import datetime as dt
import re
from dataclasses import dataclass

from django.utils import timezone
from django.utils.translation import gettext as _

_QUARTER = re.compile(r"^(\d{4})[- ]?Q([1-4])$", re.IGNORECASE)
_YEAR = re.compile(r"^(\d{4})$")


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive
    # Set when the period was cut before its end: the end the whole period has.
    full_end: dt.date | None = None

    def __post_init__(self):
        if self.end < self.start:
            raise ValueError("The period ends before it starts.")
        if self.full_end is not None and self.full_end <= self.end:
            object.__setattr__(self, "full_end", None)  # not cut after all

    @property
    def is_partial(self) -> bool:
        return self.full_end is not None

    @property
    def whole(self) -> "Period":
        """The period as it will be when it has ended."""
        return Period(self.start, self.full_end or self.end)

    def up_to(self, day: dt.date) -> "Period":
        """The part of the period until ``day`` (inclusive), or the period itself when it has ended by then."""
        if day >= self.end or day < self.start:
            return self
        return Period(self.start, day, full_end=self.end)

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    def previous(self) -> "Period":
        """The period of the same shape just before: the previous quarter for a quarter.

        A cut period is compared with as many days from the start of the previous whole period.
        """
        if self.is_partial:
            before = self.whole.previous()
            end = min(before.start + dt.timedelta(days=self.days - 1), before.end)
            return Period(before.start, end, full_end=before.end)
        quarter = quarter_of(self.start)
        if self == quarter:
            return quarter_of(self.start - dt.timedelta(days=1))
        if self.start.month == 1 and self.start.day == 1 and self.end == dt.date(self.start.year, 12, 31):
            return Period(dt.date(self.start.year - 1, 1, 1), dt.date(self.start.year - 1, 12, 31))
        end = self.start - dt.timedelta(days=1)
        return Period(end - dt.timedelta(days=self.days - 1), end)

    @property
    def label(self) -> str:
        """The title in the active language: "2026 Q3", "2026", "01.02.2026–15.03.2026", "2026 Q4 to 29.11.2026"."""
        whole = self.whole
        if whole == quarter_of(whole.start):
            text = _("%(year)s Q%(quarter)s") % {"year": whole.start.year, "quarter": (whole.start.month - 1) // 3 + 1}
        elif (whole.start.month, whole.start.day, whole.end.month, whole.end.day) == (1, 1, 12, 31) and (
            whole.start.year == whole.end.year
        ):
            text = str(whole.start.year)
        else:
            text = f"{whole.start:%d.%m.%Y}–{whole.end:%d.%m.%Y}"
        if self.is_partial:
            return _("%(period)s to %(date)s") % {"period": text, "date": f"{self.end:%d.%m.%Y}"}
        return text

    def bounds(self) -> tuple[dt.datetime, dt.datetime]:
        """Aware datetimes [start, next day of end) in the local time zone, for datetime fields."""
        tz = timezone.get_current_timezone()
        start = dt.datetime.combine(self.start, dt.time.min, tzinfo=tz)
        end = dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz)
        return start, end

    def months(self) -> list[dt.date]:
        months, current = [], self.start.replace(day=1)
        while current <= self.end:
            months.append(current)
            current = (current + dt.timedelta(days=32)).replace(day=1)
        return months


def quarter_of(day: dt.date) -> Period:
    first_month = (day.month - 1) // 3 * 3 + 1
    start = dt.date(day.year, first_month, 1)
    next_start = dt.date(day.year + 1, 1, 1) if first_month == 10 else dt.date(day.year, first_month + 3, 1)
    return Period(start, next_start - dt.timedelta(days=1))


def parse_period(text: str) -> Period:
    """'2026Q3', '2026-Q3', '2026' or '2026-01-01:2026-03-31'."""
    text = text.strip()
    if match := _QUARTER.match(text):
        year, quarter = int(match[1]), int(match[2])
        return quarter_of(dt.date(year, quarter * 3, 1))
    if match := _YEAR.match(text):
        year = int(match[1])
        return Period(dt.date(year, 1, 1), dt.date(year, 12, 31))
    if ":" in text:
        start, end = text.split(":", 1)
        return Period(dt.date.fromisoformat(start.strip()), dt.date.fromisoformat(end.strip()))
    raise ValueError(f"Unknown period {text!r}: use 2026Q3, 2026 or 2026-01-01:2026-03-31.")


def recent_quarters(today: dt.date, count: int = 8) -> list[tuple[str, str]]:
    """(value, label) of the current quarter and the ones before it, newest first."""
    choices, quarter = [], quarter_of(today)
    for _step in range(count):
        number = (quarter.start.month - 1) // 3 + 1
        choices.append((f"{quarter.start.year}Q{number}", quarter.label))
        quarter = quarter.previous()
    return choices
