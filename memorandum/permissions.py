"""Who may do what with partners and referrals.

Seeing a referral follows seeing its case (``selectors.referrals_visible_to``);
these functions decide the actions on a referral the user can already see.
Views and templates ask the same functions.
"""

from accounts.models import User
from accounts.permissions import can_coordinate, can_manage, works_in_office
from cases.models import Case
from memorandum.models import Referral, ReferralState


def can_start_referral(user: User, case: Case) -> bool:
    """Coordinators refer cases; caseworkers only where their office allows it (pending approval)."""
    if not works_in_office(user, case.office_id):
        return False
    if can_coordinate(user):
        return True
    # The case's office is loaded with the case: no query for the user's own (the same office here).
    office = case.office if user.office_id == case.office_id else getattr(user, "office", None)
    return bool(user.is_caseworker and office is not None and office.allows_caseworker_referrals)


def can_send_referral(user: User, referral: Referral) -> bool:
    return can_coordinate(user) and works_in_office(user, referral.case.office_id)


def can_record_answer(user: User, referral: Referral) -> bool:
    """Acknowledgement, acceptance, refusal, completion, closing: the coordinator's work."""
    return can_coordinate(user) and works_in_office(user, referral.case.office_id)


def can_withdraw_referral(user: User, referral: Referral) -> bool:
    if can_record_answer(user, referral):
        return True
    return referral.state == ReferralState.DRAFT and referral.created_by_id == user.pk


def can_edit_referral(user: User, referral: Referral) -> bool:
    """Only drafts change: the coordinator reviewing one, or the caseworker who wrote it."""
    if referral.state != ReferralState.DRAFT:
        return False
    return can_send_referral(user, referral) or referral.created_by_id == user.pk


def can_override_consent(user: User) -> bool:
    return can_manage(user)


def can_see_referral_board(user: User) -> bool:
    return can_coordinate(user)
