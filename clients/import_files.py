"""Uploaded client lists waiting for their import: private files that must not outlive their use.

A list is stored between the dry run and the import. One that is never imported is deleted after
``IMPORT_FILE_TTL`` by a beat job, and anonymising a client deletes every waiting list that names them.
"""

from __future__ import annotations

import logging
from datetime import timedelta

from django.core.files.base import ContentFile
from django.core.files.storage import default_storage
from django.utils import timezone

logger = logging.getLogger(__name__)

IMPORT_DIR = "clients/imports"
IMPORT_FILE_TTL = timedelta(hours=1)


def import_file_path(token: str) -> str:
    return f"{IMPORT_DIR}/{token}.bin"


def import_file_save(token: str, content: bytes) -> None:
    default_storage.save(import_file_path(token), ContentFile(content))


def _waiting_files() -> list[str]:
    try:
        _dirs, files = default_storage.listdir(IMPORT_DIR)
    except FileNotFoundError:
        return []
    return [f"{IMPORT_DIR}/{name}" for name in files]


def import_files_remove_stale(*, older_than: timedelta = IMPORT_FILE_TTL) -> int:
    """Delete the lists uploaded longer ago than ``older_than``; returns how many."""
    cutoff = timezone.now() - older_than
    removed = 0
    for path in _waiting_files():
        try:
            if default_storage.get_modified_time(path) < cutoff:
                default_storage.delete(path)
                removed += 1
        except FileNotFoundError:
            continue
    return removed


def import_files_remove_naming(*, names: list[str], phones: list[str]) -> int:
    """Delete every waiting list that holds one of these (family name + given name) or phone numbers.

    A list that cannot be read any more is deleted too: it may hold anyone.
    """
    from clients.importing import ImportFileError, read_rows
    from clients.transliteration import fold

    wanted_names = {fold(name) for name in names if name.strip()}
    wanted_phones = {"".join(ch for ch in phone if ch.isdigit())[-9:] for phone in phones if phone}
    removed = 0
    for path in _waiting_files():
        try:
            with default_storage.open(path, "rb") as handle:
                rows = read_rows(handle.read())
        except (ImportFileError, OSError):
            rows = None
        if rows is not None and not any(_names_client(row, wanted_names, wanted_phones, fold) for row in rows):
            continue
        default_storage.delete(path)
        removed += 1
    return removed


def _names_client(row: dict, names: set[str], phones: set[str], fold) -> bool:
    full = fold(f"{row.get('family_name') or ''} {row.get('given_name') or ''}")
    if full in names:
        return True
    digits = "".join(ch for ch in str(row.get("phones") or "") if ch.isdigit() or ch in ",;")
    return any(part[-9:] in phones for part in digits.replace(";", ",").split(",") if part)
