"""The tables of a report: plain data shared by the PDF, the XLSX and the dashboard.

A hidden cell carries the *mark* it prints, and each mark says why the cell is hidden:

- ``<5``  a count from 1 to 4 (primary suppression): the only mark that stands for a small count;
- ``×``   a cell of any size hidden only so that a ``<5`` cannot be worked out from a total
  (secondary suppression); it may stand for 7 or 70;
- ``n<5`` a median, a mean, hours or an amount resting on fewer than five cases or answers.

A value of None (nothing to compute, e.g. a median of no answers) prints ``—``.
"""

from dataclasses import dataclass, field
from decimal import Decimal

from django.utils.translation import gettext as _

from reference.formatting import format_money, format_number

PRIMARY = "<5"
SECONDARY = "×"
FEW = "n<5"
NOT_APPLICABLE = "—"
MARKS = (PRIMARY, SECONDARY, FEW)
SUPPRESSED = PRIMARY  # the primary mark, under its former name

# Row keys of catch-all categories: secondary suppression hides these first, as they tell least.
RESIDUAL_KEYS = frozenset({"None", "unknown", "other", "not_recorded"})
# Codes of reference rows that are catch-alls (MigrationStatus "unknown", "other"...).
RESIDUAL_CODES = frozenset({"unknown", "other", "not-recorded"})


@dataclass
class Row:
    key: str
    label: str
    values: list  # int, float or Decimal per column; None when not applicable
    hidden: list = field(default_factory=list)  # per column: "" (shown) or the mark printed instead
    kind: str = ""  # overrides the table's kind for a row of another unit (hours in the key figures)
    residual: bool = False  # a catch-all row ("unknown", "other", "not recorded"): hidden first when more must go

    def __post_init__(self):
        self.residual = self.residual or self.key in RESIDUAL_KEYS
        if not self.hidden:
            self.hidden = [""] * len(self.values)
        # True/False from older callers: True is the primary mark.
        self.hidden = [PRIMARY if mark is True else (mark or "") for mark in self.hidden]


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
    kind: str = "count"  # count, hours, money, days, points
    note: str = ""

    def all_rows(self) -> list[Row]:
        return [*self.rows, self.total] if self.total else list(self.rows)

    def cell(self, row_key: str, column: int = 0):
        for row in self.all_rows():
            if row.key == row_key:
                return row.hidden[column] or row.values[column]
        raise KeyError(row_key)

    def marks(self) -> list[str]:
        """The marks this table prints, in legend order."""
        used = {mark for row in self.all_rows() for mark in row.hidden if mark}
        return [mark for mark in MARKS if mark in used]


def few(n) -> str:
    """The mark of a figure resting on ``n`` cases: ``n<5`` for 1–4 (0 cases: nothing to hide)."""
    return FEW if n is not None and 0 < n < 5 else ""


def legend_entries(marks) -> list[tuple[str, str]]:
    texts = {
        PRIMARY: _("a count from 1 to 4"),
        SECONDARY: _("hidden so that a small count cannot be worked out from the totals"),
        FEW: _("fewer than 5 cases or answers behind this figure"),
    }
    return [(mark, texts[mark]) for mark in MARKS if mark in marks]


def legend(marks) -> str:
    """One line explaining the marks a table uses ("" when it hides nothing)."""
    return "; ".join(f"{mark} — {text}" for mark, text in legend_entries(marks))


def number(value, decimals: int = 0) -> str:
    """A number with the active language's separators: 1 234,5 in ru/kk, 1,234.5 in en."""
    return format_number(value, decimals)


def money(value) -> str:
    """KZT the language's way: 450 000 ₸ in ru/kk, KZT 450,000 in en."""
    return format_money(value)


def display(value, hidden, kind: str = "count") -> str:
    """The text of one cell, as printed in the PDF and on the dashboard (in the active language)."""
    if hidden:
        return hidden if isinstance(hidden, str) else PRIMARY
    if value is None:
        return NOT_APPLICABLE
    if kind == "money":
        return number(Decimal(value).quantize(Decimal(1)), 0)
    if kind in ("hours", "days", "percent", "points") and not float(value).is_integer():
        return number(round(float(value), 1), 1)
    return number(int(value), 0)


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
    return {
        "key": table.key,
        "title": table.title,
        "header": header,
        "rows": rows,
        "note": table.note,
        "legend": legend(table.marks()),
    }
