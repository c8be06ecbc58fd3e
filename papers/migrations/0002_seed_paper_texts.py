"""The texts of the client papers in six languages, all unreviewed until a native speaker confirms them."""

from django.db import migrations


def seed(apps, schema_editor):
    from papers.seed import LANGUAGES, seed_texts

    PaperText = apps.get_model("papers", "PaperText")
    for language in LANGUAGES:
        for kind, (title, body) in seed_texts(language).items():
            PaperText.objects.get_or_create(kind=kind, language=language, defaults={"title": title, "body": body})


class Migration(migrations.Migration):
    dependencies = [("papers", "0001_paper_texts")]

    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
