import datetime as dt

import pytest

from reports.periods import Period, parse_period, quarter_of, recent_quarters


def test_a_quarter_parses_to_its_dates_and_the_previous_quarter():
    q3 = parse_period("2026Q3")
    assert (q3.start, q3.end) == (dt.date(2026, 7, 1), dt.date(2026, 9, 30))
    assert q3.previous() == Period(dt.date(2026, 4, 1), dt.date(2026, 6, 30))
    assert parse_period("2026q1").previous() == Period(dt.date(2025, 10, 1), dt.date(2025, 12, 31))
    assert q3.label == "2026 Q3"


def test_a_year_and_free_dates_compare_with_the_same_length_before():
    assert parse_period("2026").previous() == Period(dt.date(2025, 1, 1), dt.date(2025, 12, 31))
    free = parse_period("2026-02-10:2026-02-19")
    assert free.previous() == Period(dt.date(2026, 1, 31), dt.date(2026, 2, 9))


def test_a_bad_period_is_refused_with_a_message():
    with pytest.raises(ValueError, match="2026Q3"):
        parse_period("third quarter")
    with pytest.raises(ValueError):
        parse_period("2026-03-01:2026-02-01")


def test_recent_quarters_start_with_the_current_one():
    choices = recent_quarters(dt.date(2026, 11, 25), count=3)
    assert [value for value, _label in choices] == ["2026Q4", "2026Q3", "2026Q2"]
    assert quarter_of(dt.date(2026, 12, 31)).end == dt.date(2026, 12, 31)
