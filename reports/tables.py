"""The tables of a report: plain data shared by the PDF, the XLSX and the dashboard."""

from dataclasses import dataclass, field
from decimal import Decimal

from reference.formatting import format_number

SUPPRESSED = "<5"


@dataclass
class Row:
    key: str
    label: str
    values: list  # int, float or Decimal per column; None when not applicable
    hidden: list[bool] = field(default_factory=list)
    kind: str = ""  # overrides the table's kind for a row of another unit (hours in the key figures)

    def __post_init__(self):
        if not self.hidden:
            self.hidden = [False] * len(self.values)


@dataclass
class Table:
    key: str
    title: str
    columns: list[str]
    rows: list[Row]
    # A total row sums the rows column by column; with total_column the last
    # column of each row sums the others. Both are equations an attacker could
    # solve, so suppression protects them (see reports.suppression).
    total: Row | None = None
    total_column: bool = False
    kind: str = "count"  # count, hours, money, days
    note: str = ""

    def all_rows(self) -> list[Row]:
        return [*self.rows, self.total] if self.total else list(self.rows)

    def cell(self, row_key: str, column: int = 0):
        for row in self.all_rows():
            if row.key == row_key:
                return SUPPRESSED if row.hidden[column] else row.values[column]
        raise KeyError(row_key)


def display(value, hidden: bool, kind: str = "count") -> str:
    """The text of one cell, as printed in the PDF and on the dashboard."""
    if hidden:
        return SUPPRESSED
    if value is None:
        return "—"
    # The report's language is active: its separators (reference.formatting, one place for all).
    if kind == "money":
        return format_number(Decimal(value), 0)
    if kind in ("hours", "days") and not float(value).is_integer():
        return format_number(value, 1)
    return format_number(int(value), 0)


def change(current, previous) -> str:
    """The comparison column: +12 %, −3 %, or blank when it means nothing."""
    if current is None or previous in (None, 0):
        return ""
    percent = (float(current) - float(previous)) / float(previous) * 100
    sign = "+" if percent >= 0 else "−"
    return f"{sign}{abs(percent):.0f}\u202f%"


def printable(table: Table) -> dict:
    """Header and cell texts of a table, as the PDF and the pages print them."""
    compare = len(table.columns) == 2 and not table.total_column
    header = [*table.columns, "±"] if compare else list(table.columns)
    rows = []
    for row in table.all_rows():
        kind = row.kind or table.kind
        cells = [display(value, hidden, kind) for value, hidden in zip(row.values, row.hidden, strict=True)]
        if compare:
            # A change next to a hidden cell would let the reader work the hidden count out.
            cells.append("" if any(row.hidden) else change(row.values[0], row.values[1]))
        rows.append({"label": row.label, "cells": cells, "is_total": row is table.total})
    return {"key": table.key, "title": table.title, "header": header, "rows": rows, "note": table.note}
