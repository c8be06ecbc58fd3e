"""Reference tables shared by every app: editable in the admin, seeded by a data migration."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from reference.translation import TranslatedFieldsMixin, translated, translated_columns


class TranslatedName(TranslatedFieldsMixin, models.Model):
    """A row with a name in each UI language; ``name`` follows the active language (see reference.translation)."""

    code = models.SlugField(_("code"), max_length=40, unique=True)
    name_ru, name_kk, name_en = translated_columns(models.CharField, _("name"), max_length=200)
    name = translated("name")
    translated_fields = ("name",)
    ordering = models.PositiveSmallIntegerField(_("order"), default=100)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        abstract = True
        ordering = ["ordering", "name_en"]

    def __str__(self) -> str:
        return self.name


class Region(TranslatedName):
    """A region or a city of republican significance of Kazakhstan."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("region")
        verbose_name_plural = _("regions")


class Country(TranslatedName):
    """A country of citizenship; ``code`` is the ISO 3166-1 alpha-2 code in lower case."""

    phone_prefix = models.CharField(_("phone prefix"), max_length=8, blank=True)

    class Meta(TranslatedName.Meta):
        verbose_name = _("country")
        verbose_name_plural = _("countries")


class Language(TranslatedName):
    """A language a client speaks or a consultation is held in."""

    class Meta(TranslatedName.Meta):
        verbose_name = _("language")
        verbose_name_plural = _("languages")
