"""Copy the private files of every model from the local disk to the configured object storage.

    python manage.py move_files --to storage --dry-run   # what would be copied, nothing written
    python manage.py move_files --to storage             # copy, then read back and compare each file

Run it once when a single-server installation moves to several nodes: set STORAGE_URL (or AWS_*),
run this command, then start the new nodes. It is safe to run again: files already present with the
same size and hash are skipped. The local files are left in place (delete them after a backup).
"""

from __future__ import annotations

import hashlib
from collections.abc import Iterator

from django.apps import apps
from django.conf import settings
from django.core.files.base import File
from django.core.files.storage import FileSystemStorage, default_storage
from django.core.management.base import BaseCommand, CommandError
from django.db import models

CHUNK = 1024 * 1024


def stored_names() -> Iterator[tuple[str, str]]:
    """(model label, file name) of every file that a row refers to, each name once."""
    seen: set[str] = set()
    for model in apps.get_models():
        fields = [field for field in model._meta.get_fields() if isinstance(field, models.FileField)]
        for field in fields:
            names = (
                model._default_manager.exclude(**{field.name: ""})
                .exclude(**{f"{field.name}__isnull": True})
                .values_list(field.name, flat=True)
                .order_by("pk")
                .iterator(chunk_size=2000)
            )
            for name in names:
                if name not in seen:
                    seen.add(name)
                    yield model._meta.label, name


def digest(storage, name: str) -> tuple[int, str]:
    sha, size = hashlib.sha256(), 0
    with storage.open(name, "rb") as handle:
        while chunk := handle.read(CHUNK):
            sha.update(chunk)
            size += len(chunk)
    return size, sha.hexdigest()


class Command(BaseCommand):
    help = "Copy private files from the local disk (MEDIA_ROOT) to the object storage, checking every file."

    def add_arguments(self, parser):
        parser.add_argument("--to", choices=["storage"], required=True, help="storage: the configured STORAGE_URL")
        parser.add_argument("--dry-run", action="store_true", help="list what would be copied; write nothing")
        parser.add_argument("--source", default=str(settings.MEDIA_ROOT), help="local folder (default MEDIA_ROOT)")

    def handle(self, *args, **options):
        target = default_storage
        source = FileSystemStorage(location=options["source"])
        if isinstance(target, FileSystemStorage):
            raise CommandError("The default storage is the local disk: set STORAGE_URL (or AWS_*) first.")
        dry_run = options["dry_run"]
        copied = skipped = missing = failed = 0
        total_bytes = 0
        for label, name in stored_names():
            if not source.exists(name):
                missing += 1
                self.stderr.write(f"missing locally: {label} {name}")
                continue
            size, sha = digest(source, name)
            if target.exists(name) and digest(target, name) == (size, sha):
                skipped += 1
                continue
            if dry_run:
                copied += 1
                total_bytes += size
                self.stdout.write(f"would copy: {label} {name} ({size} bytes)")
                continue
            with source.open(name, "rb") as handle:
                saved = target.save(name, File(handle, name=name))
            if saved != name:
                # The storage refused to overwrite a different file of the same name: keep both, say so.
                failed += 1
                self.stderr.write(f"name taken in storage, saved as {saved}: {label} {name}")
                continue
            if digest(target, name) != (size, sha):
                failed += 1
                self.stderr.write(f"CHECK FAILED (size or hash differs after copy): {label} {name}")
                continue
            copied += 1
            total_bytes += size
        verb = "would copy" if dry_run else "copied and checked"
        self.stdout.write(
            f"{verb} {copied} files ({total_bytes} bytes); already in storage {skipped}; "
            f"missing locally {missing}; failed {failed}"
        )
        if failed or missing:
            raise CommandError(f"{failed} files failed the check and {missing} were missing locally")
