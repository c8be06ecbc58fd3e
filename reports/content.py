"""Turns the counted figures of two periods into labelled, suppressed tables.

Call inside ``translation.override(report language)``: headings, choice
labels and reference names follow the active language.
"""

from collections import Counter

from django.utils.formats import date_format
from django.utils.translation import gettext as _

from cases.models import CaseKind, ConsultationKind, ConsultationMode, Outcome, ProblemCategory
from clients.models import Client, MigrationStatus, Sex, Vulnerability
from memorandum.models import PartnerKind, ReferralState
from reference.ages import AGE_BANDS
from reference.models import Country, Region
from reports.counting import Figures, median
from reports.models import Audience
from reports.suppression import THRESHOLD, suppress, suppress_all
from reports.tables import RESIDUAL_CODES, Row, Table, few

ANSWERED_STATES = [state for state in ReferralState if state != ReferralState.DRAFT]


def _not_known() -> str:
    return _("Not recorded")


def _reference_labels(model, ids) -> list[tuple[object, str]]:
    """(id, name) in the reference table's order; one query; None last as 'not recorded'.

    A catch-all row ("unknown", "other") gets a label of class ``Residual``, which tells
    suppression to hide it first when more cells must go.
    """
    wanted = [pk for pk in ids if pk is not None]
    rows = model.objects.filter(pk__in=wanted).order_by("ordering", "name_en", "pk")
    labels = [(row.pk, Residual(row.name) if row.code in RESIDUAL_CODES else row.name) for row in rows]
    if None in ids:
        labels.append((None, _not_known()))
    return labels


def _choice_labels(choices, present) -> list[tuple[object, str]]:
    labels = [(choice.value, str(choice.label)) for choice in choices]
    known = {value for value, _label in labels}
    labels += [(value, _not_known()) for value in present if value not in known]
    return labels


class Residual(str):
    """A row label of a catch-all category."""


def _comparison(columns, key, title, labels, current: Counter, previous: Counter, *, total=True, note=""):
    rows = [
        Row(
            str(value),
            str(label),
            [current.get(value, 0), previous.get(value, 0)],
            residual=isinstance(label, Residual),
        )
        for value, label in labels
    ]
    total_row = None
    if total:
        total_row = Row("total", _("Total"), [sum(current.values()), sum(previous.values())])
    return Table(key, title, list(columns), rows, total=total_row, note=note)


def build_tables(current: Figures, previous: Figures, audience: str = Audience.FUNDER) -> list[Table]:
    c, p = current, previous
    columns = [c.period.label, p.period.label]
    tables = [
        _key_figures(columns, c, p),
        _comparison(
            columns,
            "clients",
            _("Clients served: new and returning"),
            [(False, _("New clients")), (True, _("Returning clients"))],
            c.clients["returning"],
            p.clients["returning"],
        ),
    ]
    for dimension, title, labels in _client_breakdowns(c, p):
        tables.append(
            _comparison(columns, f"clients_{dimension}", title, labels, c.clients[dimension], p.clients[dimension])
        )
    tables += [
        _comparison(
            columns,
            "vulnerabilities",
            _("Clients by vulnerability"),
            _reference_labels(Vulnerability, set(c.vulnerabilities) | set(p.vulnerabilities)),
            c.vulnerabilities,
            p.vulnerabilities,
            total=False,
            note=_("A client may have several vulnerabilities or none."),
        ),
        _comparison(
            columns,
            "categories",
            _("Cases worked on by problem category"),
            _reference_labels(ProblemCategory, set(c.categories) | set(p.categories)),
            c.categories,
            p.categories,
            total=False,
            note=_("A case may concern several problems."),
        ),
        _comparison(
            columns,
            "consultations_kind",
            _("Consultations by kind"),
            _choice_labels(ConsultationKind, set(c.consultations_by_kind) | set(p.consultations_by_kind)),
            c.consultations_by_kind,
            p.consultations_by_kind,
        ),
        _comparison(
            columns,
            "consultations_mode",
            _("Consultations by mode"),
            _choice_labels(ConsultationMode, set(c.consultations_by_mode) | set(p.consultations_by_mode)),
            c.consultations_by_mode,
            p.consultations_by_mode,
        ),
        _hours(columns, c, p),
        _monthly(c),
        _comparison(
            columns,
            "cases_opened",
            _("Cases opened by kind"),
            _choice_labels(CaseKind, set(c.cases_opened_by_kind) | set(p.cases_opened_by_kind)),
            c.cases_opened_by_kind,
            p.cases_opened_by_kind,
        ),
        _comparison(
            columns,
            "cases_closed",
            _("Cases closed by outcome"),
            _choice_labels(Outcome, set(c.cases_closed_by_outcome) | set(p.cases_closed_by_outcome)),
            c.cases_closed_by_outcome,
            p.cases_closed_by_outcome,
        ),
        _comparison(
            columns,
            "results",
            _("Results of closed cases"),
            [
                ("documents_returned", _("Documents returned")),
                ("status_regularised", _("Migration status regularised")),
                ("deportation_avoided", _("Deportation avoided")),
                ("return_home_arranged", _("Return home arranged")),
            ],
            c.results,
            p.results,
            total=False,
        ),
        _wages(columns, c, p),
        _comparison(
            columns,
            "referrals_kind",
            _("Referrals sent by partner kind"),
            _choice_labels(PartnerKind, []),
            _sum_by_kind(c.referrals),
            _sum_by_kind(p.referrals),
        ),
        _referral_results(c),
        _answer_days(columns, c, p),
    ]
    return protect(tables, audience)


