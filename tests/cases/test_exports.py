"""CSV and XLSX export of the filtered case list, for coordinators and managers."""

import csv
import io

import pytest
from auditlog.models import LogEntry
from django.urls import reverse
from openpyxl import load_workbook

from cases.exports import neutralise
from cases.models import Case
from tests.cases.factories import CaseFactory

DANGEROUS = '=HYPERLINK("http://evil.example","click")'


def _csv(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.content.decode("utf-8-sig"))))


def test_formula_like_text_is_neutralised():
    assert neutralise("=1+1") == "'=1+1"
    assert neutralise("+77011234567") == "'+77011234567"
    assert neutralise("-5") == "'-5"
    assert neutralise("@SUM(A1)") == "'@SUM(A1)"
    assert neutralise("Зарплата") == "Зарплата"
    assert neutralise(5) == 5


def test_the_coordinator_exports_the_filtered_list_as_csv(case, lawyer, as_coordinator, coordinator):
    case.summary = DANGEROUS
    case.save()
    CaseFactory(lead=lawyer, status="closed")
    response = as_coordinator.get(reverse("cases:export"), {"format": "csv", "status": "open"})
    assert response.status_code == 200
    assert response["Content-Disposition"].startswith("attachment;")
    rows = _csv(response)
    assert len(rows) == 2  # the header and the one open case
    number, client_code, *_, summary = rows[1]
    assert (number, client_code) == (str(case.pk), case.client.code)
    assert summary == "'" + DANGEROUS
    assert case.client.family_name not in response.content.decode("utf-8-sig")
    # The export is audited as access to each exported case.
    access = LogEntry.objects.filter(action=LogEntry.Action.ACCESS, actor=coordinator)
    assert [entry.object_id for entry in access] == [case.pk]
    assert access.get().additional_data == {"access": "export-csv"}


def test_the_xlsx_export_holds_no_formula(case, as_manager):
    case.summary = DANGEROUS
    case.wages_claimed = 150000
    case.save()
    response = as_manager.get(reverse("cases:export"), {"format": "xlsx"})
    assert response.status_code == 200
    sheet = load_workbook(io.BytesIO(response.content)).active
    values = [cell.value for cell in sheet[2]]
    assert "'" + DANGEROUS in values
    assert 150000 in values
    assert all(cell.data_type != "f" for row in sheet.iter_rows() for cell in row)


def test_caseworkers_cannot_export(case, as_lawyer):
    assert as_lawyer.get(reverse("cases:export"), {"format": "csv"}).status_code == 404


def test_an_unknown_format_is_a_404(case, as_coordinator):
    assert as_coordinator.get(reverse("cases:export"), {"format": "pdf"}).status_code == 404


def test_a_coordinator_of_another_office_exports_only_their_own(case, office_b, client):
    from accounts.models import Role
    from tests.factories import UserFactory

    coordinator_b = UserFactory(username="coordinator-b", office=office_b, role=Role.COORDINATOR, profession="")
    client.force_login(coordinator_b)
    rows = _csv(client.get(reverse("cases:export"), {"format": "csv"}))
    assert rows[1:] == []
    assert Case.objects.count() == 1


def test_too_large_an_export_asks_to_narrow_the_filters(case, lawyer, as_coordinator, settings):
    settings.CASES_EXPORT_MAX_ROWS = 1
    CaseFactory(lead=lawyer)
    response = as_coordinator.get(reverse("cases:export"), {"format": "csv", "kind": "legal"})
    assert response.status_code == 302
    assert response["Location"] == reverse("cases:list") + "?kind=legal"
    assert not LogEntry.objects.filter(action=LogEntry.Action.ACCESS).exists()


@pytest.mark.parametrize(
    ("language", "delimiter", "wages"), [("ru", ";", "150000,50"), ("kk", ";", "150000,50"), ("en", ",", "150000.50")]
)
def test_the_csv_opens_in_columns_in_the_readers_excel(case, as_coordinator, language, delimiter, wages):
    """Russian Excel splits on ";" and reads a decimal comma; English Excel wants "," and a point."""
    from decimal import Decimal

    Case.objects.filter(pk=case.pk).update(wages_claimed=Decimal("150000.50"))
    response = as_coordinator.get(reverse("cases:export"), {"format": "csv"}, HTTP_ACCEPT_LANGUAGE=language)
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    header, row = list(csv.reader(io.StringIO(text), delimiter=delimiter))[:2]
    assert len(header) == len(row) == 20
    assert row[header.index(header[13])] == wages
    other = "," if delimiter == ";" else ";"
    assert len(next(csv.reader(io.StringIO(text), delimiter=other))) == 1  # one column when split the wrong way
