from django.db import migrations


def seed(apps, schema_editor):
    from outreach.seed_data import AGENCIES, MATERIALS, OUTREACH_POINTS

    OutreachPoint = apps.get_model("outreach", "OutreachPoint")
    Agency = apps.get_model("outreach", "Agency")
    Material = apps.get_model("outreach", "Material")
    Language = apps.get_model("reference", "Language")
    for model, rows in ((OutreachPoint, OUTREACH_POINTS), (Agency, AGENCIES)):
        for ordering, (code, ru, kk, en) in enumerate(rows, start=1):
            model.objects.update_or_create(
                code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": ordering * 10}
            )
    languages = {language.code: language for language in Language.objects.all()}
    for code, kind, language, ru, kk, en in MATERIALS:
        if language in languages:
            Material.objects.update_or_create(
                code=code,
                defaults={"kind": kind, "language": languages[language], "name_ru": ru, "name_kk": kk, "name_en": en},
            )


class Migration(migrations.Migration):
    dependencies = [
        ("outreach", "0001_initial"),
        ("reference", "0002_seed_reference_data"),
    ]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
