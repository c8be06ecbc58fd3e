from pathlib import Path

from django.core.management.base import BaseCommand
from django.utils import timezone

from ariptes.backup import backup


class Command(BaseCommand):
    help = "Write a consistent archive of the database and the private files (see README, Operations)."

    def add_arguments(self, parser):
        parser.add_argument("--output", help="Archive path (default: ariptes-backup-<time>.tar.gz here).")

    def handle(self, *args, output=None, **options):
        path = Path(output or f"ariptes-backup-{timezone.now():%Y%m%d-%H%M%S}.tar.gz")
        manifest = backup(path)
        self.stdout.write(f"{path}: {sum(manifest['rows'].values())} rows in {len(manifest['rows'])} tables")
