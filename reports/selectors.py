"""Reads of report jobs, scoped to the user who asks."""

from django.db.models import QuerySet
from django.http import Http404

from accounts.models import User
from accounts.permissions import can_manage
from reports.models import Audience, ReportJob


def report_jobs_visible_to(user: User) -> QuerySet[ReportJob]:
    """Managers see every report; anyone else only the ones they requested (none, in practice)."""
    if not user.is_authenticated or not user.is_active:
        return ReportJob.objects.none()
    jobs = ReportJob.objects.select_related("project", "created_by").prefetch_related("offices")
    if can_manage(user):
        return jobs
    # An internal report holds small numbers: managers only, even for the one who asked.
    return jobs.filter(created_by=user).exclude(audience=Audience.INTERNAL)


def get_report_job_for(user: User, pk: int) -> ReportJob:
    try:
        return report_jobs_visible_to(user).get(pk=pk)
    except ReportJob.DoesNotExist:
        raise Http404 from None
