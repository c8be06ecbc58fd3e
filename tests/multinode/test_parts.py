"""The parts of a multi-node deployment, one by one: storage settings, move_files, probes, replica, beat."""

import hashlib
import subprocess
import sys
import time

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.files.base import ContentFile
from django.core.files.storage import FileSystemStorage
from django.core.management import call_command
from django.core.management.base import CommandError
from django.db import connection

from ariptes.storage import storage_from_environment
from tests.processes import ROOT, child_env

# --- Storage chosen by the environment ------------------------------------------------------


def test_without_storage_variables_files_stay_on_the_local_disk(monkeypatch):
    for name in ["STORAGE_URL", "AWS_STORAGE_BUCKET_NAME"]:
        monkeypatch.delenv(name, raising=False)
    assert storage_from_environment()["BACKEND"] == "django.core.files.storage.FileSystemStorage"


def test_a_storage_url_names_endpoint_bucket_keys_and_encryption(monkeypatch):
    monkeypatch.setenv("STORAGE_URL", "s3://key:s%2Fecret@minio.internal:9000/ariptes?tls=false&region=kz&sse=AES256")
    storage = storage_from_environment()
    assert storage["BACKEND"] == "storages.backends.s3.S3Storage"
    options = storage["OPTIONS"]
    assert options["endpoint_url"] == "http://minio.internal:9000"
    assert options["bucket_name"] == "ariptes"
    assert (options["access_key"], options["secret_key"]) == ("key", "s/ecret")
    assert options["region_name"] == "kz"
    assert options["object_parameters"] == {"ServerSideEncryption": "AES256"}
    # Private objects only, never overwritten by another node's file of the same name.
    assert options["querystring_auth"] is True and options["file_overwrite"] is False
    assert "default_acl" not in options or options["default_acl"] is None


def test_aws_variables_work_too(monkeypatch):
    monkeypatch.delenv("STORAGE_URL", raising=False)
    monkeypatch.setenv("AWS_STORAGE_BUCKET_NAME", "ariptes-prod")
    monkeypatch.setenv("AWS_S3_REGION_NAME", "eu-central-1")
    options = storage_from_environment()["OPTIONS"]
    assert options["bucket_name"] == "ariptes-prod" and options["region_name"] == "eu-central-1"


@pytest.mark.parametrize("url", ["ftp://host/bucket", "s3://key:secret@host"])
def test_a_wrong_storage_url_stops_the_start_with_its_name(monkeypatch, url):
    monkeypatch.setenv("STORAGE_URL", url)
    with pytest.raises(ImproperlyConfigured, match="STORAGE_URL"):
        storage_from_environment()


# --- move_files ------------------------------------------------------------------------------


@pytest.fixture
def object_storage(s3_server, settings):
    from storages.backends.s3 import S3Storage

    from ariptes.storage import _from_url

    options = _from_url(s3_server["url"])["OPTIONS"]
    settings.STORAGES = {
        **settings.STORAGES,
        "default": {"BACKEND": "storages.backends.s3.S3Storage", "OPTIONS": options},
    }
    # Django resets default_storage when STORAGES changes (and again when the test ends).
    from django.core.files.storage import default_storage

    assert isinstance(default_storage._wrapped, S3Storage) or default_storage.bucket_name
    yield s3_server


def test_move_files_copies_every_stored_file_and_checks_it(object_storage, tmp_path, db, office_a, lawyer):
    from clients.models import ClientDocument as Document
    from tests.cases.factories import make_client
    from tests.clients.factories import PDF_BYTES

    local = FileSystemStorage(location=tmp_path)
    client = make_client(office_a)
    contents = {}
    for number in range(3):
        content = PDF_BYTES + bytes([number]) * 1000
        name = local.save(f"documents/{client.pk}/file-{number}.pdf", ContentFile(content))
        Document.objects.create(
            client=client, kind="contract", file=name, content_type="application/pdf", size=len(content)
        )
        contents[name] = content

    call_command("move_files", "--to", "storage", "--dry-run", "--source", str(tmp_path))
    from tests.multinode.conftest import bucket_objects

    assert bucket_objects(object_storage["client"]) == {}  # a dry run writes nothing

    call_command("move_files", "--to", "storage", "--source", str(tmp_path))
    stored = bucket_objects(object_storage["client"])
    assert {name: hashlib.sha256(body).hexdigest() for name, body in stored.items()} == {
        name: hashlib.sha256(body).hexdigest() for name, body in contents.items()
    }
    # Running it again copies nothing and changes nothing.
    call_command("move_files", "--to", "storage", "--source", str(tmp_path))
    assert bucket_objects(object_storage["client"]) == stored


