"""Every number of a report, counted by the database.

Each query is an aggregate with GROUP BY and returns at most a few thousand
grouped rows whatever the number of clients: no record is loaded into Python,
and no name, code or note is ever selected. The same queries run on SQLite
and PostgreSQL.

Definitions (what a funder reads in the report's notes):
- a client is *served* in the period when a case in scope was opened or a
  consultation in scope was given in the period; *returning* when they had a
  case (any) opened before the period, *new* otherwise; records merged into
  another are not counted twice;
- age is the age reached in the last year of the period, from the year of birth;
- a case is *worked on* when it was opened or had a consultation in the period;
- referrals count from the day they were sent; days to answer run from
  sending to the first answer (acknowledged, accepted or declined).
"""

from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from django.db import DEFAULT_DB_ALIAS, connections, router, transaction
from django.db import models as m
from django.db.models.functions import TruncDate, TruncMonth

from cases.models import Case, Consultation
from clients.models import Client, Vulnerability
from memorandum.models import Referral
from reference.ages import AGE_BANDS, age_band_case
from reports.periods import Period

# The product's one age banding (reference.ages); the report groups by the band's index.
AGE_GROUPS = [band.value for band in AGE_BANDS]
CLIENT_DIMENSIONS = ["sex", "age_group", "citizenship_id", "region_id", "migration_status_id", "returning"]


@dataclass(frozen=True)
class Scope:
    """Which work a report covers: some offices (empty: all) and a project (None: all work)."""

    office_ids: tuple[int, ...] = ()
    project_id: int | None = None

    def case_filter(self, prefix: str = "") -> m.Q:
        condition = m.Q()
        if self.office_ids:
            condition &= m.Q(**{f"{prefix}office_id__in": self.office_ids})
        if self.project_id:
            condition &= m.Q(**{f"{prefix}project_id": self.project_id})
        return condition


@dataclass
class Figures:
    """The counts of one period, keyed by dimension then by value (an id, a choice or a label)."""

    period: Period
    clients: dict[str, Counter] = field(default_factory=dict)
    clients_served: int = 0
    vulnerabilities: Counter = field(default_factory=Counter)
    categories: Counter = field(default_factory=Counter)
    consultations_by_kind: Counter = field(default_factory=Counter)
    consultations_by_mode: Counter = field(default_factory=Counter)
    minutes_by_kind: Counter = field(default_factory=Counter)
    consultations_by_month: Counter = field(default_factory=Counter)
    cases_opened_by_kind: Counter = field(default_factory=Counter)
    cases_closed_by_outcome: Counter = field(default_factory=Counter)
    results: Counter = field(default_factory=Counter)
    wages: dict = field(default_factory=dict)
    referrals: Counter = field(default_factory=Counter)  # (partner kind, state) -> n
    answer_days: dict[str, Counter] = field(default_factory=dict)  # partner kind -> {days: n}

    @property
    def consultations(self) -> int:
        return sum(self.consultations_by_kind.values())

    @property
    def hours(self) -> float:
        return round(sum(self.minutes_by_kind.values()) / 60, 1)


def served_condition(scope: Scope, period: Period, client_field: str = "pk") -> m.Q:
    """The client (``client_field`` of the outer query) had a case opened or a consultation in the period."""
    start, end = period.bounds()
    # Correlated EXISTS probes use the (client) and (case, started_at) indexes;
    # "id IN (subquery) OR ..." made PostgreSQL rescan the subquery per row
    # once the id set outgrew work_mem.
    opened = Case.objects.filter(
        scope.case_filter(), client_id=m.OuterRef(client_field), opened_on__range=(period.start, period.end)
    )
    # A case opened in the period already counts its client, so only
    # consultations on cases opened at another time need looking at: a small
    # set found through the opened_on index instead of a whole year's consultations.
    consulted = Consultation.objects.filter(
        scope.case_filter("case__"),
        ~m.Q(case__opened_on__range=(period.start, period.end)),
        case__client_id=m.OuterRef(client_field),
        started_at__gte=start,
        started_at__lt=end,
    )
    return m.Q(m.Exists(opened)) | m.Q(m.Exists(consulted))


