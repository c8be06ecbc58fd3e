"""Translated data: the product's one way to keep a value in each UI language.

A translated field ``title`` is three columns, ``title_ru``, ``title_kk`` and ``title_en``, and a
property ``title`` that reads the active language's column and falls back to Russian when it is
empty (Russian is the default language and the one every row must have)::

    class Office(TranslatedFieldsMixin, models.Model):
        name_ru, name_kk, name_en = translated_columns(models.CharField, NAME_LABEL, max_length=200)
        name = translated("name")
        translated_fields = ("name",)

``Office(name="…")`` and ``office.name = "…"`` write the Russian column, so code written before a
field became translated keeps working. Queries use the columns (``order_by(localized("name"))``
orders by the name the reader sees); the admin shows the three columns side by side and lists what
is missing (``reference.admin.TranslatedAdminMixin``); templates write ``{{ office.name }}``, or
``{{ office|translated:"name" }}`` for a field given by name.
"""

from django.db import models
from django.db.models import F, Value
from django.db.models.functions import Coalesce, NullIf
from django.utils.text import format_lazy
from django.utils.translation import get_language
from django.utils.translation import gettext_lazy as _

FALLBACK_LANGUAGE = "ru"
# The languages of translated data: the staff interface's languages (settings.LANGUAGES).
TRANSLATION_LANGUAGES = ("ru", "kk", "en")
LANGUAGE_LABELS = {"ru": _("Russian"), "kk": _("Kazakh"), "en": _("English")}


def active_language() -> str:
    """The active UI language as one of TRANSLATION_LANGUAGES (Russian when another is active)."""
    language = (get_language() or FALLBACK_LANGUAGE)[:2]
    return language if language in TRANSLATION_LANGUAGES else FALLBACK_LANGUAGE


def column(base: str, language: str) -> str:
    return f"{base}_{language}"


def translated_columns(field_class=models.CharField, verbose_name="", *, required: bool = True, **kwargs):
    """The three columns of one translated field, in TRANSLATION_LANGUAGES order.

    The Russian column is required when ``required`` (the fallback must exist); Kazakh and English may
    stay empty until someone translates them.
    """
    columns = []
    for language in TRANSLATION_LANGUAGES:
        options = dict(kwargs)
        if language != FALLBACK_LANGUAGE or not required:
            options["blank"] = True
            if issubclass(field_class, (models.CharField, models.TextField)):
                options.setdefault("default", "")
        columns.append(field_class(format_lazy("{} ({})", verbose_name, LANGUAGE_LABELS[language]), **options))
    return tuple(columns)


def value_in(obj, base: str, language: str | None = None) -> str:
    """``obj``'s ``base`` field in ``language`` (the active one by default), else in Russian."""
    language = (language or active_language())[:2]
    value = getattr(obj, column(base, language), "") if language in TRANSLATION_LANGUAGES else ""
    return value or getattr(obj, column(base, FALLBACK_LANGUAGE), "") or ""


def translated(base: str) -> property:
    """The property that reads ``base`` in the active language and writes it in Russian."""

    def getter(self) -> str:
        return value_in(self, base)

    def setter(self, value: str) -> None:
        setattr(self, column(base, FALLBACK_LANGUAGE), value)

    return property(getter, setter, doc=f"{base} in the active language (falls back to Russian).")


def localized(base: str, language: str | None = None):
    """An ORM expression of ``base`` in the reader's language with the Russian fallback.

    Use it to order or annotate: ``Office.objects.order_by(localized("name"))``.
    """
    language = (language or active_language())[:2]
    if language == FALLBACK_LANGUAGE or language not in TRANSLATION_LANGUAGES:
        return F(column(base, FALLBACK_LANGUAGE))
    return Coalesce(NullIf(F(column(base, language)), Value("")), F(column(base, FALLBACK_LANGUAGE)))


def missing_translation_q(fields, language: str) -> models.Q:
    """Rows where any of ``fields`` has a Russian value but none in ``language``."""
    query = models.Q(pk__in=[])
    for base in fields:
        name = column(base, language)
        has_russian = ~models.Q(**{column(base, FALLBACK_LANGUAGE): ""})
        query |= (models.Q(**{name: ""}) | models.Q(**{f"{name}__isnull": True})) & has_russian
    return query


class TranslatedFieldsMixin:
    """For models with translated fields: list them in ``translated_fields``."""

    translated_fields: tuple[str, ...] = ()

    def translation(self, base: str, language: str | None = None) -> str:
        return value_in(self, base, language)

    def missing_translations(self) -> list[tuple[str, str]]:
        """(field, language) pairs with a Russian value and none in that language."""
        return [
            (base, language)
            for base in self.translated_fields
            for language in TRANSLATION_LANGUAGES
            if getattr(self, column(base, FALLBACK_LANGUAGE), "") and not getattr(self, column(base, language), "")
        ]


def translations(base: str, values) -> dict[str, str]:
    """``{"name_ru": …, "name_kk": …, "name_en": …}`` from values in TRANSLATION_LANGUAGES order (for seeding)."""
    return {column(base, language): value for language, value in zip(TRANSLATION_LANGUAGES, values, strict=True)}
