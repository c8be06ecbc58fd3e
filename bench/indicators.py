"""Times the project indicators: 20 indicators of one project for a quarter (period and cumulative).

The 20 indicators cycle through the casework metrics of the catalogue with and without filters, as a
real logframe would; they are written once under codes BENCH-01..20 of the busiest project.
"""

import time

FILTERS = [
    {},
    {"sex": "female"},
    {"age_band": "18-24"},
    {"age_band": "35-49"},
    {"consultation_kind": "legal"},
    {"outcome": "resolved"},
]


def ensure_indicators(project, count: int = 20) -> int:
    from reference import metrics as catalogue
    from reports.models import Indicator

    metrics = [metric for metric in catalogue.all_metrics() if metric.source == "reports"]
    made = 0
    for index in range(count):
        metric = metrics[index % len(metrics)]
        filters = {key: value for key, value in FILTERS[index % len(FILTERS)].items() if key in metric.filters}
        Indicator.objects.update_or_create(
            project=project,
            code=f"BENCH-{index + 1:02d}",
            defaults={"name_ru": metric.code, "name_en": metric.code, "metric": metric.code, "filters": filters},
        )
        made += 1
    return made


def time_indicators(project_code: str, quarter) -> dict:
    from django.utils import translation

    from cases.models import Project
    from reports.counting import snapshot
    from reports.indicators import indicator_results

    project = Project.objects.get(code=project_code)
    count = ensure_indicators(project)
    indicator_results(project, quarter)  # warm-up: connections, catalogue, plans
    started = time.perf_counter()
    with snapshot():
        results = indicator_results(project, quarter)
    elapsed = time.perf_counter() - started
    with translation.override("en"):
        label = f"{count} indicators of {project_code}, {quarter.label}"
    return {
        "what": label,
        "counting": elapsed,
        "total": elapsed,
        "maxrss_mb": 0,
        "indicators": len(results),
    }
