from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from cases import exports, selectors
from cases.filters import CaseFilter
from cases.permissions import can_export_cases
from reference.routing import replica_reads

CONTENT_TYPES = {
    "csv": "text/csv; charset=utf-8",
    "xlsx": "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
}


@login_required
def case_export(request: HttpRequest) -> HttpResponse:
    """The filtered case list as CSV or XLSX (coordinators and managers), audited as access."""
    if not can_export_cases(request.user):
        raise Http404
    file_format = request.GET.get("format", "csv")
    if file_format not in CONTENT_TYPES:
        raise Http404
    params = request.GET.copy()
    params.pop("format", None)
    case_filter = CaseFilter(params, queryset=selectors.cases_visible_to(request.user), user=request.user)
    total = case_filter.qs.count()
    if total > exports.max_rows():
        messages.error(
            request,
            _("%(count)s cases match: more than %(max)s cannot be exported at once. Narrow the filters.")
            % {"count": total, "max": exports.max_rows()},
        )
        return redirect(f"{reverse('cases:list')}?{params.urlencode()}")
    with replica_reads():
        cases = list(exports.export_queryset(case_filter.qs))
        table = exports.rows(cases)
    body = exports.to_csv(table) if file_format == "csv" else exports.to_xlsx(table)
    exports.record_export_access(actor=request.user, cases=cases, file_format=file_format)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    filename = f"cases-{timezone.localdate():%Y-%m-%d}.{file_format}"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
