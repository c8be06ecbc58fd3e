import django.db.models.deletion
from django.db import migrations, models
from django.utils.text import slugify


def funders_from_text(apps, schema_editor):
    """Each distinct funder of the existing projects becomes a Funder row with its three names."""
    Funder = apps.get_model("cases", "Funder")
    Project = apps.get_model("cases", "Project")
    for project in Project.objects.all():
        russian = (project.funder_ru or "").strip() or "—"
        code = (slugify(project.funder_en or russian) or f"funder-{project.pk}")[:40]
        funder, _ = Funder.objects.get_or_create(
            code=code,
            defaults={
                "name_ru": russian,
                "name_kk": project.funder_kk or russian,
                "name_en": project.funder_en or russian,
            },
        )
        project.funder = funder
        project.save(update_fields=["funder"])


def funders_to_text(apps, schema_editor):
    Project = apps.get_model("cases", "Project")
    for project in Project.objects.select_related("funder"):
        project.funder_ru = project.funder.name_ru
        project.funder_kk = project.funder.name_kk
        project.funder_en = project.funder.name_en
        project.save(update_fields=["funder_ru", "funder_kk", "funder_en"])


class Migration(migrations.Migration):
    dependencies = [("cases", "0005_event_reason_parameters")]

    operations = [
        migrations.CreateModel(
            name="Funder",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("code", models.SlugField(max_length=40, unique=True, verbose_name="code")),
                ("name_ru", models.CharField(max_length=200, verbose_name="name (Russian)")),
                ("name_kk", models.CharField(blank=True, default="", max_length=200, verbose_name="name (Kazakh)")),
                ("name_en", models.CharField(blank=True, default="", max_length=200, verbose_name="name (English)")),
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
        migrations.RemoveField("project", "funder_ru"),
        migrations.RemoveField("project", "funder_kk"),
        migrations.RemoveField("project", "funder_en"),
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
