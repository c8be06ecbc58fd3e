from django.contrib import admin

from reference.models import Country, Language, Region


class TranslatedNameAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ru", "name_kk", "name_en", "ordering", "is_active"]
    list_editable = ["ordering", "is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]


admin.site.register(Region, TranslatedNameAdmin)
admin.site.register(Country, TranslatedNameAdmin)
admin.site.register(Language, TranslatedNameAdmin)
