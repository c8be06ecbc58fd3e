"""The product's one writer for every spreadsheet Ariptes produces (CSV and XLSX).

- CSV opens in the reader's spreadsheet program: Excel set to Russian or Kazakh expects ``;`` between
  columns and a decimal comma; in English, ``,`` and a decimal point. Every file starts with a UTF-8
  byte order mark so that Cyrillic is read right.
- Every cell is neutralised: text typed by users or administrators (a name, a funder, a category)
  could start a spreadsheet formula (CSV injection), so every text cell starting with ``= + - @`` or a
  tab or carriage return gets a leading quote, which spreadsheet programs show as text and which also
  survives a re-export to CSV.

Lives in ``reference``, the lowest app, so every export above may use it.
"""

from __future__ import annotations

import csv
import io
from collections.abc import Iterable
from datetime import date, datetime
from decimal import Decimal

from django.utils import formats
from django.utils.translation import get_language, override

SEMICOLON_LANGUAGES = frozenset({"ru", "kk"})
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


def write_only_sheet_append(sheet, values) -> None:
    """Append a row to a (write-only) openpyxl sheet with every cell neutralised."""
    sheet.append(neutralise_row(values))


def csv_delimiter(language: str | None = None) -> str:
    return ";" if (language or get_language() or "ru")[:2] in SEMICOLON_LANGUAGES else ","


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, bool):
        return str(value)
    if isinstance(value, (Decimal, float)):
        # The language's decimal separator, no grouping: a number the spreadsheet reads as a number.
        return formats.number_format(value, use_l10n=True, force_grouping=False)
    if isinstance(value, (date, datetime)):
        return value.isoformat()
    return str(neutralise(value))


def csv_bytes(header: Iterable, rows: Iterable[Iterable], *, language: str | None = None) -> bytes:
    """A CSV file (UTF-8 with BOM) in the conventions of ``language`` (default: the active language)."""
    language = (language or get_language() or "ru")[:2]
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=csv_delimiter(language), lineterminator="\r\n")
    with override(language):
        writer.writerow([_cell(value) for value in header])
        for row in rows:
            writer.writerow([_cell(value) for value in row])
    return ("\ufeff" + buffer.getvalue()).encode("utf-8")
