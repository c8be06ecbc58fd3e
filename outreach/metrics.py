"""Outreach's entries in the metric catalogue (reference.metrics), registered in OutreachConfig.ready."""

from django.utils.translation import gettext_lazy as _

from outreach import aggregates
from reference.metrics import Metric, MetricContext, register

SOURCE = "outreach"


def _people_reached(context: MetricContext) -> int:
    return aggregates.people_reached(aggregates.Scope.of(context))


def _officials_trained(context: MetricContext) -> int:
    return aggregates.officials_trained(aggregates.Scope.of(context))


def _leaflets(context: MetricContext) -> int:
    return aggregates.leaflets_distributed(aggregates.Scope.of(context))


def _quick_contacts(context: MetricContext) -> int:
    return aggregates.quick_contact_totals(aggregates.Scope.of(context))["total"]


def _improvement(context: MetricContext):
    return aggregates.mean_test_improvement(aggregates.Scope.of(context)) or 0


def _campaign_reach(context: MetricContext) -> int:
    return sum(aggregates.campaign_reach_by_channel(aggregates.Scope.of(context)).values())


METRICS = [
    Metric("outreach_people_reached", _("People reached at outreach activities"), _people_reached, "people"),
    Metric("outreach_officials_trained", _("Officials trained"), _officials_trained, "people"),
    Metric("outreach_leaflets_distributed", _("Leaflets distributed"), _leaflets, "count"),
    Metric("outreach_quick_contacts", _("Quick contacts (hotline and outreach points)"), _quick_contacts, "count"),
    Metric("outreach_mean_test_improvement", _("Mean test improvement after training (points)"), _improvement, "count"),
    Metric("outreach_campaign_reach", _("Estimated campaign reach"), _campaign_reach, "people"),
]


def register_metrics() -> None:
    for metric in METRICS:
        register(Metric(metric.code, metric.label, metric.compute, metric.unit, metric.filters, SOURCE))
