"""Who may do what with reports. Views and templates ask the same functions."""

from accounts.models import User
from accounts.permissions import can_manage
from reports.models import Audience, ReportJob, ReportState


def can_use_reports(user: User) -> bool:
    """Managers (who see every office) request reports; nobody else sees the section."""
    return can_manage(user)


def can_view_report(user: User, job: ReportJob) -> bool:
    if not user.is_authenticated or not user.is_active:
        return False
    if job.audience == Audience.INTERNAL:
        return can_manage(user)  # small numbers: managers only, even for the one who asked
    return can_manage(user) or job.created_by_id == user.pk


def can_download_report(user: User, job: ReportJob) -> bool:
    return can_view_report(user, job) and job.has_files


def can_retry_report(user: User, job: ReportJob) -> bool:
    return can_view_report(user, job) and can_manage(user) and (job.state == ReportState.FAILED or job.is_stalled)
