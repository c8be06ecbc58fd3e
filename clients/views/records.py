"""The client list, the new-client form with duplicate detection, the client page and its edit form."""

from django.conf import settings
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.db import transaction
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from accounts.permissions import can_coordinate, can_manage
from audit.selectors import history_for
from clients import permissions
from clients.extensions import client_sections, intake_forms, intake_forms_save, intake_forms_valid
from clients.filters import ClientFilter
from clients.forms import AssignStaffForm, ClientCreateForm, ClientEditForm, ConsentForm, DocumentForm, FamilyMemberForm
from clients.models import Client
from clients.search import find_duplicates, search_clients
from clients.selectors import clients_visible_to, get_client_for, get_client_page_for, get_merged_target_for
from clients.services import ClientVersionConflict, client_create, client_update, may_lift_restriction
from reference.pagination import paginate

PAGE_SIZE = 25


@login_required
def client_list(request: HttpRequest) -> HttpResponse:
    visible = clients_visible_to(request.user)
    filters = ClientFilter(request.GET, queryset=visible, user=request.user)
    clients = filters.qs if filters.is_valid() else visible
    query = request.GET.get("q", "").strip()[:100]
    clients = search_clients(clients, query).select_related("citizenship", "office")
    page = paginate(request, clients, PAGE_SIZE)
    context = {
        "page": page,
        "filters": filters,
        "query": query,
        "can_create": permissions.can_create_client(request.user),
        "can_import": permissions.can_import_clients(request.user),
    }
    template = "clients/_results.html" if request.htmx else "clients/list.html"
    return render(request, template, context)


def _duplicate_candidates(request: HttpRequest, form) -> list:
    data = form.cleaned_data if hasattr(form, "cleaned_data") else {}
    return find_duplicates(
        clients_visible_to(request.user),
        family_name=data.get("family_name") or "",
        given_name=data.get("given_name") or "",
        latin_name=data.get("latin_name") or "",
        birth_year=data.get("birth_year") or (data["birth_date"].year if data.get("birth_date") else None),
        phones=data.get("phones") or [],
        exclude_pk=form.instance.pk,
    )


@login_required
def client_create_view(request: HttpRequest) -> HttpResponse:
    if not permissions.can_create_client(request.user):
        raise Http404
    duplicates = []
    extras = intake_forms(request.POST if request.method == "POST" else None)
    if request.method == "POST":
        form = ClientCreateForm(request.POST)
        if form.is_valid() and intake_forms_valid(extras):
            duplicates = _duplicate_candidates(request, form)
            if not duplicates or request.POST.get("create_anyway") == "1":
                try:
                    with transaction.atomic():
                        client = client_create(
                            actor=request.user,
                            phones=form.cleaned_data["phones"],
                            languages=form.cleaned_data["languages"],
                            vulnerabilities=form.cleaned_data["vulnerabilities"],
                            consent=form.consent_values(),
                            **form.field_values(),
                        )
                        intake_forms_save(extras, client=client, actor=request.user)
                except ValidationError as error:
                    form.add_error(None, error)
                else:
                    messages.success(request, _("Client %(code)s created.") % {"code": client.code})
                    return redirect("clients:detail", pk=client.pk)
    else:
        form = ClientCreateForm()
    context = {"form": form, "duplicates": duplicates, "creating": True, "intake_extras": extras}
    return render(request, "clients/form.html", context)


@login_required
@require_POST
def duplicate_check(request: HttpRequest) -> HttpResponse:
    """The live duplicate panel of the new-client form (htmx), from what is typed so far."""
    if not permissions.can_create_client(request.user):
        raise Http404
    form = ClientCreateForm(request.POST)
    form.is_valid()  # partial input: use whatever fields are clean
    return render(request, "clients/_duplicates.html", {"duplicates": _duplicate_candidates(request, form)})


@login_required
def client_detail(request: HttpRequest, pk: int) -> HttpResponse:
    try:
        client = get_client_page_for(request.user, pk)
    except Http404:
        target = get_merged_target_for(request.user, pk)
        if target is None:
            raise
        messages.info(request, _("This record was merged into %(code)s.") % {"code": target.code})
        return redirect("clients:detail", pk=target.pk)
    audit.record_access(actor=request.user, instance=client, what="view")
    user = request.user
    context = {
        "client": client,
        "consents": list(client.consents.select_related("language", "recorded_by", "withdrawn_by")),
        "documents": list(client.documents.select_related("uploaded_by")),
        "former_codes": list(client.merged_records.values_list("code", flat=True)),
        "merges": (
            list(client.merges_in.filter(reverted_at__isnull=True))
            if can_coordinate(user) and not client.is_anonymised
            else []
        ),
        "sections": client_sections(request, client),
        "can_edit": permissions.can_edit_client(user, client),
        "can_manage": can_manage(user),
        "can_merge": permissions.can_merge_into(user, client),
        "family_form": FamilyMemberForm(),
        "consent_form": ConsentForm(),
        "document_form": DocumentForm(),
        "upload_max_mb": settings.UPLOAD_MAX_BYTES // (1024 * 1024),
        "staff_form": AssignStaffForm(client=client) if can_manage(user) else None,
        "lift_requests": (
            list(client.restriction_lift_requests.filter(state="pending").select_related("requested_by"))
            if client.is_restricted
            else []
        ),
        "can_lift": may_lift_restriction(user),
    }
    return render(request, "clients/detail.html", context)


@login_required
def client_edit(request: HttpRequest, pk: int) -> HttpResponse:
    client = get_client_for(request.user, pk)
    if not permissions.can_edit_client(request.user, client):
        raise Http404
    conflict = None
    if request.method == "POST":
        form = ClientEditForm(request.POST, instance=client)
        if form.is_valid():
            try:
                saved = client_update(
                    client=client,
                    actor=request.user,
                    expected_version=form.cleaned_data["version"],
                    phones=form.cleaned_data["phones"],
                    languages=form.cleaned_data["languages"],
                    vulnerabilities=form.cleaned_data["vulnerabilities"],
                    **form.field_values(),
                )
            except ClientVersionConflict as error:
                conflict = error
                last = history_for(error.current, limit=1)
                conflict.saved_by = last[0].actor if last else None
                # Saving again now overwrites knowingly: the form carries the current version.
                data = request.POST.copy()
                data["version"] = error.current.version
                form = ClientEditForm(data, instance=Client.objects.get(pk=client.pk))
                form.is_valid()
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(request, _("Changes saved."))
                if getattr(saved, "lift_requested", False):
                    messages.warning(
                        request, _("The record stays restricted until a manager approves lifting the restriction.")
                    )
                return redirect("clients:detail", pk=client.pk)
    else:
        audit.record_access(actor=request.user, instance=client, what="edit form")
        form = ClientEditForm(instance=client, initial={"version": client.version})
    return render(request, "clients/form.html", {"form": form, "client": client, "conflict": conflict})
