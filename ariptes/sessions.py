"""Idle sessions without a write per request.

A session ends after ``SESSION_COOKIE_AGE`` seconds without a request (and when
the browser closes). Saving the session on every request
(``SESSION_SAVE_EVERY_REQUEST``) did that with one UPDATE of the session row per
page view. This middleware instead saves a signed-in session at most once per
``SESSION_REFRESH_SECONDS``: the stored expiry moves forward then, so an idle
user is signed out between ``SESSION_COOKIE_AGE - SESSION_REFRESH_SECONDS`` and
``SESSION_COOKIE_AGE`` seconds after their last request, and a busy one costs
one session write a minute instead of one per request.
"""

import time

from django.conf import settings
from django.contrib.auth import SESSION_KEY

REFRESHED_KEY = "_refreshed_at"


def refresh_seconds() -> int:
    return getattr(settings, "SESSION_REFRESH_SECONDS", 60)


class IdleSessionMiddleware:
    """Place after AuthenticationMiddleware: it marks the session for saving only when the refresh is due."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or SESSION_KEY not in session:  # anonymous, or just signed out
            return response
        now = int(time.time())
        if session.modified or now - session.get(REFRESHED_KEY, 0) >= refresh_seconds():
            # Saved anyway (sign-in, language...) or due: SessionMiddleware writes it with a fresh expiry.
            session[REFRESHED_KEY] = now
        return response
