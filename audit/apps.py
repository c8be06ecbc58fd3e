from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AuditConfig(AppConfig):
    name = "audit"
    verbose_name = _("Audit")

    def ready(self):
        # The foundation's own records: who created or changed an office or a staff account.
        # Lower apps cannot import audit, so it registers them here.
        from accounts.models import Office, User
        from audit.registry import register
        from reference.models import Country, Language, Region

        register(Office)
        # Password hashes and login times are not history anyone should read.
        register(User, exclude=["password", "last_login"], m2m=["groups", "user_permissions"])
        for model in (Region, Country, Language):
            register(model)
