from pathlib import Path

from django.core.management.base import BaseCommand, CommandError

from ariptes.backup import restore


class Command(BaseCommand):
    help = "Load a backup archive into an empty database (and the private files into MEDIA_ROOT)."

    def add_arguments(self, parser):
        parser.add_argument("archive")
        parser.add_argument("--media-root", help="Where the private files go (default: MEDIA_ROOT).")

    def handle(self, *args, archive, media_root=None, **options):
        try:
            manifest = restore(Path(archive), media_root=Path(media_root) if media_root else None)
        except (ValueError, OSError) as error:
            raise CommandError(str(error)) from error
        self.stdout.write(f"restored {sum(manifest['rows'].values())} rows; row counts match the backup")
