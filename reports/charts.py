"""Charts of the main breakdowns, drawn by pygal as SVG from the suppressed tables.

A chart is drawn from a table after suppression. A hidden cell is drawn as a short grey stub
labelled with its mark (``<5``, ``×``, ``n<5``): its height says nothing, and the reader sees that
something is there instead of reading a zero. A chart whose bars are all hidden is replaced by one
sentence. Values are printed on the bars in the report's language.
"""

import base64
import math

import pygal
from django.utils.translation import gettext as _
from pygal.style import Style

from reports.tables import Table, display, legend

FONT = "DejaVu Sans, Noto Sans, sans-serif"
STYLE = Style(
    font_family=FONT,
    background="white",
    plot_background="white",
    colors=("#1f5fa8", "#9bbbe0", "#d9822b", "#5a9e6f"),
    title_font_size=18,
    label_font_size=13,
    major_label_font_size=13,
    legend_font_size=14,
    value_font_size=12,
)


def _config(**extra) -> dict:
    # No JavaScript and no external resources: the SVG goes into a PDF and a
    # page whose Content-Security-Policy allows only our own files.
    return {
        "js": [],
        "disable_xml_declaration": True,
        "style": STYLE,
        "width": 800,
        "height": 420,
        "legend_at_bottom": True,
        "truncate_label": 40,
        "print_values": True,
        "show_y_guides": True,
        **extra,
    }


def _ticks(values: list) -> list[float]:
    """About five round ticks from zero: pygal's own crowd the axis of a horizontal chart."""
    top = max([v for v in values if v is not None] or [0])
    if top <= 5:
        return [0, 1, 2, 3, 4, 5]
    raw = top / 5
    magnitude = 10 ** math.floor(math.log10(raw))
    step = next(m * magnitude for m in (1, 2, 2.5, 5, 10) if m * magnitude >= raw)
    return [round(step * i, 6) for i in range(int(math.ceil(top / step)) + 1)]


STUB_STYLE = "fill:#d9d9d9;stroke:#666;stroke-width:1;stroke-dasharray:3,2"


def _visible(table: Table, column: int) -> list:
    return [None if row.hidden[column] else row.values[column] for row in table.rows]


def _series(table: Table, column: int, top: float) -> list:
    """The bar values of one column: numbers, and a marked stub for each hidden cell."""
    stub = max(top * 0.04, 0.12)
    values = []
    for row in table.rows:
        mark = row.hidden[column]
        if mark:
            values.append({"value": stub, "style": STUB_STYLE, "formatter": lambda _value, mark=mark: mark})
        else:
            values.append(row.values[column])
    return values


def all_hidden(table: Table, columns: tuple[int, ...]) -> bool:
    cells = [row.hidden[column] for row in table.rows for column in columns if column < len(row.hidden)]
    return bool(cells) and all(cells)


def bar_chart(table: Table, *, horizontal: bool = False, columns: tuple[int, ...] = (0, 1)) -> str:
    columns = tuple(column for column in columns if column < len(table.columns))
    chart_class = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = chart_class(**_config(title=table.title))
    labels = [row.label for row in table.rows]
    if horizontal:
        # pygal draws horizontal bars bottom-up; reverse so the order reads like the table.
        labels = labels[::-1]
    chart.x_labels = labels
    every = [value for column in columns for value in _visible(table, column)]
    top = max([v for v in every if v is not None] or [1])

    def formatter(value):
        return display(value, "", table.kind)

    for column in columns:
        values = _series(table, column, top)
        chart.add(table.columns[column], values[::-1] if horizontal else values, formatter=formatter)
    chart.y_labels = _ticks(every)
    return chart.render(is_unicode=True)


def line_chart(table: Table) -> str:
    """Kept for callers that draw a trend; the report draws months as bars so hidden months get stubs."""
    return bar_chart(table, columns=(0,))


def as_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def report_charts(tables: dict[str, Table]) -> list[dict]:
    """The charts printed in the report, each with its title and SVG, or a sentence when every bar is hidden."""
    specs = [
        ("clients_age_group", {}),
        ("clients_sex", {}),
        ("consultations_by_month", {"columns": (0,)}),
        ("consultations_kind", {"horizontal": True}),
        ("categories", {"horizontal": True}),
        ("referrals_kind", {"horizontal": True}),
    ]
    charts = []
    for key, options in specs:
        table = tables.get(key)
        if table is None or not table.rows:
            continue
        columns = options.get("columns", (0, 1))
        chart = {"key": key, "title": table.title, "legend": legend(table.marks())}
        if all_hidden(table, tuple(c for c in columns if c < len(table.columns))):
            chart["sentence"] = _(
                "%(title)s: every figure of this chart is too small to show without singling people out; see the table."
            ) % {"title": table.title}
        else:
            svg = bar_chart(table, **options)
            chart.update(svg=svg, uri=as_data_uri(svg))
        charts.append(chart)
    return charts
