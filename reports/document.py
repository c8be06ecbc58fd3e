"""Assembles a report: counting, tables, charts, then the PDF and the XLSX.

Used alike by the Celery task, the ``generate_report`` command, the benchmark
and (for counting and charts only) the manager's dashboard, so every place
shows the same numbers.
"""

import time
from collections.abc import Callable
from dataclasses import dataclass, field

from django.conf import settings
from django.utils import timezone, translation
from django.utils.translation import gettext as _

from reports.charts import report_charts
from reports.content import build_tables
from reports.counting import Scope, count, snapshot
from reports.indicators import indicator_results, printable_results
from reports.models import Audience
from reports.outreach_section import OUTREACH_KEYS, outreach_tables
from reports.periods import Period
from reports.tables import FEW, PRIMARY, SECONDARY, Table, legend_entries, printable

GROUPS = [
    (
        "clients",
        lambda: _("Clients"),
        [
            "clients",
            "clients_sex",
            "clients_age_group",
            "clients_citizenship_id",
            "clients_region_id",
            "clients_migration_status_id",
            "vulnerabilities",
        ],
    ),
    (
        "consultations",
        lambda: _("Consultations"),
        ["consultations_kind", "consultations_mode", "hours", "consultations_by_month"],
    ),
    ("cases", lambda: _("Cases and outcomes"), ["cases_opened", "categories", "cases_closed", "results", "wages"]),
    ("referrals", lambda: _("Referrals to partners"), ["referrals_kind", "referral_results", "answer_days"]),
    ("outreach", lambda: _("Outreach"), OUTREACH_KEYS),
]


@dataclass
class ReportRequest:
    period: Period
    language: str = "en"
    audience: str = Audience.FUNDER
    project: object | None = None  # cases.Project
    offices: list = field(default_factory=list)  # accounts.Office
    achievements: str = ""
    challenges: str = ""
    story: str = ""

    @property
    def scope(self) -> Scope:
        return Scope(
            office_ids=tuple(sorted(office.pk for office in self.offices)),
            project_id=self.project.pk if self.project else None,
        )


@dataclass
class ReportFiles:
    pdf: bytes
    xlsx: bytes
    tables: list[Table]
    indicators: list
    counting_seconds: float
    pdf_seconds: float


def count_tables(request: ReportRequest) -> list[Table]:
    """The suppressed tables of the period, compared with the previous one, in the report's language."""
    with translation.override(request.language), snapshot():
        current = count(request.scope, request.period)
        previous = count(request.scope, request.period.previous())
        return build_tables(current, previous, request.audience)


def count_outreach(request: ReportRequest) -> list[Table]:
    """The outreach section's tables (activities, people reached, trainings, materials, quick contacts)."""
    scope = request.scope
    with translation.override(request.language), snapshot():
        return outreach_tables(request.period, scope.office_ids, scope.project_id, request.audience)


def count_indicators(request: ReportRequest) -> list:
    """The project's indicators against their targets (none without a project)."""
    if request.project is None:
        return []
    with translation.override(request.language), snapshot():
        return indicator_results(
            request.project, request.period, office_ids=request.scope.office_ids, audience=request.audience
        )


def _notes(request: ReportRequest) -> list[str]:
    notes = [
        _(
            "A client is counted as served when a case was opened or a consultation was given in the period; "
            "as returning when they had a case opened before the period."
        ),
        _("Ages are reached in the last year of the period, from the year of birth."),
        _("A case is counted as worked on when it was opened or had a consultation in the period."),
        _("Referrals are counted from the day they were sent; days to answer run from sending to the first answer."),
        _(
            "Outreach counts held activities by their first day and quick contacts by their date; people reached "
            "are those counted in the room, and a project's report has no quick contacts."
        ),
    ]
    if request.project is not None:
        notes.append(
            _(
                'Indicators: "cumulative" counts from the start of the project to the end of the period, each '
                "person once; the percentage is of the target of the period or of the whole project."
            )
        )
    if request.audience == Audience.INTERNAL:
        notes.append(_("Internal report: every figure is exact, small numbers included. Do not share it outside."))
    else:
        notes.append(
            _(
                "To protect the people we serve, no name, code or note appears in this report, "
                "and small numbers are hidden:"
            )
            + " "
            + "; ".join(f"{mark} — {text}" for mark, text in legend_entries([PRIMARY, SECONDARY, FEW]))
            + "."
        )
    if request.audience == Audience.FUNDER:
        notes.append(_("The key figures and the project indicators are exact; the breakdowns are protected."))
    return notes


