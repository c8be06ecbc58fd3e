"""Small-cell suppression: no count from 1 to 4 is ever printed.

Primary suppression hides every count from 1 to 4 (shown as ``<5``); zero is
shown, as it singles out no one. Secondary suppression then protects the
equations a reader could solve: when a total row or a total column makes a
hidden cell the only unknown of a sum, the smallest other non-zero cell of
that sum is hidden too, and so on until every sum has either no hidden cell
or at least two. A hidden cell therefore can never be derived by subtracting
the visible cells from a visible total.

Tables whose rows are not additive (a client may have several
vulnerabilities) have no total row, hence no equation, and only need the
primary rule. The hidden parts of a sum also add up to at least five, so
two hidden cells cannot be pinned down by their difference from the total
either. Amounts and medians are hidden by the table builder when fewer
than five cases or referrals stand behind them.
"""

from reports.tables import Row, Table

THRESHOLD = 5


def is_small(value) -> bool:
    return value is not None and 0 < value < THRESHOLD


def _equations(table: Table) -> list[tuple[tuple[Row, int], list[tuple[Row, int]]]]:
    """(total cell, part cells) of every sum the table states."""
    equations = []
    last = len(table.columns) - 1
    if table.total is not None:
        for column in range(len(table.columns)):
            equations.append(((table.total, column), [(row, column) for row in table.rows]))
    if table.total_column:
        for row in table.all_rows():
            equations.append(((row, last), [(row, column) for column in range(last)]))
    return equations


def _needs_more(total: tuple[Row, int], parts: list[tuple[Row, int]]) -> bool:
    """True when a reader could work out a hidden part from the visible total and parts."""
    total_row, total_column = total
    if total_row.hidden[total_column]:
        return False  # the sum is unknown: the visible parts tell nothing about the hidden ones
    hidden = [row.values[column] or 0 for row, column in parts if row.hidden[column]]
    # One hidden part is the total minus the rest; several parts that add up to
    # fewer than five are each almost pinned down (two hidden adding to 2 are both 1).
    return bool(hidden) and (len(hidden) == 1 or sum(hidden) < THRESHOLD)


def suppress(table: Table) -> Table:
    for row in table.all_rows():
        if (row.kind or table.kind) == "count":
            row.hidden = [hidden or is_small(value) for value, hidden in zip(row.values, row.hidden, strict=True)]
    equations = _equations(table)
    changed = True
    while changed:
        changed = False
        for total, parts in equations:
            if not _needs_more(total, parts):
                continue
            visible = [
                (row, column) for row, column in parts if not row.hidden[column] and (row.values[column] or 0) > 0
            ]
            if visible:
                row, column = min(visible, key=lambda cell: cell[0].values[cell[1]])
            else:
                row, column = total  # cannot happen for counts (the total would be under five); safe anyway
            row.hidden[column] = True
            changed = True
    return table


def suppress_all(tables: list[Table]) -> list[Table]:
    return [suppress(table) for table in tables]
