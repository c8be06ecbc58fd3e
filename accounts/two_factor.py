"""Two-factor login (django-otp): a TOTP app and single-use backup codes.

Who must use it: the roles in ``TWO_FACTOR_REQUIRED_ROLES`` (production default: managers and
administrators; the embedded demo: nobody, so ``make run``'s accounts log in with ``demo``), the
staff of an office that requires it (``Office.requires_two_factor``), and anyone opening the admin
site when ``TWO_FACTOR_ADMIN`` is on. Whoever has a confirmed device always gives a code at login.
An administrator resets a lost device from the admin (audited); the user enrols again.
"""

from __future__ import annotations

import base64
import io

from django import forms
from django.conf import settings
from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django_otp import devices_for_user, match_token
from django_otp import login as otp_login
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice

BACKUP_CODES = 10
SETUP_SESSION_KEY = "two_factor_setup_device"
FREE_SESSION_KEY = "two_factor_free"
EXEMPT_PREFIXES = ("/accounts/login/", "/accounts/logout/", "/accounts/2fa/", "/accounts/language/", "/static/")


def is_required(user) -> bool:
    required = settings.TWO_FACTOR_REQUIRED_ROLES
    if user.role in required or (user.is_superuser and "administrator" in required):
        return True
    office = getattr(user, "office", None)
    return bool(office is not None and office.requires_two_factor)


def has_device(user) -> bool:
    return any(True for _device in devices_for_user(user, confirmed=True))


class TwoFactorMiddleware:
    """After the password: a code from those who have a device, enrolment for those who must have one."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        user = getattr(request, "user", None)
        path = request.path_info
        if (
            user is not None
            and user.is_authenticated
            and not user.is_verified()
            and not path.startswith(EXEMPT_PREFIXES)
            and path not in ("/healthz",)
        ):
            admin_needs_it = path.startswith("/admin/") and settings.TWO_FACTOR_ADMIN
            # A session found free of any second factor stays so (no device queries on every request);
            # a device is only added by enrolling, which verifies the session at once.
            if request.session.get(FREE_SESSION_KEY) == user.pk and not admin_needs_it:
                return self.get_response(request)
            if has_device(user):
                return redirect(f"{reverse('accounts:two-factor-verify')}?next={path}")
            if admin_needs_it or is_required(user):
                return redirect(f"{reverse('accounts:two-factor-setup')}?next={path}")
            request.session[FREE_SESSION_KEY] = user.pk
        return self.get_response(request)


class CodeForm(forms.Form):
    code = forms.CharField(
        label=_("Code"),
        max_length=16,
        widget=forms.TextInput(attrs={"autocomplete": "one-time-code", "inputmode": "numeric", "autofocus": True}),
    )


def _next(request: HttpRequest) -> str:
    target = request.POST.get("next") or request.GET.get("next") or ""
    if url_has_allowed_host_and_scheme(target, allowed_hosts={request.get_host()}, require_https=request.is_secure()):
        return target
    return reverse(settings.LOGIN_REDIRECT_URL)


def _qr_svg(uri: str) -> str:
    import qrcode
    import qrcode.image.svg

    image = qrcode.make(uri, image_factory=qrcode.image.svg.SvgPathImage, box_size=8)
    buffer = io.BytesIO()
    image.save(buffer)
    return buffer.getvalue().decode()


@login_required
def two_factor_setup(request: HttpRequest) -> HttpResponse:
    """Enrol a TOTP app: a QR code drawn here (never by a web service), then one code to confirm."""
    user = request.user
    device = TOTPDevice.objects.filter(user=user, confirmed=False, pk=request.session.get(SETUP_SESSION_KEY)).first()
    if device is None:
        device = TOTPDevice.objects.create(user=user, name="app", confirmed=False)
        request.session[SETUP_SESSION_KEY] = device.pk
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if device.verify_token(form.cleaned_data["code"].strip().replace(" ", "")):
            device.confirmed = True
            device.save(update_fields=["confirmed"])
            TOTPDevice.objects.filter(user=user, confirmed=False).delete()
            codes = _new_backup_codes(user)
            otp_login(request, device)
            request.session.pop(SETUP_SESSION_KEY, None)
            return render(request, "accounts/two_factor_codes.html", {"codes": codes, "next": _next(request)})
        form.add_error("code", _("The code is wrong or expired. Enter the current code from the app."))
    secret = base64.b32encode(device.bin_key).decode().rstrip("=")
    context = {
        "form": form,
        # An <img> of a data: URI: the SVG is drawn here, never by a web service, and cannot run anything.
        "qr": "data:image/svg+xml;base64," + base64.b64encode(_qr_svg(device.config_url).encode()).decode(),
        "secret": secret,
        "next": _next(request),
        "required": is_required(user),
    }
    return render(request, "accounts/two_factor_setup.html", context)


def _new_backup_codes(user) -> list[str]:
    StaticDevice.objects.filter(user=user).delete()
    device = StaticDevice.objects.create(user=user, name="backup", confirmed=True)
    codes = [StaticToken.random_token() for _ in range(BACKUP_CODES)]
    StaticToken.objects.bulk_create([StaticToken(device=device, token=code) for code in codes])
    return codes


@login_required
def two_factor_verify(request: HttpRequest) -> HttpResponse:
    """The second step of the login: a code from the app or one backup code (used up)."""
    if request.user.is_verified():
        return redirect(_next(request))
    form = CodeForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        device = match_token(request.user, form.cleaned_data["code"].strip().replace(" ", ""))
        if device is not None:
            otp_login(request, device)
            return redirect(_next(request))
        form.add_error("code", _("The code is wrong or expired. Enter the current code from the app."))
    return render(request, "accounts/two_factor_verify.html", {"form": form, "next": _next(request)})


def two_factor_reset(*, user, actor) -> int:
    """An administrator's recovery: remove all of a user's devices (audited); they enrol again."""
    from auditlog.models import LogEntry

    count = 0
    for device in devices_for_user(user, confirmed=None):
        device.delete()
        count += 1
    LogEntry.objects.log_create(
        user,
        force_log=True,
        action=LogEntry.Action.ACCESS,
        actor=actor,
        changes={},
        additional_data={"access": "two-factor reset"},
    )
    return count


def note_free_session(request, user) -> None:
    """At login: a user with no device who needs none gets no device queries on later requests."""
    if request is not None and hasattr(request, "session") and not is_required(user) and not has_device(user):
        request.session[FREE_SESSION_KEY] = user.pk
