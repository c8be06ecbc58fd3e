"""Seed the Kazakh and English values of the rows the demo seeded before fields became translated.

Only empty columns are filled, and only where the Russian value is the one the demo wrote: rows an
administrator created or changed are left alone (the admin lists what is still missing).
"""

from django.db import migrations

# model name -> field -> Russian value -> (Kazakh, English); frozen copies of the demo data.
TRANSLATIONS = {
    "Office": {
        "name": {
            "Алматинский офис": ("Алматы кеңсесі", "Almaty office"),
            "Офис в Астане": ("Астана кеңсесі", "Astana office"),
            "Южный офис": ("Оңтүстік кеңсесі", "South office"),
        },
        "city": {"Алматы": ("Алматы", "Almaty"), "Астана": ("Астана", "Astana"), "Шымкент": ("Шымкент", "Shymkent")},
        "address": {
            "ул. Толе би, 100, Алматы": ("Төле би көшесі, 100, Алматы", "100 Tole Bi Street, Almaty"),
            "пр. Республики, 20, Астана": ("Республика даңғылы, 20, Астана", "20 Respublika Avenue, Astana"),
            "ул. Байтурсынова, 15, Шымкент": ("Байтұрсынов көшесі, 15, Шымкент", "15 Baitursynov Street, Shymkent"),
        },
    }
}


def seed(apps, schema_editor):
    for model_name, fields in TRANSLATIONS.items():
        model = apps.get_model("accounts", model_name)
        for field, values in fields.items():
            for russian, (kazakh, english) in values.items():
                rows = model.objects.filter(**{f"{field}_ru": russian})
                rows.filter(**{f"{field}_kk": ""}).update(**{f"{field}_kk": kazakh})
                rows.filter(**{f"{field}_en": ""}).update(**{f"{field}_en": english})


class Migration(migrations.Migration):
    dependencies = [("accounts", "0002_translated_fields")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
