"""Who may do what with a case. Views and templates ask these same functions.

Record visibility itself (office, restricted clients) is decided by
``cases.selectors.cases_visible_to`` only (``can_view_case`` asks it); the other
functions answer for a case the user already reached through it, without extra
queries when ``staff`` is prefetched.
"""

from accounts.models import Role, User
from accounts.permissions import can_coordinate
from accounts.visibility import is_visible
from cases.models import Case, Consultation

WORKING_ROLES = (Role.CASEWORKER, Role.COORDINATOR, Role.MANAGER, Role.ADMINISTRATOR)


def _active(user: User) -> bool:
    return user.is_authenticated and user.is_active


def is_on_case(user: User, case: Case) -> bool:
    """The lead or one of the assigned staff (uses the prefetched ``staff`` when there is one)."""
    if case.lead_id == user.pk:
        return True
    return any(member.pk == user.pk for member in case.staff.all())


def can_view_case(user: User, case: Case) -> bool:
    """Whether ``case`` is among ``selectors.cases_visible_to(user)`` (no second copy of the rule)."""
    # Imported here: the selectors import this module (psychological notes).
    from cases.selectors import cases_visible_to

    return is_visible(case, user, cases_visible_to)


def can_open_case(user: User) -> bool:
    return _active(user) and user.role in WORKING_ROLES and (user.office_id is not None or user.sees_all_offices)


def can_edit_case(user: User, case: Case) -> bool:
    return _active(user) and user.role in WORKING_ROLES


def can_change_case_status(user: User, case: Case) -> bool:
    return can_edit_case(user, case)


def can_reassign_case(user: User, case: Case) -> bool:
    """Leads hand their cases over; coordinators and managers assign anyone's."""
    return can_edit_case(user, case) and (can_coordinate(user) or case.lead_id == user.pk)


def can_log_consultation(user: User, case: Case) -> bool:
    return can_edit_case(user, case) and not case.is_closed


def can_add_follow_up(user: User, case: Case) -> bool:
    return can_edit_case(user, case)


def can_read_psych_notes(user: User, case: Case) -> bool:
    """All of a case's notes: managers and the psychologists assigned to the case (its lead or staff).

    Staff are assigned only by the lead, a coordinator or a manager (``can_reassign_case``);
    logging a consultation never puts anyone on the case, so it never grants this right.
    """
    if not _active(user):
        return False
    if user.is_manager:
        return True
    return user.is_psychologist and is_on_case(user, case)


def can_read_session_notes(user: User, case: Case, consultation: Consultation) -> bool:
    """One session's notes: whoever reads all of the case's, and the psychologist who gave that session."""
    if can_read_psych_notes(user, case):
        return True
    return _active(user) and user.is_psychologist and consultation.given_by_id == user.pk


def can_write_psych_notes(user: User, case: Case) -> bool:
    """May the notes field be offered when logging a session (the service checks who gave it)."""
    return _active(user) and user.is_psychologist and can_edit_case(user, case)


def can_write_session_notes(user: User, case: Case, consultation: Consultation) -> bool:
    """The psychologist who gave the session, or a psychologist assigned to the case."""
    if not (_active(user) and user.is_psychologist and can_edit_case(user, case)):
        return False
    return consultation.given_by_id == user.pk or is_on_case(user, case)


def can_export_cases(user: User) -> bool:
    return _active(user) and can_coordinate(user)
