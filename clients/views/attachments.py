"""Rows attached to a client: family members, consents, documents."""

from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import FileResponse, Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from clients import permissions
from clients.forms import AssignStaffForm, ConsentForm, DocumentForm, FamilyMemberForm
from clients.models import RestrictionLiftRequest
from clients.selectors import get_client_for
from clients.services import (
    client_assign_staff,
    client_unassign_staff,
    consent_record,
    consent_withdraw,
    family_member_add,
    family_member_remove,
)
from clients.services.documents import document_delete, document_upload
from clients.services.restrictions import may_lift_restriction, restriction_lift_decide


def _editable_client(request: HttpRequest, pk: int):
    client = get_client_for(request.user, pk)
    if not permissions.can_edit_client(request.user, client):
        raise Http404
    return client


def _form_errors(request: HttpRequest, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


@login_required
@require_POST
def family_add(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    form = FamilyMemberForm(request.POST)
    if form.is_valid():
        family_member_add(client=client, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Family member added."))
    else:
        _form_errors(request, form)
    return redirect(f"{client.get_absolute_url()}#family")


@login_required
@require_POST
def family_delete(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    member = get_object_or_404(client.family_members, pk=member_pk)
    family_member_remove(member=member, actor=request.user)
    messages.success(request, _("Family member removed."))
    return redirect(f"{client.get_absolute_url()}#family")


@login_required
@require_POST
def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    form = ConsentForm(request.POST)
    if form.is_valid():
        consent_record(client=client, actor=request.user, **form.cleaned_data)
        messages.success(request, _("Consent recorded."))
    else:
        _form_errors(request, form)
    return redirect(f"{client.get_absolute_url()}#consent")


@login_required
@require_POST
def consent_withdraw_view(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    consent = get_object_or_404(client.consents, pk=consent_pk)
    consent_withdraw(consent=consent, actor=request.user)
    messages.success(request, _("Consent withdrawn."))
    return redirect(f"{client.get_absolute_url()}#consent")


@login_required
@require_POST
def staff_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Managers give a colleague access to a (restricted) record."""
    client = get_client_for(request.user, pk)
    if not permissions.can_manage_client(request.user, client):
        raise Http404
    form = AssignStaffForm(request.POST, client=client)
    if form.is_valid():
        client_assign_staff(client=client, users=[form.cleaned_data["user"]], actor=request.user)
        messages.success(request, _("Access given."))
    else:
        _form_errors(request, form)
    return redirect(client)


@login_required
@require_POST
def staff_unassign(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    client = get_client_for(request.user, pk)
    if not permissions.can_manage_client(request.user, client):
        raise Http404
    user = get_object_or_404(client.assigned_staff, pk=user_pk)
    client_unassign_staff(client=client, user=user, actor=request.user)
    messages.success(request, _("Access removed."))
    return redirect(client)


@login_required
@require_POST
def document_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    form = DocumentForm(request.POST, request.FILES)
    if form.is_valid():
        try:
            document_upload(
                client=client,
                actor=request.user,
                uploaded=form.cleaned_data["file"],
                kind=form.cleaned_data["kind"],
                title=form.cleaned_data["title"],
            )
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, _("Document uploaded."))
    else:
        _form_errors(request, form)
    return redirect(f"{client.get_absolute_url()}#documents")


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> FileResponse:
    client = get_client_for(request.user, pk)
    document = get_object_or_404(client.documents, pk=document_pk)
    try:
        handle = document.file.open("rb")
    except FileNotFoundError:
        raise Http404 from None
    audit.record_access(actor=request.user, instance=document, what="download")
    audit.record_access(actor=request.user, instance=client, what=f"document {document.pk} download")
    # The client code, not the original file name (which often carries the person's name).
    suffix = PurePosixPath(document.file.name).suffix
    response = FileResponse(
        handle, as_attachment=True, filename=f"{client.code}-{document.pk}{suffix}", content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


@login_required
@require_POST
def document_delete_view(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    document = get_object_or_404(client.documents, pk=document_pk)
    document_delete(document=document, actor=request.user)
    messages.success(request, _("Document deleted."))
    return redirect(f"{client.get_absolute_url()}#documents")


@login_required
@require_POST
def restriction_lift_decide_view(request: HttpRequest, pk: int, request_pk: int) -> HttpResponse:
    """A manager approves or declines a caseworker's request to lift the record's restriction."""
    client = get_client_for(request.user, pk)
    if not may_lift_restriction(request.user):
        raise Http404
    lift = get_object_or_404(RestrictionLiftRequest, pk=request_pk, client=client)
    approve = "approve" in request.POST
    restriction_lift_decide(request=lift, actor=request.user, approve=approve)
    messages.success(request, _("The restriction was lifted.") if approve else _("The record stays restricted."))
    return redirect("clients:detail", pk=client.pk)
