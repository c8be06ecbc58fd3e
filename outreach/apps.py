from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class OutreachConfig(AppConfig):
    name = "outreach"
    verbose_name = _("Outreach")

    def ready(self) -> None:
        import audit
        from clients.extensions import register_anonymiser, register_export_section
        from outreach import data_rights, models
        from outreach.metrics import register_metrics

        audit.register(models.Activity, m2m=["languages", "staff", "partners"])
        # Officials' names and positions never become readable through the audit trail.
        audit.register(models.Attendee, mask=["full_name", "position"])
        audit.register(models.MaterialHandout)
        audit.register(models.MaterialStock)
        audit.register(models.QuickContact, m2m=["categories"])
        audit.register(models.OutreachPoint)
        audit.register(models.Agency)
        audit.register(models.Material)
        register_metrics()
        register_export_section(data_rights.export_client_quick_contacts)
        register_anonymiser(data_rights.anonymise_client_quick_contacts)