def test_move_files_fails_loudly_when_a_file_is_missing(object_storage, tmp_path, db, office_a):
    from clients.models import ClientDocument as Document
    from tests.cases.factories import make_client

    client = make_client(office_a)
    Document.objects.create(
        client=client, kind="contract", file="documents/gone.pdf", content_type="application/pdf", size=1
    )
    with pytest.raises(CommandError, match="missing"):
        call_command("move_files", "--to", "storage", "--source", str(tmp_path))


def test_move_files_refuses_when_no_object_storage_is_configured(db):
    with pytest.raises(CommandError, match="STORAGE_URL"):
        call_command("move_files", "--to", "storage", "--dry-run")


# --- Probes ----------------------------------------------------------------------------------


def test_the_live_probe_answers_without_touching_any_dependency(client, db, django_assert_num_queries):
    with django_assert_num_queries(0):
        response = client.get("/healthz/live")
    assert response.status_code == 200 and response.json() == {"status": "ok"}


def test_the_ready_probe_checks_database_broker_and_storage(client, db):
    response = client.get("/healthz/ready")
    assert response.status_code == 200
    assert response.json() == {"status": "ok", "database": "ok", "broker": "inline", "storage": "ok"}


def test_the_ready_probe_takes_the_node_out_when_the_broker_is_unreachable(client, db, settings):
    settings.CELERY_TASK_ALWAYS_EAGER = False
    settings.CELERY_BROKER_URL = "redis://127.0.0.1:1/0"  # nothing listens on port 1
    started = time.monotonic()
    response = client.get("/healthz/ready")
    assert time.monotonic() - started < 3
    assert response.status_code == 503
    assert response.json()["broker"] == "down"


# --- Read replica ----------------------------------------------------------------------------

ROUTER_SCRIPT = """
import django, json, os
os.environ["DJANGO_SETTINGS_MODULE"] = "ariptes.settings"
django.setup()
from django.db import connections
from django.test.utils import CaptureQueriesContext
from accounts.models import Office
from reference.routing import replica_reads
from reports.counting import Scope, count, snapshot
from reports.periods import Period
import datetime as dt
from reference.models import Region
region = Region.objects.first()
primary, replica = connections["default"], connections["replica"]
with CaptureQueriesContext(primary) as on_primary, CaptureQueriesContext(replica) as on_replica:
    with replica_reads():
        with snapshot():
            count(Scope(), Period(dt.date(2026, 7, 1), dt.date(2026, 9, 30)))
        Office.objects.create(code="NEW", name="New office", city="Aktau", region=region)
    Office.objects.count()
print(json.dumps({"primary": [q["sql"] for q in on_primary.captured_queries],
                  "replica": [q["sql"] for q in on_replica.captured_queries]}))
"""


