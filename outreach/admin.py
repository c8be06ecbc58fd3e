from django.contrib import admin

from outreach.models import Agency, Material, MaterialStock, OutreachPoint


@admin.register(OutreachPoint)
class OutreachPointAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ru", "name_kk", "name_en", "region", "ordering", "is_active"]
    list_filter = ["is_active", "region"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]


@admin.register(Agency)
class AgencyAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ru", "name_kk", "name_en", "ordering", "is_active"]
    list_filter = ["is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]


@admin.register(Material)
class MaterialAdmin(admin.ModelAdmin):
    list_display = ["code", "name_ru", "kind", "language", "is_active"]
    list_filter = ["kind", "language", "is_active"]
    search_fields = ["code", "name_ru", "name_kk", "name_en"]


@admin.register(MaterialStock)
class MaterialStockAdmin(admin.ModelAdmin):
    list_display = ["office", "material", "quantity", "low_threshold"]
    list_filter = ["office"]
