"""Import of a client list: upload → dry run (preview) → import all or nothing."""

import secrets

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.core.files.storage import default_storage
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from clients import permissions
from clients.forms import ImportForm
from clients.import_files import import_file_path, import_file_save, import_files_remove_stale
from clients.importing import ImportFileError, plan_import, read_rows, run_import

SESSION_KEY = "clients_imports"


def _path(token: str) -> str:
    return import_file_path(token)


@login_required
def import_upload(request: HttpRequest) -> HttpResponse:
    if not permissions.can_import_clients(request.user):
        raise Http404
    form = ImportForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        upload = form.cleaned_data["file"]
        content = upload.read()
        try:
            read_rows(content)
        except ImportFileError as error:
            form.add_error("file", str(error))
        else:
            import_files_remove_stale()
            token = secrets.token_urlsafe(16)
            import_file_save(token, content)
            # Only the uploader may look at or run this import.
            request.session[SESSION_KEY] = [*request.session.get(SESSION_KEY, [])[-4:], token]
            return redirect("clients:import-preview", token=token)
    return render(request, "clients/import.html", {"form": form})


@login_required
def import_preview(request: HttpRequest, token: str) -> HttpResponse:
    if not permissions.can_import_clients(request.user) or token not in request.session.get(SESSION_KEY, []):
        raise Http404
    try:
        with default_storage.open(_path(token), "rb") as handle:
            rows = read_rows(handle.read())
    except (FileNotFoundError, ImportFileError):
        raise Http404 from None
    if request.method == "POST":
        try:
            created = run_import(rows, user=request.user)
        except ValidationError as error:
            messages.error(request, " ".join(error.messages))
        else:
            default_storage.delete(_path(token))
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