def test_counting_reads_the_replica_and_writes_stay_on_the_primary(db, tmp_path):
    if connection.vendor != "postgresql":
        pytest.skip("the replica stand-in is a second PostgreSQL database")
    import json

    base = connection.settings_dict
    url = f"postgres://{base['USER']}@{base['HOST'] or '127.0.0.1'}:{base['PORT'] or 5432}"
    names = {"primary": "ariptes_router_primary", "replica": "ariptes_router_replica"}
    env = {"DATABASE_POOL": "false"}
    for name in names.values():
        subprocess.run(["dropdb", "--if-exists", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S607
        subprocess.run(["createdb", "-h", "127.0.0.1", "-U", "postgres", name], check=True)  # noqa: S607
        migrate = subprocess.run(  # noqa: S603
            [sys.executable, "manage.py", "migrate", "--no-input", "-v", "0"],
            cwd=ROOT,
            env=child_env({**env, "DATABASE_URL": f"{url}/{name}"}),
            capture_output=True,
            text=True,
            timeout=600,
        )
        assert migrate.returncode == 0, migrate.stderr[-2000:]
    result = subprocess.run(  # noqa: S603
        [sys.executable, "-c", ROUTER_SCRIPT],
        cwd=ROOT,
        env=child_env(
            {**env, "DATABASE_URL": f"{url}/{names['primary']}", "DATABASE_REPLICA_URL": f"{url}/{names['replica']}"}
        ),
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stderr[-3000:]
    queries = json.loads(result.stdout.strip().splitlines()[-1])
    counting = [sql for sql in queries["replica"] if "COUNT" in sql.upper() or "GROUP BY" in sql.upper()]
    assert counting, "the report's counting queries did not go to the replica"
    assert not any(sql.lstrip().upper().startswith(("INSERT", "UPDATE", "DELETE")) for sql in queries["replica"])
    assert any(sql.lstrip().upper().startswith("INSERT") and "accounts_office" in sql for sql in queries["primary"])
    # Outside replica_reads() every read stays on the primary.
    assert any("COUNT(*)" in sql and "accounts_office" in sql for sql in queries["primary"])
    # The row was written to the primary only.
    check = subprocess.run(  # noqa: S603
        ["psql", "-h", "127.0.0.1", "-U", "postgres", "-tAc", "SELECT count(*) FROM accounts_office WHERE code='NEW'"]  # noqa: S607
        + [names["replica"]],
        capture_output=True,
        text=True,
    )
    assert check.stdout.strip() == "0"


def test_a_lagging_or_unreachable_replica_is_skipped(settings):
    from ariptes import db_router
    from reference.routing import replica_reads

    settings.DATABASES = {**settings.DATABASES, "replica": {**settings.DATABASES["default"]}}
    router = db_router.ReplicaRouter()
    db_router.forget_replica_state()
    original = db_router._replica_fresh
    try:
        db_router._replica_fresh = lambda: False
        with replica_reads():
            assert router.db_for_read(None) is None  # the primary answers
        db_router.forget_replica_state()
        db_router._replica_fresh = lambda: True
        with replica_reads():
            assert router.db_for_read(None) == "replica"
        assert router.db_for_read(None) is None  # outside the block
        assert router.db_for_write(None) == "default"
    finally:
        db_router._replica_fresh = original
        db_router.forget_replica_state()


# --- One beat --------------------------------------------------------------------------------


@pytest.mark.worker
def test_a_second_beat_refuses_to_start(tmp_path):
    import redis

    broker = "redis://127.0.0.1:6379/10"
    redis.Redis.from_url(broker).delete("ariptes:beat-lock")
    env = child_env({"CELERY_BROKER_URL": broker, "BEAT_LOCK_SECONDS": "6"})
    command = [sys.executable, "-m", "celery", "-A", "ariptes", "beat", "-l", "warning"]
    first = subprocess.Popen(  # noqa: S603
        [*command, "-s", str(tmp_path / "one")], cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    try:
        deadline = time.monotonic() + 60
        while not redis.Redis.from_url(broker).get("ariptes:beat-lock"):
            assert time.monotonic() < deadline, "the first beat never took its lock"
            assert first.poll() is None, "the first beat died"
            time.sleep(0.3)
        second = subprocess.run(  # noqa: S603
            [*command, "-s", str(tmp_path / "two")], cwd=ROOT, env=env, capture_output=True, text=True, timeout=90
        )
        assert second.returncode == 1
        assert "Another Celery beat is running" in second.stderr
        # The first one keeps its lock past the lock's lifetime: it renews it.
        time.sleep(8)
        assert first.poll() is None
        assert redis.Redis.from_url(broker).get("ariptes:beat-lock")
    finally:
        first.terminate()
        first.wait(timeout=30)


# --- Downloads from object storage -----------------------------------------------------------


def _upload(http, client, content):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return http.post(
        f"/clients/{client.pk}/documents/",
        {"kind": "contract", "title": "", "file": SimpleUploadedFile("contract.pdf", content, "application/pdf")},
    )


def test_a_download_is_streamed_from_object_storage_after_the_check(object_storage, as_lawyer, as_outsider, office_a):
    from tests.cases.factories import make_client
    from tests.clients.factories import PDF_BYTES

    client = make_client(office_a)
    content = PDF_BYTES + b"%" + b"x" * 5000
    assert _upload(as_lawyer, client, content).status_code == 302
    document = client.documents.get()
    response = as_lawyer.get(f"/clients/{client.pk}/documents/{document.pk}/")
    assert response.status_code == 200
    assert b"".join(response.streaming_content) == content
    assert as_outsider.get(f"/clients/{client.pk}/documents/{document.pk}/").status_code == 404


def test_with_signed_urls_the_view_checks_then_redirects_to_a_short_lived_url(
    object_storage, settings, as_lawyer, as_outsider, office_a
):
    import requests

    from tests.cases.factories import make_client
    from tests.clients.factories import PDF_BYTES

    settings.FILES_SIGNED_URLS = True
    client = make_client(office_a)
    content = PDF_BYTES + b"%" + b"y" * 5000
    assert _upload(as_lawyer, client, content).status_code == 302
    document = client.documents.get()
    response = as_lawyer.get(f"/clients/{client.pk}/documents/{document.pk}/")
    assert response.status_code == 302
    signed = response["Location"]
    assert "X-Amz-Signature=" in signed and "X-Amz-Expires=" in signed
    fetched = requests.get(signed, timeout=10)
    assert fetched.status_code == 200 and fetched.content == content
    # Without the signature the object is not readable: the bucket is private.
    assert requests.get(signed.split("?")[0], timeout=10).status_code == 403
    # An outsider never gets a URL.
    assert as_outsider.get(f"/clients/{client.pk}/documents/{document.pk}/").status_code == 404
