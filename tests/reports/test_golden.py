"""The golden test: a seeded random world, the Q3 report of a project, and every number it prints checked.

The world is drawn from a fixed seed; the report is built as a manager would get it (English,
funder audience) and read back from the PDF with pypdf. Each printed number of the key figures,
of the project indicator table and of two breakdowns (clients by sex, consultations by kind) is
compared with a count made here by hand-written SQL, independent of the report's own queries.
A hidden cell must stand for what its mark says: ``<5`` for 1–4.
"""

import datetime as dt
import io
import random
import re
from decimal import Decimal

import pytest
from django.db import connection
from django.utils import timezone
from pypdf import PdfReader

from cases.models import CaseKind, ConsultationKind, ConsultationMode, Outcome
from memorandum.models import PartnerKind, ReferralState
from reports import services
from reports.document import ReportRequest, build_files
from reports.models import TargetPeriod
from reports.periods import parse_period
from tests.reports.factories import consult, make_case, make_client, make_project, partner, refer

pytestmark = pytest.mark.django_db

Q3, Q2 = parse_period("2026Q3"), parse_period("2026Q2")
NUMBER = r"(<5|×|n<5|—|[\d,]+(?:\.\d)?)"


def _seeded_world(office_a, office_b, lawyer, outsider, *, seed=20260930, clients=70):
    rng = random.Random(seed)
    project = make_project()
    partners = [partner(PartnerKind.NGO), partner(PartnerKind.EMBASSY), partner(PartnerKind.TRADE_UNION)]
    start = dt.date(2026, 3, 1)
    for _number in range(clients):
        office, staff = rng.choice([(office_a, lawyer), (office_a, lawyer), (office_b, outsider)])
        client = make_client(
            office,
            sex=rng.choice(["female", "male"]),
            birth_year=rng.choice([None, 1958, 1975, 1988, 1995, 2003, 2010]),
            country=rng.choice(["uz", "uz", "kg", "tj", "kz"]),
        )
        for _case in range(rng.choice([1, 1, 2])):
            opened = start + dt.timedelta(days=rng.randrange(0, 214))  # to 30 September
            closing = {}
            if rng.random() < 0.4:
                closed = opened + dt.timedelta(days=rng.randrange(1, 60))
                if closed <= dt.date(2026, 9, 30):
                    closing = {
                        "closed_on": closed,
                        "outcome": rng.choice(list(Outcome)),
                        "documents_returned": rng.random() < 0.3,
                        "wages_recovered": Decimal(rng.choice([0, 50000, 120000])),
                    }
            case = make_case(
                client, office, kind=rng.choice(list(CaseKind)), opened=opened.isoformat(),
                category=rng.choice(["documents-withheld", "housing", "labour-contract"]), lead=staff,
                project=project if rng.random() < 0.6 else None, **closing,
            )  # fmt: skip
            for _consultation in range(rng.randrange(0, 4)):
                day = opened + dt.timedelta(days=rng.randrange(0, 40))
                consult(
                    case, day=day.isoformat(), kind=rng.choice(list(ConsultationKind)),
                    mode=rng.choice(list(ConsultationMode)), minutes=rng.choice([20, 30, 45, 60, 90]), by=staff,
                )  # fmt: skip
            if rng.random() < 0.3:
                sent = opened + dt.timedelta(days=rng.randrange(0, 20))
                refer(case, rng.choice(partners), sent=sent.isoformat(), state=ReferralState.SENT, by=staff)
    return project


# --- independent counts -------------------------------------------------------------------------------------------


def _sql(query: str, params: list) -> int | Decimal:
    # Values as each database stores them (SQLite keeps UTC datetimes as text).
    ops = connection.ops
    params = [
        ops.adapt_datetimefield_value(value)
        if isinstance(value, dt.datetime)
        else ops.adapt_datefield_value(value)
        if isinstance(value, dt.date)
        else value
        for value in params
    ]
    with connection.cursor() as cursor:
        cursor.execute(query, params)
        return cursor.fetchone()[0] or 0


def _bounds(period):
    tz = timezone.get_current_timezone()
    return (
        dt.datetime.combine(period.start, dt.time.min, tzinfo=tz),
        dt.datetime.combine(period.end + dt.timedelta(days=1), dt.time.min, tzinfo=tz),
    )


