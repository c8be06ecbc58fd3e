"""Small-cell suppression: a count from 1 to 4 is never printed, nor derivable from what is."""

from collections import Counter

import pytest

from reports.content import build_tables
from reports.counting import Figures
from reports.models import Audience
from reports.periods import parse_period
from reports.suppression import suppress
from reports.tables import SECONDARY, SUPPRESSED, Row, Table, printable


def _table(values: dict[str, list[int]], *, total=True, total_column=False, columns=("Q3", "Q2")) -> Table:
    rows = [Row(key, key, list(cells)) for key, cells in values.items()]
    total_row = None
    if total:
        total_row = Row("total", "Total", [sum(row.values[i] for row in rows) for i in range(len(columns))])
    return Table("t", "T", list(columns), rows, total=total_row, total_column=total_column)


def _visible_values(table: Table, column: int) -> dict[str, object]:
    return {row.key: (SUPPRESSED if row.hidden[column] else row.values[column]) for row in table.all_rows()}


def test_it_shows_counts_from_1_to_4_as_less_than_5_and_keeps_zero_and_five():
    table = suppress(_table({"a": [0, 0], "b": [1, 0], "c": [4, 0], "d": [5, 0], "e": [20, 0]}))
    shown = _visible_values(table, 0)
    assert shown["a"] == 0
    assert shown["b"] == SUPPRESSED
    assert shown["c"] == SUPPRESSED
    assert shown["d"] == 5
    assert shown["e"] == 20
    assert shown["total"] == 30


def test_a_single_hidden_cell_cannot_be_derived_from_the_total():
    # Women 3, men 40, total 43: showing 40 and 43 would give away the 3.
    table = suppress(_table({"women": [3, 10], "men": [40, 12]}))
    shown = _visible_values(table, 0)
    assert shown == {"women": SUPPRESSED, "men": SUPPRESSED, "total": 43}
    # The other column has nothing small, so nothing is hidden there.
    assert _visible_values(table, 1) == {"women": 10, "men": 12, "total": 22}


def test_the_subtraction_attack_fails_on_every_column():
    """For every sum, the visible parts and the visible total never pin down a hidden cell."""
    table = suppress(
        _table({"0-17": [3, 0], "18-24": [0, 7], "25-34": [5, 2], "35-49": [6, 30], "50+": [40, 1], "unknown": [0, 0]})
    )
    for column in range(2):
        hidden = [row for row in table.rows if row.hidden[column]]
        assert len(hidden) != 1, "one hidden cell and a visible total: the cell is total minus the rest"
        if hidden:
            # Whatever the attacker subtracts, at least two unknowns remain.
            assert len(hidden) >= 2
    # The secondary cell is the smallest other non-zero one, not the big one.
    assert _visible_values(table, 0)["25-34"] == SUPPRESSED
    assert _visible_values(table, 0)["50+"] == 40
    assert _visible_values(table, 1)["18-24"] == SUPPRESSED  # partner of the 2 and the 1
    assert _visible_values(table, 1)["35-49"] == 30


def test_a_cross_table_is_protected_by_rows_and_columns():
    table = _table(
        {"ngo": [10, 2, 12], "embassy": [6, 7, 13], "union": [8, 9, 17]},
        columns=("accepted", "declined", "total"),
        total_column=True,
    )
    suppress(table)
    equations = [[(row, c) for row in table.all_rows()] for c in range(3)]
    equations += [[(row, c) for c in range(3)] for row in table.all_rows()]
    for equation in equations:
        hidden = [cell for cell in equation if cell[0].hidden[cell[1]]]
        assert len(hidden) != 1
    assert table.rows[0].hidden[1]  # the 2 itself


def test_a_total_of_1_to_4_is_hidden_with_its_parts():
    table = suppress(_table({"a": [2, 0], "b": [1, 0], "c": [0, 0]}))
    assert _visible_values(table, 0) == {"a": SUPPRESSED, "b": SUPPRESSED, "c": 0, "total": SUPPRESSED}


def test_a_table_without_total_only_hides_the_small_counts():
    table = suppress(_table({"trafficking": [2, 9], "minor": [7, 0]}, total=False))
    assert _visible_values(table, 0) == {"trafficking": SUPPRESSED, "minor": 7}


def test_the_change_column_is_blank_next_to_a_hidden_cell():
    table = suppress(_table({"women": [3, 10], "men": [40, 20]}))
    printed = printable(table)
    assert printed["header"] == ["Q3", "Q2", "±"]
    women, men, total = printed["rows"]
    assert women["cells"] == [SUPPRESSED, "10", ""]
    assert men["cells"] == [SECONDARY, "20", ""]  # 40 men: hidden to protect the 3 women, and marked as such
    assert total["cells"] == ["43", "30", "+43\u202f%"]


@pytest.mark.django_db
def test_the_key_figures_do_not_give_away_a_small_number_of_returning_clients():
    # 12 clients served, 9 new, 3 returning: "Clients served 12" and "New clients 9"
    # side by side in the key figures would tell the reader the hidden 3.
    quarter = parse_period("2026Q3")
    dimensions = ["sex", "age_group", "citizenship_id", "region_id", "migration_status_id"]
    current = Figures(quarter, clients_served=12, clients={"returning": Counter({False: 9, True: 3})})
    previous = Figures(quarter.previous(), clients_served=30, clients={"returning": Counter({False: 20, True: 10})})
    for figures in (current, previous):
        figures.clients.update({dimension: Counter() for dimension in dimensions})

    tables = {table.key: table for table in build_tables(current, previous, Audience.PUBLIC)}

    assert tables["clients"].cell(str(True)) == SUPPRESSED
    key_figures = tables["key_figures"]
    assert key_figures.cell("clients_served") == 12
    assert key_figures.cell("new_clients") == SECONDARY
    assert key_figures.cell("new_clients", 1) == 20  # nothing small in the previous quarter: nothing hidden

    # A funder report prints its key figures exact (the funder's own choice); the breakdown stays protected.
    tables = {table.key: table for table in build_tables(current, previous, Audience.FUNDER)}
    assert tables["key_figures"].cell("new_clients") == 9
    assert tables["clients"].cell(str(True)) == SUPPRESSED
