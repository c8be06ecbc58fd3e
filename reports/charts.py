"""Charts of the main breakdowns, drawn by pygal as SVG from the suppressed tables.

A chart is drawn from a table after suppression, so a hidden cell has no bar
(a bar's height would give away what ``<5`` hides).
"""

import base64
import math

import pygal
from pygal.style import Style

from reports.tables import Table

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
        "print_values": False,
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


def _visible(table: Table, column: int) -> list:
    return [None if row.hidden[column] else row.values[column] for row in table.rows]


def bar_chart(table: Table, *, horizontal: bool = False, columns: tuple[int, ...] = (0, 1)) -> str:
    chart_class = pygal.HorizontalBar if horizontal else pygal.Bar
    chart = chart_class(**_config(title=table.title))
    labels = [row.label for row in table.rows]
    if horizontal:
        # pygal draws horizontal bars bottom-up; reverse so the order reads like the table.
        labels = labels[::-1]
    chart.x_labels = labels
    every = []
    for column in columns:
        values = _visible(table, column)
        every += values
        chart.add(table.columns[column], values[::-1] if horizontal else values)
    chart.y_labels = _ticks(every)
    return chart.render(is_unicode=True)


def line_chart(table: Table) -> str:
    # The value axis starts at zero, or a small change would look like a big one.
    chart = pygal.Line(
        **_config(title=table.title, show_dots=True, dots_size=4, fill=False, include_x_axis=True, margin_right=50)
    )
    chart.x_labels = [row.label for row in table.rows]
    values = _visible(table, 0)
    chart.add(table.columns[0], values)
    chart.y_labels = _ticks(values)
    return chart.render(is_unicode=True)


def as_data_uri(svg: str) -> str:
    return "data:image/svg+xml;base64," + base64.b64encode(svg.encode("utf-8")).decode("ascii")


def report_charts(tables: dict[str, Table]) -> list[dict]:
    """The charts printed in the report, each with its title and SVG."""
    specs = [
        ("clients_age_group", lambda t: bar_chart(t)),
        ("clients_sex", lambda t: bar_chart(t)),
        ("consultations_by_month", lambda t: line_chart(t)),
        ("consultations_kind", lambda t: bar_chart(t, horizontal=True)),
        ("categories", lambda t: bar_chart(t, horizontal=True)),
        ("referrals_kind", lambda t: bar_chart(t, horizontal=True)),
    ]
    charts = []
    for key, draw in specs:
        table = tables.get(key)
        if table is None or not table.rows:
            continue
        svg = draw(table)
        charts.append({"key": key, "title": table.title, "svg": svg, "uri": as_data_uri(svg)})
    return charts
