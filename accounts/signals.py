"""Security log of logins, failures and lockouts: user ids and usernames, never passwords."""

import logging

from axes.signals import user_locked_out
from django.contrib.auth.signals import user_logged_in, user_logged_out, user_login_failed
from django.dispatch import receiver

log = logging.getLogger("ariptes.security")


def _ip(request) -> str:
    return request.META.get("REMOTE_ADDR", "-") if request is not None else "-"


@receiver(user_logged_in)
def on_login(sender, request, user, **kwargs):
    log.info("login user_id=%s ip=%s", user.pk, _ip(request))
    from accounts.two_factor import note_free_session

    note_free_session(request, user)


@receiver(user_logged_out)
def on_logout(sender, request, user, **kwargs):
    log.info("logout user_id=%s ip=%s", getattr(user, "pk", None), _ip(request))


@receiver(user_login_failed)
def on_login_failed(sender, credentials, request=None, **kwargs):
    # Django already replaces the password in ``credentials``; log the username only.
    log.warning("login failed username=%r ip=%s", credentials.get("username", ""), _ip(request))


@receiver(user_locked_out)
def on_locked_out(sender, request, username, ip_address, **kwargs):
    log.warning("lockout username=%r ip=%s", username, ip_address)
    if not getattr(request, "login_slowed_down", False):
        from accounts.lockout import tell_user_of_lockout

        tell_user_of_lockout(username=username, ip_address=ip_address)
