from django.db import migrations

from cases.taxonomy import PROBLEM_CATEGORIES


def seed(apps, schema_editor):
    ProblemCategory = apps.get_model("cases", "ProblemCategory")
    for order, (code, ru, kk, en) in enumerate(PROBLEM_CATEGORIES):
        ProblemCategory.objects.update_or_create(
            code=code, defaults={"name_ru": ru, "name_kk": kk, "name_en": en, "ordering": order}
        )


class Migration(migrations.Migration):
    dependencies = [("cases", "0001_initial")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
