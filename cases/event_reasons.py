"""Reasons of case events that other code writes, stored as a key and parameters, not as finished text.

A service that changes a case's status for a reason of its own (a referral was sent, a referral was
closed) passes ``reason_key`` and ``reason_params``; the case timeline renders the text in the reader's
language when it is shown (``CaseEvent.reason_text``). Higher apps register their reasons in
``AppConfig.ready``: ``register_reason(key, text)`` with ``text`` a lazy translation with %(name)s
placeholders (see memorandum.event_reasons).
"""

from django.utils.functional import Promise

_reasons: dict[str, Promise | str] = {}


def register_reason(key: str, text: Promise | str) -> str:
    """Make ``key`` renderable; ``text`` is a lazy translation with %(name)s placeholders (idempotent)."""
    _reasons[key] = text
    return key


def is_registered(key: str) -> bool:
    return key in _reasons


def render_reason(key: str, params: dict | None) -> str:
    """The reason in the active language; an unknown key or a missing parameter never breaks a page."""
    text = _reasons.get(key)
    if text is None:
        return ""
    try:
        return str(text) % (params or {})
    except (KeyError, TypeError, ValueError):
        return str(text)