def _served(project_id, period, *, sex=None, since=None) -> int:
    start = since or period.start
    begin, end = _bounds(parse_period(f"{start.isoformat()}:{period.end.isoformat()}"))
    query = """
        SELECT COUNT(*) FROM clients_client cl
        WHERE cl.merged_into_id IS NULL {sex}
          AND (EXISTS (SELECT 1 FROM cases_case c WHERE c.client_id = cl.id {project}
                       AND c.opened_on >= %s AND c.opened_on <= %s)
               OR EXISTS (SELECT 1 FROM cases_consultation k JOIN cases_case c ON c.id = k.case_id
                          WHERE c.client_id = cl.id {project} AND k.started_at >= %s AND k.started_at < %s))
    """.format(
        sex="AND cl.sex = %s" if sex else "",
        project="AND c.project_id = %s" if project_id else "",
    )
    p = [project_id] if project_id else []
    params = ([sex] if sex else []) + p + [start, period.end] + p + [begin, end]
    return _sql(query, params)


def _new(project_id, period) -> int:
    begin, end = _bounds(period)
    p = [project_id] if project_id else []
    project = "AND c.project_id = %s" if project_id else ""
    query = f"""
        SELECT COUNT(*) FROM clients_client cl
        WHERE cl.merged_into_id IS NULL
          AND NOT EXISTS (SELECT 1 FROM cases_case o WHERE o.client_id = cl.id AND o.opened_on < %s)
          AND (EXISTS (SELECT 1 FROM cases_case c WHERE c.client_id = cl.id {project}
                       AND c.opened_on >= %s AND c.opened_on <= %s)
               OR EXISTS (SELECT 1 FROM cases_consultation k JOIN cases_case c ON c.id = k.case_id
                          WHERE c.client_id = cl.id {project} AND k.started_at >= %s AND k.started_at < %s))
    """  # noqa: S608 (fixed fragments)
    return _sql(query, [period.start, *p, period.start, period.end, *p, begin, end])


def _consultations(project_id, period, *, kind=None, since=None, minutes=False) -> int:
    begin, end = _bounds(parse_period(f"{(since or period.start).isoformat()}:{period.end.isoformat()}"))
    what = "SUM(k.duration_minutes)" if minutes else "COUNT(*)"
    query = f"""
        SELECT {what} FROM cases_consultation k JOIN cases_case c ON c.id = k.case_id
        WHERE k.started_at >= %s AND k.started_at < %s {"AND c.project_id = %s" if project_id else ""}
          {"AND k.kind = %s" if kind else ""}
    """  # noqa: S608
    return _sql(query, [begin, end] + ([project_id] if project_id else []) + ([kind] if kind else []))


def _cases(project_id, period, date_field, *, since=None) -> int:
    query = f"""
        SELECT COUNT(*) FROM cases_case c WHERE c.{date_field} >= %s AND c.{date_field} <= %s
        {"AND c.project_id = %s" if project_id else ""}
    """  # noqa: S608
    return _sql(query, [since or period.start, period.end] + ([project_id] if project_id else []))


def _referrals(project_id, period) -> int:
    begin, end = _bounds(period)
    query = f"""
        SELECT COUNT(*) FROM memorandum_referral r JOIN cases_case c ON c.id = r.case_id
        WHERE r.sent_at >= %s AND r.sent_at < %s {"AND c.project_id = %s" if project_id else ""}
    """  # noqa: S608
    return _sql(query, [begin, end] + ([project_id] if project_id else []))


# --- reading the PDF back ---------------------------------------------------------------------------------------


def _section(text: str, title: str, header: str) -> str:
    """The text of the table titled ``title`` (the occurrence followed by its column header, not the contents)."""
    for match in re.finditer(re.escape(title), text):
        after = text[match.end() : match.end() + 4000]
        if after.lstrip().startswith(header):
            return after
    raise AssertionError(f"table {title!r} not found")


def _row(section: str, label: str, cells: int) -> list[str]:
    match = re.search(re.escape(label) + r"\s+" + r"\s+".join([NUMBER] * cells), section)
    assert match, f"row {label!r} not found in {section[:300]!r}"
    return list(match.groups())


def _number(text: str):
    return Decimal(text.replace(",", ""))


def _check(printed: str, expected) -> None:
    """A printed cell against the independent count: the number itself, or a mark that tells the truth."""
    if printed == "<5":
        assert 1 <= expected <= 4, f"<5 printed for {expected}"
    elif printed != "×":  # "×" hides a cell of any size: it claims nothing about the count
        assert _number(printed) == Decimal(str(expected)), f"{printed} printed for {expected}"

        assert _number(printed) == Decimal(str(expected)), f"{printed} printed for {expected}"


