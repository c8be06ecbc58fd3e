"""Staging a client list between the dry run and the import, and running it.

The uploaded file waits in private storage under a random token until the user confirms (or a
day passes: it holds personal data). Parsing and planning live in ``clients.importing``; the
view keeps only which tokens belong to the user's session.
"""

import secrets
from datetime import timedelta
from typing import Any

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.db import transaction
from django.utils import timezone

from accounts.models import User
from clients.importing import ImportFileError, read_rows, run_import
from clients.models import Client
from clients.permissions import can_import_clients
from reference.errors import NotAllowed

IMPORT_DIR = "clients/imports"
STALE_AFTER = timedelta(days=1)


def _path(token: str) -> str:
    return f"{IMPORT_DIR}/{token}.bin"


def _remove_stale_uploads() -> None:
    """Uploaded lists hold personal data: an abandoned dry run's file does not outlive a day."""
    try:
        _dirs, files = default_storage.listdir(IMPORT_DIR)
    except FileNotFoundError:
        return
    cutoff = timezone.now() - STALE_AFTER
    for name in files:
        path = f"{IMPORT_DIR}/{name}"
        if default_storage.get_modified_time(path) < cutoff:
            default_storage.delete(path)


def _check(actor: User) -> None:
    if not can_import_clients(actor):
        raise NotAllowed("Only coordinators and managers of an office import client lists.")


def import_stage(*, actor: User, content: bytes) -> str:
    """Keep a readable file for its dry run; the token names it. ImportFileError if it cannot be read."""
    _check(actor)
    read_rows(content)
    _remove_stale_uploads()
    token = secrets.token_urlsafe(16)
    default_storage.save(_path(token), ContentFile(content))
    return token


def import_staged_rows(*, token: str) -> list[dict[str, Any]]:
    """The rows of a staged file; FileNotFoundError when it is gone (imported, or expired)."""
    with default_storage.open(_path(token), "rb") as handle:
        return read_rows(handle.read())


@transaction.atomic
def import_run(*, actor: User, token: str) -> list[Client]:
    """Import the staged file all or nothing (ValidationError when a row is bad); the file goes once imported."""
    _check(actor)
    created: list[Client] = run_import(import_staged_rows(token=token), user=actor)
    path = _path(token)
    transaction.on_commit(lambda: default_storage.delete(path))
    return created


__all__ = ["ImportFileError", "import_run", "import_stage", "import_staged_rows"]
