"""generate_report builds the same report from the command line, for cron jobs and checks."""

import io

import pytest
from django.core.management import CommandError, call_command
from openpyxl import load_workbook
from pypdf import PdfReader

pytestmark = pytest.mark.django_db


def test_it_writes_the_pdf_and_the_spreadsheet_of_a_project(world, office_a, tmp_path):
    pdf, xlsx = tmp_path / "report.pdf", tmp_path / "report.xlsx"
    out = io.StringIO()
    call_command(
        "generate_report",
        "--period=2026Q3",
        "--language=en",
        f"--output={pdf}",
        f"--xlsx={xlsx}",
        "--project=IOM-KZ-01",
        "--offices=ALA",
        stdout=out,
    )
    assert "Report 2026 Q3" in out.getvalue()
    text = "\n".join(page.extract_text() for page in PdfReader(pdf).pages)
    assert "Report to IOM" in text
    # An English report carries no Russian words: the office by its code and translated region.
    assert "ALA (Almaty)" in text and "Алматинский офис" not in text
    workbook = load_workbook(xlsx)
    clients = workbook["Clients"]
    rows = {row[0].value: row[1].value for row in clients.iter_rows() if row[0].value}
    assert rows["New clients"] == 6


@pytest.mark.parametrize(
    ("argument", "message"),
    [("--period=Q3", "Unknown period"), ("--project=NOPE", "No project"), ("--offices=ZZZ", "Unknown office")],
)
def test_bad_arguments_stop_with_a_message(argument, message, tmp_path, office_a):
    arguments = ["--period=2026Q3", f"--output={tmp_path / 'r.pdf'}"]
    arguments = [a for a in arguments if a.split("=")[0] != argument.split("=")[0]] + [argument]
    with pytest.raises(CommandError, match=message):
        call_command("generate_report", *arguments)
