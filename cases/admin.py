"""Reference data of the cases app. Cases themselves are edited through the application, not the admin."""

from django.contrib import admin

from cases.models import Funder, ProblemCategory, Project
from reference.admin import TranslatedAdminMixin, TranslatedNameAdmin, translated_row

admin.site.register(ProblemCategory, TranslatedNameAdmin)
admin.site.register(Funder, TranslatedNameAdmin)


@admin.register(Project)
class ProjectAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = ["code", "name_ru", "funder", "starts_on", "ends_on", "is_active"]
    list_filter = ["funder", "is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en", "funder__name_ru", "funder__name_en"]
    fields = ["code", translated_row("name"), "funder", "starts_on", "ends_on", "is_active"]