@pytest.fixture
def golden(office_a, office_b, lawyer, outsider, manager):
    project = _seeded_world(office_a, office_b, lawyer, outsider)
    indicators = [
        ("1.1", "Clients served", "clients_served", {}, 40, 120),
        ("1.2", "Women served", "clients_served", {"sex": "female"}, 20, 60),
        ("2.1", "Legal consultations", "consultations", {"consultation_kind": ConsultationKind.LEGAL}, 15, 60),
        ("3.1", "Cases opened", "cases_opened", {}, 30, 100),
    ]
    for code, title, metric, filters, quarterly, whole in indicators:
        indicator = services.indicator_create(
            actor=manager, project=project, code=code, name_ru=title, name_en=title, metric=metric, filters=filters
        )
        services.indicator_target_set(
            actor=manager, indicator=indicator, period=TargetPeriod.QUARTER, year=2026, quarter=3, value=quarterly
        )
        services.indicator_target_set(actor=manager, indicator=indicator, period=TargetPeriod.PROJECT, value=whole)
    files = build_files(ReportRequest(period=Q3, language="en", project=project))
    text = "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(files.pdf)).pages)
    return project, text


def test_every_printed_number_equals_an_independent_count(golden):
    project, text = golden
    pk = project.pk

    # Key figures: both quarters, exact in a funder report.
    figures = _section(text, "Key figures", "2026 Q3")
    expected = {
        "Clients served": (_served(pk, Q3), _served(pk, Q2)),
        "New clients": (_new(pk, Q3), _new(pk, Q2)),
        "Consultations": (_consultations(pk, Q3), _consultations(pk, Q2)),
        "Hours of consultation": (
            round(_consultations(pk, Q3, minutes=True) / 60, 1),
            round(_consultations(pk, Q2, minutes=True) / 60, 1),
        ),
        "Cases opened": (_cases(pk, Q3, "opened_on"), _cases(pk, Q2, "opened_on")),
        "Cases closed": (_cases(pk, Q3, "closed_on"), _cases(pk, Q2, "closed_on")),
        "Referrals sent": (_referrals(pk, Q3), _referrals(pk, Q2)),
    }
    assert expected["Clients served"][0] >= 10, "the seeded world should give the quarter real work"
    for label, (current, previous) in expected.items():
        printed = _row(figures, label, 2)
        assert "<5" not in printed and "×" not in printed, "a funder's key figures are exact"
        _check(printed[0], current)
        _check(printed[1], previous)

    # The indicator table: target, achieved, % of the target, cumulative since the start, project target, %.
    table = _section(text, "Project indicators", "Code")
    since = project.starts_on
    achieved = {
        "Clients served": (_served(pk, Q3), _served(pk, Q3, since=since), 40, 120),
        "Women served": (_served(pk, Q3, sex="female"), _served(pk, Q3, sex="female", since=since), 20, 60),
        "Legal consultations": (
            _consultations(pk, Q3, kind="legal"),
            _consultations(pk, Q3, kind="legal", since=since),
            15,
            60,
        ),
        "Cases opened": (_cases(pk, Q3, "opened_on"), _cases(pk, Q3, "opened_on", since=since), 30, 100),
    }
    for title, (value, cumulative, target, whole) in achieved.items():
        match = re.search(
            re.escape(title) + r"\s+0\s+" + r"\s+".join([r"([\d,.]+)(?:\s%)?"] * 6), table.replace("\u202f", " ")
        )
        assert match, f"indicator {title!r} not found"
        printed_target, printed_value, percent, printed_cumulative, printed_whole, whole_percent = match.groups()
        assert _number(printed_target) == target
        assert _number(printed_value) == value
        assert _number(percent) == round(Decimal(value) * 100 / target, 1)
        assert _number(printed_cumulative) == cumulative
        assert _number(printed_whole) == whole
        assert _number(whole_percent) == round(Decimal(cumulative) * 100 / whole, 1)

    # Two breakdowns, protected: a number is the count, "<5" a count of 1–4.
    by_sex = _section(text, "Clients by sex", "2026 Q3")
    for label, sex in (("Female", "female"), ("Male", "male")):
        current, previous, _change = [*_row(by_sex, label, 2), None]
        _check(current, _served(pk, Q3, sex=sex))
        _check(previous, _served(pk, Q2, sex=sex))
    by_kind = _section(text, "Consultations by kind", "2026 Q3")
    for kind in ConsultationKind:
        current, previous = _row(by_kind, str(kind.label), 2)
        _check(current, _consultations(pk, Q3, kind=kind.value))
        _check(previous, _consultations(pk, Q2, kind=kind.value))
    total = _row(by_kind, "Total", 2)
    _check(total[0], _consultations(pk, Q3))
    # The seeded world exercises every kind of cell: exact numbers, "<5" and "×" (seed chosen for it).
    printed_cells = re.findall(NUMBER, by_kind + by_sex)
    assert "<5" in printed_cells
