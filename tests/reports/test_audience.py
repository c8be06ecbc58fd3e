"""Who a report is for decides what it hides; the choice is on the cover, audited, and internal stays inside."""

import io

import pytest
from auditlog.models import LogEntry
from django.core import mail
from django.core.exceptions import PermissionDenied
from django.urls import reverse
from django.utils import translation
from pypdf import PdfReader

from reports import services
from reports.charts import report_charts
from reports.document import ReportRequest, build_files
from reports.models import Audience, ReportJob, ReportState
from reports.periods import parse_period
from reports.tables import FEW, PRIMARY, SECONDARY, Row, Table

pytestmark = pytest.mark.django_db
Q3 = parse_period("2026Q3")


@pytest.fixture(autouse=True)
def private_files(settings, tmp_path):
    settings.MEDIA_ROOT = tmp_path


def _pages(pdf: bytes) -> list[str]:
    return [page.extract_text() for page in PdfReader(io.BytesIO(pdf)).pages]


def test_an_internal_report_is_exact_marked_on_every_page_and_never_mailed(
    world, manager, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        job = services.report_request(actor=manager, period=Q3, language="en", audience=Audience.INTERNAL)
    job.refresh_from_db()
    assert job.state == ReportState.DONE, job.error_message
    assert mail.outbox == []  # small numbers are not announced by e-mail
    pages = _pages(job.pdf.read())
    assert all("INTERNAL — CONTAINS SMALL NUMBERS" in page for page in pages)
    assert "Internal: exact everywhere, managers only" in pages[0]
    entry = LogEntry.objects.get(object_pk=str(job.pk), action=LogEntry.Action.ACCESS)
    assert entry.additional_data == {"access": "report requested for the internal audience"}


def test_an_internal_report_prints_the_small_numbers_a_funder_report_hides(world):
    internal = {t.key: t for t in build_files(ReportRequest(period=Q3, audience=Audience.INTERNAL)).tables}
    funder = {t.key: t for t in build_files(ReportRequest(period=Q3, audience=Audience.FUNDER)).tables}
    # Two clients flagged "trafficking" in Q3: internal shows 2, funder "<5".
    assert [row.values[0] for row in internal["vulnerabilities"].rows] == [2]
    assert not internal["vulnerabilities"].rows[0].hidden[0]
    assert funder["vulnerabilities"].rows[0].hidden[0] == PRIMARY


def test_a_public_report_protects_the_key_figures_too(world):
    public = {t.key: t for t in build_files(ReportRequest(period=Q3, audience=Audience.PUBLIC)).tables}
    # Q2 of the world: two new clients among seven served.
    assert public["key_figures"].cell("new_clients", 1) == PRIMARY
    funder = {t.key: t for t in build_files(ReportRequest(period=Q3)).tables}
    assert funder["key_figures"].cell("new_clients", 1) == 2


def test_only_managers_get_an_internal_report_even_the_one_who_asked(world, lawyer, manager, as_lawyer, as_manager):
    with pytest.raises(PermissionDenied):
        services.report_request(actor=lawyer, period=Q3, language="en", audience=Audience.INTERNAL)
    job = ReportJob.objects.create(
        created_by=lawyer, period_start=Q3.start, period_end=Q3.end, audience=Audience.INTERNAL
    )
    assert as_lawyer.get(reverse("reports:detail", args=[job.pk])).status_code == 404
    assert as_manager.get(reverse("reports:detail", args=[job.pk])).status_code == 200


def test_the_form_chooses_the_audience_and_the_page_shows_it(world, as_manager, django_capture_on_commit_callbacks):
    data = {"quarter": "custom", "start": "2026-07-01", "end": "2026-09-30", "language": "en", "audience": "public"}
    with django_capture_on_commit_callbacks(execute=True):
        response = as_manager.post(reverse("reports:create"), data)
    job = ReportJob.objects.get()
    assert response.status_code == 302 and job.audience == Audience.PUBLIC
    page = as_manager.get(reverse("reports:detail", args=[job.pk])).content.decode()
    assert "Public: every figure protected" in page
    data["audience"] = "everyone"
    assert as_manager.post(reverse("reports:create"), data).status_code == 400


def test_a_hidden_bar_is_a_marked_stub_and_an_all_hidden_chart_a_sentence():
    rows = [Row("a", "NGO", [12, 3], hidden=["", PRIMARY]), Row("b", "Embassy", [7, 9], hidden=[SECONDARY, ""])]
    partly = Table("referrals_kind", "Referrals sent by partner kind", ["Q3", "Q2"], rows)
    hidden = Table(
        "categories",
        "Cases worked on by problem category",
        ["Q3", "Q2"],
        [Row("a", "Housing", [2, 3], hidden=[PRIMARY, PRIMARY]), Row("b", "Wages", [1, 2], hidden=[FEW, FEW])],
    )
    with translation.override("en"):
        charts = {chart["key"]: chart for chart in report_charts({t.key: t for t in (partly, hidden)})}
    svg = charts["referrals_kind"]["svg"]
    assert "&lt;5" in svg and "×" in svg  # the stubs carry their marks
    assert "stroke-dasharray" in svg
    assert charts["referrals_kind"]["legend"].startswith("<5 — a count from 1 to 4; × — hidden")
    assert "svg" not in charts["categories"]
    assert "every figure of this chart is too small" in charts["categories"]["sentence"]


def test_a_kazakh_report_names_the_funder_and_the_project_in_kazakh(world):
    text = "\n".join(_pages(build_files(ReportRequest(period=Q3, language="kk", project=world["project"])).pdf))
    assert "ХКҰ үшін есеп" in text
    assert "Қауіпсіз еңбек көші-қоны (IOM-KZ-01)" in text
    assert "Безопасная" not in text and "МОМ" not in text
    assert "2026 ж. 3-тоқсан" in text


def test_an_english_report_names_offices_without_russian_and_the_spreadsheet_keeps_marks_and_legend(world, office_a):
    from openpyxl import load_workbook

    files = build_files(ReportRequest(period=Q3, language="en", offices=[office_a]))
    cover = _pages(files.pdf)[0]
    assert "ALA (Almaty)" in cover and office_a.name not in cover
    workbook = load_workbook(io.BytesIO(files.xlsx))
    cells = [
        str(cell.value) for sheet in workbook.worksheets for row in sheet.iter_rows() for cell in row if cell.value
    ]
    assert "<5" in cells and "×" in cells
    assert any(cell.startswith("<5 — a count from 1 to 4; × — hidden") for cell in cells)
