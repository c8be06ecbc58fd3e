"""The backup drill: back up the demo, restore into a new database, compare row counts and a document's bytes."""

import secrets
from pathlib import Path

import pytest
from django.conf import settings
from django.core.files.uploadedfile import SimpleUploadedFile
from django.core.management import call_command

from accounts.models import User
from clients.models import Client, ClientDocument
from clients.services.documents import document_upload
from tests.clients.factories import PDF_BYTES
from tests.processes import manage

pytestmark = pytest.mark.django_db(transaction=True)


@pytest.fixture
def new_database(tmp_path):
    db = settings.DATABASES["default"]
    if db["ENGINE"] == "django.db.backends.sqlite3":
        yield f"sqlite:///{tmp_path / 'restored.sqlite3'}"
        return
    import psycopg

    name = f"ariptes_restore_{secrets.token_hex(4)}"
    admin_url = f"postgresql://{db.get('USER') or 'postgres'}@{db.get('HOST') or '127.0.0.1'}:{db.get('PORT') or 5432}"
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as admin:
        admin.execute(f'CREATE DATABASE "{name}"')
    yield f"{admin_url}/{name}"
    with psycopg.connect(f"{admin_url}/postgres", autocommit=True) as admin:
        admin.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


def test_the_demo_is_backed_up_and_restored_into_a_new_database(settings, tmp_path, new_database):
    settings.DEBUG = True
    settings.MEDIA_ROOT = tmp_path / "media"
    call_command("seed_demo", clients=12)
    client = Client.objects.first()
    document_upload(
        client=client,
        actor=User.objects.filter(is_active=True).first(),
        uploaded=SimpleUploadedFile("contract.pdf", PDF_BYTES),
        kind="contract",
    )
    document = ClientDocument.objects.get()
    archive = tmp_path / "backup.tar.gz"
    call_command("backup", output=str(archive))
    assert archive.stat().st_size > 0

    restored_media = tmp_path / "restored-media"
    result = manage(
        "restore", str(archive), env={"DATABASE_URL": new_database, "MEDIA_ROOT": str(restored_media)}, timeout=300
    )
    assert result.returncode == 0, result.stderr[-2000:]
    assert "row counts match" in result.stdout
    assert (restored_media / document.file.name).read_bytes() == Path(document.file.path).read_bytes()

    # Restoring again over the now full database is refused.
    again = manage("restore", str(archive), env={"DATABASE_URL": new_database, "MEDIA_ROOT": str(restored_media)})
    assert again.returncode != 0
    assert "not empty" in again.stderr
