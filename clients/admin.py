"""Only the clients' reference tables are edited in the admin.

Client records themselves are not registered: the admin would bypass the office
scope, the restricted rule and the access audit of the client pages.
"""

from django.contrib import admin

from clients.models import MigrationStatus, Vulnerability
from reference.admin import TranslatedNameAdmin


@admin.register(MigrationStatus)
class MigrationStatusAdmin(TranslatedNameAdmin):
    pass


@admin.register(Vulnerability)
class VulnerabilityAdmin(TranslatedNameAdmin):
    list_display = [*TranslatedNameAdmin.list_display, "restricts_access"]
    list_editable = [*TranslatedNameAdmin.list_editable, "restricts_access"]
