from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class MemorandumConfig(AppConfig):
    name = "memorandum"
    verbose_name = _("Memorandum")
