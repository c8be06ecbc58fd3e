"""The activity list, its export, the activity page, planning, editing, recording and cancelling."""

from decimal import Decimal

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db.models import Avg, Count
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

from clients.models import Sex
from outreach import exports, permissions, selectors, services
from outreach.filters import ActivityFilter
from outreach.forms import ActivityForm, HandoutForm, HeldForm
from outreach.models import ActivityKind, CitizenshipCount
from outreach.views.common import CONTENT_TYPES, apply_validation_error
from reference.ages import AGE_BANDS
from reference.models import Country

PAGE_SIZE = 50
TENTH = Decimal("0.1")
# Citizenships offered on the "who was reached" form: the usual ones first (the rest as "not known").
USUAL_CITIZENSHIPS = ["uz", "kg", "tj", "kz", "ru"]


@login_required
def activity_list(request: HttpRequest) -> HttpResponse:
    activity_filter = ActivityFilter(
        request.GET or None, queryset=selectors.activity_list_for(request.user), user=request.user
    )
    activities = activity_filter.qs if activity_filter.is_bound else activity_filter.queryset
    page = Paginator(activities, PAGE_SIZE).get_page(request.GET.get("page"))
    query = request.GET.copy()
    query.pop("page", None)
    return render(
        request,
        "outreach/activity_list.html",
        {
            "filter": activity_filter,
            "page": page,
            "query": query.urlencode(),
            "can_export": permissions.can_export_activities(request.user),
            "can_plan": permissions.can_plan_activity(request.user),
        },
    )


@login_required
def activity_export(request: HttpRequest) -> HttpResponse:
    if not permissions.can_export_activities(request.user):
        raise Http404
    file_format = request.GET.get("format", "csv")
    if file_format not in CONTENT_TYPES:
        raise Http404
    params = request.GET.copy()
    params.pop("format", None)
    activity_filter = ActivityFilter(params, queryset=selectors.activities_visible_to(request.user), user=request.user)
    if not activity_filter.is_valid():
        messages.error(request, _("The filters are not valid: nothing was exported."))
        return redirect(f"{reverse('outreach:list')}?{params.urlencode()}")
    total = activity_filter.qs.count()
    if total > exports.max_rows():
        messages.error(
            request,
            _("%(count)s activities match: more than %(max)s cannot be exported at once. Narrow the filters.")
            % {"count": total, "max": exports.max_rows()},
        )
        return redirect(f"{reverse('outreach:list')}?{params.urlencode()}")
    from outreach.models import Activity

    activities = list(exports.activity_queryset(activity_filter.qs))
    body = exports.render(file_format, _("Outreach"), exports.activity_headers(), exports.activity_rows(activities))
    exports.record_exported(actor=request.user, objects=activities, model=Activity, file_format=file_format)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="outreach-{timezone.localdate():%Y-%m-%d}.{file_format}"'
    return response


def _office_for_form(request: HttpRequest, activity=None) -> int | None:
    if activity is not None:
        return activity.office_id
    if request.user.sees_all_offices:
        chosen = request.POST.get("office", "")
        return int(chosen) if chosen.isdigit() else request.user.office_id
    return request.user.office_id


