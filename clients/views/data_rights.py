"""Subject-access export, anonymisation and merging: coordinators and managers only."""

import json

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.serializers.json import DjangoJSONEncoder
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

import audit
from clients import permissions
from clients.forms import AnonymiseForm, MergeForm
from clients.models import Client, ClientDocument, ClientMerge, Consent, FamilyMember
from clients.selectors import clients_visible_to, get_client_for
from clients.services.data_rights import client_anonymise, client_export_data
from clients.services.merge import client_merge, client_merge_revert


def _managed_client(request: HttpRequest, pk: int):
    client = get_client_for(request.user, pk)
    if not permissions.can_manage_client(request.user, client):
        raise Http404
    return client


@login_required
def client_export(request: HttpRequest, pk: int) -> HttpResponse:
    """Everything held about one client: a printable page, or JSON with ?format=json."""
    client = _managed_client(request, pk)
    data = client_export_data(client)
    if request.GET.get("format") == "json":
        audit.record_access(actor=request.user, instance=client, what="export json")
        response = HttpResponse(
            json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2),
            content_type="application/json; charset=utf-8",
        )
        stamp = timezone.localdate().isoformat()
        response["Content-Disposition"] = f'attachment; filename="{client.code}-{stamp}.json"'
        response["Cache-Control"] = "private, no-store"
        return response
    audit.record_access(actor=request.user, instance=client, what="export page")
    return render(request, "clients/export.html", {"client": client, "rows": list(_flatten(data))})


def _labels() -> dict[str, str]:
    """Readable names of the export's keys: the fields' verbose names, in the user's language."""
    labels = {}
    for model in (ClientDocument, FamilyMember, Consent, Client):
        for field in model._meta.get_fields():
            if hasattr(field, "verbose_name"):
                labels[field.name] = str(field.verbose_name)
    labels.update(
        {
            "phones": _("Phones"),
            "family_members": _("Family"),
            "consents": _("Consent"),
            "documents": _("Documents"),
            "description": _("description"),
            "file_name": _("file name"),
            "former_codes": _("Codes of records merged into this one"),
            "merged_records": _("Records merged into this one"),
            "created_at": _("registered"),
            "updated_at": _("last change"),
        }
    )
    return labels


def _flatten(value, label="", labels=None):
    """(label, text) rows of a nested export dict, for the printable page."""
    labels = _labels() if labels is None else labels
    if isinstance(value, dict):
        if set(value) == {"value", "label"}:
            yield label, value["label"] or "—"
            return
        for key, item in value.items():
            name = labels.get(key, key)
            yield from _flatten(item, f"{label} · {name}" if label else name, labels)
    elif isinstance(value, list) and value and isinstance(value[0], dict):
        for number, item in enumerate(value, start=1):
            yield from _flatten(item, f"{label} {number}", labels)
    elif isinstance(value, list):
        yield label, ", ".join(str(item) for item in value) or "—"
    elif isinstance(value, bool):
        yield label, _("yes") if value else _("no")
    else:
        yield label, "—" if value in (None, "") else value


@login_required
def client_anonymise_view(request: HttpRequest, pk: int) -> HttpResponse:
    client = _managed_client(request, pk)
    if client.is_anonymised:
        messages.info(request, _("This client is already anonymised."))
        return redirect(client)
    form = AnonymiseForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        try:
            client_anonymise(client=client, actor=request.user, confirmation=form.cleaned_data["confirmation"])
        except ValidationError as error:
            form.add_error("confirmation", error)
        else:
            messages.success(request, _("The client's personal data has been erased."))
            return redirect(client)
    return render(request, "clients/anonymise.html", {"client": client, "form": form})


@login_required
def client_merge_view(request: HttpRequest, pk: int) -> HttpResponse:
    """Merge another record (the duplicate) into this one, which survives."""
    target = get_client_for(request.user, pk)
    if not permissions.can_merge_into(request.user, target):
        raise Http404
    form = MergeForm(request.POST or request.GET or None)
    source = None
    if form.is_bound and form.is_valid():
        source = clients_visible_to(request.user).filter(code=form.cleaned_data["other_code"]).first()
        if source is None or not permissions.can_merge_clients(request.user, source, target):
            form.add_error("other_code", _("No record with this code that you may merge into this one."))
            source = None
        elif request.method == "POST" and request.POST.get("confirm") == "1":
            try:
                client_merge(source=source, target=target, actor=request.user)
            except ValidationError as error:
                form.add_error(None, error)
            else:
                messages.success(
                    request, _("%(source)s merged into %(target)s.") % {"source": source.code, "target": target.code}
                )
                return redirect(target)
    if source is not None:
        audit.record_access(actor=request.user, instance=source, what="merge preview")
    return render(request, "clients/merge.html", {"client": target, "form": form, "source": source})


@login_required
@require_POST
def client_merge_revert_view(request: HttpRequest, pk: int, merge_pk: int) -> HttpResponse:
    target = get_client_for(request.user, pk)
    merge = get_object_or_404(ClientMerge, pk=merge_pk, target=target, reverted_at__isnull=True)
    if not permissions.can_revert_merge(request.user, merge):
        raise Http404
    try:
        client_merge_revert(merge=merge, actor=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
    else:
        messages.success(request, _("The merge has been undone."))
    return redirect(target)
