"""Rows attached to a client: family members, consents, documents."""

from collections.abc import Callable
from pathlib import PurePosixPath

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_POST

import audit
from clients import permissions
from clients.forms import AssignStaffForm, ConsentForm, DocumentForm, FamilyMemberForm
from clients.models import Client, RestrictionLiftRequest
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
from reference.files import private_file_response


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


def _adding_view(make_form: Callable, save: Callable, *, done: str, anchor: str, managed: bool = False) -> Callable:
    """The one body of every "attach a row" view: validate, call the service, say what happened, go back.

    ``make_form(request, client)`` builds the bound form; ``save(client, actor, data)`` calls the service.
    """

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int) -> HttpResponse:
        client = (_managed_client if managed else _editable_client)(request, pk)
        form = make_form(request, client)
        if not form.is_valid():
            _form_errors(request, form)
            return _back(client, anchor)
        try:
            save(client, request.user, form.cleaned_data)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            messages.success(request, done)
        return _back(client, anchor)

    return view


def _removing_view(rows: Callable, remove: Callable, *, done: str, anchor: str, managed: bool = False) -> Callable:
    """The one body of every "remove a row" view: the row (``row_pk`` in the URL) must be this client's, else 404.

    ``rows(client)`` is the client's related rows; ``remove(client, actor, row)`` calls the service.
    """

    @login_required
    @require_POST
    def view(request: HttpRequest, pk: int, row_pk: int) -> HttpResponse:
        client = (_managed_client if managed else _editable_client)(request, pk)
        remove(client, request.user, get_object_or_404(rows(client), pk=row_pk))
        messages.success(request, done)
        return _back(client, anchor)

    return view


family_add = _adding_view(
    lambda request, client: FamilyMemberForm(request.POST),
    lambda client, actor, data: family_member_add(client=client, actor=actor, **data),
    done=_("Family member added."),
    anchor="family",
)
family_delete = _removing_view(
    lambda client: client.family_members,
    lambda client, actor, member: family_member_remove(member=member, actor=actor),
    done=_("Family member removed."),
    anchor="family",
)
consent_add = _adding_view(
    lambda request, client: ConsentForm(request.POST),
    lambda client, actor, data: consent_record(client=client, actor=actor, **data),
    done=_("Consent recorded."),
    anchor="consent",
)
consent_withdraw_view = _removing_view(
    lambda client: client.consents,
    lambda client, actor, consent: consent_withdraw(consent=consent, actor=actor),
    done=_("Consent withdrawn."),
    anchor="consent",
)
# Managers give a colleague access to a (restricted) record, and take it back.
staff_assign = _adding_view(
    lambda request, client: AssignStaffForm(request.POST, client=client),
    lambda client, actor, data: client_assign_staff(client=client, users=[data["user"]], actor=actor),
    done=_("Access given."),
    anchor="",
    managed=True,
)
staff_unassign = _removing_view(
    lambda client: client.assigned_staff,
    lambda client, actor, user: client_unassign_staff(client=client, user=user, actor=actor),
    done=_("Access removed."),
    anchor="",
    managed=True,
)
document_upload_view = _adding_view(
    lambda request, client: DocumentForm(request.POST, request.FILES),
    lambda client, actor, data: document_upload(
        client=client, actor=actor, uploaded=data["file"], kind=data["kind"], title=data["title"]
    ),
    done=_("Document uploaded."),
    anchor="documents",
)
document_delete_view = _removing_view(
    lambda client: client.documents,
    lambda client, actor, document: document_delete(document=document, actor=actor),
    done=_("Document deleted."),
    anchor="documents",
)


@login_required
def document_download(request: HttpRequest, pk: int, document_pk: int) -> HttpResponse:
    client = get_client_for(request.user, pk)
    document = get_object_or_404(client.documents, pk=document_pk)
    if not document.file.storage.exists(document.file.name):
        raise Http404
    audit.record_access(actor=request.user, instance=document, what="download")
    audit.record_access(actor=request.user, instance=client, what=f"document {document.pk} download")
    # The client code, not the original file name (which often carries the person's name).
    suffix = PurePosixPath(document.file.name).suffix
    response = private_file_response(
        document.file, filename=f"{client.code}-{document.pk}{suffix}", content_type=document.content_type
    )
    response["X-Content-Type-Options"] = "nosniff"
    response["Cache-Control"] = "private, no-store"
    return response


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
