from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as DjangoUserAdmin
from django.utils.translation import gettext_lazy as _

from accounts.models import Office, User
from reference.admin import TranslatedAdminMixin, translated_row


@admin.register(Office)
class OfficeAdmin(TranslatedAdminMixin, admin.ModelAdmin):
    list_display = [
        "name_ru",
        "code",
        "region",
        "city_ru",
        "allows_caseworker_referrals",
        "requires_two_factor",
        "is_active",
    ]
    list_filter = ["region", "is_active"]
    search_fields = ["name_ru", "name_kk", "name_en", "code", "city_ru"]
    fields = [
        translated_row("name"),
        "code",
        "region",
        translated_row("city"),
        translated_row("address"),
        "phone",
        "email",
        "allows_caseworker_referrals",
        "is_active",
    ]


@admin.register(User)
class UserAdmin(DjangoUserAdmin):
    list_display = ["username", "first_name", "last_name", "office", "role", "profession", "is_active"]
    list_filter = ["office", "role", "profession", "is_active", "is_superuser"]
    actions = ["reset_two_factor"]

    @admin.action(description=_("Reset two-factor login (the user enrols again)"))
    def reset_two_factor(self, request, queryset):
        from accounts.two_factor import two_factor_reset

        for user in queryset:
            two_factor_reset(user=user, actor=request.user)
        self.message_user(request, _("Two-factor login was reset. The users enrol again at their next login."))

    fieldsets = (
        *DjangoUserAdmin.fieldsets,
        (_("Ariptes"), {"fields": ("office", "role", "profession", "language")}),
    )
    add_fieldsets = (
        *DjangoUserAdmin.add_fieldsets,
        (_("Ariptes"), {"fields": ("office", "role", "profession", "language")}),
    )
