"""What a partner does through its link, and the coordinator's answers to its questions.

The partner has no account: its steps are recorded with the link's contact (``ReferralEvent.contact``),
go through the same state machine as the coordinator's, and tell the staff with one notice per case
(grouped by the notices app). Case status changes a partner's step causes are attributed to the
coordinator who sent the referral.
"""

from __future__ import annotations

from datetime import date

from django.db import transaction
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

import audit
from memorandum import permissions, portal
from memorandum.models import PartnerLink, Referral, ReferralMessage, ReferralState
from memorandum.services import (
    NotAllowed,
    ReferralRefused,
    _accept,
    _lock,
    _move,
    _record_answer,
    _sync_case_status,
)
from notices.kinds import register_kind
from notices.services import notice_send

KIND_PARTNER_ANSWER = register_kind("referral_answer", gettext_lazy("A partner answered a referral")).code
KIND_PARTNER_QUESTION = register_kind("referral_question", gettext_lazy("A partner asked a question")).code

MESSAGES = {
    ReferralState.ACKNOWLEDGED: gettext_lazy("The partner acknowledged referral %(reference)s (case %(number)s)."),
    ReferralState.ACCEPTED: gettext_lazy("The partner accepted referral %(reference)s (case %(number)s)."),
    ReferralState.DECLINED: gettext_lazy("The partner declined referral %(reference)s (case %(number)s)."),
    ReferralState.COMPLETED: gettext_lazy("The partner completed referral %(reference)s (case %(number)s)."),
}
QUESTION = gettext_lazy("The partner asked a question about referral %(reference)s (case %(number)s).")


def _staff_to_tell(referral: Referral) -> list:
    people = [referral.case.lead, referral.sent_by]
    seen, result = set(), []
    for person in people:
        if person is not None and person.pk not in seen:
            seen.add(person.pk)
            result.append(person)
    return result


def _tell_staff(referral: Referral, *, kind: str, message, recipients=None) -> None:
    params = {"reference": referral.reference, "number": referral.case.number}
    for person in recipients if recipients is not None else _staff_to_tell(referral):
        notice_send(
            recipient=person,
            kind=kind,
            message=message,
            params=params,
            subject=f"case:{referral.case_id}",
            url=reverse("memorandum:referral-detail", args=[referral.pk]),
        )


def _audit(referral: Referral, link: PartnerLink, what: str, address: str) -> None:
    audit.record_access(
        actor=None, instance=referral, what=what, address=address, details={"partner_contact": link.contact_id}
    )


@transaction.atomic
def partner_answer(
    *, link: PartnerLink, to_state: str, text: str = "", completed_on: date | None = None, address: str = ""
) -> Referral:
    """Acknowledge, accept, decline (reason required) or report completion (outcome and date) as the partner."""
    if to_state not in MESSAGES:
        raise ReferralRefused(_("Unknown answer."))
    referral = _lock(link.referral)
    if link.revoked_at is not None or not link.is_live:
        raise NotAllowed(_("This link no longer works."))
    if not referral.allows(to_state):
        raise ReferralRefused(
            _("This referral is “%(state)s”: this answer is no longer possible.")
            % {"state": referral.get_state_display()},
            code="illegal_transition",
        )
    text = (text or "").strip()
    if to_state == ReferralState.DECLINED:
        if not text:
            raise ReferralRefused(_("Write why you decline the referral."))
        _record_answer(referral)
        referral.decline_reason = text
        referral.closed_at = timezone.now()
    elif to_state == ReferralState.ACCEPTED:
        _accept(referral)
    elif to_state == ReferralState.ACKNOWLEDGED:
        _record_answer(referral)
    elif to_state == ReferralState.COMPLETED:
        if not text:
            raise ReferralRefused(_("Write what was done for the client."))
        if completed_on is None:
            raise ReferralRefused(_("Give the date the work was completed."))
        if completed_on > timezone.localdate():
            raise ReferralRefused(_("The completion date cannot be in the future."))
        referral.result = text
        referral.completed_at = referral.closed_at = timezone.now()
    note = text
    if to_state == ReferralState.COMPLETED:
        note = f"{completed_on:%d.%m.%Y}: {text}"
    _move(referral, to_state, actor=None, contact=link.contact, note=note)
    # The case's own status follows, in the name of the coordinator who sent the referral.
    _sync_case_status(referral, actor=referral.sent_by)
    _audit(referral, link, f"partner answer: {to_state}", address)
    _tell_staff(referral, kind=KIND_PARTNER_ANSWER, message=MESSAGES[to_state])
    return referral


@transaction.atomic
def partner_ask(*, link: PartnerLink, text: str, address: str = "") -> ReferralMessage:
    referral = link.referral
    text = (text or "").strip()
    if not text:
        raise ReferralRefused(_("Write your question."))
    if len(text) > 4000:
        raise ReferralRefused(_("The question is too long (4,000 characters at most)."))
    if referral.state not in (ReferralState.SENT, ReferralState.ACKNOWLEDGED, ReferralState.ACCEPTED):
        raise ReferralRefused(_("This referral is closed: questions are no longer possible."))
    message = ReferralMessage.objects.create(referral=referral, from_partner=True, contact=link.contact, text=text)
    _audit(referral, link, "partner question", address)
    recipients = [referral.sent_by] if referral.sent_by is not None else _staff_to_tell(referral)
    _tell_staff(referral, kind=KIND_PARTNER_QUESTION, message=QUESTION, recipients=recipients)
    return message


@transaction.atomic
def referral_reply(*, referral: Referral, actor, text: str) -> ReferralMessage:
    """The coordinator answers the partner's question; the partner gets a mail with a fresh link."""
    if not permissions.can_record_answer(actor, referral):
        raise NotAllowed(_("Only a coordinator or a manager may answer the partner."))
    if not referral.is_open:
        raise ReferralRefused(_("This referral is closed: questions are no longer possible."))
    text = (text or "").strip()
    if not text:
        raise ReferralRefused(_("Write your answer."))
    message = ReferralMessage.objects.create(referral=referral, from_partner=False, author=actor, text=text)
    if referral.contact_id and referral.contact.email and portal.live_links(referral).exists():
        portal.link_mail(referral=referral, template="reply")
    return message


@transaction.atomic
def partner_link_revoke(*, referral: Referral, actor) -> int:
    if not permissions.can_record_answer(actor, referral):
        raise NotAllowed(_("Only a coordinator or a manager may revoke the partner's link."))
    revoked = portal.links_revoke(referral=referral)
    audit.record_access(actor=actor, instance=referral, what="partner link revoked")
    return revoked


@transaction.atomic
def partner_link_resend(*, referral: Referral, actor) -> PartnerLink | None:
    """A new link by mail (after the old one expired or was revoked), for an open referral."""
    if not permissions.can_record_answer(actor, referral):
        raise NotAllowed(_("Only a coordinator or a manager may send the partner a new link."))
    if not referral.is_open:
        raise ReferralRefused(_("Only an open referral gets a new link."))
    if not referral.contact_id or not referral.contact.email:
        raise ReferralRefused(_("The partner's contact has no e-mail address: deliver the letter by hand."))
    portal.links_revoke(referral=referral)
    link = portal.link_mail(referral=referral)
    audit.record_access(actor=actor, instance=referral, what="partner link sent again")
    return link
