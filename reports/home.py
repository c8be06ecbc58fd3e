"""The manager's dashboard panel: this quarter's main figures, by the report's own code."""

from django.core.cache import cache
from django.utils import timezone, translation

from reports.charts import as_data_uri, bar_chart
from reports.document import ReportRequest, count_tables
from reports.periods import quarter_of
from reports.permissions import can_use_reports
from reports.tables import printable

CACHE_SECONDS = 10 * 60


def manager_panel(request) -> dict | None:
    if not can_use_reports(request.user):
        return None
    language = (translation.get_language() or "ru")[:2]
    period = quarter_of(timezone.localdate())
    key = f"reports:manager-panel:{period.start:%Y%m%d}:{language}"
    panel = cache.get(key)
    if panel is None:
        # Counting a quarter of every office is cheap but not free; a few
        # minutes' staleness is fine on a dashboard.
        tables = {table.key: table for table in count_tables(ReportRequest(period=period, language=language))}
        with translation.override(language):
            panel = {
                "period_label": period.label,
                "key_figures": printable(tables["key_figures"]),
                "charts": [
                    {"title": tables[key].title, "uri": as_data_uri(draw(tables[key]))}
                    for key, draw in (
                        ("clients_age_group", bar_chart),
                        ("consultations_kind", lambda table: bar_chart(table, horizontal=True)),
                    )
                ],
            }
        cache.set(key, panel, CACHE_SECONDS)
    return {"template": "reports/_manager_panel.html", **panel}
