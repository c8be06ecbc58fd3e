"""Login lockout that an attacker cannot turn against staff.

django-axes locks the pair (username, client address) after ``AXES_FAILURE_LIMIT`` failures, so an
anonymous attacker locks only themselves out of an account: its owner still logs in from elsewhere.
An address that fails across many usernames (password spraying) is slowed instead: once it has failed
for ``LOGIN_SPRAY_USERNAMES`` different usernames within the cool-off, it may try once every
``LOGIN_SPRAY_PAUSE_SECONDS``, and a too-early attempt is refused without checking any password.
The user is told by e-mail when a pair is locked (once per cool-off).
"""

from __future__ import annotations

from datetime import timedelta

from axes.backends import AxesStandaloneBackend
from axes.exceptions import AxesBackendPermissionDenied
from axes.helpers import get_cool_off
from django.conf import settings
from django.core.cache import cache
from django.shortcuts import render
from django.template.loader import render_to_string
from django.utils import timezone, translation

USERNAME_MAX_LENGTH = 150


def client_ip(request) -> str | None:
    """REMOTE_ADDR, or behind ``CLIENT_IP_PROXY_COUNT`` trusted proxies the address the first of them saw."""
    count = settings.CLIENT_IP_PROXY_COUNT
    if count > 0:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= count:
            return forwarded[-count]
    return request.META.get("REMOTE_ADDR")


def axes_username(request, credentials) -> str:
    """The username axes records, capped before the database sees it (finding 10)."""
    username = (credentials or {}).get("username") or request.POST.get("username", "")
    return str(username)[:USERNAME_MAX_LENGTH]


def spraying_pause_left(ip_address: str | None) -> float:
    """Seconds the address must still wait before its next attempt (0 if it is not spraying)."""
    from axes.models import AccessAttempt

    if not ip_address:
        return 0
    now = timezone.now()
    recent = AccessAttempt.objects.filter(ip_address=ip_address, attempt_time__gte=now - get_cool_off())
    if recent.values("username").distinct().count() < settings.LOGIN_SPRAY_USERNAMES:
        return 0
    last = recent.order_by("-attempt_time").values_list("attempt_time", flat=True).first()
    left = (last + timedelta(seconds=settings.LOGIN_SPRAY_PAUSE_SECONDS) - now).total_seconds()
    return max(left, 0)


class LockoutBackend(AxesStandaloneBackend):
    """Axes' check of the locked pair, preceded by the pause of a spraying address."""

    def authenticate(self, request, username=None, password=None, **kwargs):
        if request is not None and spraying_pause_left(client_ip(request)) > 0:
            request.axes_locked_out = True
            request.login_slowed_down = True
            raise AxesBackendPermissionDenied("This address fails across many usernames: slowed down")
        return super().authenticate(request, username=username, password=password, **kwargs)


def lockout_response(request, original_response=None, credentials=None):
    slowed = getattr(request, "login_slowed_down", False)
    context = {
        "slowed_down": slowed,
        "pause_seconds": settings.LOGIN_SPRAY_PAUSE_SECONDS,
        "minutes": int(get_cool_off(request).total_seconds() // 60),
    }
    return render(request, settings.AXES_LOCKOUT_TEMPLATE, context, status=429)


def tell_user_of_lockout(*, username: str, ip_address: str | None) -> None:
    """Mail the owner of a locked account once per cool-off: who tried, from where, what to do."""
    from accounts import mail
    from accounts.models import User

    user = User.objects.filter(username=username, is_active=True).exclude(email="").first()
    if user is None:
        return
    key = f"lockout-mail:{user.pk}:{ip_address}"
    if not cache.add(key, 1, timeout=int(get_cool_off().total_seconds())):
        return
    with translation.override(user.language or settings.LANGUAGE_CODE):
        context = {"user": user, "ip_address": ip_address or "-", "site_url": settings.SITE_URL}
        subject = render_to_string("accounts/email/lockout_subject.txt", context).strip()
        body = render_to_string("accounts/email/lockout.txt", context)
    mail.send(to=user.email, subject=subject, body=body, tag="lockout")
