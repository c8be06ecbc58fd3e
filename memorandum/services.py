"""Every change to a referral goes through these functions.

Each one is atomic, checks the state machine (``models.TRANSITIONS``) on a
locked row, writes a dated and attributed ``ReferralEvent`` and bumps the
referral's version. Views, the demo and tasks all call them.
"""

from collections.abc import Callable, Iterable
from datetime import timedelta
from typing import Any

from auditlog.context import set_actor
from django.core.files.base import ContentFile
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _

from accounts.models import User
from cases.models import Case, CaseStatus
from cases.services import case_change_status
from clients.models import ConsentScope
from clients.services import consent_allows
from memorandum import event_reasons, permissions, portal
from memorandum.models import (
    MINIMAL_SHARED_DATA,
    OPEN_STATES,
    LetterLanguage,
    Partner,
    PartnerContact,
    Referral,
    ReferralEvent,
    ReferralState,
    SharedData,
)
from reference import errors
from reference.errors import ServiceError


class ReferralRefused(ServiceError):
    """The action is not allowed now; the message says why, in the user's language."""


class NotAllowed(ReferralRefused, errors.NotAllowed):
    """The user's role does not allow this action on this referral."""


class ReferralChanged(ReferralRefused, errors.StaleVersion):
    """Someone else changed the referral after the user opened it."""


class IllegalTransition(ReferralRefused, errors.InvalidTransition):
    """The state machine does not allow this move from the referral's state."""


class ConsentMissing(ReferralRefused):
    """The client's consent does not cover this partner and no manager override was given."""


def consent_scopes_needed(partner: Partner) -> list[ConsentScope]:
    scopes = [ConsentScope.SHARE_PARTNERS]
    if partner.is_law_enforcement:
        scopes.append(ConsentScope.SHARE_LAW_ENFORCEMENT)
    return scopes


def consent_missing_scopes(referral: Referral) -> list[str]:
    client = referral.case.client
    return [scope for scope in consent_scopes_needed(referral.partner) if not consent_allows(client, scope)]


def _clean_shared_data(shared_data: Iterable[str] | None) -> list[str]:
    if shared_data is None:
        return [str(item) for item in MINIMAL_SHARED_DATA]
    allowed = set(SharedData.values)
    unknown = [item for item in shared_data if item not in allowed]
    if unknown:
        raise ReferralRefused(_("Unknown data to share: %(items)s.") % {"items": ", ".join(unknown)})
    # Keep the choices' order so letters always list data the same way.
    return [value for value in SharedData.values if value in set(shared_data)]


def _clean_language(language: str) -> str:
    if language not in LetterLanguage.values:
        raise ReferralRefused(_("Letters are written in Russian or Kazakh."))
    return language


def _lock(referral: Referral) -> Referral:
    return (
        Referral.objects.select_for_update().select_related("case__client", "partner", "created_by").get(pk=referral.pk)
    )


def _check_version(referral: Referral, expected_version: int | None) -> None:
    if expected_version is not None and expected_version != referral.version:
        raise ReferralChanged(
            _("Someone else changed this referral meanwhile (it is now “%(state)s”). Reload the page and try again.")
            % {"state": referral.get_state_display()},
            current=referral,
        )


def _ensure_allowed(referral: Referral, to_state: str) -> None:
    if not referral.allows(to_state):
        raise IllegalTransition(
            _("A referral that is “%(current)s” cannot become “%(target)s”.")
            % {"current": referral.get_state_display(), "target": ReferralState(to_state).label},
            code="illegal_transition",
        )


def _move(
    referral: Referral, to_state: str, *, actor: User | None, note: str = "", contact: PartnerContact | None = None
) -> Referral:
    _ensure_allowed(referral, to_state)
    event = ReferralEvent(
        referral=referral, from_state=referral.state, to_state=to_state, actor=actor, contact=contact, note=note
    )
    referral.state = to_state
    referral.version += 1
    with set_actor(actor):
        referral.save()
    event.save()
    return referral