def served_clients(scope: Scope, period: Period) -> m.QuerySet:
    return Client.objects.filter(served_condition(scope, period), merged_into__isnull=True)


def count_clients(figures: Figures, scope: Scope, period: Period, vulnerability_ids: list[int]) -> None:
    served = served_clients(scope, period)
    returning = m.Exists(Case.objects.filter(client_id=m.OuterRef("pk"), opened_on__lt=period.start))
    # A client may have several vulnerabilities, so they cannot be a dimension;
    # each is a filtered count instead, in the same pass over the served clients.
    through = Client.vulnerabilities.through
    vulnerability_counts = {
        f"vulnerability_{pk}": m.Count(
            "pk", filter=m.Q(m.Exists(through.objects.filter(client_id=m.OuterRef("pk"), vulnerability_id=pk)))
        )
        for pk in vulnerability_ids
    }
    # One GROUP BY over all single-valued dimensions; each breakdown is a sum
    # over this cube (bounded by the product of the reference tables' sizes).
    cube = (
        served.annotate(age_group=age_band_case(year=period.end.year), returning=returning)
        .values(*CLIENT_DIMENSIONS)
        .annotate(n=m.Count("pk"), **vulnerability_counts)
        .order_by()
    )
    marginals = {dimension: Counter() for dimension in CLIENT_DIMENSIONS}
    for cell in cube:
        cell["age_group"] = AGE_GROUPS[cell["age_group"]]
        for dimension in CLIENT_DIMENSIONS:
            marginals[dimension][cell[dimension]] += cell["n"]
        for pk in vulnerability_ids:
            figures.vulnerabilities[pk] += cell[f"vulnerability_{pk}"]
    figures.clients = marginals
    figures.clients_served = sum(marginals["sex"].values())
    figures.vulnerabilities = +figures.vulnerabilities  # drop the zeros, as a GROUP BY would


def count_cases(figures: Figures, scope: Scope, period: Period) -> None:
    start, end = period.bounds()
    in_period = (period.start, period.end)
    consulted = Consultation.objects.filter(case_id=m.OuterRef("pk"), started_at__gte=start, started_at__lt=end)
    worked = Case.objects.filter(scope.case_filter()).filter(m.Q(opened_on__range=in_period) | m.Exists(consulted))
    through = Case.categories.through
    categories = (
        through.objects.filter(case_id__in=worked.values("pk"))
        .values("problemcategory_id")
        .annotate(n=m.Count("case_id"))
        .order_by()
    )
    figures.categories = Counter({row["problemcategory_id"]: row["n"] for row in categories})

    opened = Case.objects.filter(scope.case_filter(), opened_on__range=in_period)
    figures.cases_opened_by_kind = Counter(
        {row["kind"]: row["n"] for row in opened.values("kind").annotate(n=m.Count("pk")).order_by()}
    )

    closed = (
        Case.objects.filter(scope.case_filter(), closed_on__range=in_period)
        .values("outcome")
        .annotate(
            n=m.Count("pk"),
            documents_returned=m.Count("pk", filter=m.Q(documents_returned=True)),
            status_regularised=m.Count("pk", filter=m.Q(status_regularised=True)),
            deportation_avoided=m.Count("pk", filter=m.Q(deportation_avoided=True)),
            return_home_arranged=m.Count("pk", filter=m.Q(return_home_arranged=True)),
            claimed=m.Sum("wages_claimed"),
            claimed_n=m.Count("pk", filter=m.Q(wages_claimed__gt=0)),
            recovered=m.Sum("wages_recovered"),
            recovered_n=m.Count("pk", filter=m.Q(wages_recovered__gt=0)),
        )
        .order_by()
    )
    wages = Counter()
    for row in closed:
        figures.cases_closed_by_outcome[row["outcome"] or "unknown"] += row["n"]
        for result in ("documents_returned", "status_regularised", "deportation_avoided", "return_home_arranged"):
            figures.results[result] += row[result]
        for key in ("claimed", "claimed_n", "recovered", "recovered_n"):
            wages[key] += row[key] or 0
    figures.wages = dict(wages)


