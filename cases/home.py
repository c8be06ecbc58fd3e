"""Panels of the home page (listed in ariptes.views.HOME_PANELS)."""

from django.http import HttpRequest

from cases import selectors
from cases.permissions import can_open_case


def caseworker_panel(request: HttpRequest) -> dict | None:
    """The day's work: own open cases (urgent first), follow-ups due today or overdue, last consultations."""
    user = request.user
    if not can_open_case(user):
        return None
    return {
        "template": "cases/home/_caseworker_panel.html",
        "open_cases": selectors.open_cases_of(user),
        "due_follow_ups": selectors.due_follow_ups_of(user),
        "recent_consultations": selectors.recent_consultations_by(user),
    }


def notifications_panel(request: HttpRequest) -> dict | None:
    notifications = selectors.notifications_of(request.user, unread_only=True, limit=10)
    if not notifications:
        return None
    return {"template": "cases/home/_notifications_panel.html", "notifications": notifications}
