from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class CasesConfig(AppConfig):
    name = "cases"
    verbose_name = _("Cases")

    def ready(self):
        import audit
        from cases import models, timeline
        from cases.client_pages import client_cases_section, client_documents
        from cases.data_rights import anonymise_client_cases, export_client_cases
        from clients.extensions import (
            register_activity_source,
            register_anonymiser,
            register_client_section,
            register_export_section,
        )

        audit.register(models.Case, m2m=["categories", "staff"])
        from reference import cached

        cached.register(models.ProblemCategory)
        audit.register(models.CaseEvent)
        # Psychological notes never become readable through the audit trail.
        audit.register(models.Consultation, mask=["psych_notes"])
        audit.register(models.FollowUp, exclude=["reminded_on"])
        audit.register(models.Project)
        audit.register(models.ProblemCategory)

        register_client_section(client_cases_section)
        register_activity_source(client_ids_with_activity)
        register_export_section(export_client_cases)
        register_anonymiser(anonymise_client_cases)
        timeline.register_provider(client_documents)


def client_ids_with_activity(since):
    """For the clients app's inactive-records review: clients with a consultation or case since ``since``."""
    from cases.models import Case, Consultation

    ids = set(Consultation.objects.filter(started_at__gte=since).values_list("case__client_id", flat=True))
    ids.update(Case.objects.filter(updated_at__gte=since).values_list("client_id", flat=True))
    return ids
