"""The one neutralising writer for every spreadsheet Ariptes produces (CSV and XLSX).

Text typed by users or administrators (a name, a funder, a category) could start a spreadsheet formula
(CSV injection): every text cell starting with ``= + - @`` or a tab or carriage return gets a leading
quote, which spreadsheet programs show as text and which also survives a re-export to CSV.
Lives in ``reference``, the lowest app, so every export above may use it.
"""

from __future__ import annotations

import csv
import io

FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralise(value):
    """A cell value safe for spreadsheets: text that could start a formula gets a leading quote."""
    if isinstance(value, str) and value.startswith(FORMULA_PREFIXES):
        return "'" + value
    return value


def neutralise_row(values) -> list:
    return [neutralise(value) for value in values]


def neutralise_workbook(workbook) -> None:
    """Neutralise every text cell of an openpyxl workbook just before it is saved.

    openpyxl stores a string starting with ``=`` as a formula; after this pass no cell is one.
    """
    for sheet in workbook.worksheets:
        for row in sheet.iter_rows():
            for cell in row:
                if isinstance(cell.value, str) and (cell.data_type == "f" or cell.value.startswith(FORMULA_PREFIXES)):
                    cell.value = neutralise(cell.value)


def csv_bytes(header: list, rows) -> bytes:
    """A UTF-8 CSV with a BOM (spreadsheet programs then read Cyrillic correctly), every cell neutralised."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow(neutralise_row(header))
    for row in rows:
        writer.writerow(["" if value is None else value for value in neutralise_row(row)])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")


def write_only_sheet_append(sheet, values) -> None:
    """Append a row to a (write-only) openpyxl sheet with every cell neutralised."""
    sheet.append(neutralise_row(values))
