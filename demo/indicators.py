"""Demo logframes: indicators and targets for the IOM project and the Almaty akimat's advice point.

Idempotent (rows keyed by project and indicator code). Runs after the cases and memorandum seeders,
whose projects, cases and referrals the indicators count.
"""

from decimal import Decimal

from cases.models import ConsultationKind, Outcome, Project
from clients.models import Sex, Vulnerability
from reports.models import Indicator, IndicatorTarget, TargetPeriod

# project code -> (indicator code, ru, kk, en, metric, filters, baseline, quarterly target, project target)
LOGFRAMES = {
    "IOM-KZ-2026-01": [
        ("1.1", "Трудовые мигранты, получившие помощь", "Көмек алған еңбек мигранттары",
         "Migrant workers assisted", "clients_served", {}, 0, 120, 480),
        ("1.2", "Женщины-мигранты, получившие помощь", "Көмек алған мигрант әйелдер",
         "Women migrants assisted", "clients_served", {"sex": Sex.FEMALE}, 0, 60, 240),
        ("1.3", "Пострадавшие от торговли людьми, получившие помощь", "Адам саудасынан зардап шеккен көмек алушылар",
         "Survivors of trafficking assisted", "clients_served", {"vulnerability": "trafficking"}, 0, 5, 20),
        ("2.1", "Юридические консультации", "Заң кеңестері",
         "Legal consultations given", "consultations", {"consultation_kind": ConsultationKind.LEGAL}, 0, 250, 1000),
        ("2.2", "Часы консультаций", "Кеңес беру сағаттары",
         "Hours of consultation", "consultation_hours", {}, 0, 200, 800),
        ("3.1", "Дела, закрытые с решением проблемы", "Мәселесі шешіліп жабылған істер",
         "Cases closed as resolved", "cases_closed", {"outcome": Outcome.RESOLVED}, 0, 40, 160),
        ("3.2", "Возвращённая заработная плата, тенге", "Қайтарылған жалақы, теңге",
         "Wages recovered, KZT", "wages_recovered", {}, 0, 3_000_000, 12_000_000),
        ("4.1", "Направления партнёрам", "Серіктестерге жолдамалар",
         "Referrals sent to partners", "referrals_sent", {}, 0, 30, 120),
    ],
    "AKIMAT-ALA-2026": [
        ("1", "Мигранты, обратившиеся в консультационный пункт", "Кеңес беру пунктіне жүгінген мигранттар",
         "Migrants served by the advice point", "clients_served", {}, 0, 90, 270),
        ("2", "Новые клиенты", "Жаңа клиенттер",
         "New clients", "new_clients", {}, 0, 70, 210),
        ("3", "Возвращённые документы", "Қайтарылған құжаттар",
         "Cases closed with documents returned", "documents_returned", {}, 0, 10, 30),
    ],
}  # fmt: skip


def _quarters(project: Project):
    """(year, quarter) of every quarter the project overlaps."""
    year, quarter = project.starts_on.year, (project.starts_on.month - 1) // 3 + 1
    end = project.ends_on or project.starts_on
    while (year, quarter) <= (end.year, (end.month - 1) // 3 + 1):
        yield year, quarter
        year, quarter = (year + 1, 1) if quarter == 4 else (year, quarter + 1)


def seed(context: dict, *, clients, rng, stdout) -> str | None:
    vulnerabilities = dict(Vulnerability.objects.values_list("code", "pk"))
    made = 0
    for project_code, rows in LOGFRAMES.items():
        project = Project.objects.filter(code=project_code).first()
        if project is None:
            continue
        for order, (code, ru, kk, en, metric, filters, baseline, quarterly, whole) in enumerate(rows):
            filters = dict(filters)
            if "vulnerability" in filters:
                pk = vulnerabilities.get(filters.pop("vulnerability"))
                if pk:
                    filters["vulnerability_id"] = pk
            indicator, _created = Indicator.objects.update_or_create(
                project=project,
                code=code,
                defaults={
                    "name_ru": ru, "name_kk": kk, "name_en": en, "metric": metric, "filters": filters,
                    "baseline": Decimal(baseline), "ordering": order,
                },
            )  # fmt: skip
            quarters = list(_quarters(project))
            for year, quarter in quarters:
                IndicatorTarget.objects.update_or_create(
                    indicator=indicator, period=TargetPeriod.QUARTER, year=year, quarter=quarter,
                    defaults={"value": Decimal(quarterly)},
                )  # fmt: skip
            for year in sorted({year for year, _quarter in quarters}):
                IndicatorTarget.objects.update_or_create(
                    indicator=indicator, period=TargetPeriod.YEAR, year=year, quarter=None,
                    defaults={"value": Decimal(quarterly * sum(1 for y, _q in quarters if y == year))},
                )  # fmt: skip
            IndicatorTarget.objects.update_or_create(
                indicator=indicator, period=TargetPeriod.PROJECT, year=None, quarter=None,
                defaults={"value": Decimal(whole)},
            )  # fmt: skip
            made += 1
    return f"{made} project indicators with quarterly, yearly and project targets"
