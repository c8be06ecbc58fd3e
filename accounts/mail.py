"""accounts sits below notices, so it reaches the one mail primitive through a setting, not an import."""

from django.conf import settings
from django.utils.module_loading import import_string


def send(*, to: str, subject: str, body: str, tag: str) -> None:
    import_string(settings.ACCOUNTS_MAIL_SEND)(to=to, subject=subject, body=body, tag=tag)
