"""The outreach section of a report: the figures of ``outreach.aggregates`` as suppressed tables.

Each table compares the period with the previous one, like the other breakdowns, and goes through
the same audience rules (``protect_breakdowns``): internal shows every figure exactly, funder and
public readers get the small-cell marks of ``reports.tables``. Call inside
``translation.override(report language)``.
"""

from collections import Counter

from django.utils.translation import gettext as _

from cases.models import ProblemCategory
from clients.models import Sex
from outreach import aggregates
from outreach.models import ActivityKind, Agency, ContactChannel
from reference.ages import AgeBand
from reference.models import Country, Language
from reports.content import _choice_labels, _comparison, _reference_labels
from reports.models import Audience
from reports.periods import Period
from reports.suppression import THRESHOLD, suppress_all
from reports.tables import Row, Table, few

# The tables of the section, in the order they are printed.
OUTREACH_KEYS = [
    "outreach_activities",
    "outreach_sex",
    "outreach_age",
    "outreach_citizenship",
    "outreach_agencies",
    "outreach_tests",
    "outreach_materials",
    "outreach_contacts_channel",
    "outreach_contacts_problem",
]


class _Figures:
    """The outreach aggregates of one period."""

    def __init__(self, scope: aggregates.Scope):
        by_sex_and_age = aggregates.people_reached_by_sex_and_age(scope)
        self.activities = Counter(aggregates.activities_by_kind(scope))
        self.sex: Counter = Counter()
        self.age: Counter = Counter()
        for (sex, band), n in by_sex_and_age.items():
            self.sex[sex] += n
            self.age[band] += n
        self.citizenship = Counter(aggregates.people_reached_by_citizenship(scope))
        self.agencies = Counter(aggregates.officials_trained_by_agency(scope))
        self.improvement, self.scored = aggregates.test_improvement(scope)
        self.languages: Counter = Counter()
        for (language, _kind), n in aggregates.materials_by_language(scope).items():
            self.languages[language] += n
        self.channels = Counter(aggregates.quick_contacts_by_channel(scope))
        self.problems = Counter(aggregates.quick_contacts_by_problem(scope))


def _scope(period: Period, office_ids: tuple[int, ...], project_id: int | None) -> aggregates.Scope:
    return aggregates.Scope(period.start, period.end, tuple(office_ids), project_id)


def outreach_tables(
    period: Period, office_ids: tuple[int, ...] = (), project_id: int | None = None, audience: str = Audience.FUNDER
) -> list[Table]:
    """The section's tables for ``period`` against the previous period, protected for ``audience``."""
    c = _Figures(_scope(period, office_ids, project_id))
    p = _Figures(_scope(period.previous(), office_ids, project_id))
    columns = [period.label, period.previous().label]

    def both(attribute: str) -> set:
        return set(getattr(c, attribute)) | set(getattr(p, attribute))

    tables = [
        _comparison(
            columns,
            "outreach_activities",
            _("Outreach activities held, by kind"),
            _choice_labels(ActivityKind, both("activities")),
            c.activities,
            p.activities,
        ),
        _comparison(
            columns,
            "outreach_sex",
            _("People reached by sex"),
            _choice_labels(Sex, both("sex")),
            c.sex,
            p.sex,
            note=_("People counted in the room of held activities, as the organisers recorded them."),
        ),
        _comparison(
            columns, "outreach_age", _("People reached by age band"), _choice_labels(AgeBand, both("age")), c.age, p.age
        ),
        _comparison(
            columns,
            "outreach_citizenship",
            _("People reached by citizenship"),
            _reference_labels(Country, both("citizenship")),
            c.citizenship,
            p.citizenship,
        ),
        _comparison(
            columns,
            "outreach_agencies",
            _("Officials trained, by agency"),
            _reference_labels(Agency, both("agencies")),
            c.agencies,
            p.agencies,
            note=_("Officials on the attendance lists of trainings for officials."),
        ),
        _tests(columns, c, p),
        _comparison(
            columns,
            "outreach_materials",
            _("Materials handed out, by language"),
            _reference_labels(Language, both("languages")),
            c.languages,
            p.languages,
            note=_("Copies handed out at held activities."),
        ),
        _comparison(
            columns,
            "outreach_contacts_channel",
            _("Quick contacts by channel"),
            _choice_labels(ContactChannel, both("channels")),
            c.channels,
            p.channels,
        ),
        _comparison(
            columns,
            "outreach_contacts_problem",
            _("Quick contacts by problem"),
            _reference_labels(ProblemCategory, both("problems")),
            c.problems,
            p.problems,
            total=False,
            note=_("A contact may raise several problems or none."),
        ),
    ]
    return protect_breakdowns(tables, audience)


def _tests(columns: list[str], c: _Figures, p: _Figures) -> Table:
    rows = [
        Row(
            "improvement",
            _("Mean improvement, points out of 100"),
            [c.improvement, p.improvement],
            hidden=[few(c.scored), few(p.scored)],
            kind="points",
        ),
        Row("scored", _("People tested before and after"), [c.scored, p.scored]),
    ]
    return Table(
        "outreach_tests",
        _("Knowledge tests of trainings"),
        list(columns),
        rows,
        note=_("Means resting on fewer than %(n)s people are not shown.") % {"n": THRESHOLD},
    )


def protect_breakdowns(tables: list[Table], audience: str) -> list[Table]:
    """The audience rules of ``reports.content.protect`` for tables that are all breakdowns."""
    if audience == Audience.INTERNAL:
        for table in tables:
            for row in table.all_rows():
                row.hidden = [""] * len(row.values)
    else:
        suppress_all(tables)
    return tables
