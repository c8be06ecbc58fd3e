"""The numbers of the hand-built world (tests/reports/factories.py), table by table."""

import pytest

from reports.counting import Scope, count
from reports.document import ReportRequest, count_tables
from reports.periods import parse_period
from reports.tables import FEW, SECONDARY, SUPPRESSED

pytestmark = pytest.mark.django_db

Q3 = parse_period("2026Q3")


def _tables(**kwargs) -> dict:
    return {table.key: table for table in count_tables(ReportRequest(period=Q3, language="en", **kwargs))}


def _column(table, column: int = 0) -> dict:
    return {row.label: (row.hidden[column] or row.values[column]) for row in table.all_rows()}


def _raw(table, column: int = 0) -> dict:
    return {row.label: row.values[column] for row in table.all_rows()}


def test_clients_served_new_and_returning(world):
    tables = _tables()
    assert _raw(tables["clients"]) == {"New clients": 9, "Returning clients": 5, "Total": 14}
    assert _raw(tables["clients"], 1) == {"New clients": 2, "Returning clients": 5, "Total": 7}
    # Q2's two new clients are hidden, and so is their partner row: 7 - 5 would give the 2 away. The five
    # returning clients are no small number: they carry the secondary mark, never "<5".
    assert _column(tables["clients"], 1) == {"New clients": SUPPRESSED, "Returning clients": SECONDARY, "Total": 7}


def test_clients_by_sex_and_age_group(world):
    tables = _tables()
    assert _raw(tables["clients_sex"]) == {"Female": 6, "Male": 8, "Total": 14}
    assert _raw(tables["clients_sex"], 1) == {"Female": 2, "Male": 5, "Total": 7}
    ages = _raw(tables["clients_age_group"])
    assert ages == {"0–17": 3, "18–24": 0, "25–34": 5, "35–49": 6, "50 and over": 0, "Age unknown": 0, "Total": 14}
    assert _column(tables["clients_age_group"]) == {
        "0–17": SUPPRESSED,
        "18–24": 0,
        "25–34": SECONDARY,  # 5 clients, hidden only because 14 - 6 would reveal 0–17: its own mark, not <5
        "35–49": 6,
        "50 and over": 0,
        "Age unknown": 0,
        "Total": 14,
    }
    assert _raw(tables["clients_age_group"], 1)["50 and over"] == 2


def test_clients_by_citizenship_region_status_and_vulnerability(world):
    tables = _tables()
    assert _raw(tables["clients_citizenship_id"]) == {
        "Uzbekistan": 6,
        "Kyrgyzstan": 5,
        "Tajikistan": 3,
        "Kazakhstan": 0,
        "Total": 14,
    }
    assert _raw(tables["clients_region_id"]) == {"Astana": 5, "Almaty": 6, "Not recorded": 3, "Total": 14}
    assert _raw(tables["clients_migration_status_id"]) == {
        "Work permit or patent": 6,
        "Irregular": 5,
        "Not recorded": 3,
        "Total": 14,
    }
    assert _raw(tables["vulnerabilities"]) == {"Suspected trafficking or forced labour": 2}
    assert _column(tables["vulnerabilities"]) == {"Suspected trafficking or forced labour": SUPPRESSED}


def test_consultations_hours_and_months(world):
    tables = _tables()
    kinds = _raw(tables["consultations_kind"])
    assert kinds["Legal consultation"] == 9
    assert kinds["Psychological session"] == 5
    assert kinds["Total"] == 14
    modes = _raw(tables["consultations_mode"])
    assert (modes["Office"], modes["Phone"], modes["Outreach point"], modes["Messenger or video"]) == (6, 5, 3, 0)
    assert _raw(tables["consultations_mode"], 1)["Messenger or video"] == 2
    hours = _raw(tables["hours"])
    assert hours["Legal consultation"] == 7.5
    assert hours["Psychological session"] == 3.8  # 225 minutes
    assert hours["Total"] == pytest.approx(11.2, abs=0.06)
    assert list(_raw(tables["consultations_by_month"]).values()) == [6, 5, 3, 14]


def test_cases_opened_closed_outcomes_and_wages(world):
    tables = _tables()
    assert _raw(tables["cases_opened"]) == {"Legal": 9, "Psychological": 0, "Legal and psychological": 0, "Total": 9}
    closed = _raw(tables["cases_closed"])
    assert (closed["Resolved"], closed["Not resolved"], closed["Total"]) == (5, 3, 8)
    assert _raw(tables["results"])["Documents returned"] == 5
    assert _raw(tables["wages"]) == {"Wages claimed": 750000, "Wages recovered": 500000}
    assert _column(tables["wages"]) == {"Wages claimed": 750000, "Wages recovered": 500000}
    categories = _raw(tables["categories"])
    assert categories["Passport or documents kept by the employer"] == 6
    assert categories["Housing"] == 5
    assert categories["Labour contract disputes"] == 3
    assert _raw(tables["categories"], 1)["Housing"] == 5


def test_referrals_by_partner_kind_results_and_median_days(world):
    tables = _tables()
    by_kind = _raw(tables["referrals_kind"])
    assert (by_kind["NGO"], by_kind["Embassy or consulate"], by_kind["Total"]) == (6, 2, 8)
    results = tables["referral_results"]
    assert results.columns == ["Sent", "Accepted", "Declined", "Total"]
    rows = {row.key: row.values for row in results.all_rows()}
    assert rows["ngo"] == [1, 5, 0, 6]
    assert rows["embassy"] == [0, 0, 2, 2]
    assert rows["total"] == [1, 5, 2, 8]
    days = _column(tables["answer_days"])
    assert days["NGO"] == 3
    assert days["Embassy or consulate"] == FEW  # a median of two answers: "n<5", never the count-like "<5"
    assert days["All partners"] == 3


def test_scoping_by_office_and_by_project(world, office_b):
    only_b = _tables(offices=[office_b])
    assert _raw(only_b["clients_sex"]) == {"Female": 0, "Male": 3, "Total": 3}
    iom = _tables(project=world["project"])
    assert _raw(iom["clients"]) == {"New clients": 6, "Returning clients": 0, "Total": 6}
    assert _raw(iom["clients"], 1) == {"New clients": 2, "Returning clients": 0, "Total": 2}
    assert _raw(iom["referrals_kind"])["Total"] == 6


def test_regenerating_the_same_report_gives_the_same_numbers(world):
    def numbers():
        return [
            (t.key, [(r.key, r.values, r.hidden) for r in t.all_rows()]) for t in count_tables(ReportRequest(period=Q3))
        ]

    assert numbers() == numbers()


def test_counting_does_not_grow_in_queries_with_the_data(world, django_assert_max_num_queries, office_a, lawyer):
    from tests.reports.factories import consult, make_case, make_client

    with django_assert_max_num_queries(30) as before:
        count(Scope(), Q3)
    for _ in range(10):
        client = make_client(office_a, sex="female", birth_year=1999, country="uz")
        case = make_case(client, office_a, kind="legal", opened="2026-08-01", category="housing", lead=lawyer)
        consult(case, day="2026-08-02", kind="legal", mode="office", minutes=30, by=lawyer)
    with django_assert_max_num_queries(len(before.captured_queries)):
        count(Scope(), Q3)
