"""The project pages: projects with their funders, and each project's indicators live against targets."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_GET, require_http_methods, require_POST

from cases.models import Project
from cases.services import project_create
from reference import metrics as catalogue
from reports import services
from reports.indicators import indicator_results, printable_results
from reports.models import TargetPeriod
from reports.periods import quarter_of
from reports.permissions import can_use_reports
from reports.project_forms import IndicatorForm, ProjectForm, TargetForm


def _project_for(user, pk: int) -> Project:
    """Projects and their figures are the managers' (the reports section): anyone else gets a 404."""
    if not can_use_reports(user):
        raise Http404
    try:
        return Project.objects.select_related("funder").get(pk=pk)
    except Project.DoesNotExist:
        raise Http404 from None


@login_required
@require_GET
def project_list(request: HttpRequest) -> HttpResponse:
    if not can_use_reports(request.user):
        raise Http404
    projects = Project.objects.select_related("funder").order_by("-is_active", "code")
    return render(request, "reports/projects/list.html", {"projects": projects})


@login_required
@require_http_methods(["GET", "POST"])
def project_new(request: HttpRequest) -> HttpResponse:
    if not can_use_reports(request.user):
        raise Http404
    form = ProjectForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            project = project_create(actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            form.add_error(None, error)
        else:
            return redirect("reports:project", pk=project.pk)
    return render(request, "reports/projects/new.html", {"form": form}, status=400 if form.errors else 200)


def _metric_description(indicator) -> str:
    try:
        return str(catalogue.get(indicator.metric).label)
    except KeyError:
        return indicator.metric


def _page(request, project, *, indicator_form=None, target_form=None, status=200) -> HttpResponse:
    today = timezone.localdate()
    quarter = quarter_of(today).up_to(today)
    results = indicator_results(project, quarter)
    table = printable_results(results)
    for row, result in zip(table["rows"], results, strict=True):
        row["metric"] = _metric_description(result.indicator)
        row["targets"] = [target for target in result.indicator.targets.all() if target.period != TargetPeriod.PROJECT]
    context = {
        "project": project,
        "quarter": quarter,
        "indicators": table,
        "indicator_form": indicator_form or IndicatorForm(),
        "target_form": target_form or TargetForm(project=project),
    }
    return render(request, "reports/projects/detail.html", context, status=status)


@login_required
@require_GET
def project_detail(request: HttpRequest, pk: int) -> HttpResponse:
    return _page(request, _project_for(request.user, pk))


@login_required
@require_POST
def indicator_new(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    form = IndicatorForm(request.POST)
    if form.is_valid():
        data = form.cleaned_data
        try:
            indicator = services.indicator_create(
                actor=request.user,
                project=project,
                code=data["code"],
                name_ru=data["name_ru"],
                name_kk=data["name_kk"],
                name_en=data["name_en"],
                metric=data["metric"],
                filters=form.filters(),
                baseline=data["baseline"],
            )
            if data.get("project_target") is not None:
                services.indicator_target_set(
                    actor=request.user, indicator=indicator, period=TargetPeriod.PROJECT, value=data["project_target"]
                )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Indicator %(code)s added.") % {"code": indicator.code})
            return redirect("reports:project", pk=project.pk)
    return _page(request, project, indicator_form=form, status=400)


@login_required
@require_POST
def target_set(request: HttpRequest, pk: int) -> HttpResponse:
    project = _project_for(request.user, pk)
    form = TargetForm(request.POST, project=project)
    if form.is_valid():
        data = form.cleaned_data
        try:
            services.indicator_target_set(
                actor=request.user,
                indicator=data["indicator"],
                period=data["period"],
                year=data.get("year"),
                quarter=data.get("quarter"),
                value=data["value"],
            )
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Target saved."))
            return redirect("reports:project", pk=project.pk)
    return _page(request, project, target_form=form, status=400)
