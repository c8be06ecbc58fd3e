import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify


def funders_from_text(apps, schema_editor):
    """Each distinct funder text of the existing projects becomes a Funder row, named alike in every language."""
    Funder = apps.get_model("cases", "Funder")
    Project = apps.get_model("cases", "Project")
    for project in Project.objects.all():
        text = (project.funder_text or "").strip() or "—"
        code = (slugify(text) or "funder")[:40]
        funder, _ = Funder.objects.get_or_create(
            code=code, defaults={"name_ru": text, "name_kk": text, "name_en": text}
        )
        project.funder = funder
        project.save(update_fields=["funder"])


def funders_to_text(apps, schema_editor):
    Project = apps.get_model("cases", "Project")
    for project in Project.objects.select_related("funder"):
        project.funder_text = project.funder.name_ru
        project.save(update_fields=["funder_text"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0002_seed_problem_categories")]

    operations = [
        migrations.CreateModel(
            name="Funder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("name_ru", models.CharField(max_length=200, verbose_name="name (Russian)")),
                ("name_kk", models.CharField(max_length=200, verbose_name="name (Kazakh)")),
                ("name_en", models.CharField(max_length=200, verbose_name="name (English)")),
                ("ordering", models.PositiveSmallIntegerField(default=100, verbose_name="order")),
                ("is_active", models.BooleanField(default=True, verbose_name="active")),
            ],
            options={
                "verbose_name": "funder",
                "verbose_name_plural": "funders",
                "ordering": ["ordering", "name_en"],
                "abstract": False,
            },
        ),
        migrations.RenameField("project", "name", "name_ru"),
        migrations.AlterField(
            model_name="project", name="name_ru", field=models.CharField(max_length=300, verbose_name="name (Russian)")
        ),
        migrations.AddField(
            model_name="project",
            name="name_kk",
            field=models.CharField(blank=True, max_length=300, verbose_name="name (Kazakh)"),
        ),
        migrations.AddField(
            model_name="project",
            name="name_en",
            field=models.CharField(blank=True, max_length=300, verbose_name="name (English)"),
        ),
        migrations.RenameField("project", "funder", "funder_text"),
        migrations.AddField(
            model_name="project",
            name="funder",
            field=models.ForeignKey(
                null=True,
                on_delete=django.db.models.deletion.PROTECT,
                related_name="projects",
                to="cases.funder",
                verbose_name="funder",
            ),
        ),
        migrations.RunPython(funders_from_text, funders_to_text),
        migrations.RemoveField("project", "funder_text"),
        migrations.AlterField(
            model_name="project",
            name="funder",
            field=models.ForeignKey(
                on_delete=django.db.models.deletion.PROTECT,
                related_name="projects",
                to="cases.funder",
                verbose_name="funder",
            ),
        ),
    ]
