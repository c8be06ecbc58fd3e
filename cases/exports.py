"""CSV and XLSX exports of the (filtered) case list.

Free text typed by users could start a spreadsheet formula (CSV injection):
every text cell that starts with ``= + - @`` (or a tab or carriage return) is
prefixed with a quote. Each exported case is audited as an access.
"""

import io
from datetime import date

from django.conf import settings
from django.db.models import Count, IntegerField, OuterRef, QuerySet, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _
from openpyxl import Workbook

import audit
from cases.models import Case, Consultation
from reference.spreadsheets import csv_bytes, neutralise, write_only_sheet_append


def headers() -> list[str]:
    return [
        _("Case"),
        _("Client code"),
        _("Office"),
        _("Kind"),
        _("Problem categories"),
        _("Status"),
        _("Urgent"),
        _("Opened on"),
        _("Closed on"),
        _("Outcome"),
        _("Lead caseworker"),
        _("Project"),
        _("Consultations"),
        _("Wages claimed (KZT)"),
        _("Wages recovered (KZT)"),
        _("Documents returned"),
        _("Status regularised"),
        _("Deportation avoided"),
        _("Return home arranged"),
        _("Summary"),
    ]


def max_rows() -> int:
    return settings.CASES_EXPORT_MAX_ROWS


def export_queryset(cases: QuerySet[Case]) -> QuerySet[Case]:
    # A correlated count uses the (case, started_at) index; a JOIN with GROUP BY over every column does not.
    consultations = (
        Consultation.objects.filter(case=OuterRef("pk")).order_by().values("case").annotate(n=Count("pk")).values("n")
    )
    return (
        cases.select_related("client", "office", "lead", "project")
        .prefetch_related("categories")
        .annotate(consultation_count=Coalesce(Subquery(consultations, output_field=IntegerField()), 0))
        .order_by("pk")[: max_rows()]
    )


def _yes_no(value: bool) -> str:
    return _("yes") if value else _("no")


def rows(cases) -> list[list]:
    result = []
    for case in cases:
        result.append(
            [
                case.pk,
                case.client.code,
                case.office.code,
                case.get_kind_display(),
                ", ".join(category.name for category in case.categories.all()),
                case.get_status_display(),
                _yes_no(case.is_urgent),
                case.opened_on,
                case.closed_on,
                case.get_outcome_display() if case.outcome else "",
                str(case.lead),
                case.project.code if case.project_id else "",
                case.consultation_count,
                case.wages_claimed,
                case.wages_recovered,
                _yes_no(case.documents_returned),
                _yes_no(case.status_regularised),
                _yes_no(case.deportation_avoided),
                _yes_no(case.return_home_arranged),
                case.summary,
            ]
        )
    return [[neutralise(value) for value in row] for row in result]


def to_csv(table: list[list]) -> bytes:
    return write_csv(headers(), table)


def to_xlsx(table: list[list]) -> bytes:
    return write_xlsx(_("Cases"), headers(), table)


def write_csv(header: list[str], table: list[list]) -> bytes:
    """The export CSV (outreach's too): ";" and a decimal comma in ru/kk, "," in en, a BOM (reference.spreadsheets)."""
    return csv_bytes([neutralise(h) for h in header], table)


def write_xlsx(title: str, header: list[str], table: list[list]) -> bytes:
    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet(title[:31])
    write_only_sheet_append(sheet, header)
    for row in table:
        # Text cells are stored as strings (never formulas); the quote also survives re-export to CSV.
        write_only_sheet_append(sheet, [value.isoformat() if isinstance(value, date) else value for value in row])
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def record_export_access(*, actor, cases: list[Case], file_format: str) -> int:
    """One access entry per exported case (written in batches by the audit app)."""
    return record_exported(actor=actor, objects=cases, file_format=file_format)


def record_exported(*, actor, objects: list, file_format: str, model=None) -> int:
    """One access entry per exported row (outreach's exports use it too); ``model`` is implied by the rows."""
    return audit.record_bulk_access(actor=actor, instances=objects, what=f"export-{file_format}")
