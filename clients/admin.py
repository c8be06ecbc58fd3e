"""Only the clients' reference tables are edited in the admin.

Client records themselves are not registered: the admin would bypass the office
scope, the restricted rule and the access audit of the client pages.
"""

from django.contrib import admin

from clients.models import MigrationStatus, Vulnerability
from clients.services import vulnerability_refresh_clients
from reference.admin import TranslatedNameAdmin


@admin.register(MigrationStatus)
class MigrationStatusAdmin(TranslatedNameAdmin):
    pass


@admin.register(Vulnerability)
class VulnerabilityAdmin(TranslatedNameAdmin):
    list_display = [*TranslatedNameAdmin.list_display, "restricts_access"]
    list_editable = [*TranslatedNameAdmin.list_editable, "restricts_access"]

    def save_model(self, request, obj, form, change):
        super().save_model(request, obj, form, change)
        if change and "restricts_access" in form.changed_data:
            vulnerability_refresh_clients(vulnerability=obj)
