"""The buttons of a referral page: one POST URL per action, each calling one service.

The services check the state machine; this table only says how to present and
call them, so no URL can move a referral in a way the services refuse.
"""

from collections.abc import Callable
from dataclasses import dataclass

from django.utils.functional import Promise
from django.utils.translation import gettext_lazy as _

from memorandum import permissions, services
from memorandum.models import Referral, ReferralState


@dataclass(frozen=True)
class Action:
    name: str
    to_state: str
    label: Promise
    style: str
    allowed: Callable  # (user, referral) -> bool
    call: Callable  # (referral, actor, text, version) -> Referral
    text_label: Promise | None = None
    text_required: bool = False


ACTIONS: dict[str, Action] = {
    action.name: action
    for action in [
        Action(
            "acknowledge",
            ReferralState.ACKNOWLEDGED,
            _("Partner acknowledged receipt"),
            "outline-primary",
            permissions.can_record_answer,
            lambda r, actor, text, version: services.referral_acknowledge(
                referral=r, actor=actor, note=text, expected_version=version
            ),
            text_label=_("Note (optional)"),
        ),
        Action(
            "accept",
            ReferralState.ACCEPTED,
            _("Partner accepted"),
            "success",
            permissions.can_record_answer,
            lambda r, actor, text, version: services.referral_accept(
                referral=r, actor=actor, note=text, expected_version=version
            ),
            text_label=_("Note (optional)"),
        ),
        Action(
            "decline",
            ReferralState.DECLINED,
            _("Partner declined"),
            "outline-danger",
            permissions.can_record_answer,
            lambda r, actor, text, version: services.referral_decline(
                referral=r, actor=actor, reason=text, expected_version=version
            ),
            text_label=_("The partner's reason"),
            text_required=True,
        ),
        Action(
            "complete",
            ReferralState.COMPLETED,
            _("Partner completed the work"),
            "success",
            permissions.can_record_answer,
            lambda r, actor, text, version: services.referral_complete(
                referral=r, actor=actor, result=text, expected_version=version
            ),
            text_label=_("Result for the client"),
            text_required=True,
        ),
        Action(
            "close",
            ReferralState.CLOSED_NO_ANSWER,
            _("Close without answer"),
            "outline-secondary",
            permissions.can_record_answer,
            lambda r, actor, text, version: services.referral_close_no_answer(
                referral=r, actor=actor, note=text, expected_version=version
            ),
            text_label=_("Note (optional)"),
        ),
        Action(
            "withdraw",
            ReferralState.WITHDRAWN,
            _("Withdraw"),
            "outline-secondary",
            permissions.can_withdraw_referral,
            lambda r, actor, text, version: services.referral_withdraw(
                referral=r, actor=actor, note=text, expected_version=version
            ),
            text_label=_("Why (optional)"),
        ),
    ]
}


def available_actions(user, referral: Referral) -> list[Action]:
    return [a for a in ACTIONS.values() if referral.allows(a.to_state) and a.allowed(user, referral)]
