"""Seed the Kazakh and English values of the rows the demo seeded before fields became translated.

Only empty columns are filled, and only where the Russian value is the one the demo wrote: rows an
administrator created or changed are left alone (the admin lists what is still missing).
"""

from django.db import migrations

# model name -> field -> Russian value -> (Kazakh, English); frozen copies of the demo data.
TRANSLATIONS = {
    "Project": {
        "name": {
            "Защита уязвимых трудовых мигрантов": (
                "Осал еңбекші мигранттарды қорғау",
                "Protecting vulnerable labour migrants",
            ),
            "Правовая помощь трудовым мигрантам в Алматы и Астане": (
                "Алматы мен Астанадағы еңбекші мигранттарға құқықтық көмек",
                "Legal aid to labour migrants in Almaty and Astana",
            ),
            "Справедливый наём и достойный труд": (
                "Әділ жалдау және лайықты еңбек",
                "Fair recruitment and decent work",
            ),
            "Доступ к правосудию для мигрантов": (
                "Мигранттардың сот төрелігіне қол жеткізуі",
                "Access to justice for migrants",
            ),
            "Психологическая и правовая поддержка мигрантов": (
                "Мигранттарға психологиялық және құқықтық қолдау",
                "Psychological and legal support for migrants",
            ),
            "Консультационный пункт для мигрантов": (
                "Мигранттарға арналған консультациялық пункт",
                "Advice point for migrants",
            ),
        },
        "funder": {
            "IOM": ("ХКҰ", "IOM"),
            "OSCE": ("ЕҚЫҰ", "OSCE"),
            "ILO": ("ХЕҰ", "ILO"),
            "Eurasia Foundation of Central Asia": ("Орталық Азия Еуразия қоры", "Eurasia Foundation of Central Asia"),
            "Министерство труда и социальной защиты населения (государственный социальный заказ)": (
                "Еңбек және халықты әлеуметтік қорғау министрлігі (мемлекеттік әлеуметтік тапсырыс)",
                "Ministry of Labour and Social Protection of the Population (state social order)",
            ),
            "Акимат города Алматы": ("Алматы қаласының әкімдігі", "Almaty City Akimat"),
        },
    }
}


def seed(apps, schema_editor):
    for model_name, fields in TRANSLATIONS.items():
        model = apps.get_model("cases", model_name)
        for field, values in fields.items():
            for russian, (kazakh, english) in values.items():
                rows = model.objects.filter(**{f"{field}_ru": russian})
                rows.filter(**{f"{field}_kk": ""}).update(**{f"{field}_kk": kazakh})
                rows.filter(**{f"{field}_en": ""}).update(**{f"{field}_en": english})


class Migration(migrations.Migration):
    dependencies = [("cases", "0003_translated_fields")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
