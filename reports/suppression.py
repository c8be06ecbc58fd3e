"""Small-cell suppression: no count from 1 to 4 is ever printed, and none can be worked out.

Primary suppression hides every count from 1 to 4 (mark ``<5``); zero is shown, as it singles out no
one. Secondary suppression then protects the sums a table states (a total row, a total column): a
reader who knows the visible cells and the visible totals holds a system of linear equations in the
hidden cells, and no hidden cell may be one of its solved unknowns. Until none is, one more cell is
hidden (mark ``×``), chosen to hide as little as possible: a catch-all row ("not recorded", "other")
first, then the smallest visible count of a sum the exposed cell is in. Besides, the hidden parts of
a sum add up to at least five, so two hidden cells cannot be pinned down by a small difference.

Tables whose rows are not additive (a client may have several vulnerabilities) have no total row,
hence no equation, and only need the primary rule. Amounts, hours and medians resting on fewer than
five cases carry the ``n<5`` mark from the table builder.
"""

from fractions import Fraction

from reports.tables import PRIMARY, SECONDARY, Row, Table

THRESHOLD = 5

Cell = tuple[Row, int]


def is_small(value) -> bool:
    return value is not None and 0 < value < THRESHOLD


def equations(table: Table) -> list[tuple[Cell, list[Cell]]]:
    """(total cell, part cells) of every sum the table states."""
    found = []
    last = len(table.columns) - 1
    if table.total is not None:
        for column in range(len(table.columns)):
            found.append(((table.total, column), [(row, column) for row in table.rows]))
    if table.total_column:
        for row in table.all_rows():
            found.append(((row, last), [(row, column) for column in range(last)]))
    return found


def determined_cells(table: Table) -> list[Cell]:
    """Hidden cells a reader can compute exactly from the visible cells and the table's sums.

    Each sum is a linear equation; the unknowns are the hidden cells (totals included). A hidden
    cell is determined when, in the reduced row echelon form of the system, its pivot row holds no
    other unknown.
    """
    unknowns: list[Cell] = [(row, c) for row in table.all_rows() for c in range(len(row.values)) if row.hidden[c]]
    if not unknowns:
        return []
    index = {(id(row), c): i for i, (row, c) in enumerate(unknowns)}
    matrix: list[list[Fraction]] = []
    for total, parts in equations(table):
        coefficients = [Fraction(0)] * len(unknowns)
        for sign, (row, c) in [(1, total), *((-1, part) for part in parts)]:
            if row.hidden[c]:
                coefficients[index[(id(row), c)]] += sign
        if any(coefficients):
            matrix.append(coefficients)
    pivots: list[int] = []
    rank = 0
    for column in range(len(unknowns)):
        pivot = next((r for r in range(rank, len(matrix)) if matrix[r][column]), None)
        if pivot is None:
            continue
        matrix[rank], matrix[pivot] = matrix[pivot], matrix[rank]
        scale = matrix[rank][column]
        matrix[rank] = [value / scale for value in matrix[rank]]
        for r in range(len(matrix)):
            if r != rank and matrix[r][column]:
                factor = matrix[r][column]
                matrix[r] = [a - factor * b for a, b in zip(matrix[r], matrix[rank], strict=True)]
        pivots.append(column)
        rank += 1
    determined = []
    for r, column in enumerate(pivots):
        if sum(1 for value in matrix[r] if value) == 1:
            determined.append(unknowns[column])
    return determined


def _nearly_pinned(total: Cell, parts: list[Cell]) -> bool:
    """A visible sum whose hidden parts add up to fewer than five: each is almost known (2 = 1 + 1)."""
    total_row, total_column = total
    if total_row.hidden[total_column]:
        return False
    hidden = [row.values[column] or 0 for row, column in parts if row.hidden[column]]
    return bool(hidden) and sum(hidden) < THRESHOLD


def _preference(cell: Cell) -> tuple:
    row, column = cell
    return (not row.residual, row.values[column] or 0)


def _hide_one_more(table: Table, exposed: Cell | None, sums: list[tuple[Cell, list[Cell]]]) -> bool:
    """Hide the best visible cell of a sum that ``exposed`` is in (or of the given sums); False if none is left."""
    candidates: list[Cell] = []
    for total, parts in sums:
        members = [total, *parts]
        if exposed is not None and not any(row is exposed[0] and c == exposed[1] for row, c in members):
            continue
        candidates += [(row, c) for row, c in parts if not row.hidden[c] and (row.values[c] or 0) > 0]
    if not candidates:
        # Only zeros or totals left: hide a visible zero part, then the total itself.
        for total, parts in sums:
            members = [total, *parts]
            if exposed is not None and not any(row is exposed[0] and c == exposed[1] for row, c in members):
                continue
            candidates += [(row, c) for row, c in [*parts, total] if not row.hidden[c]]
    if not candidates:
        return False
    row, column = min(candidates, key=_preference)
    row.hidden[column] = SECONDARY
    return True


def suppress(table: Table) -> Table:
    for row in table.all_rows():
        if (row.kind or table.kind) == "count":
            row.hidden = [
                mark or (PRIMARY if is_small(value) else "") for value, mark in zip(row.values, row.hidden, strict=True)
            ]
    sums = equations(table)
    if not sums:
        return table
    for _round in range(10_000):  # each round hides one more cell of a finite table; the bound is a safety net
        pinned = [(total, parts) for total, parts in sums if _nearly_pinned(total, parts)]
        if pinned and _hide_one_more(table, None, pinned[:1]):
            continue
        exposed = determined_cells(table)
        if not exposed:
            break
        if not _hide_one_more(table, exposed[0], sums) and not _hide_one_more(table, None, sums):
            break
    return table


def suppress_all(tables: list[Table]) -> list[Table]:
    return [suppress(table) for table in tables]