def count_consultations(figures: Figures, scope: Scope, period: Period) -> None:
    start, end = period.bounds()
    consultations = Consultation.objects.filter(scope.case_filter("case__"), started_at__gte=start, started_at__lt=end)
    # One pass: kind x mode x month, each breakdown summed from it.
    grouped = (
        consultations.annotate(month=TruncMonth("started_at"))
        .values("kind", "mode", "month")
        .annotate(n=m.Count("pk"), minutes=m.Sum("duration_minutes"))
        .order_by()
    )
    for row in grouped:
        month = row["month"].date() if hasattr(row["month"], "date") else row["month"]
        figures.consultations_by_kind[row["kind"]] += row["n"]
        figures.consultations_by_mode[row["mode"]] += row["n"]
        figures.minutes_by_kind[row["kind"]] += row["minutes"] or 0
        figures.consultations_by_month[month] += row["n"]


def count_referrals(figures: Figures, scope: Scope, period: Period) -> None:
    start, end = period.bounds()
    sent = Referral.objects.filter(scope.case_filter("case__"), sent_at__gte=start, sent_at__lt=end)
    for row in sent.values("partner__kind", "state").annotate(n=m.Count("pk")).order_by():
        figures.referrals[(row["partner__kind"], row["state"])] += row["n"]
    # A histogram of whole days per partner kind: at most (kinds x distinct
    # day counts) rows, so the median is exact without loading referrals.
    days = m.ExpressionWrapper(TruncDate("answered_at") - TruncDate("sent_at"), output_field=m.DurationField())
    histogram = (
        sent.filter(answered_at__isnull=False)
        .annotate(days=days)
        .values("partner__kind", "days")
        .annotate(n=m.Count("pk"))
        .order_by()
    )
    for row in histogram:
        figures.answer_days.setdefault(row["partner__kind"], Counter())[max(row["days"].days, 0)] += row["n"]


def median(histogram: Counter) -> float | None:
    total = sum(histogram.values())
    if not total:
        return None
    values = sorted(histogram.items())
    positions = [(total - 1) // 2, total // 2]  # the middle one or two of the sorted values
    found, seen = [], 0
    for value, count in values:
        while positions and positions[0] < seen + count:
            found.append(value)
            positions.pop(0)
        seen += count
    return sum(found) / len(found)


@contextmanager
def snapshot() -> Iterator[None]:
    """One read-only snapshot for all the queries of a report, tuned for aggregates on PostgreSQL.

    Every query then sees the same data, so a report's tables agree with each
    other even while caseworkers keep writing. JIT compilation is switched off:
    it cost half a second per aggregate here and saves nothing on queries that
    run for a second; a larger work_mem keeps the GROUP BY hashes in memory.
    """
    # The counting reads the replica when one is configured and fresh (ariptes/db_router.py).
    alias = router.db_for_read(Client) or DEFAULT_DB_ALIAS
    database = connections[alias]
    outermost = not database.in_atomic_block
    with transaction.atomic(using=alias):
        if database.vendor == "postgresql":
            with database.cursor() as cursor:
                if outermost:
                    cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ, READ ONLY")
                cursor.execute("SET LOCAL jit = off")
                cursor.execute("SET LOCAL work_mem = '64MB'")
                # Our GROUP BYs yield at most a few thousand groups, but the planner, misled by
                # the cost of the EXISTS probes, sorted 100,000 rows to group them; hashing is
                # 2-3 times faster. Sorting is still used where nothing else can do the job.
                cursor.execute("SET LOCAL enable_sort = off")
        yield


def count(scope: Scope, period: Period) -> Figures:
    figures = Figures(period=period)
    count_clients(figures, scope, period, list(Vulnerability.objects.order_by("pk").values_list("pk", flat=True)))
    count_cases(figures, scope, period)
    count_consultations(figures, scope, period)
    count_referrals(figures, scope, period)
    return figures
