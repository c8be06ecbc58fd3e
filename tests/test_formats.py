"""Dates, numbers and money in the reader's language: one style per language, one helper for money."""

from datetime import date, datetime
from decimal import Decimal

import pytest
from django.template import Context, Template
from django.utils import formats, translation

from reference.formatting import format_money, format_number

NBSP = "\xa0"


@pytest.mark.parametrize(
    ("language", "short", "short_time"),
    [
        ("ru", "13.12.2026", "13.12.2026 14:05"),
        ("kk", "13.12.2026", "13.12.2026 14:05"),
        ("en", "13 Dec 2026", "13 Dec 2026, 14:05"),
    ],
)
def test_each_language_has_one_date_style(language, short, short_time):
    with translation.override(language):
        assert formats.date_format(date(2026, 12, 13), "SHORT_DATE_FORMAT") == short
        assert formats.date_format(datetime(2026, 12, 13, 14, 5), "SHORT_DATETIME_FORMAT") == short_time


def test_no_template_hard_codes_a_date_style_except_the_letters():
    import re
    from pathlib import Path

    root = Path(__file__).resolve().parent.parent
    offenders = []
    for path in root.glob("*/templates/**/*.html"):
        if "/letter/" in str(path):  # official letters are written in one language and its style
            continue
        for match in re.finditer(r'\|date:"([^"]+)"', path.read_text()):
            if not match.group(1).isupper():  # a named format (SHORT_DATE_FORMAT...) follows the language
                offenders.append(f"{path.relative_to(root)}: {match.group(0)}")
    assert offenders == []


@pytest.mark.parametrize(
    ("language", "expected"),
    [("ru", f"450{NBSP}000{NBSP}₸"), ("kk", f"450{NBSP}000{NBSP}₸"), ("en", f"KZT{NBSP}450,000")],
)
def test_money_is_written_the_language_s_way(language, expected):
    with translation.override(language):
        assert format_money(Decimal("450000.00")) == expected
        assert (
            Template("{% load reference_tags %}{{ amount|money }}").render(Context({"amount": Decimal("450000")}))
            == expected
        )


def test_cents_show_only_when_there_are_some():
    assert format_money(Decimal("1234.50"), language="ru") == f"1{NBSP}234,50{NBSP}₸"
    assert format_money(Decimal("1234.50"), language="en") == f"KZT{NBSP}1,234.50"
    assert format_number(None) == "" and format_money(None) == ""


def test_numbers_group_by_language():
    assert format_number(1234567, language="en") == "1,234,567"
    assert format_number(1234567, language="kk") == f"1{NBSP}234{NBSP}567"
