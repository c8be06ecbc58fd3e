from django.contrib import admin
from django.utils.translation import gettext_lazy as _

from reference.models import Country, Language, Region
from reference.translation import (
    FALLBACK_LANGUAGE,
    LANGUAGE_LABELS,
    TRANSLATION_LANGUAGES,
    column,
    missing_translation_q,
)


def translated_row(base: str) -> tuple[str, str, str]:
    """The three columns of a translated field, shown side by side on one admin row."""
    return tuple(column(base, language) for language in TRANSLATION_LANGUAGES)


class MissingTranslationFilter(admin.SimpleListFilter):
    """Rows whose Russian text has no Kazakh or English counterpart yet."""

    title = _("missing translation")
    parameter_name = "missing_translation"

    def lookups(self, request, model_admin):
        return [
            (language, LANGUAGE_LABELS[language]) for language in TRANSLATION_LANGUAGES if language != FALLBACK_LANGUAGE
        ]

    def queryset(self, request, queryset):
        language = self.value()
        if language not in TRANSLATION_LANGUAGES:
            return queryset
        return queryset.filter(missing_translation_q(queryset.model.translated_fields, language))


class TranslatedAdminMixin:
    """For admins of models with translated fields: the "missing translation" filter and column."""

    def get_list_filter(self, request):
        return [MissingTranslationFilter, *super().get_list_filter(request)]

    def get_fields(self, request, obj=None):
        """Without explicit ``fields``: the model's fields, each translated field's columns on one row."""
        fields = super().get_fields(request, obj)
        if self.fields or self.fieldsets:
            return fields
        rows, seen = [], set()
        for name in fields:
            base = next((b for b in self.model.translated_fields if name in translated_row(b)), None)
            if base is None:
                rows.append(name)
            elif base not in seen:
                seen.add(base)
                rows.append(translated_row(base))
        return rows

    def get_list_display(self, request):
        return [*super().get_list_display(request), "missing_translations_display"]

    @admin.display(description=_("missing translation"))
    def missing_translations_display(self, obj) -> str:
        missing = sorted({language for _field, language in obj.missing_translations()})
        return ", ".join(str(LANGUAGE_LABELS[language]) for language in missing) or "—"


class TranslatedNameAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_ru", "name_kk", "name_en", "ordering", "is_active"]
    list_editable = ["ordering", "is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]


admin.site.register(Region, TranslatedNameAdmin)
admin.site.register(Country, TranslatedNameAdmin)
admin.site.register(Language, TranslatedNameAdmin)
