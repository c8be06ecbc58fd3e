"""Rows attached to a client: family members, consents, documents."""

from collections.abc import Callable
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
from clients.models import Client
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


def _editable_client(request: HttpRequest, pk: int) -> Client:
    client = get_client_for(request.user, pk)
    if not permissions.can_edit_client(request.user, client):
        raise Http404
    return client


def _managed_client(request: HttpRequest, pk: int) -> Client:
    client = get_client_for(request.user, pk)
    if not permissions.can_manage_client(request.user, client):
        raise Http404
    return client


def _form_errors(request: HttpRequest, form) -> None:
    for field, errors in form.errors.items():
        label = form.fields[field].label if field in form.fields else ""
        for error in errors:
            messages.error(request, f"{label}: {error}" if label else error)


def _back(client: Client, anchor: str) -> HttpResponse:
    return redirect(f"{client.get_absolute_url()}#{anchor}" if anchor else client.get_absolute_url())


def _add(request: HttpRequest, client: Client, form, save: Callable[[dict], object], *, done: str, anchor: str):
    """The one body of every "attach a row" view: validate, call the service, say what happened, go back."""
    if form.is_valid():
        try:
            save(form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
    else:
        _form_errors(request, form)
    return _back(client, anchor)


def _remove(request: HttpRequest, client: Client, rows, row_pk: int, remove: Callable, *, done: str, anchor: str):
    """The one body of every "remove a row" view: the row must be this client's (else 404)."""
    remove(get_object_or_404(rows, pk=row_pk))
    messages.success(request, done)
    return _back(client, anchor)


@login_required
@require_POST
def family_add(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    return _add(
        request,
        client,
        FamilyMemberForm(request.POST),
        lambda data: family_member_add(client=client, actor=request.user, **data),
        done=_("Family member added."),
        anchor="family",
    )


@login_required
@require_POST
def family_delete(request: HttpRequest, pk: int, member_pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    return _remove(
        request,
        client,
        client.family_members,
        member_pk,
        lambda member: family_member_remove(member=member, actor=request.user),
        done=_("Family member removed."),
        anchor="family",
    )


@login_required
@require_POST
def consent_add(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    return _add(
        request,
        client,
        ConsentForm(request.POST),
        lambda data: consent_record(client=client, actor=request.user, **data),
        done=_("Consent recorded."),
        anchor="consent",
    )


@login_required
@require_POST
def consent_withdraw_view(request: HttpRequest, pk: int, consent_pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    return _remove(
        request,
        client,
        client.consents,
        consent_pk,
        lambda consent: consent_withdraw(consent=consent, actor=request.user),
        done=_("Consent withdrawn."),
        anchor="consent",
    )


@login_required
@require_POST
def staff_assign(request: HttpRequest, pk: int) -> HttpResponse:
    """Managers give a colleague access to a (restricted) record."""
    client = _managed_client(request, pk)
    return _add(
        request,
        client,
        AssignStaffForm(request.POST, client=client),
        lambda data: client_assign_staff(client=client, users=[data["user"]], actor=request.user),
        done=_("Access given."),
        anchor="",
    )


@login_required
@require_POST
def staff_unassign(request: HttpRequest, pk: int, user_pk: int) -> HttpResponse:
    client = _managed_client(request, pk)
    return _remove(
        request,
        client,
        client.assigned_staff,
        user_pk,
        lambda user: client_unassign_staff(client=client, user=user, actor=request.user),
        done=_("Access removed."),
        anchor="",
    )


@login_required
@require_POST
def document_upload_view(request: HttpRequest, pk: int) -> HttpResponse:
    client = _editable_client(request, pk)
    return _add(
        request,
        client,
        DocumentForm(request.POST, request.FILES),
        lambda data: document_upload(
            client=client, actor=request.user, uploaded=data["file"], kind=data["kind"], title=data["title"]
        ),
        done=_("Document uploaded."),
        anchor="documents",
    )


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
    return _remove(
        request,
        client,
        client.documents,
        document_pk,
        lambda document: document_delete(document=document, actor=request.user),
        done=_("Document deleted."),
        anchor="documents",
    )
