"""The report's outreach section: its printed figures match the records, and small cells are marked.

A month of outreach in office ALA is recorded through the real services; the report is built as a
manager gets it and read back from the PDF with pypdf. Every figure is compared with a count made
here from the rows themselves, independent of ``outreach.aggregates``.
"""

import io
import os
import re
from collections import Counter
from datetime import timedelta
from pathlib import Path

import pytest
from django.utils import timezone
from openpyxl import load_workbook
from pypdf import PdfReader

from outreach.models import ActivityStatus, Attendee, MaterialHandout, ParticipantCount, QuickContact
from reports.document import ReportRequest, build_files
from reports.models import Audience
from reports.periods import Period
from tests.reports.outreach_world import record_a_month_of_outreach

pytestmark = pytest.mark.django_db

NUMBER = r"(<5|×|n<5|—|[\d,]+(?:\.\d)?)"


def _month() -> Period:
    today = timezone.localdate()
    return Period(today - timedelta(days=29), today)


@pytest.fixture
def month_of_outreach(office_a, office_b, coordinator, manager):
    record_a_month_of_outreach(office_a=office_a, office_b=office_b, coordinator=coordinator, manager=manager)


def _report(office, audience=Audience.FUNDER, language="en"):
    return build_files(ReportRequest(period=_month(), language=language, audience=audience, offices=[office]))


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


def _table(text: str, title: str) -> str:
    """The text of the table titled ``title`` (the occurrence followed by its header, not the contents)."""
    period = _month()
    for match in re.finditer(re.escape(title), text):
        after = text[match.end() : match.end() + 1500]
        if after.lstrip().startswith(period.label):
            return after
    raise AssertionError(f"table {title!r} not found")


def _row(table: str, label: str) -> str:
    """The first cell (this period) of the row ``label``."""
    match = re.search(re.escape(label) + r"\s+" + NUMBER + r"\s+" + NUMBER, table)
    assert match, f"row {label!r} not found in {table[:300]!r}"
    return match.group(1)


def _independent_counts(office) -> dict:
    """The expected figures, counted from the rows one by one in Python."""
    period = _month()
    held = {
        activity_id
        for activity_id, status, starts_on, office_id in ParticipantCount.objects.values_list(
            "activity_id", "activity__status", "activity__starts_on", "activity__office_id"
        )
        if status == ActivityStatus.HELD and period.start <= starts_on <= period.end and office_id == office.pk
    }
    sex, age = Counter(), Counter()
    for activity_id, person_sex, band, n in ParticipantCount.objects.values_list(
        "activity_id", "sex", "age_band", "count"
    ):
        if activity_id in held:
            sex[person_sex] += n
            age[band] += n
    improvements = [
        post - pre
        for activity_id, pre, post in Attendee.objects.values_list("activity_id", "pre_score", "post_score")
        if activity_id in held and pre is not None and post is not None
    ]
    copies = sum(
        quantity
        for activity_id, quantity in MaterialHandout.objects.values_list("activity_id", "quantity")
        if activity_id in held
    )
    contacts = Counter(QuickContact.objects.filter(office=office).values_list("channel", flat=True))
    return {
        "sex": sex,
        "age": age,
        "officials": Attendee.objects.filter(activity_id__in=held).count(),
        "improvement_people": len(improvements),
        "copies": copies,
        "contacts": contacts,
    }


def test_the_outreach_section_prints_what_was_recorded(month_of_outreach, office_a):
    expected = _independent_counts(office_a)
    files = _report(office_a)
    text = _text(files.pdf)
    if dump := os.environ.get("OUTREACH_REPORT_DUMP"):  # to look at the PDF: pdftoppm it
        Path(dump).write_bytes(files.pdf)
    assert "Outreach" in text

    by_kind = _table(text, "Outreach activities held, by kind")
    assert _row(by_kind, "Information session") == "<5"  # two sessions, one training: small cells
    assert _row(by_kind, "Training for officials") == "<5"

    by_sex = _table(text, "People reached by sex")
    assert _row(by_sex, "Female") == str(expected["sex"]["female"]) == "16"
    assert _row(by_sex, "Male") == str(expected["sex"]["male"]) == "18"
    assert _row(by_sex, "Total") == str(sum(expected["sex"].values())) == "34"

    by_age = _table(text, "People reached by age band")
    assert _row(by_age, "18–24") == str(expected["age"]["18-24"]) == "23"
    assert _row(by_age, "25–34") == str(expected["age"]["25-34"]) == "11"

    by_citizenship = _table(text, "People reached by citizenship")
    assert _row(by_citizenship, "Uzbekistan") == "34"  # the factory records everyone as Uzbek

    by_language = _table(text, "Materials handed out, by language")
    assert re.search(r"Total\s+300\s", by_language)
    assert expected["copies"] == 300

    by_channel = _table(text, "Quick contacts by channel")
    assert expected["contacts"] == {"phone": 6, "whatsapp": 2}
    assert _row(by_channel, "WhatsApp") == "<5"
    # Phone is hidden too, or "Total 8" would give the 2 away.
    assert _row(by_channel, "Phone") == "×"
    assert _row(by_channel, "Total") == str(sum(expected["contacts"].values())) == "8"

    by_problem = _table(text, "Quick contacts by problem")
    assert _row(by_problem, "Unpaid or withheld wages") == "6"


def test_small_cells_of_the_outreach_section_are_marked(month_of_outreach, office_a):
    expected = _independent_counts(office_a)
    assert expected["officials"] == 3 and expected["improvement_people"] == 2
    text = _text(_report(office_a).pdf)

    agencies = _table(text, "Officials trained, by agency")
    assert _row(agencies, "Police") == "<5"
    tests = _table(text, "Knowledge tests of trainings")
    assert _row(tests, "Mean improvement, points out of 100") == "n<5"  # resting on 2 people
    assert _row(tests, "People tested before and after") == "<5"
    assert "fewer than 5 cases or answers behind this figure" in tests

    # The internal report is exact: the mean of (80 − 40, 70 − 50) is 30.
    internal = _text(_report(office_a, Audience.INTERNAL).pdf)
    assert _row(_table(internal, "Knowledge tests of trainings"), "Mean improvement, points out of 100") == "30"
    assert _row(_table(internal, "Officials trained, by agency"), "Police") == "3"


def test_the_spreadsheet_has_the_outreach_sheet_with_the_same_marks(month_of_outreach, office_a):
    workbook = load_workbook(io.BytesIO(_report(office_a).xlsx))
    assert "Outreach" in workbook.sheetnames
    rows = {row[0]: row[1:] for row in workbook["Outreach"].iter_rows(values_only=True) if row and row[0]}
    assert rows["Female"][0] == 16
    assert rows["Mean improvement, points out of 100"][0] == "n<5"
    assert rows["Police"][0] == "<5"


def test_the_outreach_section_follows_the_reports_language(month_of_outreach, office_a):
    text = _text(_report(office_a, language="ru").pdf)
    assert "Информационная встреча" in text or "Информационные" in text
    assert "Узбекистан" in text
    assert "Полиция" in text
