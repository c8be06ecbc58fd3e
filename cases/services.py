"""Every write to a case goes through these functions.

Each is atomic and attributed: auditlog records the row changes under the
acting user, and status changes also leave a ``CaseEvent`` on the timeline.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal

from auditlog.context import set_actor
from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import User
from cases.models import (
    CLOSING_FACTS,
    Case,
    CaseEvent,
    CaseStatus,
    Consultation,
    FollowUp,
    Outcome,
)
from cases.notifications import notify
from cases.permissions import can_reassign_case, can_write_psych_notes
from cases.selectors import cases_visible_to
from clients.services import client_assign_staff

# Fields a case edit may change; status and closing facts have their own service.
EDITABLE_FIELDS = ("kind", "summary", "is_urgent", "project", "language", "opened_on", "lead")


class CaseChangedError(Exception):
    """Someone else saved the case after the user opened it; ``current`` is the saved state."""

    def __init__(self, current: Case):
        super().__init__("The case was changed by someone else.")
        self.current = current


def _lock(case: Case, expected_version: int | None) -> Case:
    current = Case.objects.select_for_update().get(pk=case.pk)
    if expected_version is not None and current.version != expected_version:
        raise CaseChangedError(current)
    return current


def _bump(case: Case, actor: User, fields: Iterable[str]) -> None:
    case.version += 1
    case.updated_by = actor
    case.save(update_fields=[*fields, "version", "updated_by", "updated_at"])


def _assign_to_client(case: Case, users: Iterable[User]) -> None:
    # So the staff of a restricted client's case can see that client.
    users = [user for user in users if user is not None]
    if users:
        client_assign_staff(client=case.client, users=users)


@transaction.atomic
def case_open(
    *,
    client,
    actor: User,
    kind: str,
    categories: Iterable,
    summary: str,
    lead: User | None = None,
    staff: Iterable[User] = (),
    is_urgent: bool = False,
    project=None,
    language=None,
    opened_on: date | None = None,
    office=None,
) -> Case:
    categories = list(categories)
    if not categories:
        raise ValidationError({"categories": _("Choose at least one problem category.")})
    lead = lead or actor
    office = office or actor.office or client.office
    with set_actor(actor):
        case = Case.objects.create(
            client=client,
            office=office,
            kind=kind,
            summary=summary,
            is_urgent=is_urgent,
            lead=lead,
            project=project,
            language=language,
            opened_on=opened_on or timezone.localdate(),
            updated_by=actor,
        )
        case.categories.set(categories)
        staff = [member for member in staff if member.pk != lead.pk]
        if staff:
            case.staff.set(staff)
        CaseEvent.objects.create(case=case, kind=CaseEvent.Kind.OPENED, to_status=case.status, actor=actor)
    _assign_to_client(case, [lead, *staff])
    for member in [lead, *staff]:
        notify(
            recipient=member,
            case=case,
            actor=actor,
            message=_("Case %(number)s (client %(code)s) was assigned to you."),
            params={"number": case.number, "code": client.code},
        )
    return case


@transaction.atomic
def case_update(
    *, case: Case, actor: User, expected_version: int, categories: Iterable | None = None,
    staff: Iterable[User] | None = None, **fields,
) -> Case:  # fmt: skip
    """Edit a case's description and assignment; refused if someone saved it meanwhile."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"case_update cannot change {sorted(unknown)}")
    current = _lock(case, expected_version)
    old_lead = current.lead
    old_staff = set(current.staff.values_list("pk", flat=True))
    with set_actor(actor):
        for name, value in fields.items():
            setattr(current, name, value)
        _bump(current, actor, fields)
        if categories is not None:
            categories = list(categories)
            if not categories:
                raise ValidationError({"categories": _("Choose at least one problem category.")})
            current.categories.set(categories)
        if staff is not None:
            current.staff.set([member for member in staff if member.pk != current.lead_id])
    new_staff = [m for m in current.staff.all() if m.pk not in old_staff]
    lead_changed = current.lead_id != old_lead.pk
    if lead_changed or new_staff:
        CaseEvent.objects.create(
            case=current,
            kind=CaseEvent.Kind.REASSIGNED,
            from_status=current.status,
            to_status=current.status,
            actor=actor,
            reason=", ".join(str(u) for u in ([current.lead] if lead_changed else []) + new_staff),
        )
        _assign_to_client(current, ([current.lead] if lead_changed else []) + new_staff)
        for member in ([current.lead] if lead_changed else []) + new_staff:
            notify(
                recipient=member,
                case=current,
                actor=actor,
                message=_("Case %(number)s (client %(code)s) was assigned to you."),
                params={"number": current.number, "code": current.client.code},
            )
    return current


