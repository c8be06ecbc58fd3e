"""Project indicators: each metric of the catalogue counted for the IOM project of the hand-built world."""

import datetime as dt
from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError
from django.utils import translation

from reference import metrics as catalogue
from reference.ages import AgeBand
from reports import services
from reports.indicators import indicator_results, printable_results
from reports.models import Audience, TargetPeriod
from reports.periods import parse_period

pytestmark = pytest.mark.django_db
Q3 = parse_period("2026Q3")


def _indicator(manager, project, code, metric, **filters):
    return services.indicator_create(
        actor=manager, project=project, code=code, name_ru=f"Показатель {code}", name_en=f"Indicator {code}",
        metric=metric, filters=filters,
    )  # fmt: skip


def _results(project, period=Q3, audience=Audience.FUNDER):
    return {result.indicator.code: result for result in indicator_results(project, period, audience=audience)}


def test_the_casework_metrics_are_in_the_catalogue():
    codes = {metric.code for metric in catalogue.all_metrics()}
    assert {
        "clients_served", "new_clients", "consultations", "consultation_hours", "cases_opened", "cases_closed",
        "wages_recovered", "documents_returned", "referrals_sent", "referrals_completed", "clients_vulnerable",
    } <= codes  # fmt: skip


def test_each_metric_counts_the_project_work_of_the_period_and_since_the_start(world, manager):
    project = world["project"]
    _indicator(manager, project, "1.1", "clients_served")
    _indicator(manager, project, "1.2", "new_clients", sex="female")
    _indicator(manager, project, "1.3", "clients_served", age_band=AgeBand.FROM_50)
    _indicator(manager, project, "1.4", "clients_vulnerable")
    _indicator(manager, project, "2.1", "consultations", consultation_kind="legal")
    _indicator(manager, project, "2.2", "consultation_hours")
    _indicator(manager, project, "3.1", "cases_opened")
    _indicator(manager, project, "4.1", "referrals_sent")
    results = _results(project)

    # Q3: the six women's cases are the project's; the two elders' (May) count only since the start.
    assert (results["1.1"].achieved, results["1.1"].cumulative) == (6, 8)
    assert (results["1.2"].achieved, results["1.2"].cumulative) == (6, 8)
    assert (results["1.3"].achieved, results["1.3"].cumulative) == (0, 2)
    assert results["1.4"].achieved == 2
    assert (results["2.1"].achieved, results["2.1"].cumulative) == (6, 8)
    assert results["2.2"].achieved == Decimal("6.0")
    assert (results["3.1"].achieved, results["3.1"].cumulative) == (6, 8)
    assert results["4.1"].achieved == 6


def test_closing_metrics_count_all_work_when_narrowed_by_outcome(world, manager, office_a):
    # Cases without a project are counted by a project's indicators only if they are the project's:
    # the five men's closed cases have no project, so the IOM project closed none.
    project = world["project"]
    _indicator(manager, project, "5.1", "cases_closed", outcome="resolved")
    _indicator(manager, project, "5.2", "wages_recovered")
    assert _results(project)["5.1"].achieved == 0
    assert _results(project)["5.2"].achieved == Decimal(0)


def test_targets_give_the_percentage_of_the_quarter_and_of_the_project(world, manager):
    indicator = _indicator(manager, world["project"], "1.1", "clients_served")
    services.indicator_target_set(
        actor=manager, indicator=indicator, period=TargetPeriod.QUARTER, year=2026, quarter=3, value=Decimal(8)
    )
    services.indicator_target_set(actor=manager, indicator=indicator, period=TargetPeriod.PROJECT, value=Decimal(32))
    services.indicator_target_set(actor=manager, indicator=indicator, period=TargetPeriod.PROJECT, value=Decimal(40))
    result = _results(world["project"])["1.1"]
    assert (result.target, result.project_target) == (Decimal(8), Decimal(40))  # the second project target replaced
    assert result.percent == pytest.approx(75.0)
    assert result.project_percent == pytest.approx(20.0)
    with translation.override("ru"):
        row = printable_results([result])["rows"][0]
    assert (row["percent"], row["project_percent"], row["bar"]) == ("75\u202f%", "20\u202f%", 75.0)
    with pytest.raises(ValidationError):
        services.indicator_target_set(actor=manager, indicator=indicator, period=TargetPeriod.QUARTER, value=1)


def test_a_public_report_hides_small_indicator_counts_but_a_funder_report_does_not(world, manager):
    _indicator(manager, world["project"], "1.4", "clients_vulnerable")
    assert _results(world["project"])["1.4"].hidden == ""
    public = _results(world["project"], audience=Audience.PUBLIC)["1.4"]
    assert public.hidden == "<5"
    row = printable_results([public])["rows"][0]
    assert (row["achieved"], row["percent"]) == ("<5", "<5")
    assert "<5 — a count from 1 to 4" in printable_results([public])["legend"]


def test_an_indicator_refuses_a_filter_its_metric_does_not_honour(world, manager, lawyer):
    with pytest.raises(ValidationError):
        _indicator(manager, world["project"], "9.1", "referrals_sent", outcome="resolved")
    with pytest.raises(ValidationError):
        _indicator(manager, world["project"], "9.2", "no_such_metric")
    with pytest.raises(Exception, match="managers"):
        _indicator(lawyer, world["project"], "9.3", "clients_served")


def test_money_and_hours_follow_the_language():
    from reports.indicators import format_value

    with translation.override("ru"):
        assert format_value(Decimal("450000"), "kzt") == "450\u00a0000\u00a0₸"
        assert format_value(Decimal("128.9"), "hours") == "128,9"
    with translation.override("kk"):
        assert format_value(Decimal("450000"), "kzt") == "450\u00a0000\u00a0₸"
    with translation.override("en"):
        assert format_value(Decimal("450000"), "kzt") == "KZT\u00a0450,000"
        assert format_value(Decimal("128.9"), "hours") == "128.9"


def test_a_running_quarter_is_cut_at_today_and_compared_with_as_many_days_before():
    q4 = parse_period("2026Q4").up_to(dt.date(2026, 11, 29))
    assert (q4.start, q4.end, q4.days) == (dt.date(2026, 10, 1), dt.date(2026, 11, 29), 60)
    previous = q4.previous()
    assert (previous.start, previous.end) == (dt.date(2026, 7, 1), dt.date(2026, 8, 29))
    with translation.override("en"):
        assert q4.label == "2026 Q4 to 29.11.2026"
        assert previous.label == "2026 Q3 to 29.08.2026"
    assert parse_period("2026Q3").up_to(dt.date(2026, 11, 29)) == parse_period("2026Q3")
