"""The spreadsheet: the same suppressed tables as the PDF, one sheet per group.

A hidden cell is written as the text of its mark (``<5``, ``×``, ``n<5``), never as its number,
so a formula or a filter cannot reveal it; each table that hides anything has the legend of its
marks under it, as in the PDF.
"""

import io

from django.utils import translation
from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from reference.spreadsheets import neutralise_workbook
from reports.tables import Table, legend

HEADER_FILL = PatternFill("solid", fgColor="EEF3FA")
BOLD = Font(bold=True)
NUMBER_FORMATS = {"count": "#,##0", "hours": "#,##0.0", "money": "#,##0", "days": "0.0", "points": "0.0"}


def _sheet_title(text: str, used: set[str]) -> str:
    # Excel: at most 31 characters, no []:*?/\ and unique in the workbook.
    title = "".join(ch for ch in text if ch not in "[]:*?/\\")[:31] or "Sheet"
    base, number = title, 2
    while title in used:
        suffix = f" {number}"
        title = base[: 31 - len(suffix)] + suffix
        number += 1
    used.add(title)
    return title


def _write_table(sheet, row: int, table: Table) -> int:
    sheet.cell(row=row, column=1, value=table.title).font = Font(bold=True, size=12)
    row += 1
    for index, heading in enumerate(["", *table.columns], start=1):
        cell = sheet.cell(row=row, column=index, value=heading)
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(horizontal="right" if index > 1 else "left")
    row += 1
    for table_row in table.all_rows():
        kind = table_row.kind or table.kind
        sheet.cell(row=row, column=1, value=table_row.label).font = BOLD if table_row is table.total else Font()
        for index, (value, hidden) in enumerate(zip(table_row.values, table_row.hidden, strict=True), start=2):
            cell = sheet.cell(row=row, column=index)
            if hidden:
                cell.value = hidden
                cell.alignment = Alignment(horizontal="right")
            elif value is not None:
                cell.value = float(value) if kind in ("money", "hours", "days", "points") else int(value)
                cell.number_format = NUMBER_FORMATS.get(kind, "General")
            if table_row is table.total:
                cell.font = BOLD
        row += 1
    if marks := table.marks():
        sheet.cell(row=row, column=1, value=legend(marks)).font = Font(italic=True, color="333333")
        row += 1
    if table.note:
        sheet.cell(row=row, column=1, value=table.note).font = Font(italic=True, color="666666")
        row += 1
    return row + 1


def _write_indicators(workbook, used: set[str], indicators: dict) -> None:
    sheet = workbook.create_sheet(_sheet_title(_("Project indicators"), used))
    keys = [
        "code",
        "title",
        "baseline",
        "target",
        "achieved",
        "percent",
        "cumulative",
        "project_target",
        "project_percent",
    ]
    for index, key in enumerate(keys, start=1):
        cell = sheet.cell(row=1, column=index, value=str(indicators["header"][key]))
        cell.font, cell.fill = BOLD, HEADER_FILL
        cell.alignment = Alignment(wrap_text=True, vertical="bottom")
    for row_index, row in enumerate(indicators["rows"], start=2):
        for index, key in enumerate(keys, start=1):
            # The printed texts, as in the PDF: marks stay marks and numbers read in the report's language.
            sheet.cell(row=row_index, column=index, value=row[key]).alignment = Alignment(
                horizontal="left" if index <= 2 else "right"
            )
    if indicators["legend"]:
        sheet.cell(row=len(indicators["rows"]) + 3, column=1, value=indicators["legend"]).font = Font(italic=True)
    sheet.column_dimensions["A"].width = 10
    sheet.column_dimensions["B"].width = 50
    for column in range(3, len(keys) + 1):
        sheet.column_dimensions[get_column_letter(column)].width = 16


def render_xlsx(context: dict) -> bytes:
    with translation.override(context["language"]):
        workbook = Workbook()
        about = workbook.active
        about.title = _sheet_title(_("About"), used := set())
        lines = [
            (_("Organisation"), context["organisation"]),
            (_("Report"), context["title"]),
            (_("Funder"), context["funder"] or "—"),
            (_("Project"), context["project_label"]),
            (
                _("Period"),
                f"{context['period_label']} ({context['period_start']:%d.%m.%Y} – {context['period_end']:%d.%m.%Y})",
            ),
            (_("Compared with"), context["previous_label"]),
            (_("Audience"), str(context["audience_label"])),
            (_("Offices"), context["offices_label"]),
            (_("Generated"), f"{context['generated_at']:%d.%m.%Y %H:%M}"),
        ]
        for index, (label, value) in enumerate(lines, start=1):
            about.cell(row=index, column=1, value=label).font = BOLD
            about.cell(row=index, column=2, value=value)
        extra = [context["period_note"]] if context["period_note"] else []
        if context["is_internal"]:
            extra.insert(0, context["internal_mark"])
        for offset, note in enumerate([*extra, *context["notes"]], start=len(lines) + 2):
            about.cell(row=offset, column=1, value=note)
        about.column_dimensions["A"].width = 24
        about.column_dimensions["B"].width = 70

        if context.get("indicators"):
            _write_indicators(workbook, used, context["indicators"])
        for group in [{"title": _("Key figures"), "tables": [context["key_figures_table"]]}, *context["groups"]]:
            sheet = workbook.create_sheet(_sheet_title(group["title"], used))
            row = 1
            for table in group["raw_tables"] if "raw_tables" in group else group["tables"]:
                row = _write_table(sheet, row, table)
            sheet.column_dimensions["A"].width = 44
            for column in range(2, 10):
                sheet.column_dimensions[get_column_letter(column)].width = 16
        if context["is_internal"]:
            # Every printed page of every sheet says what the report is.
            for sheet in workbook.worksheets:
                sheet.oddHeader.center.text = context["internal_mark"]
                sheet.evenHeader.center.text = context["internal_mark"]
        neutralise_workbook(workbook)  # a funder or category named "=..." must not become a formula
        buffer = io.BytesIO()
        workbook.save(buffer)
    return buffer.getvalue()
