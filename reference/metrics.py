"""The catalogue of computable metrics that project indicators are measured with.

An extension point: each app that owns the data registers its metrics when it starts
(``AppConfig.ready``), and ``reports`` reads the catalogue to compute indicators. The registry
lives in the lowest app so that every app may register into it without importing upward.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.functional import Promise


@dataclass(frozen=True)
class MetricContext:
    """What a metric counts: work dated ``start``..``end`` (both inclusive) of some offices and a project.

    ``office_ids`` empty means every office; ``project_id`` None means all work. ``filters`` holds the
    optional breakdown a project indicator asks for: ``sex`` (a clients.Sex value), ``citizenship_id``,
    ``age_band`` (a reference.ages.AgeBand value), ``vulnerability_id``, ``office_id``, and
    metric-specific keys (e.g. ``outcome`` or ``kind``). A metric ignores keys it does not list in
    ``Metric.filters``.
    """

    start: date
    end: date
    office_ids: tuple[int, ...] = ()
    project_id: int | None = None
    filters: dict[str, object] = field(default_factory=dict)


@dataclass(frozen=True)
class Metric:
    code: str
    label: str | Promise
    compute: Callable[[MetricContext], int | Decimal]
    # "count", "people", "hours" or "kzt": how reports print the value.
    unit: str = "count"
    # The filter keys of MetricContext.filters this metric honours.
    filters: frozenset[str] = frozenset()
    # Which app registered it (for the admin's grouping).
    source: str = ""


_catalogue: dict[str, Metric] = {}


def register(metric: Metric) -> Metric:
    """Add ``metric`` to the catalogue (registering the same code again replaces it: module reloads)."""
    _catalogue[metric.code] = metric
    return metric


def get(code: str) -> Metric:
    return _catalogue[code]


def all_metrics() -> list[Metric]:
    return sorted(_catalogue.values(), key=lambda metric: (metric.source, metric.code))


def choices() -> list[tuple[str, str]]:
    """(code, label) pairs for a form or a model field's choices, in catalogue order."""
    return [(metric.code, str(metric.label)) for metric in all_metrics()]
