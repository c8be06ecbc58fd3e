"""CSV and XLSX exports of the (filtered) activity list and of a training's attendance list.

The conventions are the case export's (cases.exports): formula neutralisation of every text cell,
a BOM in CSV, and one access entry in the audit trail per exported row.
"""

from django.conf import settings
from django.db.models import QuerySet
from django.utils.translation import gettext as _

from cases.exports import neutralise, record_exported, write_csv, write_xlsx
from outreach.models import Activity, Attendee


def max_rows() -> int:
    return getattr(settings, "OUTREACH_EXPORT_MAX_ROWS", settings.CASES_EXPORT_MAX_ROWS)


def activity_headers() -> list[str]:
    return [
        _("Activity"),
        _("Office"),
        _("Kind"),
        _("Status"),
        _("Title"),
        _("Date"),
        _("Last day"),
        _("Duration (hours)"),
        _("Region"),
        _("Outreach point"),
        _("Audience"),
        _("Project"),
        _("Languages"),
        _("Partners"),
        _("Participants"),
        _("Attendees listed"),
        _("Description"),
        _("Results"),
    ]


def activity_queryset(activities: QuerySet[Activity]) -> QuerySet[Activity]:
    from django.db.models import Count

    return (
        activities.select_related("office", "region", "point", "project")
        .prefetch_related("languages", "partners")
        .annotate(attendee_count=Count("attendees"))
        .order_by("pk")[: max_rows()]
    )


def activity_rows(activities) -> list[list]:
    table = []
    for activity in activities:
        table.append(
            [
                activity.pk,
                activity.office.code,
                activity.get_kind_display(),
                activity.get_status_display(),
                activity.title,
                activity.starts_on,
                activity.ends_on,
                activity.duration_hours,
                activity.region.name,
                activity.point.name if activity.point_id else "",
                activity.get_audience_display(),
                activity.project.code if activity.project_id else "",
                ", ".join(language.name for language in activity.languages.all()),
                ", ".join(partner.name for partner in activity.partners.all()),
                activity.participants,
                activity.attendee_count,
                activity.description,
                activity.results,
            ]
        )
    return [[neutralise(value) for value in row] for row in table]


def attendee_headers() -> list[str]:
    return [
        _("Name"),
        _("Agency"),
        _("Memorandum partner"),
        _("Position"),
        _("Sex"),
        _("Pre-test"),
        _("Post-test"),
        _("Improvement"),
    ]


def attendee_rows(attendees: list[Attendee]) -> list[list]:
    table = [
        [
            attendee.full_name,
            attendee.agency.name,
            attendee.partner.name if attendee.partner_id else "",
            attendee.position,
            attendee.get_sex_display() if attendee.sex else "",
            attendee.pre_score,
            attendee.post_score,
            attendee.improvement,
        ]
        for attendee in attendees
    ]
    return [[neutralise(value) for value in row] for row in table]


def render(file_format: str, title: str, header: list[str], table: list[list]) -> bytes:
    return write_csv(header, table) if file_format == "csv" else write_xlsx(title, header, table)


__all__ = ["record_exported", "render"]