def _sync_case_status(referral: Referral, *, actor: User) -> None:
    """The case waits while any of its referrals is open, and resumes when none is."""
    case = Case.objects.select_for_update().get(pk=referral.case_id)
    if case.status == CaseStatus.CLOSED:
        return
    has_open = Referral.objects.filter(case_id=case.pk, state__in=OPEN_STATES).exists()
    if has_open and case.status != CaseStatus.WAITING:
        case_change_status(
            case=case,
            status=CaseStatus.WAITING,
            actor=actor,
            reason_key=event_reasons.REFERRAL_SENT,
            reason_params={"reference": referral.reference},
        )
    elif not has_open and case.status == CaseStatus.WAITING:
        case_change_status(
            case=case,
            status=CaseStatus.IN_PROGRESS,
            actor=actor,
            reason_key=event_reasons.REFERRAL_CLOSED,
            reason_params={"reference": referral.reference},
        )


@transaction.atomic
def referral_create(
    *,
    case: Case,
    partner: Partner,
    actor: User,
    request: str,
    client_needs: str = "",
    categories: Iterable[Any] = (),
    shared_data: Iterable[str] | None = None,
    language: str = "ru",
    resent_from: Referral | None = None,
) -> Referral:
    """A draft referral; a coordinator's draft is sent next, a caseworker's waits for approval."""
    if not permissions.can_start_referral(actor, case):
        raise NotAllowed(_("You may not refer cases of this office."))
    if case.status == CaseStatus.CLOSED:
        raise ReferralRefused(_("The case is closed: reopen it before referring it."))
    if not partner.is_active:
        raise ReferralRefused(_("This partner is no longer active."))
    if not request.strip():
        raise ReferralRefused(_("Write what you ask the partner to do."))
    shared_data = _clean_shared_data(shared_data)
    language = _clean_language(language)
    # Attributed in the audit trail even outside a request (demo, tasks, shell).
    with set_actor(actor):
        referral = Referral.objects.create(
            case=case,
            partner=partner,
            request=request.strip(),
            client_needs=client_needs.strip(),
            shared_data=shared_data,
            language=language,
            created_by=actor,
            resent_from=resent_from,
        )
        # The id makes the number unique without a counter table or a race.
        referral.reference = f"{case.office.code}-{referral.created_at:%Y}-R{referral.pk:05d}"
        referral.save(update_fields=["reference"])
        referral.categories.set(categories)
    ReferralEvent.objects.create(referral=referral, to_state=ReferralState.DRAFT, actor=actor)
    return referral


@transaction.atomic
def referral_update(
    *,
    referral: Referral,
    actor: User,
    partner: Partner,
    request: str,
    client_needs: str = "",
    categories: Iterable[Any] = (),
    shared_data: Iterable[str] | None = None,
    language: str = "ru",
    expected_version: int | None = None,
) -> Referral:
    """Change a draft before it is sent; the letter preview is made again on the next download."""
    referral = _lock(referral)
    _check_version(referral, expected_version)
    if not permissions.can_edit_referral(actor, referral):
        raise NotAllowed(_("Only a draft can be changed, by its author or a coordinator."))
    if not partner.is_active:
        raise ReferralRefused(_("This partner is no longer active."))
    if not request.strip():
        raise ReferralRefused(_("Write what you ask the partner to do."))
    referral.partner = partner
    referral.request = request.strip()
    referral.client_needs = client_needs.strip()
    referral.shared_data = _clean_shared_data(shared_data)
    referral.language = _clean_language(language)
    old_letter = referral.letter.name if referral.letter else ""
    referral.letter = ""
    referral.version += 1
    with set_actor(actor):
        referral.save()
        referral.categories.set(categories)
    if old_letter:
        storage = Referral._meta.get_field("letter").storage
        transaction.on_commit(lambda: storage.delete(old_letter))
    return referral


def default_contact(partner: Partner) -> PartnerContact | None:
    """The partner's first active contact with an e-mail address, else its first active contact."""
    contacts = list(partner.contacts.filter(is_active=True).order_by("name", "pk"))
    return next((c for c in contacts if c.email), contacts[0] if contacts else None)