def protect(tables: list[Table], audience: str) -> list[Table]:
    """Hide what the audience may not read (``tables[0]`` is the key figures).

    internal: nothing is hidden, not even medians of two answers; funder: the key figures are
    exact, every breakdown is suppressed; public: everything is suppressed.
    """
    if audience == Audience.INTERNAL:
        for table in tables:
            for row in table.all_rows():
                row.hidden = [""] * len(row.values)
        return tables
    key_figures, breakdowns = tables[0], tables[1:]
    suppress_all(breakdowns)
    if audience == Audience.FUNDER:
        for row in key_figures.rows:
            row.hidden = [""] * len(row.values)
    else:
        suppress(key_figures)
        _hide_new_clients_as_in_the_clients_table(key_figures, breakdowns[0])
    return tables


def _hide_new_clients_as_in_the_clients_table(key_figures: Table, clients: Table) -> None:
    """The key figures state served = new + returning too: hide "new" wherever the clients table does.

    Otherwise "Clients served 12" and "New clients 9" there would give away the
    returning clients' "<5" (3) of the clients table.
    """
    new_in_figures = next(row for row in key_figures.rows if row.key == "new_clients")
    new_in_clients = next(row for row in clients.rows if row.key == str(False))
    new_in_figures.hidden = [a or b for a, b in zip(new_in_figures.hidden, new_in_clients.hidden, strict=True)]


def _sum_by_kind(referrals: Counter) -> Counter:
    totals = Counter()
    for (kind, _state), n in referrals.items():
        totals[kind] += n
    return totals


def _client_breakdowns(c: Figures, p: Figures):
    def present(dimension):
        return set(c.clients.get(dimension, {})) | set(p.clients.get(dimension, {}))

    age_labels = [(band.value, str(band.label)) for band in AGE_BANDS]
    migration_model = Client._meta.get_field("migration_status").related_model or MigrationStatus
    return [
        ("sex", _("Clients by sex"), _choice_labels(Sex, present("sex"))),
        ("age_group", _("Clients by age group"), age_labels),
        ("citizenship_id", _("Clients by citizenship"), _reference_labels(Country, present("citizenship_id"))),
        ("region_id", _("Clients by region of stay"), _reference_labels(Region, present("region_id"))),
        (
            "migration_status_id",
            _("Clients by migration status"),
            _reference_labels(migration_model, present("migration_status_id")),
        ),
    ]


def _key_figures(columns: list[str], c: Figures, p: Figures) -> Table:
    def sent(f):
        return sum(f.referrals.values())

    rows = [
        Row("clients_served", _("Clients served"), [c.clients_served, p.clients_served]),
        Row("new_clients", _("New clients"), [c.clients["returning"][False], p.clients["returning"][False]]),
        Row("consultations", _("Consultations"), [c.consultations, p.consultations]),
        Row(
            "hours",
            _("Hours of consultation"),
            [c.hours, p.hours],
            hidden=[few(c.consultations), few(p.consultations)],  # resting on as few consultations
            kind="hours",
        ),
        Row(
            "cases_opened",
            _("Cases opened"),
            [sum(c.cases_opened_by_kind.values()), sum(p.cases_opened_by_kind.values())],
        ),
        Row(
            "cases_closed",
            _("Cases closed"),
            [sum(c.cases_closed_by_outcome.values()), sum(p.cases_closed_by_outcome.values())],
        ),
        Row("referrals_sent", _("Referrals sent"), [sent(c), sent(p)]),
    ]
    return Table("key_figures", _("Key figures"), list(columns), rows)


