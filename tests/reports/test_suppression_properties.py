"""Property tests of small-cell suppression over random tables (hypothesis).

Whatever the table, after suppression:
- a printed ``<5`` always stands for a count from 1 to 4, and every count from 1 to 4 is hidden;
- no hidden cell of 1–4 can be worked out from the visible cells and the table's sums: the test
  writes the sums as linear equations in the hidden cells and solves them with its own elimination
  (a cell is derivable when its unit vector lies in the row space of the system);
- in every sum with a visible total, hidden cells are never alone (a ``×`` or a ``<5`` always has
  company) and the hidden parts add up to five or more.
"""

from fractions import Fraction

from hypothesis import given, settings
from hypothesis import strategies as st

from reports.suppression import suppress
from reports.tables import PRIMARY, SECONDARY, Row, Table

counts = st.one_of(st.integers(0, 6), st.integers(0, 60))


@st.composite
def tables(draw):
    n_rows = draw(st.integers(1, 7))
    n_parts = draw(st.integers(1, 4))
    with_total_column = n_parts >= 2 and draw(st.booleans())
    with_total_row = draw(st.booleans()) or not with_total_column
    rows = []
    for index in range(n_rows):
        values = [draw(counts) for _ in range(n_parts)]
        if with_total_column:
            values.append(sum(values))
        key = draw(st.sampled_from([f"r{index}", f"r{index}", "None"]))
        rows.append(Row(key, f"row {index}", values))
    columns = [f"c{i}" for i in range(len(rows[0].values))]
    total = None
    if with_total_row:
        total = Row("total", "Total", [sum(row.values[c] for row in rows) for c in range(len(columns))])
    return Table("t", "T", columns, rows, total=total, total_column=with_total_column)


def _sums(table: Table):
    """(total cell, part cells) of every sum the table states, found here without the module's help."""
    sums = []
    if table.total is not None:
        for c in range(len(table.columns)):
            sums.append(((table.total, c), [(row, c) for row in table.rows]))
    if table.total_column:
        last = len(table.columns) - 1
        for row in [*table.rows, *([table.total] if table.total else [])]:
            sums.append(((row, last), [(row, c) for c in range(last)]))
    return sums


def _rank(matrix: list[list[Fraction]]) -> int:
    rows = [list(row) for row in matrix]
    rank, width = 0, len(rows[0]) if rows else 0
    for column in range(width):
        pivot = next((r for r in range(rank, len(rows)) if rows[r][column] != 0), None)
        if pivot is None:
            continue
        rows[rank], rows[pivot] = rows[pivot], rows[rank]
        for r in range(rank + 1, len(rows)):
            if rows[r][column] != 0:
                factor = rows[r][column] / rows[rank][column]
                rows[r] = [a - factor * b for a, b in zip(rows[r], rows[rank], strict=True)]
        rank += 1
    return rank


def _derivable(table: Table) -> list[tuple[Row, int]]:
    cells = [(row, c) for row in table.all_rows() for c in range(len(row.values))]
    hidden = [(row, c) for row, c in cells if row.hidden[c]]
    position = {(id(row), c): i for i, (row, c) in enumerate(hidden)}
    system = []
    for total, parts in _sums(table):
        equation = [Fraction(0)] * len(hidden)
        for sign, (row, c) in [(1, total), *((-1, part) for part in parts)]:
            if row.hidden[c]:
                equation[position[(id(row), c)]] += sign
        system.append(equation)
    if not hidden or not system:
        return []
    base = _rank(system)
    found = []
    for i, cell in enumerate(hidden):
        unit = [Fraction(int(j == i)) for j in range(len(hidden))]
        if _rank([*system, unit]) == base:
            found.append(cell)
    return found


@settings(max_examples=400, deadline=None)
@given(tables())
def test_no_small_count_is_printed_or_derivable(table):
    suppress(table)
    for row in table.all_rows():
        for value, mark in zip(row.values, row.hidden, strict=True):
            if mark == PRIMARY:
                assert 1 <= value <= 4, "a <5 that stands for 0 or 5 and more"
            if 1 <= value <= 4:
                assert mark, "a count from 1 to 4 printed"
            assert mark in ("", PRIMARY, SECONDARY)
    for row, c in _derivable(table):
        assert not 1 <= row.values[c] <= 4, f"a hidden {row.values[c]} can be solved from the sums"
    for (total_row, total_c), parts in _sums(table):
        if total_row.hidden[total_c]:
            continue
        hidden = [row.values[c] for row, c in parts if row.hidden[c]]
        assert len(hidden) != 1, "a hidden cell alone in a sum with a visible total"
        assert not hidden or sum(hidden) >= 5, "hidden parts of a sum adding up to fewer than five"


@settings(max_examples=200, deadline=None)
@given(tables())
def test_suppression_hides_nothing_when_nothing_is_small(table):
    if any(1 <= value <= 4 for row in table.all_rows() for value in row.values):
        return
    suppress(table)
    assert not any(mark for row in table.all_rows() for mark in row.hidden)


def test_a_catch_all_row_is_hidden_before_a_smaller_named_one():
    rows = [Row("a", "A", [3]), Row("b", "B", [6]), Row("None", "Not recorded", [9]), Row("c", "C", [20])]
    suppress(Table("t", "T", ["Q3"], rows, total=Row("total", "Total", [38])))
    assert [row.hidden[0] for row in rows] == [PRIMARY, "", SECONDARY, ""]
