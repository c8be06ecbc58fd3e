"""The case list, the case page, opening, editing and status changes."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods

import audit
from cases import pagination, selectors, services
from cases.changes import differences
from cases.extensions import case_actions, close_questions
from cases.filters import CaseFilter
from cases.forms import CaseForm, ClientCodeForm, ConsultationForm, FollowUpForm, StatusForm
from cases.models import CaseStatus
from cases.permissions import (
    can_add_follow_up,
    can_change_case_status,
    can_edit_case,
    can_export_cases,
    can_log_consultation,
    can_open_case,
    can_read_psych_notes,
    can_reassign_case,
    can_write_psych_notes,
)
from cases.timeline import timeline_for
from clients.extensions import intake_forms, intake_forms_save, intake_forms_valid
from clients.selectors import clients_visible_to, get_client_for
from reference.errors import add_to_form

PAGE_SIZE = 50


def case_permissions(user, case) -> dict:
    return {
        "edit": can_edit_case(user, case),
        "status": can_change_case_status(user, case),
        "reassign": can_reassign_case(user, case),
        "log": can_log_consultation(user, case),
        "follow_up": can_add_follow_up(user, case),
        "read_notes": can_read_psych_notes(user, case),
    }


@login_required
def case_list(request: HttpRequest) -> HttpResponse:
    case_filter = CaseFilter(request.GET or None, queryset=selectors.case_list_for(request.user), user=request.user)
    cases = case_filter.qs if case_filter.is_bound else case_filter.queryset
    page = pagination.bounded_page(cases, request.GET.get("page"), PAGE_SIZE, bound=pagination.COUNT_BOUND)
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "cases/case_list.html",
        {
            "filter": case_filter,
            "page": page,
            "query": query.urlencode(),
            "can_export": can_export_cases(request.user),
        },
    )


@login_required
def case_detail(request: HttpRequest, pk: int) -> HttpResponse:
    case, other_cases = selectors.case_page_for(request.user, pk)
    audit.record_access(actor=request.user, instance=case, what="view")
    return render(request, "cases/case_detail.html", detail_context(request, case, other_cases=other_cases))


def detail_context(request: HttpRequest, case, **overrides) -> dict:
    user = request.user
    people = selectors.case_people(case)  # before the permission checks: it loads the case's staff
    can = case_permissions(user, case)
    consultations = selectors.consultations_of(case, user)
    context = {
        "case": case,
        "client": case.client,
        "can": can,
        "timeline": timeline_for(case, user, consultations=consultations),
        "actions": case_actions(request, case),
        "consultation_form": ConsultationForm(
            case=case,
            user=user,
            may_write_notes=can_write_psych_notes(user, case),
            users=people,
            auto_id="consultation_%s",
        )
        if can["log"]
        else None,
        "follow_up_form": FollowUpForm(case=case, user=user, users=people, auto_id="follow_up_%s")
        if can["follow_up"]
        else None,
    }
    if "other_cases" not in overrides:
        context["other_cases"] = selectors.other_cases_of_client(user, case)
    context.update(overrides)
    return context


@login_required
@require_http_methods(["GET", "POST"])
def case_create(request: HttpRequest) -> HttpResponse:
    client_id = request.GET.get("client") or request.POST.get("client")
    if not client_id:
        return _choose_client(request)
    client = get_client_for(request.user, client_id)
    if not can_open_case(request.user):
        raise Http404
    # A manager's case goes to the client's office (see case_open below): offer that office's staff.
    office_id = client.office_id if request.user.sees_all_offices else request.user.office_id
    form = CaseForm(
        request.POST or None,
        office_id=office_id,
        initial={"lead": request.user, "language": client.languages.values_list("pk", flat=True).first()},
    )
    extras = intake_forms(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid() and intake_forms_valid(extras):
        data = form.cleaned_data
        try:
            with transaction.atomic():
                case = _open_case(request, client, data)
                intake_forms_save(extras, client=client, case=case, actor=request.user)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Case %(number)s opened.") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
    context = {"form": form, "client": client, "case": None, "intake_extras": extras}
    return render(request, "cases/case_form.html", context)


def _open_case(request: HttpRequest, client, data: dict):
    return services.case_open(
        client=client,
        actor=request.user,
        kind=data["kind"],
        categories=data["categories"],
        summary=data["summary"],
        lead=data["lead"],
        staff=data["staff"],
        is_urgent=data["is_urgent"],
        project=data["project"],
        language=data["language"],
        opened_on=data["opened_on"],
        office=client.office if request.user.sees_all_offices else None,
    )


def _choose_client(request: HttpRequest) -> HttpResponse:
    form = ClientCodeForm(request.GET if "code" in request.GET else None)
    if form.is_bound and form.is_valid():
        code = form.cleaned_data["code"].strip().upper()
        client = clients_visible_to(request.user).filter(code=code).first()
        if client is not None:
            return redirect(f"{reverse('cases:create')}?client={client.pk}")
        form.add_error("code", _("No client with this code among the records you may see."))
    return render(request, "cases/choose_client.html", {"form": form})


@login_required
@require_http_methods(["GET", "POST"])
def case_edit(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case_for(request.user, pk)
    if not can_edit_case(request.user, case):
        raise Http404
    form = CaseForm(request.POST or None, instance=case, office_id=case.office_id)
    if not can_reassign_case(request.user, case):
        form.fields["lead"].disabled = True
        form.fields["staff"].disabled = True
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_update(
                case=case,
                actor=request.user,
                expected_version=data["version"] or 0,
                categories=data["categories"],
                staff=data["staff"],
                **{name: data[name] for name in services.EDITABLE_FIELDS},
            )
        except services.CaseChangedError as error:
            conflict = _conflict(request, form, error.current)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(request, _("Case %(number)s saved.") % {"number": case.number})
            return redirect("cases:detail", pk=case.pk)
    return render(
        request, "cases/case_form.html", {"form": form, "client": case.client, "case": case, **(conflict or {})}
    )


def _conflict(request: HttpRequest, form, current) -> dict:
    """Keep the user's input, show what the other save changed, and let them save again on purpose."""
    data = form.data.copy()
    data["version"] = current.version
    form.data = data
    form.add_error(None, _("Someone else saved this case after you opened it. Nothing of yours was saved yet."))
    return {"conflict": {"current": current, "differences": differences(form, current)}}


@login_required
@require_http_methods(["GET", "POST"])
def case_status(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case_for(request.user, pk)
    if not can_change_case_status(request.user, case):
        raise Http404
    form = StatusForm(request.POST or None, case=case, questions=close_questions(case))
    conflict = None
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            case = services.case_change_status(
                case=case,
                status=data["status"],
                actor=request.user,
                reason=data["reason"],
                outcome=data["outcome"],
                facts=form.facts() if data["status"] == CaseStatus.CLOSED else None,
                expected_version=data["version"],
                close_answers=form.close_answers(),
            )
        except services.CaseChangedError as error:
            conflict = _conflict(request, form, error.current)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            messages.success(
                request,
                _("Case %(number)s is now: %(status)s.") % {"number": case.number, "status": case.get_status_display()},
            )
            return redirect("cases:detail", pk=case.pk)
    return render(
        request,
        "cases/status_form.html",
        {"form": form, "case": case, "closed_status": CaseStatus.CLOSED, **(conflict or {})},
    )
