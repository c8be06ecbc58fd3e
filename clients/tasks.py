"""Beat jobs of the clients app (thin: they call clients.import_files)."""

from celery import shared_task

from clients.import_files import import_files_remove_stale


@shared_task(name="clients.remove_stale_import_files")
def remove_stale_import_files() -> int:
    return import_files_remove_stale()