@transaction.atomic
def referral_send(
    *,
    referral: Referral,
    actor: User,
    consent_override_reason: str = "",
    expected_version: int | None = None,
    contact: PartnerContact | None = None,
    by_hand: bool = False,
) -> Referral:
    """Send a draft (for a caseworker's draft this is the coordinator's approval).

    The client's consent must cover the partner (law enforcement needs its own
    scope); a manager may send anyway with a written reason, kept on the referral.
    A contact with an e-mail address gets a mail with a link to the partner page (after commit,
    retried); without one the referral is marked "sent by hand" and the coordinator prints it.
    """
    referral = _lock(referral)
    _check_version(referral, expected_version)
    if not permissions.can_send_referral(actor, referral):
        raise NotAllowed(_("Only a coordinator or a manager may send referrals."))
    _ensure_allowed(referral, ReferralState.SENT)
    # A draft may wait for approval for days: what drafting checked may no longer hold.
    if referral.case.status == CaseStatus.CLOSED:
        raise ReferralRefused(_("The case is closed: reopen it before referring it."))
    if not referral.partner.is_active:
        raise ReferralRefused(_("This partner is no longer active."))
    missing = consent_missing_scopes(referral)
    note = ""
    if missing:
        reason = consent_override_reason.strip()
        if not reason or not permissions.can_override_consent(actor):
            raise ConsentMissing(
                _(
                    "The client's consent does not cover sharing with this partner. "
                    "Record the client's consent first, or ask a manager to send it with a written reason."
                ),
                code="consent",
            )
        referral.consent_override_reason = reason
        referral.consent_override_by = actor
        note = _("Sent without the client's consent (%(scopes)s): %(reason)s") % {
            "scopes": ", ".join(missing),
            "reason": reason,
        }
    if contact is not None and (contact.partner_id != referral.partner_id or not contact.is_active):
        raise ReferralRefused(_("Choose a contact of this partner."))
    if not by_hand:
        contact = contact or default_contact(referral.partner)
    now = timezone.now()
    referral.sent_at = now
    referral.sent_by = actor
    referral.due_on = timezone.localdate(now) + timedelta(days=referral.partner.response_days)
    referral.contact = contact
    referral.sent_by_hand = contact is None or not contact.email
    _move(referral, ReferralState.SENT, actor=actor, note=note)
    _sync_case_status(referral, actor=actor)
    if not referral.sent_by_hand:
        portal.link_mail(referral=referral)
    return referral


def _record_answer(referral: Referral) -> None:
    if referral.answered_at is None:
        referral.answered_at = timezone.now()
        sent_on = timezone.localdate(referral.sent_at)
        referral.answer_days = max((timezone.localdate(referral.answered_at) - sent_on).days, 0)


def _coordinated_move(
    referral: Referral,
    to_state: str,
    *,
    actor: User,
    note: str = "",
    expected_version: int | None,
    prepare: Callable[[Referral], None] | None = None,
) -> Referral:
    referral = _lock(referral)
    _check_version(referral, expected_version)
    if not permissions.can_record_answer(actor, referral):
        raise NotAllowed(_("Only a coordinator or a manager may record a partner's answer."))
    _ensure_allowed(referral, to_state)
    if prepare is not None:
        prepare(referral)
    _move(referral, to_state, actor=actor, note=note)
    _sync_case_status(referral, actor=actor)
    return referral


@transaction.atomic
def referral_acknowledge(
    *, referral: Referral, actor: User, note: str = "", expected_version: int | None = None
) -> Referral:
    return _coordinated_move(
        referral,
        ReferralState.ACKNOWLEDGED,
        actor=actor,
        note=note,
        expected_version=expected_version,
        prepare=_record_answer,
    )


def _accept(locked: Referral) -> None:
    if locked.case.status == CaseStatus.CLOSED:
        raise ReferralRefused(
            _("The case of this referral is closed, so the referral can no longer be accepted."), code="case_closed"
        )
    _record_answer(locked)


@transaction.atomic
def referral_accept(
    *, referral: Referral, actor: User, note: str = "", expected_version: int | None = None
) -> Referral:
    return _coordinated_move(
        referral,
        ReferralState.ACCEPTED,
        actor=actor,
        note=note,
        expected_version=expected_version,
        prepare=_accept,
    )


@transaction.atomic
def referral_decline(*, referral: Referral, actor: User, reason: str, expected_version: int | None = None) -> Referral:
    if not reason.strip():
        raise ReferralRefused(_("Write the partner's reason for declining."))

    def prepare(locked: Referral) -> None:
        _record_answer(locked)
        locked.decline_reason = reason.strip()
        locked.closed_at = timezone.now()

    return _coordinated_move(
        referral,
        ReferralState.DECLINED,
        actor=actor,
        note=reason.strip(),
        expected_version=expected_version,
        prepare=prepare,
    )