@transaction.atomic
def case_change_status(
    *,
    case: Case,
    status: str,
    actor: User,
    reason: str = "",
    outcome: str = "",
    facts: dict | None = None,
    expected_version: int | None = None,
) -> Case:
    """Move a case to another status, leaving a dated, attributed event.

    Closing needs an ``outcome`` (and takes the closing ``facts``); reopening a
    closed case needs a ``reason``. Asking for the status the case already has
    does nothing (so other apps may call this freely).
    """
    if status not in CaseStatus.values:
        raise ValidationError({"status": _("Unknown status.")})
    current = _lock(case, expected_version)
    if current.status == status == CaseStatus.CLOSED and outcome:
        # The status page of a closed case shows its outcome and facts: a correction must be saved, not dropped.
        return _correct_closing(current, actor=actor, outcome=outcome, facts=facts or {})
    if current.status == status:
        return current
    reason = (reason or "").strip()
    changed = ["status"]
    if status == CaseStatus.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError({"outcome": _("Choose the outcome to close the case.")})
        _apply_facts(current, facts or {})
        current.outcome = outcome
        current.closed_on = timezone.localdate()
        changed += ["outcome", "closed_on", *CLOSING_FACTS]
        kind = CaseEvent.Kind.CLOSED
    elif current.status == CaseStatus.CLOSED:
        if not reason:
            raise ValidationError({"reason": _("Say why the case is reopened.")})
        current.outcome = ""
        current.closed_on = None
        changed += ["outcome", "closed_on"]
        kind = CaseEvent.Kind.REOPENED
    else:
        kind = CaseEvent.Kind.STATUS
    old_status = current.status
    current.status = status
    with set_actor(actor):
        _bump(current, actor, changed)
        CaseEvent.objects.create(
            case=current, kind=kind, from_status=old_status, to_status=status, reason=reason, actor=actor
        )
    notify(
        recipient=current.lead,
        case=current,
        actor=actor,
        message=_("Case %(number)s (client %(code)s) is now: %(status)s."),
        params={"number": current.number, "code": current.client.code, "status": current.get_status_display()},
    )
    return current


def _correct_closing(case: Case, *, actor: User, outcome: str, facts: dict) -> Case:
    """New outcome or facts for a case that stays closed (audited as a change; not a status event)."""
    if outcome not in Outcome.values:
        raise ValidationError({"outcome": _("Choose the outcome to close the case.")})
    before = [case.outcome, *(getattr(case, name) for name in CLOSING_FACTS)]
    _apply_facts(case, facts)
    case.outcome = outcome
    if [case.outcome, *(getattr(case, name) for name in CLOSING_FACTS)] != before:
        with set_actor(actor):
            _bump(case, actor, ["outcome", *CLOSING_FACTS])
    return case


def _apply_facts(case: Case, facts: dict) -> None:
    unknown = set(facts) - set(CLOSING_FACTS)
    if unknown:
        raise TypeError(f"unknown closing facts {sorted(unknown)}")
    for name in ("wages_claimed", "wages_recovered"):
        value = facts.get(name)
        if value is not None:
            value = Decimal(value)
            if value < 0:
                raise ValidationError({name: _("An amount cannot be negative.")})
        setattr(case, name, value)
    for name in ("documents_returned", "status_regularised", "deportation_avoided", "return_home_arranged"):
        setattr(case, name, bool(facts.get(name, False)))