def _monthly(c: Figures) -> Table:
    rows = [
        Row(month.isoformat(), date_format(month, "YEAR_MONTH_FORMAT"), [c.consultations_by_month.get(month, 0)])
        for month in c.period.months()
    ]
    total = Row("total", _("Total"), [sum(row.values[0] for row in rows)])
    return Table("consultations_by_month", _("Consultations by month"), [c.period.label], rows, total=total)


def _hours(columns: list[str], c: Figures, p: Figures) -> Table:
    labels = _choice_labels(ConsultationKind, set(c.minutes_by_kind) | set(p.minutes_by_kind))
    rows = []
    for value, label in labels:
        counts = [c.consultations_by_kind.get(value, 0), p.consultations_by_kind.get(value, 0)]
        minutes = [c.minutes_by_kind.get(value, 0), p.minutes_by_kind.get(value, 0)]
        rows.append(Row(value, label, [round(x / 60, 1) for x in minutes], hidden=[few(n) for n in counts]))
    total = Row("total", _("Total"), [c.hours, p.hours], hidden=[few(c.consultations), few(p.consultations)])
    return Table("hours", _("Hours of consultation by kind"), list(columns), rows, total=total, kind="hours")


def _wages(columns: list[str], c: Figures, p: Figures) -> Table:
    def row(key, label, amount_key, count_key):
        values = [c.wages.get(amount_key) or 0, p.wages.get(amount_key) or 0]
        hidden = [few(c.wages.get(count_key, 0)), few(p.wages.get(count_key, 0))]
        return Row(key, label, values, hidden=hidden)

    return Table(
        "wages",
        _("Wages of closed cases, KZT"),
        list(columns),
        [
            row("claimed", _("Wages claimed"), "claimed", "claimed_n"),
            row("recovered", _("Wages recovered"), "recovered", "recovered_n"),
        ],
        kind="money",
        note=_("Amounts resting on fewer than %(n)s cases are not shown.") % {"n": THRESHOLD},
    )


def _referral_results(c: Figures) -> Table:
    states = [state for state in ANSWERED_STATES if any(s == state for (_k, s) in c.referrals)] or ANSWERED_STATES[:1]
    columns = [str(state.label) for state in states] + [_("Total")]
    rows = []
    for kind in PartnerKind:
        values = [c.referrals.get((kind.value, state.value), 0) for state in states]
        rows.append(Row(kind.value, str(kind.label), [*values, sum(values)]))
    total_values = [sum(row.values[i] for row in rows) for i in range(len(columns))]
    return Table(
        "referral_results",
        _("Results of referrals sent in %(period)s") % {"period": c.period.label},
        columns,
        rows,
        total=Row("total", _("Total"), total_values),
        total_column=True,
        note=_("The state of each referral today."),
    )


def _answer_days(columns: list[str], c: Figures, p: Figures) -> Table:
    def cell(histograms: dict, kinds) -> tuple[float | None, bool]:
        merged = Counter()
        for kind in kinds:
            merged.update(histograms.get(kind, Counter()))
        return median(merged), few(sum(merged.values()))

    rows = []
    for kind in PartnerKind:
        (cv, ch), (pv, ph) = cell(c.answer_days, [kind.value]), cell(p.answer_days, [kind.value])
        rows.append(Row(kind.value, str(kind.label), [cv, pv], hidden=[ch, ph]))
    everyone = [kind.value for kind in PartnerKind]
    (cv, ch), (pv, ph) = cell(c.answer_days, everyone), cell(p.answer_days, everyone)
    rows.append(Row("all", _("All partners"), [cv, pv], hidden=[ch, ph]))
    return Table(
        "answer_days",
        _("Median days for partners to answer"),
        list(columns),
        rows,
        kind="days",
        note=_("Medians resting on fewer than %(n)s answers are not shown.") % {"n": THRESHOLD},
    )
