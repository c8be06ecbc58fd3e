"""Import of a client list: upload → dry run (preview) → import all or nothing."""

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clients import permissions
from clients.forms import ImportForm
from clients.importing import plan_import
from clients.services.importing import ImportFileError, import_run, import_stage, import_staged_rows

SESSION_KEY = "clients_imports"


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    if not permissions.can_import_clients(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        try:
            token = import_stage(actor=request.user, content=form.cleaned_data["file"].read())
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            # Only the uploader may look at or run this import.
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
            return redirect("clients:import-preview", token=token)
    return render(request, "clients/import.html", {"form": form})


@login_required
def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    if not permissions.can_import_clients(request.user) or token not in request.session.get(SESSION_KEY, []):
        raise Http404
    try:
        rows = import_staged_rows(token=token)
    except (FileNotFoundError, ImportFileError):
        raise Http404 from None
    if request.method == "POST":
        try:
            created = import_run(actor=request.user, token=token)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            request.session[SESSION_KEY] = [t for t in request.session.get(SESSION_KEY, []) if t != token]
            messages.success(request, _("%(count)s clients imported.") % {"count": len(created)})
            return redirect("clients:list")
    planned = plan_import(rows, user=request.user)
    context = {
        "token": token,
        "to_create": [row for row in planned if row.status == "create"],
        "duplicates": [row for row in planned if row.status == "duplicate"],
        "errors": [row for row in planned if row.status == "error"],
    }
    return render(request, "clients/import_preview.html", context)