@transaction.atomic
def consultation_log(
    *,
    case: Case,
    actor: User,
    summary: str,
    started_at: datetime | None = None,
    duration_minutes: int = 30,
    given_by: User | None = None,
    kind: str = "legal",
    mode: str = "office",
    place: str = "",
    language=None,
    interpreter_used: bool = False,
    next_steps: str = "",
    psych_notes: str = "",
) -> Consultation:
    """Record one contact with the client; the first one starts work on an open case."""
    given_by = given_by or actor
    started_at = started_at or timezone.now()
    # The status may have changed since the caller loaded the case.
    case = Case.objects.select_for_update().select_related("client").get(pk=case.pk)
    if case.is_closed:
        raise ValidationError(_("The case is closed. Reopen it to log a consultation."))
    if started_at > timezone.now() + timedelta(minutes=10):
        raise ValidationError({"started_at": _("A consultation cannot be in the future.")})
    if not 1 <= duration_minutes <= 24 * 60:
        raise ValidationError({"duration_minutes": _("Enter a duration between 1 and 1440 minutes.")})
    if (
        given_by.pk != actor.pk
        and not can_reassign_case(actor, case)
        and not cases_visible_to(given_by).filter(pk=case.pk).exists()
    ):
        # Naming the giver puts them on the case (below): only those who may assign staff may open it to others.
        raise ValidationError({"given_by": _("This colleague cannot see this case. Ask its lead to add them.")})
    if psych_notes and not can_write_psych_notes(actor, case):
        raise ValidationError({"psych_notes": _("Only psychologists write psychological notes.")})
    with set_actor(actor):
        consultation = Consultation.objects.create(
            case=case,
            started_at=started_at,
            duration_minutes=duration_minutes,
            given_by=given_by,
            kind=kind,
            mode=mode,
            place=place,
            language=language,
            interpreter_used=interpreter_used,
            summary=summary,
            next_steps=next_steps,
            psych_notes=psych_notes,
            created_by=actor,
        )
        if given_by.pk != case.lead_id and not case.staff.filter(pk=given_by.pk).exists():
            # Whoever works with the client is on the case: they keep seeing it (and their notes).
            case.staff.add(given_by)
            _assign_to_client(case, [given_by])
    if case.status == CaseStatus.OPEN:
        # consultation.case is the case as it is now (the caller may show its new status).
        consultation.case = case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=actor)
    return consultation


@transaction.atomic
def follow_up_add(*, case: Case, actor: User, title: str, assigned_to: User, due_on: date) -> FollowUp:
    if not title.strip():
        raise ValidationError({"title": _("Say what has to be done.")})
    if not cases_visible_to(assigned_to).filter(pk=case.pk).exists():
        # A restricted client's case: they could not open it, and the notice would reveal it.
        raise ValidationError({"assigned_to": _("This colleague cannot see this case. Add them to the case first.")})
    with set_actor(actor):
        follow_up = FollowUp.objects.create(
            case=case, title=title.strip(), assigned_to=assigned_to, due_on=due_on, created_by=actor
        )
    notify(
        recipient=assigned_to,
        case=case,
        actor=actor,
        message=_("New follow-up on case %(number)s, due %(due)s."),
        params={"number": case.number, "due": due_on.isoformat()},
    )
    return follow_up


@transaction.atomic
def follow_up_set_done(*, follow_up: FollowUp, actor: User, done: bool = True) -> FollowUp:
    with set_actor(actor):
        follow_up.done = done
        follow_up.done_at = timezone.now() if done else None
        follow_up.save(update_fields=["done", "done_at"])
    return follow_up
