from django.db import migrations

from reference.seed_data import COUNTRIES, LANGUAGES, REGIONS


def seed(apps, schema_editor):
    Region = apps.get_model("reference", "Region")
    Country = apps.get_model("reference", "Country")
    Language = apps.get_model("reference", "Language")
    for order, (code, ru, kk, en) in enumerate(REGIONS):
        Region.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order}
        )
    for order, (code, ru, kk, en, prefix) in enumerate(COUNTRIES):
        Country.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order, "phone_prefix": prefix}
        )
    for order, (code, ru, kk, en) in enumerate(LANGUAGES):
        Language.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order}
        )


class Migration(migrations.Migration):
    dependencies = [("reference", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
