"""Backup and restore: one archive holding a consistent copy of the database and the private files.

- PostgreSQL: ``pg_dump --format=custom`` (a consistent snapshot while the site runs), restored with
  ``pg_restore`` into an empty database;
- SQLite: the SQLite backup API (consistent while the site runs), restored by copying the file;
- the private files (documents, letters, reports: ``MEDIA_ROOT``) as they are;
- ``manifest.json``: the engine, the time and the row count of every table, checked after a restore.
"""

from __future__ import annotations

import io
import json
import os
import shutil
import sqlite3
import subprocess
import tarfile
import tempfile
from pathlib import Path

from django.conf import settings
from django.db import connections
from django.utils import timezone

PG_DUMP = shutil.which("pg_dump") or "/usr/bin/pg_dump"
PG_RESTORE = shutil.which("pg_restore") or "/usr/bin/pg_restore"
POSTGRES = "django.db.backends.postgresql"
SQLITE = "django.db.backends.sqlite3"


def row_counts(alias: str = "default") -> dict[str, int]:
    connection = connections[alias]
    with connection.cursor() as cursor:
        tables = sorted(connection.introspection.table_names(cursor))
        counts = {}
        for table in tables:
            cursor.execute(f"SELECT COUNT(*) FROM {connection.ops.quote_name(table)}")  # noqa: S608 - our table names
            counts[table] = cursor.fetchone()[0]
    return counts


def _pg_env(db: dict) -> dict[str, str]:
    env = {**os.environ}
    if db.get("PASSWORD"):
        env["PGPASSWORD"] = str(db["PASSWORD"])
    return env


def _pg_args(db: dict) -> list[str]:
    args = ["--host", str(db.get("HOST") or "127.0.0.1"), "--port", str(db.get("PORT") or 5432)]
    if db.get("USER"):
        args += ["--username", str(db["USER"])]
    return args


def backup(output: Path, *, alias: str = "default") -> dict:
    db = settings.DATABASES[alias]
    manifest = {"engine": db["ENGINE"], "created_at": timezone.now().isoformat(), "rows": row_counts(alias)}
    with tempfile.TemporaryDirectory() as work, tarfile.open(output, "w:gz") as archive:
        if db["ENGINE"] == POSTGRES:
            dump = Path(work) / "database.dump"
            subprocess.run(  # noqa: S603 - fixed arguments
                [PG_DUMP, "--format=custom", "--no-owner", "--no-privileges", *_pg_args(db), "--file", str(dump),
                 str(db["NAME"])],
                check=True, env=_pg_env(db), capture_output=True,
            )  # fmt: skip
            archive.add(dump, arcname="database.dump")
        elif db["ENGINE"] == SQLITE:
            dump = Path(work) / "database.sqlite3"
            connections[alias].ensure_connection()
            target = sqlite3.connect(dump)
            connections[alias].connection.backup(target)
            target.close()
            archive.add(dump, arcname="database.sqlite3")
        else:
            raise ValueError(f"Backups support PostgreSQL and SQLite, not {db['ENGINE']}.")
        media = Path(settings.MEDIA_ROOT)
        if media.exists():
            archive.add(media, arcname="media")
        data = json.dumps(manifest, indent=1).encode()
        info = tarfile.TarInfo("manifest.json")
        info.size = len(data)
        archive.addfile(info, io.BytesIO(data))
    os.chmod(output, 0o600)
    return manifest


def restore(archive_path: Path, *, alias: str = "default", media_root: Path | None = None) -> dict:
    """Load an archive into the (empty) database ``alias`` and the private files into ``media_root``."""
    db = settings.DATABASES[alias]
    media_root = Path(media_root or settings.MEDIA_ROOT)
    if row_counts(alias):
        raise ValueError("The target database is not empty: restore only into a new, empty database.")
    with tempfile.TemporaryDirectory() as work, tarfile.open(archive_path, "r:gz") as archive:
        archive.extractall(work, filter="data")
        manifest = json.loads((Path(work) / "manifest.json").read_text())
        if manifest["engine"] != db["ENGINE"]:
            raise ValueError("The archive was made from another kind of database.")
        if db["ENGINE"] == POSTGRES:
            connections[alias].close()
            subprocess.run(  # noqa: S603 - fixed arguments
                [PG_RESTORE, "--no-owner", "--no-privileges", "--exit-on-error", *_pg_args(db),
                 "--dbname", str(db["NAME"]), str(Path(work) / "database.dump")],
                check=True, env=_pg_env(db), capture_output=True,
            )  # fmt: skip
        else:
            connections[alias].close()
            shutil.copyfile(Path(work) / "database.sqlite3", db["NAME"])
        source = Path(work) / "media"
        if source.exists():
            shutil.copytree(source, media_root, dirs_exist_ok=True)
    restored = row_counts(alias)
    differences = {t: (n, restored.get(t)) for t, n in manifest["rows"].items() if restored.get(t) != n}
    if differences:
        raise ValueError(f"Row counts differ after the restore: {differences}")
    return manifest
