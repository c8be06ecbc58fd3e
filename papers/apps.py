from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class PapersConfig(AppConfig):
    name = "papers"
    verbose_name = _("Client papers")

    def ready(self) -> None:
        import audit
        from clients.extensions import register_client_section
        from papers.models import PaperText
        from papers.views import client_papers_section

        audit.register(PaperText)
        register_client_section(client_papers_section)
