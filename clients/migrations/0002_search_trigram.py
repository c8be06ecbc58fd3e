"""Trigram search over Client.search_key on PostgreSQL; SQLite searches with LIKE instead."""

from django.contrib.postgres.operations import TrigramExtension
from django.db import migrations

INDEX = "clients_client_search_key_trgm"


def create_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(
            f"CREATE INDEX IF NOT EXISTS {INDEX} ON clients_client USING gin (search_key gin_trgm_ops)"
        )


def drop_index(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        schema_editor.execute(f"DROP INDEX IF EXISTS {INDEX}")


class Migration(migrations.Migration):
    dependencies = [("clients", "0001_initial")]

    # TrigramExtension does nothing on databases other than PostgreSQL.
    operations = [TrigramExtension(), migrations.RunPython(create_index, drop_index)]
