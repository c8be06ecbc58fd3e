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
        from django.contrib.postgres.lookups import TrigramWordSimilar

        import audit
        from clients import models

        # django.contrib.postgres is not an installed app; the one lookup search needs is
        # registered on the one field that uses it (harmless on SQLite, where it is never used).
        models.Client._meta.get_field("search_key").register_lookup(TrigramWordSimilar)

        audit.register(models.Client, mask=CLIENT_MASKED, m2m=["vulnerabilities", "languages", "assigned_staff"])
        audit.register(models.ClientPhone, mask=["number"])
        audit.register(models.FamilyMember, mask=["name"])
        audit.register(models.Consent)
        audit.register(models.ClientDocument, mask=["original_name", "title"], exclude=["file"])
        audit.register(models.RestrictionLiftRequest, m2m=["flags"])
