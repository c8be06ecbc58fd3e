"""The activity list exports like the case list: neutralised formulas, audited rows, same filters."""

import io

import pytest
from auditlog.models import LogEntry
from openpyxl import load_workbook

from tests.outreach.factories import make_activity

pytestmark = pytest.mark.django_db


def test_csv_export_neutralises_formulas_and_audits(as_coordinator, office_a, coordinator):
    activity = make_activity(office_a, actor=coordinator, title="=cmd|' /C calc'!A0")
    make_activity(office_a, actor=coordinator, kind="campaign", title="Радио")
    response = as_coordinator.get("/outreach/export/?kind=information_session&format=csv")
    assert response["Content-Type"].startswith("text/csv")
    body = response.content.decode("utf-8-sig")
    assert "'=cmd" in body and "Радио" not in body
    assert (
        LogEntry.objects.filter(
            action=LogEntry.Action.ACCESS, object_pk=str(activity.pk), additional_data__access="export-csv"
        ).count()
        == 1
    )


def test_xlsx_export(as_manager, office_a, coordinator):
    make_activity(office_a, actor=coordinator, title="Встреча")
    response = as_manager.get("/outreach/export/?format=xlsx")
    sheet = load_workbook(io.BytesIO(response.content)).active
    assert [cell.value for cell in sheet[2]][4] == "Встреча"


def test_caseworkers_cannot_export(as_lawyer):
    assert as_lawyer.get("/outreach/export/?format=csv").status_code == 404


def test_an_unknown_format_is_404(as_coordinator):
    assert as_coordinator.get("/outreach/export/?format=pdf").status_code == 404
