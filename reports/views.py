from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_POST

import audit
from reference.files import private_file_response
from reference.pagination import paginate
from reports import services
from reports.forms import ReportForm
from reports.permissions import can_download_report, can_retry_report, can_use_reports
from reports.selectors import get_report_job_for, report_jobs_visible_to

DOWNLOADS = {
    "pdf": "application/pdf",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


def _require_reports(user) -> None:
    if not can_use_reports(user):
        raise Http404


def _list_page(request: HttpRequest, form: ReportForm, status: int = 200) -> HttpResponse:
    jobs = paginate(request, report_jobs_visible_to(request.user), 25)
    return render(request, "reports/list.html", {"form": form, "jobs": jobs}, status=status)


@login_required
@require_GET
def report_list(request: HttpRequest) -> HttpResponse:
    _require_reports(request.user)
    return _list_page(request, ReportForm())


@login_required
@require_POST
def report_create(request: HttpRequest) -> HttpResponse:
    _require_reports(request.user)
    form = ReportForm(request.POST)
    if not form.is_valid():
        return _list_page(request, form, status=400)
    data = form.cleaned_data
    job = services.report_request(
        actor=request.user,
        period=data["period"],
        language=data["language"],
        audience=data["audience"],
        project=data["project"],
        offices=data["offices"],
        achievements=data["achievements"],
        challenges=data["challenges"],
        story=data["story"],
    )
    return redirect("reports:detail", pk=job.pk)


@login_required
@require_GET
def report_detail(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_report_job_for(request.user, pk)
    return render(request, "reports/detail.html", {"job": job})


@login_required
@require_GET
def report_progress(request: HttpRequest, pk: int) -> HttpResponse:
    """The progress partial; htmx polls it until the job is finished."""
    job = get_report_job_for(request.user, pk)
    return render(request, "reports/_progress.html", {"job": job})


@login_required
@require_POST
def report_retry(request: HttpRequest, pk: int) -> HttpResponse:
    job = get_report_job_for(request.user, pk)
    if not can_retry_report(request.user, job):
        messages.error(request, _("Only a failed report can be generated again."))
        return redirect("reports:detail", pk=job.pk)
    services.report_retry(job=job, actor=request.user)
    return redirect("reports:detail", pk=job.pk)


@login_required
@require_GET
def report_download(request: HttpRequest, pk: int, kind: str) -> HttpResponse:
    job = get_report_job_for(request.user, pk)
    if kind not in DOWNLOADS or not can_download_report(request.user, job):
        raise Http404
    field = job.pdf if kind == "pdf" else job.xlsx
    if not field.name or not field.storage.exists(field.name):
        raise Http404
    audit.record_access(actor=request.user, instance=job, what=f"download {kind}")
    filename = f"report-{job.period_start:%Y%m%d}-{job.period_end:%Y%m%d}-{job.pk}.{kind}"
    response = private_file_response(field, filename=filename, content_type=DOWNLOADS[kind])
    response["Cache-Control"] = "private, no-store"
    return response
