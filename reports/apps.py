from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class ReportsConfig(AppConfig):
    name = "reports"
    verbose_name = _("Reports")

    def ready(self):
        import audit
        from reports import metrics, models

        metrics.register_all()
        audit.register(models.Indicator)
        audit.register(models.IndicatorTarget)
