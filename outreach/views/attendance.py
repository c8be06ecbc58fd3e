"""A training's attendance list: typed in, imported from the sign-in sheet (dry run first), scored, exported.

The list names officials: every look at it and every export is audited, and an outsider gets 404.
"""

import secrets
from datetime import timedelta
from decimal import Decimal, InvalidOperation

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_http_methods, require_POST

import audit
from outreach import exports, permissions, selectors, services
from outreach.forms import AttendanceImportForm, AttendeeForm
from outreach.importing import SheetError, plan_attendance, read_sheet
from outreach.models import Attendee
from outreach.views.activities import test_summary
from outreach.views.common import CONTENT_TYPES, apply_validation_error

IMPORT_DIR = "outreach/imports"
SESSION_KEY = "outreach_imports"
STALE_AFTER = timedelta(days=1)


def _training_for(request: HttpRequest, pk: int):
    activity = selectors.get_activity_for(request.user, pk)
    if not activity.is_training:
        raise Http404
    return activity


def _context(request, activity, **extra) -> dict:
    attendees = selectors.attendees_of(request.user, activity)
    return {
        "activity": activity,
        "attendees": attendees,
        "tests": test_summary(selectors.attendees_visible_to(request.user).filter(activity=activity)),
        "can_edit": permissions.can_edit_activity(request.user, activity),
        "can_export": permissions.can_export_activities(request.user),
        **extra,
    }


@login_required
@require_http_methods(["GET", "POST"])
def attendance(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _training_for(request, pk)
    can_edit = permissions.can_edit_activity(request.user, activity)
    form = AttendeeForm(request.POST or None, auto_id="attendee_%s")
    if request.method == "POST":
        if not can_edit:
            raise Http404
        if form.is_valid():
            try:
                services.attendee_add(activity=activity, actor=request.user, **form.cleaned_data)
            except ValidationError as error:
                apply_validation_error(form, error)
            else:
                messages.success(request, _("Attendee added."))
                return redirect("outreach:attendance", pk=activity.pk)
    audit.record_access(actor=request.user, instance=activity, what="attendance")
    return render(request, "outreach/attendance.html", _context(request, activity, form=form if can_edit else None))


def _score(value: str):
    value = (value or "").strip().replace(",", ".")
    if not value:
        return None
    try:
        return Decimal(value)
    except InvalidOperation:
        raise ValidationError(_("Test scores are numbers between 0 and 100.")) from None


@login_required
@require_POST
def attendance_scores(request: HttpRequest, pk: int) -> HttpResponse:
    """The pre/post scores typed into the list, for every attendee at once (all saved or none)."""
    activity = _training_for(request, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    ids = [attendee.pk for attendee in selectors.attendees_of(request.user, activity)]
    try:
        scores = {pk: (_score(request.POST.get(f"pre_{pk}")), _score(request.POST.get(f"post_{pk}"))) for pk in ids}
        changed = services.attendee_scores_set(activity=activity, actor=request.user, scores=scores)
    except ValidationError as error:
        messages.error(request, _("Nothing was saved: %(reasons)s") % {"reasons": " ".join(error.messages)})
    else:
        messages.success(request, _("Scores saved (%(count)s changed).") % {"count": changed})
    return redirect("outreach:attendance", pk=activity.pk)


@login_required
@require_POST
def attendee_remove(request: HttpRequest, pk: int, attendee_pk: int) -> HttpResponse:
    activity = _training_for(request, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    try:
        attendee = selectors.attendees_visible_to(request.user).get(activity=activity, pk=attendee_pk)
    except Attendee.DoesNotExist:
        raise Http404 from None
    services.attendee_remove(attendee=attendee, actor=request.user)
    messages.success(request, _("Attendee removed from the list."))
    return redirect("outreach:attendance", pk=activity.pk)


@login_required
def attendance_export(request: HttpRequest, pk: int) -> HttpResponse:
    activity = _training_for(request, pk)
    if not permissions.can_export_activities(request.user):
        raise Http404
    file_format = request.GET.get("format", "csv")
    if file_format not in CONTENT_TYPES:
        raise Http404
    attendees = selectors.attendees_of(request.user, activity)
    body = exports.render(file_format, _("Attendance"), exports.attendee_headers(), exports.attendee_rows(attendees))
    exports.record_exported(actor=request.user, objects=attendees, model=Attendee, file_format=file_format)
    response = HttpResponse(body, content_type=CONTENT_TYPES[file_format])
    response["Content-Disposition"] = f'attachment; filename="attendance-{activity.pk}.{file_format}"'
    return response


def _path(token: str) -> str:
    return f"{IMPORT_DIR}/{token}.bin"


def _remove_stale_uploads() -> None:
    """A sign-in sheet names people: an abandoned dry run's file does not outlive a day."""
    try:
        _dirs, files = default_storage.listdir(IMPORT_DIR)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - STALE_AFTER
    for name in files:
        path = f"{IMPORT_DIR}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)


@login_required
@require_http_methods(["GET", "POST"])
def attendance_import(request: HttpRequest, pk: int) -> HttpResponse:
    """Upload the sheet: nothing is saved yet, the next page shows what each row would become."""
    activity = _training_for(request, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    form = AttendanceImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        content = form.cleaned_data["sheet"].read()
        try:
            read_sheet(content)
        except SheetError as error:
            form.add_error("sheet", str(error))
        else:
            _remove_stale_uploads()
            token = secrets.token_urlsafe(16)
            default_storage.save(_path(token), ContentFile(content))
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], f"{activity.pk}:{token}"]
            return redirect("outreach:attendance-import-preview", pk=activity.pk, token=token)
    return render(request, "outreach/attendance_import.html", {"activity": activity, "form": form})


@login_required
@require_http_methods(["GET", "POST"])
def attendance_import_preview(request: HttpRequest, pk: int, token: str) -> HttpResponse:
    """The dry run; POST adds every row of a clean sheet, or none."""
    activity = _training_for(request, pk)
    if not permissions.can_edit_activity(request.user, activity):
        raise Http404
    if f"{activity.pk}:{token}" not in request.session.get(SESSION_KEY, []):
        raise Http404
    try:
        with default_storage.open(_path(token), "rb") as handle:
            planned = plan_attendance(read_sheet(handle.read()))
    except (FileNotFoundError, SheetError):
        raise Http404 from None
    bad = [row for row in planned if not row.ok]
    if request.method == "POST":
        if bad:
            messages.error(
                request, _("Nothing was imported: correct the rows marked in red and upload the sheet again.")
            )
        else:
            try:
                created = services.attendees_import(
                    activity=activity, actor=request.user, rows=[row.values for row in planned]
                )
            except ValidationError as error:
                messages.error(request, _("Nothing was imported: %(reasons)s") % {"reasons": " ".join(error.messages)})
            else:
                default_storage.delete(_path(token))
                request.session[SESSION_KEY] = [
                    item for item in request.session.get(SESSION_KEY, []) if item != f"{activity.pk}:{token}"
                ]
                messages.success(request, _("%(count)s attendees imported.") % {"count": len(created)})
                return redirect("outreach:attendance", pk=activity.pk)
    return render(
        request,
        "outreach/attendance_preview.html",
        {
            "activity": activity,
            "planned": planned,
            "bad": bad,
            "token": token,
            "cancel_url": reverse("outreach:attendance", args=[activity.pk]),
        },
    )
