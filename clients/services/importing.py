"""Staging a client list between the dry run and the import, and running it.

The uploaded file waits in private storage under a random token until the user confirms (or a
hour passes: it holds personal data; see clients.import_files). Parsing and planning live in ``clients.importing``; the
view keeps only which tokens belong to the user's session.
"""

import secrets
from typing import Any

from django.core.files.storage import default_storage
from django.db import transaction

from accounts.models import User
from clients.import_files import import_file_path, import_file_save, import_files_remove_stale
from clients.importing import ImportFileError, read_rows, run_import
from clients.models import Client
from clients.permissions import can_import_clients
from reference.errors import NotAllowed


def _check(actor: User) -> None:
    if not can_import_clients(actor):
        raise NotAllowed("Only coordinators and managers of an office import client lists.")


def import_stage(*, actor: User, content: bytes) -> str:
    """Keep a readable file for its dry run; the token names it. ImportFileError if it cannot be read."""
    _check(actor)
    read_rows(content)
    import_files_remove_stale()
    token = secrets.token_urlsafe(16)
    import_file_save(token, content)
    return token


def import_staged_rows(*, token: str) -> list[dict[str, Any]]:
    """The rows of a staged file; FileNotFoundError when it is gone (imported, or expired)."""
    with default_storage.open(import_file_path(token), "rb") as handle:
        return read_rows(handle.read())


@transaction.atomic
def import_run(*, actor: User, token: str) -> list[Client]:
    """Import the staged file all or nothing (ValidationError when a row is bad); the file goes once imported."""
    _check(actor)
    created: list[Client] = run_import(import_staged_rows(token=token), user=actor)
    path = import_file_path(token)
    transaction.on_commit(lambda: default_storage.delete(path))
    return created


__all__ = ["ImportFileError", "import_run", "import_stage", "import_staged_rows"]