@transaction.atomic
def referral_complete(*, referral: Referral, actor: User, result: str, expected_version: int | None = None) -> Referral:
    if not result.strip():
        raise ReferralRefused(_("Write what the partner did for the client."))

    def prepare(locked: Referral) -> None:
        locked.result = result.strip()
        locked.completed_at = locked.closed_at = timezone.now()

    return _coordinated_move(
        referral,
        ReferralState.COMPLETED,
        actor=actor,
        note=result.strip(),
        expected_version=expected_version,
        prepare=prepare,
    )


@transaction.atomic
def referral_close_no_answer(
    *, referral: Referral, actor: User, note: str = "", expected_version: int | None = None
) -> Referral:
    def prepare(locked: Referral) -> None:
        locked.closing_note = note.strip()
        locked.closed_at = timezone.now()

    referral = _coordinated_move(
        referral,
        ReferralState.CLOSED_NO_ANSWER,
        actor=actor,
        note=note.strip(),
        expected_version=expected_version,
        prepare=prepare,
    )
    portal.links_revoke(referral=referral)
    return referral


@transaction.atomic
def referral_withdraw(
    *, referral: Referral, actor: User, note: str = "", expected_version: int | None = None
) -> Referral:
    referral = _lock(referral)
    _check_version(referral, expected_version)
    if not permissions.can_withdraw_referral(actor, referral):
        raise NotAllowed(_("You may not withdraw this referral."))
    _ensure_allowed(referral, ReferralState.WITHDRAWN)
    referral.closing_note = note.strip()
    referral.closed_at = timezone.now()
    was_sent = referral.state != ReferralState.DRAFT
    _move(referral, ReferralState.WITHDRAWN, actor=actor, note=note.strip())
    _sync_case_status(referral, actor=actor)
    portal.links_revoke(referral=referral)
    if was_sent and not referral.sent_by_hand:
        portal.partner_mail(referral=referral, template="withdrawn")
    return referral


@transaction.atomic
def referral_resend(
    *,
    referral: Referral,
    partner: Partner,
    actor: User,
    consent_override_reason: str = "",
    expected_version: int | None = None,
) -> Referral:
    """One step after a refusal: the same request, as a new referral to another partner, sent."""
    original = _lock(referral)
    _check_version(original, expected_version)
    if original.state != ReferralState.DECLINED:
        raise IllegalTransition(_("Only a declined referral can be sent to another partner."))
    if partner.pk == original.partner_id:
        raise ReferralRefused(_("Choose another partner: this one declined."))
    # Once only: a second click on the same page (or a second tab) must not refer the case twice.
    already = original.resent_as.order_by("pk").first()
    if already is not None:
        raise ReferralRefused(
            _("This referral was already sent to another partner as %(reference)s.") % {"reference": already.reference}
        )
    new = referral_create(
        case=original.case,
        partner=partner,
        actor=actor,
        request=original.request,
        client_needs=original.client_needs,
        categories=list(original.categories.all()),
        shared_data=original.shared_data,
        language=original.language,
        resent_from=original,
    )
    return referral_send(referral=new, actor=actor, consent_override_reason=consent_override_reason)


@transaction.atomic
def referral_letter(*, referral: Referral) -> Referral:
    """The letter PDF, made on first request and kept; a draft's preview is remade once it is sent."""
    from memorandum.pdf import render_letter

    referral = _lock(referral)
    final = referral.state != ReferralState.DRAFT
    if referral.letter and (referral.letter_is_final or not final):
        return referral
    old_name = referral.letter.name if referral.letter else ""
    pdf = render_letter(referral)
    referral.letter.save(f"{referral.reference}.pdf", ContentFile(pdf), save=False)
    # Not a change of the referral: no version bump, no audit entry.
    Referral.objects.filter(pk=referral.pk).update(letter=referral.letter.name, letter_is_final=final)
    referral.letter_is_final = final
    if old_name and old_name != referral.letter.name:
        transaction.on_commit(lambda: referral.letter.storage.delete(old_name))
    return referral
