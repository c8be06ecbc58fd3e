"""The PDF itself: cover, contents, figures, languages, and never a name."""

import io

import pytest
from pypdf import PdfReader

from reports.document import ReportRequest, build_files
from reports.periods import parse_period
from tests.reports.factories import SECRET_NAMES

pytestmark = pytest.mark.django_db


def _text(pdf: bytes) -> str:
    return "\n".join(page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages)


@pytest.fixture
def english(world):
    return build_files(ReportRequest(period=parse_period("2026Q3"), language="en", project=world["project"]))


def test_the_pdf_has_a_cover_contents_page_numbers_and_the_figures(english):
    text = _text(english.pdf)
    assert "Report to IOM" in text
    assert "Safe labour migration (IOM-KZ-01)" in text
    assert "Contents" in text
    assert "Page 3 / " in text
    assert "Clients by age group" in text
    assert "Key figures" in text


def test_no_name_code_or_note_reaches_the_pdf_or_the_spreadsheet(english, world):
    text = _text(english.pdf)
    codes = [client.code for client in world["women"]]
    for secret in [*SECRET_NAMES, *codes, "не для отчёта", "работодателе"]:
        assert secret not in text
    from openpyxl import load_workbook

    workbook = load_workbook(io.BytesIO(english.xlsx))
    cells = " ".join(str(cell.value) for sheet in workbook for row in sheet.iter_rows() for cell in row if cell.value)
    for secret in [*SECRET_NAMES, *codes]:
        assert secret not in cells


def test_the_russian_and_kazakh_reports_print_their_letters(world):
    files = build_files(
        ReportRequest(period=parse_period("2026Q3"), language="kk", story="Әйел қызметкер, ғ қ ң ө ұ ү һ і; o‘g‘il")
    )
    text = _text(files.pdf)
    for letters in ("ә", "ғ", "қ", "ң", "ө", "ұ", "ү", "һ", "і", "o‘g‘il"):
        assert letters in text


def test_the_language_switch_changes_the_headings(world):
    english = _text(build_files(ReportRequest(period=parse_period("2026Q3"), language="en")).pdf)
    assert "Clients by sex" in english
    assert "Uzbekistan" in english
    russian = _text(build_files(ReportRequest(period=parse_period("2026Q3"), language="ru")).pdf)
    assert "Узбекистан" in russian  # reference names follow the report language
    assert "Uzbekistan" not in russian


def test_generating_the_same_report_twice_gives_the_same_spreadsheet_figures(world):
    from openpyxl import load_workbook

    def figures(xlsx: bytes) -> list:
        workbook = load_workbook(io.BytesIO(xlsx))
        # Every sheet but "About", which holds the generation time.
        return [list(sheet.iter_rows(values_only=True)) for sheet in workbook.worksheets[1:]]

    request = ReportRequest(period=parse_period("2026Q3"), language="en")
    first, second = build_files(request), build_files(request)
    assert figures(first.xlsx) == figures(second.xlsx)
    assert _text(first.pdf).split("Contents")[1] == _text(second.pdf).split("Contents")[1]
