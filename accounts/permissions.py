"""Who may do what, by role. Other apps build their record-level rules on these."""

from accounts.models import Office, User


def sees_all_offices(user: User) -> bool:
    return user.is_authenticated and user.sees_all_offices


def works_in_office(user: User, office: Office | int | None) -> bool:
    """True when the user may see client data of this office."""
    if not user.is_authenticated or not user.is_active:
        return False
    if user.sees_all_offices:
        return True
    office_id = office.pk if isinstance(office, Office) else office
    return office_id is not None and user.office_id == office_id


def can_manage(user: User) -> bool:
    """Managers and administrators: reports, merges, anonymisation, record histories."""
    return user.is_authenticated and user.is_manager


def can_coordinate(user: User) -> bool:
    return user.is_authenticated and (user.is_coordinator or user.is_manager)