@login_required
@require_http_methods(["GET", "POST"])
def activity_create(request: HttpRequest) -> HttpResponse:
    if not permissions.can_plan_activity(request.user):
        raise Http404
    office_id = _office_for_form(request)
    initial = {"region": request.user.office.region_id if request.user.office_id else None, "staff": [request.user]}
    form = ActivityForm(request.POST or None, user=request.user, office_id=office_id, initial=initial)
    if request.method == "POST" and form.is_valid():
        try:
            activity = services.activity_plan(
                actor=request.user,
                office=form.cleaned_data.get("office"),
                languages=form.cleaned_data["languages"],
                staff=form.cleaned_data["staff"],
                partners=form.cleaned_data["partners"],
                **form.service_values(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Activity planned."))
            return redirect("outreach:detail", pk=activity.pk)
    return render(request, "outreach/activity_form.html", {"form": form, "activity": None})


@login_required
@require_http_methods(["GET", "POST"])
def activity_edit(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity_for(request.user, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    form = ActivityForm(request.POST or None, instance=activity, user=request.user, office_id=activity.office_id)
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_update(
                activity=activity,
                actor=request.user,
                languages=form.cleaned_data["languages"],
                staff=form.cleaned_data["staff"],
                partners=form.cleaned_data["partners"],
                **form.service_values(),
            )
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("Activity saved."))
            return redirect("outreach:detail", pk=activity.pk)
    return render(request, "outreach/activity_form.html", {"form": form, "activity": activity})


def _reach_tables(activity) -> dict:
    counts = {(row.sex, row.age_band): row.count for row in activity.participant_counts.all()}
    grid = [{"band": band, "cells": [counts.get((sex.value, band.value), 0) for sex in Sex]} for band in AGE_BANDS]
    totals = [sum(counts.get((sex.value, band.value), 0) for band in AGE_BANDS) for sex in Sex]
    citizenship = list(
        CitizenshipCount.objects.filter(activity=activity).select_related("country").order_by("-count", "pk")
    )
    return {
        "grid": grid,
        "sex_labels": [sex.label for sex in Sex],
        "sex_totals": totals,
        "citizenship": citizenship,
        "reach": list(activity.channel_reach.all()),
    }


def test_summary(attendees) -> dict | None:
    """Mean pre/post scores and improvement over the attendees with both scores (one query)."""
    result = attendees.filter(pre_score__isnull=False, post_score__isnull=False).aggregate(
        count=Count("pk"), pre=Avg("pre_score"), post=Avg("post_score")
    )
    if not result["count"]:
        return None
    pre, post = Decimal(result["pre"]), Decimal(result["post"])
    return {
        "count": result["count"],
        "pre": pre.quantize(TENTH),
        "post": post.quantize(TENTH),
        "improvement": (post - pre).quantize(TENTH),
    }


@login_required
def activity_detail(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity_for(request.user, pk)
    user = request.user
    attendees = selectors.attendees_visible_to(user).filter(activity=activity)
    handouts = list(activity.handouts.select_related("material__language").order_by("pk"))
    can_edit = permissions.can_edit_activity(user, activity)
    context = {
        "activity": activity,
        "attendee_count": attendees.count() if activity.is_training else 0,
        "tests": test_summary(attendees) if activity.is_training else None,
        "handouts": handouts,
        "handed_out": sum(h.quantity for h in handouts),
        "can_edit": can_edit,
        "can_anonymise": permissions.can_anonymise_activity(user, activity),
        "handout_form": HandoutForm(auto_id="handout_%s") if can_edit else None,
        "today": timezone.localdate(),
        "TRAINING_OFFICIALS": ActivityKind.TRAINING_OFFICIALS,
    }
    if activity.is_held:
        context.update(_reach_tables(activity))
    return render(request, "outreach/activity_detail.html", context)


def _held_initial(activity) -> dict:
    initial = {
        "participants": activity.participants,
        "results": activity.results,
        "pre_test_mean": activity.pre_test_mean,
        "post_test_mean": activity.post_test_mean,
    }
    for row in activity.participant_counts.all():
        initial[f"p_{row.sex}_{row.age_band}"] = row.count
    for row in activity.citizenship_counts.all():
        initial[f"c_{row.country_id}" if row.country_id else "c_unknown"] = row.count
    for row in activity.channel_reach.all():
        initial[f"r_{row.channel}"] = row.estimate
    return initial


def _held_countries(activity):
    usual = list(Country.objects.filter(code__in=USUAL_CITIZENSHIPS))
    usual.sort(key=lambda country: USUAL_CITIZENSHIPS.index(country.code))
    already = {row.country_id for row in activity.citizenship_counts.all() if row.country_id}
    extra = [country for country in Country.objects.filter(pk__in=already) if country not in usual]
    return usual + extra


@login_required
@require_http_methods(["GET", "POST"])
def activity_held(request: HttpRequest, pk: int) -> HttpResponse:
    """Record that the activity took place and who was reached (all counts checked, all saved or none)."""
    activity = selectors.get_activity_for(request.user, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    form = HeldForm(request.POST or None, countries=_held_countries(activity), initial=_held_initial(activity))
    if request.method == "POST" and form.is_valid():
        try:
            services.activity_record_held(activity=activity, actor=request.user, **form.service_values())
        except ValidationError as error:
            apply_validation_error(form, error)
        else:
            messages.success(request, _("The activity is recorded as held."))
            return redirect("outreach:detail", pk=activity.pk)
    return render(
        request,
        "outreach/held_form.html",
        {"form": form, "activity": activity, "sex_labels": [sex.label for sex in Sex], "today": timezone.localdate()},
    )


@login_required
@require_POST
def activity_cancel(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity_for(request.user, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    try:
        services.activity_cancel(activity=activity, actor=request.user, reason=request.POST.get("reason", "")[:1000])
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The activity is cancelled."))
    return redirect("outreach:detail", pk=activity.pk)


@login_required
@require_POST
def handout_create(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity_for(request.user, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    form = HandoutForm(request.POST, auto_id="handout_%s")
    if form.is_valid():
        try:
            services.handout_record(activity=activity, actor=request.user, **form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Handed-out materials recorded; the office's stock went down."))
    else:
        messages.error(request, " ".join(str(e) for errors in form.errors.values() for e in errors))
    return redirect(f"{reverse('outreach:detail', args=[activity.pk])}#materials")


@login_required
@require_http_methods(["GET", "POST"])
def activity_anonymise(request: HttpRequest, pk: int) -> HttpResponse:
    activity = selectors.get_activity_for(request.user, pk)
    if not permissions.can_anonymise_activity(request.user, activity):
        raise Http404
    if request.method == "POST":
        if request.POST.get("confirm") != str(activity.pk):
            messages.error(request, _("Type the activity's number to confirm."))
        else:
            services.activity_anonymise(activity=activity, actor=request.user)
            messages.success(request, _("The attendance list was anonymised: names and positions are erased."))
            return redirect("outreach:detail", pk=activity.pk)
    people = activity.attendees.count()
    reached = activity.participants
    return render(request, "outreach/anonymise.html", {"activity": activity, "people": people, "reached": reached or 0})