def office_name(office, language: str) -> str:
    """An office as a report in ``language`` names it.

    The office's own column for the language when it has one (translated names); otherwise its
    Russian name only in a Russian report, and elsewhere its code and its region, whose name is
    translated, so an English or Kazakh report carries no Russian words.
    """
    translated = getattr(office, f"name_{language}", "")
    if translated:
        return translated
    if language == "ru":
        return office.name
    return f"{office.code} ({office.region.name})"


def period_note(period: Period) -> str:
    """The cover's sentence about a period that has not ended ("" for an ended one)."""
    if not period.is_partial:
        return ""
    previous = period.previous()
    return _(
        "The period has not ended: it is counted up to %(end)s (%(days)s days) and compared with the same "
        "number of days of the previous period, %(previous_start)s–%(previous_end)s."
    ) % {
        "end": f"{period.end:%d.%m.%Y}",
        "days": period.days,
        "previous_start": f"{previous.start:%d.%m.%Y}",
        "previous_end": f"{previous.end:%d.%m.%Y}",
    }


def build_context(request: ReportRequest, tables: list[Table], charts: list[dict], indicators: list = ()) -> dict:
    by_key = {table.key: table for table in tables}
    with translation.override(request.language):
        project = request.project
        groups, toc = [], []
        narrative = [
            {"title": title, "text": text}
            for title, text in (
                (_("Achievements"), request.achievements),
                (_("Challenges"), request.challenges),
                (_("A story from our work"), request.story),
            )
            if text.strip()
        ]
        if narrative:
            toc.append({"anchor": "narrative", "title": _("Narrative")})
        toc.append({"anchor": "key-figures", "title": _("Key figures")})
        if project is not None:
            toc.append({"anchor": "indicators", "title": _("Project indicators")})
        toc.append({"anchor": "charts", "title": _("Charts")})
        for anchor, title, keys in GROUPS:
            raw = [by_key[key] for key in keys if key in by_key]
            groups.append(
                {"anchor": anchor, "title": title(), "tables": [printable(t) for t in raw], "raw_tables": raw}
            )
            toc.append({"anchor": anchor, "title": title()})
            toc += [{"anchor": f"table-{t.key}", "title": t.title, "sub": True} for t in raw]
        toc.append({"anchor": "notes", "title": _("Notes")})
        return {
            "language": request.language,
            "organisation": settings.ORGANISATION_NAME,
            "title": _("Report to %(funder)s") % {"funder": project.funder.name}
            if project
            else _("Report on our work"),
            "funder": project.funder.name if project else "",
            "audience": request.audience,
            "audience_label": Audience(request.audience).label,
            "is_internal": request.audience == Audience.INTERNAL,
            "internal_mark": _("Internal — contains small numbers"),
            "period_note": period_note(request.period),
            "indicators": printable_results(list(indicators)) if project is not None else None,
            "indicator_results": list(indicators),
            "project_label": f"{project.name} ({project.code})" if project else _("All work"),
            "period_label": request.period.label,
            "period_start": request.period.start,
            "period_end": request.period.end,
            "previous_label": request.period.previous().label,
            "offices_label": ", ".join(office_name(office, request.language) for office in request.offices)
            or _("All offices"),
            "generated_at": timezone.localtime(),
            "narrative": narrative,
            "key_figures": printable(by_key["key_figures"]),
            "key_figures_table": by_key["key_figures"],
            "charts": charts,
            "groups": groups,
            "toc": toc,
            "notes": _notes(request),
        }


def build_files(
    request: ReportRequest, progress: Callable[[str, int], None] = lambda stage, percent: None
) -> ReportFiles:
    from reports.pdf import render_pdf  # WeasyPrint is heavy: import it only where a PDF is made
    from reports.xlsx import render_xlsx

    progress("counting", 5)
    started = time.perf_counter()
    tables = count_tables(request) + count_outreach(request)
    indicators = count_indicators(request)
    counting_seconds = time.perf_counter() - started
    progress("charts", 40)
    with translation.override(request.language):
        charts = report_charts({table.key: table for table in tables})
    context = build_context(request, tables, charts, indicators)
    progress("pdf", 55)
    started = time.perf_counter()
    pdf = render_pdf(context)
    pdf_seconds = time.perf_counter() - started
    progress("xlsx", 90)
    xlsx = render_xlsx(context)
    return ReportFiles(
        pdf=pdf,
        xlsx=xlsx,
        tables=tables,
        indicators=indicators,
        counting_seconds=counting_seconds,
        pdf_seconds=pdf_seconds,
    )
