"""Project indicators against their targets: what the logframe table of a report and the project page show.

Every indicator is one metric of the catalogue (``reference.metrics``) computed twice: over the
period, and over the project's life up to the period's end (*cumulative*; people are counted once
over the whole span, not summed quarter by quarter). The target of the period is the quarter's
target for a quarter, the year's for a year; a project target covers the whole project.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from decimal import Decimal

from django.utils.translation import gettext as _

from reference import metrics as catalogue
from reports.models import Audience, Indicator, TargetPeriod
from reports.periods import Period, quarter_of
from reports.suppression import is_small
from reports.tables import PRIMARY, display, legend, money

UNIT_KIND = {"people": "count", "count": "count", "hours": "hours", "kzt": "money"}


@dataclass
class IndicatorResult:
    indicator: Indicator
    unit: str
    baseline: Decimal
    target: Decimal | None  # of the period (quarter or year), None when the period has none
    achieved: Decimal | int
    cumulative: Decimal | int
    project_target: Decimal | None
    hidden: str = ""  # the mark printed instead of the period's figures (public reports)
    cumulative_hidden: str = ""

    @property
    def percent(self) -> float | None:
        return _percent(self.achieved, self.target)

    @property
    def project_percent(self) -> float | None:
        return _percent(self.cumulative, self.project_target)


def _percent(value, target) -> float | None:
    if not target:
        return None
    return float(value) / float(target) * 100


def period_target(indicator: Indicator, period: Period) -> Decimal | None:
    """The target of ``period`` as a whole: a quarter's or a year's, from the prefetched targets."""
    whole = period.whole
    wanted = None
    if whole == quarter_of(whole.start):
        wanted = (TargetPeriod.QUARTER, whole.start.year, (whole.start.month - 1) // 3 + 1)
    elif whole.start == dt.date(whole.start.year, 1, 1) and whole.end == dt.date(whole.start.year, 12, 31):
        wanted = (TargetPeriod.YEAR, whole.start.year, None)
    for target in indicator.targets.all():
        if wanted and (target.period, target.year, target.quarter) == wanted:
            return target.value
    return None


def project_target(indicator: Indicator) -> Decimal | None:
    for target in indicator.targets.all():
        if target.period == TargetPeriod.PROJECT:
            return target.value
    return None


def compute(indicator: Indicator, *, start: dt.date, end: dt.date, office_ids: tuple[int, ...] = ()):
    metric = catalogue.get(indicator.metric)
    filters = {key: value for key, value in (indicator.filters or {}).items() if key in metric.filters and value}
    context = catalogue.MetricContext(
        start=start, end=end, office_ids=office_ids, project_id=indicator.project_id, filters=filters
    )
    return metric.compute(context)


def indicator_results(
    project, period: Period, *, office_ids: tuple[int, ...] = (), audience: str = Audience.FUNDER
) -> list[IndicatorResult]:
    """The project's indicators for ``period``: period and cumulative values, targets, marks for the audience."""
    results = []
    indicators = project.indicators.prefetch_related("targets").order_by("ordering", "code", "pk")
    for indicator in indicators:
        try:
            metric = catalogue.get(indicator.metric)
        except KeyError:
            continue  # a metric whose app was removed: nothing to compute
        achieved = compute(indicator, start=period.start, end=period.end, office_ids=office_ids)
        since = min(project.starts_on, period.start)
        cumulative = compute(indicator, start=since, end=period.end, office_ids=office_ids)
        result = IndicatorResult(
            indicator=indicator,
            unit=metric.unit,
            baseline=indicator.baseline,
            target=period_target(indicator, period),
            achieved=achieved,
            cumulative=cumulative,
            project_target=project_target(indicator),
        )
        if audience == Audience.PUBLIC and metric.unit in ("people", "count"):
            result.hidden = PRIMARY if is_small(achieved) else ""
            result.cumulative_hidden = PRIMARY if is_small(cumulative) else ""
        results.append(result)
    return results


def format_value(value, unit: str) -> str:
    """A value of ``unit`` in the active language (money as 450 000 ₸ or KZT 450,000)."""
    if value is None:
        return "—"
    if unit == "kzt":
        return money(value)
    return display(value, "", UNIT_KIND.get(unit, "count"))


def format_percent(percent: float | None) -> str:
    if percent is None:
        return "—"
    return display(round(percent, 1), "", "percent") + "\u202f%"


def printable_results(results: list[IndicatorResult]) -> dict:
    """The indicator table as the PDF, the XLSX and the project page print it (active language)."""
    rows = []
    marks = set()
    for result in results:
        percent = None if result.hidden else result.percent
        project_percent = None if result.cumulative_hidden else result.project_percent
        marks.update(mark for mark in (result.hidden, result.cumulative_hidden) if mark)
        rows.append(
            {
                "code": result.indicator.code,
                "title": result.indicator.name,
                "unit": result.unit,
                "baseline": format_value(result.baseline, result.unit),
                "target": format_value(result.target, result.unit),
                "achieved": result.hidden or format_value(result.achieved, result.unit),
                "percent": result.hidden or format_percent(percent),
                "cumulative": result.cumulative_hidden or format_value(result.cumulative, result.unit),
                "project_target": format_value(result.project_target, result.unit),
                "project_percent": result.cumulative_hidden or format_percent(project_percent),
                # Bars are drawn up to 100 %; a figure beyond the target says so in its number.
                "bar": None if percent is None else min(percent, 100.0),
                "project_bar": None if project_percent is None else min(project_percent, 100.0),
                "hidden": bool(result.hidden),
            }
        )
    header = {
        "code": _("Code"),
        "title": _("Indicator"),
        "baseline": _("Baseline"),
        "target": _("Target for the period"),
        "achieved": _("Achieved in the period"),
        "percent": _("% of the period's target"),
        "cumulative": _("Cumulative since the start"),
        "project_target": _("Target for the project"),
        "project_percent": _("% of the project's target"),
    }
    return {"header": header, "rows": rows, "legend": legend(marks)}
