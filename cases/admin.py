"""Reference data of the cases app. Cases themselves are edited through the application, not the admin."""

from django.contrib import admin

from cases.models import ProblemCategory, Project
from reference.admin import TranslatedAdminMixin, TranslatedNameAdmin, translated_row

admin.site.register(ProblemCategory, TranslatedNameAdmin)


@admin.register(Project)
class ProjectAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_ru", "funder_ru", "starts_on", "ends_on", "is_active"]
    list_filter = ["funder_ru", "is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en", "funder_ru", "funder_en"]
    fields = ["code", translated_row("name"), translated_row("funder"), "starts_on", "ends_on", "is_active"]
