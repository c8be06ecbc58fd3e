"""Logging consultations and follow-ups: htmx partials on the case page, full pages without JavaScript."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST
from django_htmx.http import retarget

from cases import selectors, services
from cases.forms import ConsultationForm, ConsultationNotesForm, FollowUpForm
from cases.models import Consultation, FollowUp
from cases.permissions import (
    can_add_follow_up,
    can_edit_case,
    can_log_consultation,
    can_read_session_notes,
    can_write_psych_notes,
    can_write_session_notes,
)
from cases.timeline import consultation_item, follow_up_item
from cases.views.case_pages import case_permissions
from reference.errors import add_to_form


@login_required
@require_http_methods(["GET", "POST"])
def consultation_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case_for_logging(request.user, pk)
    if not can_edit_case(request.user, case):
        raise Http404
    if not can_log_consultation(request.user, case):
        messages.warning(request, _("The case is closed. Reopen it to log a consultation."))
        return redirect("cases:detail", pk=case.pk)
    may_write_notes = can_write_psych_notes(request.user, case)
    people = list(selectors.case_users_for(case.office_id))  # once, for the posted form and the fresh one

    def new_form(data=None):
        return ConsultationForm(
            data,
            case=case,
            user=request.user,
            may_write_notes=may_write_notes,
            users=people,
            auto_id="consultation_%s",
        )

    form = new_form(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            consultation = services.consultation_log(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Consultation logged."))
                return redirect("cases:detail", pk=case.pk)
            # The first consultation moves an open case on: the badge shows the status now (no reload).
            case.status, case.version = consultation.case.status, consultation.case.version
            if not can_read_session_notes(request.user, case, consultation):
                selectors.mask_consultation(consultation)
            return render(
                request,
                "cases/_consultation_logged.html",
                {
                    "case": case,
                    "item": consultation_item(consultation),
                    "consultation_form": new_form(),
                    "can": case_permissions(request.user, case),
                },
            )
    if request.htmx:
        response = render(request, "cases/_consultation_form.html", {"case": case, "consultation_form": form})
        return retarget(response, "#consultation-form")
    return render(request, "cases/consultation_form.html", {"case": case, "consultation_form": form})


@login_required
@require_http_methods(["GET", "POST"])
def consultation_notes(request: HttpRequest, pk: int) -> HttpResponse:
    """The psychologist of one session writes its notes (also when someone else logged it)."""
    consultation = get_object_or_404(
        Consultation.objects.select_related("given_by"), pk=pk, case__in=selectors.cases_visible_to(request.user)
    )
    case = selectors.get_case_for(request.user, consultation.case_id)
    if not can_write_session_notes(request.user, case, consultation):
        raise Http404
    form = ConsultationNotesForm(request.POST or None, instance=consultation)
    if request.method == "POST" and form.is_valid():
        services.consultation_write_notes(
            consultation=consultation, actor=request.user, psych_notes=form.cleaned_data["psych_notes"]
        )
        messages.success(request, _("Notes saved."))
        return redirect("cases:detail", pk=case.pk)
    return render(request, "cases/consultation_notes.html", {"case": case, "consultation": consultation, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def follow_up_create(request: HttpRequest, pk: int) -> HttpResponse:
    case = selectors.get_case_for(request.user, pk)
    if not can_add_follow_up(request.user, case):
        raise Http404
    form = FollowUpForm(request.POST or None, case=case, user=request.user, auto_id="follow_up_%s")
    if request.method == "POST" and form.is_valid():
        try:
            follow_up = services.follow_up_add(case=case, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            add_to_form(form, error)
        else:
            if not request.htmx:
                messages.success(request, _("Follow-up added."))
                return redirect("cases:detail", pk=case.pk)
            return render(
                request,
                "cases/_follow_up_added.html",
                {
                    "case": case,
                    "item": follow_up_item(follow_up),
                    "follow_up_form": FollowUpForm(case=case, user=request.user, auto_id="follow_up_%s"),
                    "can": case_permissions(request.user, case),
                },
            )
    if request.htmx:
        response = render(request, "cases/_follow_up_form.html", {"case": case, "follow_up_form": form})
        return retarget(response, "#follow-up-form")
    return render(request, "cases/follow_up_form.html", {"case": case, "follow_up_form": form})


@login_required
@require_POST
def follow_up_done(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        follow_up = selectors.follow_ups_visible_to(request.user).select_related("case").get(pk=pk)
    except FollowUp.DoesNotExist:
        raise Http404 from None
    if not can_edit_case(request.user, follow_up.case):
        raise Http404
    follow_up = services.follow_up_set_done(
        follow_up=follow_up, actor=request.user, done=request.POST.get("done", "1") == "1"
    )
    if request.htmx:
        return render(
            request,
            "cases/timeline/_follow_up.html",
            {"follow_up": follow_up, "can": {"follow_up": True}, "case": follow_up.case},
        )
    if request.POST.get("next") == "home":
        return redirect("home")
    return redirect("cases:detail", pk=follow_up.case_id)
