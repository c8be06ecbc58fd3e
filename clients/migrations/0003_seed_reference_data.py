from django.db import migrations

from clients.seed_data import MIGRATION_STATUSES, VULNERABILITIES


def seed(apps, schema_editor):
    MigrationStatus = apps.get_model("clients", "MigrationStatus")
    Vulnerability = apps.get_model("clients", "Vulnerability")
    for order, (code, ru, kk, en) in enumerate(MIGRATION_STATUSES):
        MigrationStatus.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order}
        )
    for order, (code, ru, kk, en, restricts) in enumerate(VULNERABILITIES):
        Vulnerability.objects.update_or_create(
            code=code,
            defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order, "restricts_access": restricts},
        )


class Migration(migrations.Migration):
    dependencies = [("clients", "0002_search_trigram")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
