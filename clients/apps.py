from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _

# Personal values never readable in the audit trail.
CLIENT_MASKED = [
    "family_name",
    "given_name",
    "patronymic",
    "latin_name",
    "birth_date",
    "city",
    "address",
    "employer",
]


class ClientsConfig(AppConfig):
    name = "clients"
    verbose_name = _("Clients")

    def ready(self):
        import audit
        from clients import models

        audit.register(models.Client, mask=CLIENT_MASKED, m2m=["vulnerabilities", "languages", "assigned_staff"])
        audit.register(models.ClientPhone, mask=["number"])
        audit.register(models.FamilyMember, mask=["name"])
        audit.register(models.Consent)
        audit.register(models.ClientDocument, mask=["original_name", "title"], exclude=["file"])
