"""Password reset that neither enumerates staff nor floods their mailboxes.

- The mail is queued (``notices.mail_send``) instead of sent inside the request, and an unknown address
  renders the same mail for nobody, so both answers take the same time;
- requests are rate-limited per e-mail address and per client address; over the limit the page answers
  exactly as usual and sends nothing.
"""

from __future__ import annotations

import hashlib

from django.conf import settings
from django.contrib.auth.forms import PasswordResetForm
from django.contrib.auth.tokens import default_token_generator
from django.core.cache import cache
from django.template import loader
from django.utils.encoding import force_bytes
from django.utils.http import urlsafe_base64_encode

from accounts.lockout import client_ip

WINDOW_SECONDS = 3600


def _within_limit(kind: str, value: str, limit: int) -> bool:
    key = f"pwreset:{kind}:{hashlib.sha256(value.encode()).hexdigest()[:32]}"
    cache.add(key, 0, timeout=WINDOW_SECONDS)
    try:
        count = cache.incr(key)
    except ValueError:  # expired between add and incr
        cache.set(key, 1, timeout=WINDOW_SECONDS)
        count = 1
    return count <= limit


class QueuedPasswordResetForm(PasswordResetForm):
    """Django's form, but the mail goes through the mail queue and unknown addresses cost the same."""

    def save(self, *args, request=None, **kwargs):
        email = self.cleaned_data["email"].strip().lower()
        allowed = _within_limit("ip", client_ip(request) or "-", settings.PASSWORD_RESET_PER_CLIENT_ADDRESS)
        allowed = _within_limit("email", email, settings.PASSWORD_RESET_PER_EMAIL) and allowed
        if not allowed:
            self._render_for_nobody(kwargs)
            return
        users = list(self.get_users(self.cleaned_data["email"]))
        if not users:
            self._render_for_nobody(kwargs)
            return
        super().save(*args, request=request, **kwargs)

    def _render_for_nobody(self, kwargs) -> None:
        """The work a real mail costs (a token and both templates), thrown away."""
        from accounts.models import User

        nobody = User(pk=0, username="", email="", password="!")
        context = {
            "email": "",
            "domain": "",
            "site_name": "",
            "uid": urlsafe_base64_encode(force_bytes(0)),
            "user": nobody,
            "token": default_token_generator.make_token(nobody),
            "protocol": "https",
        }
        loader.render_to_string(kwargs.get("subject_template_name", "registration/password_reset_subject.txt"), context)
        loader.render_to_string(kwargs.get("email_template_name", "registration/password_reset_email.html"), context)

    def send_mail(
        self, subject_template_name, email_template_name, context, from_email, to_email, html_email_template_name=None
    ):
        from accounts import mail

        subject = "".join(loader.render_to_string(subject_template_name, context).splitlines())
        body = loader.render_to_string(email_template_name, context)
        mail.send(to=to_email, subject=subject, body=body, tag="password-reset")
