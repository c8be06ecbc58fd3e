"""The casework metrics of the catalogue (``reference.metrics``) that project indicators are measured with.

Each metric is one aggregate query over the data of ``cases``, ``clients`` and ``memorandum``, with
the same definitions as the report's tables (``reports.counting``): a client is *served* when a case
was opened or a consultation given in the period, *new* when they had no case opened before it.
A metric honours the filters it lists; other apps (outreach, trainings) register theirs the same way.

Registered from ``ReportsConfig.ready``: reports is the app that reads all three.
"""

from decimal import Decimal

from django.db import models as m
from django.utils.translation import gettext_lazy as _

from cases.models import Case, Consultation
from clients.models import Client
from memorandum.models import Referral
from reference.ages import birth_year_filter
from reference.metrics import Metric, MetricContext, register
from reports.counting import Scope, served_condition
from reports.periods import Period

# The narrowing every client-based metric offers: sex, citizenship, age band, vulnerability, office.
CLIENT_FILTERS = frozenset({"sex", "citizenship_id", "age_band", "vulnerability_id", "office_id"})
SOURCE = "reports"


def _scope(ctx: MetricContext) -> Scope:
    office = ctx.filters.get("office_id")
    return Scope(office_ids=(int(office),) if office else tuple(ctx.office_ids), project_id=ctx.project_id)


def _period(ctx: MetricContext) -> Period:
    return Period(ctx.start, ctx.end)


def client_filter(ctx: MetricContext, prefix: str = "") -> m.Q:
    """The client-level filters of ``ctx`` on a query whose client is reached through ``prefix``."""
    filters, condition = ctx.filters, m.Q()
    if filters.get("sex"):
        condition &= m.Q(**{f"{prefix}sex": filters["sex"]})
    if filters.get("citizenship_id"):
        condition &= m.Q(**{f"{prefix}citizenship_id": int(filters["citizenship_id"])})
    if filters.get("age_band"):
        condition &= birth_year_filter(filters["age_band"], field=f"{prefix}birth_year", on=ctx.end)
    if filters.get("vulnerability_id"):
        through = Client.vulnerabilities.through
        condition &= m.Q(
            m.Exists(
                through.objects.filter(
                    client_id=m.OuterRef(f"{prefix}pk" if prefix else "pk"),
                    vulnerability_id=int(filters["vulnerability_id"]),
                )
            )
        )
    return condition


def _served(ctx: MetricContext) -> m.QuerySet:
    return Client.objects.filter(
        served_condition(_scope(ctx), _period(ctx)), client_filter(ctx), merged_into__isnull=True
    )


def clients_served(ctx: MetricContext) -> int:
    return _served(ctx).count()


def new_clients(ctx: MetricContext) -> int:
    before = Case.objects.filter(client_id=m.OuterRef("pk"), opened_on__lt=ctx.start)
    return _served(ctx).filter(~m.Exists(before)).count()


def clients_vulnerable(ctx: MetricContext) -> int:
    """Served clients with the chosen vulnerability, or with any when none is chosen."""
    if ctx.filters.get("vulnerability_id"):
        return clients_served(ctx)
    through = Client.vulnerabilities.through
    return _served(ctx).filter(m.Exists(through.objects.filter(client_id=m.OuterRef("pk")))).count()


def _consultations(ctx: MetricContext) -> m.QuerySet:
    start, end = _period(ctx).bounds()
    rows = Consultation.objects.filter(
        _scope(ctx).case_filter("case__"),
        client_filter(ctx, "case__client__"),
        started_at__gte=start,
        started_at__lt=end,
    )
    if ctx.filters.get("consultation_kind"):
        rows = rows.filter(kind=ctx.filters["consultation_kind"])
    return rows


def consultations(ctx: MetricContext) -> int:
    return _consultations(ctx).count()


def consultation_hours(ctx: MetricContext) -> Decimal:
    minutes = _consultations(ctx).aggregate(minutes=m.Sum("duration_minutes"))["minutes"] or 0
    return (Decimal(minutes) / 60).quantize(Decimal("0.1"))


def _cases(ctx: MetricContext, date_field: str) -> m.QuerySet:
    rows = Case.objects.filter(
        _scope(ctx).case_filter(), client_filter(ctx, "client__"), **{f"{date_field}__range": (ctx.start, ctx.end)}
    )
    if ctx.filters.get("case_kind"):
        rows = rows.filter(kind=ctx.filters["case_kind"])
    return rows


def cases_opened(ctx: MetricContext) -> int:
    return _cases(ctx, "opened_on").count()


def cases_closed(ctx: MetricContext) -> int:
    rows = _cases(ctx, "closed_on")
    if ctx.filters.get("outcome"):
        rows = rows.filter(outcome=ctx.filters["outcome"])
    return rows.count()


def wages_recovered(ctx: MetricContext) -> Decimal:
    total = _cases(ctx, "closed_on").aggregate(total=m.Sum("wages_recovered"))["total"]
    return Decimal(total or 0)


def documents_returned(ctx: MetricContext) -> int:
    return _cases(ctx, "closed_on").filter(documents_returned=True).count()


def _referrals(ctx: MetricContext, date_field: str) -> m.QuerySet:
    start, end = _period(ctx).bounds()
    rows = Referral.objects.filter(
        _scope(ctx).case_filter("case__"),
        client_filter(ctx, "case__client__"),
        **{f"{date_field}__gte": start, f"{date_field}__lt": end},
    )
    if ctx.filters.get("partner_kind"):
        rows = rows.filter(partner__kind=ctx.filters["partner_kind"])
    return rows


def referrals_sent(ctx: MetricContext) -> int:
    return _referrals(ctx, "sent_at").count()


def referrals_completed(ctx: MetricContext) -> int:
    return _referrals(ctx, "completed_at").count()


METRICS = [
    Metric("clients_served", _("Clients served"), clients_served, "people", CLIENT_FILTERS, SOURCE),
    Metric("new_clients", _("New clients"), new_clients, "people", CLIENT_FILTERS, SOURCE),
    Metric(
        "clients_vulnerable",
        _("Clients served with a vulnerability"),
        clients_vulnerable,
        "people",
        CLIENT_FILTERS,
        SOURCE,
    ),
    Metric("consultations", _("Consultations"), consultations, "count", CLIENT_FILTERS | {"consultation_kind"}, SOURCE),
    Metric(
        "consultation_hours",
        _("Hours of consultation"),
        consultation_hours,
        "hours",
        CLIENT_FILTERS | {"consultation_kind"},
        SOURCE,
    ),
    Metric("cases_opened", _("Cases opened"), cases_opened, "count", CLIENT_FILTERS | {"case_kind"}, SOURCE),
    Metric(
        "cases_closed",
        _("Cases closed (with the chosen outcome)"),
        cases_closed,
        "count",
        CLIENT_FILTERS | {"case_kind", "outcome"},
        SOURCE,
    ),
    Metric("wages_recovered", _("Wages recovered, KZT"), wages_recovered, "kzt", CLIENT_FILTERS, SOURCE),
    Metric(
        "documents_returned",
        _("Cases closed with documents returned"),
        documents_returned,
        "count",
        CLIENT_FILTERS,
        SOURCE,
    ),
    Metric("referrals_sent", _("Referrals sent"), referrals_sent, "count", CLIENT_FILTERS | {"partner_kind"}, SOURCE),
    Metric(
        "referrals_completed",
        _("Referrals completed"),
        referrals_completed,
        "count",
        CLIENT_FILTERS | {"partner_kind"},
        SOURCE,
    ),
]


def register_all() -> None:
    for metric in METRICS:
        register(metric)
