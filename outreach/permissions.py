"""Who may do what in outreach. Views and templates ask these same functions.

Which records a user may see is decided by ``outreach.selectors`` (one queryset per model);
the ``can_view_*`` functions here are derived from those querysets, so a list can never show
what a page refuses.
"""

from typing import Any

from accounts.models import Role, User
from accounts.permissions import can_coordinate, can_manage

WORKING_ROLES = (Role.CASEWORKER, Role.COORDINATOR, Role.MANAGER, Role.ADMINISTRATOR)


def _active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def is_outreach_staff(user: User) -> bool:
    return _active(user) and user.role in WORKING_ROLES and (user.office_id is not None or user.sees_all_offices)


def can_view_activity(user: User, activity: Any) -> bool:
    from outreach.selectors import activities_visible_to

    return activity.pk is not None and activities_visible_to(user).filter(pk=activity.pk).exists()


def can_view_quick_contact(user: User, contact: Any) -> bool:
    from outreach.selectors import quick_contacts_visible_to

    return contact.pk is not None and quick_contacts_visible_to(user).filter(pk=contact.pk).exists()


def can_plan_activity(user: User) -> bool:
    return is_outreach_staff(user)


def can_edit_activity(user: User, activity: Any) -> bool:
    """For an activity the user already reached through the selector."""
    return is_outreach_staff(user) and activity.anonymised_at is None


def can_export_activities(user: User) -> bool:
    return _active(user) and can_coordinate(user)


def can_anonymise_activity(user: User, activity: Any) -> bool:
    return _active(user) and can_manage(user) and activity.anonymised_at is None


def can_log_quick_contact(user: User) -> bool:
    """Quick contacts belong to an office: a user without one (an administrator) cannot log them."""
    return is_outreach_staff(user) and user.office_id is not None


def can_manage_stock(user: User) -> bool:
    return _active(user) and can_coordinate(user)
