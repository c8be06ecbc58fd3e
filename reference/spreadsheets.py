"""The product's one way of writing CSV files that open in the reader's spreadsheet program.

Excel set to Russian or Kazakh expects ``;`` between columns and a decimal comma; in English, ``,``
and a decimal point. Every file starts with a UTF-8 byte order mark so that Cyrillic is read right.
Every CSV export (cases, reports, anything later) goes through ``csv_bytes``.
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
    return str(value)


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
