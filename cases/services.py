"""Every write to a case goes through these functions.

Each is atomic and attributed: auditlog records the row changes under the
acting user, and status changes also leave a ``CaseEvent`` on the timeline.
"""

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from accounts.models import Office, User
from cases.extensions import close_questions
from cases.models import (
    CLOSING_FACTS,
    Case,
    CaseEvent,
    CaseStatus,
    Consultation,
    ConsultationKind,
    ConsultationMode,
    FollowUp,
    Funder,
    Outcome,
    Project,
)
from cases.notifications import KIND_CASE_ASSIGNED, KIND_FOLLOW_UP, notify
from cases.permissions import (
    can_add_follow_up,
    can_change_case_status,
    can_edit_case,
    can_open_case,
    can_reassign_case,
    can_view_case,
    can_write_psych_notes,
    can_write_session_notes,
    is_on_case,
)
from cases.selectors import cases_visible_to
from clients.models import Client
from clients.permissions import can_view_client
from clients.services import client_assign_staff
from reference.dates import EARLIEST_EVENT
from reference.errors import NotAllowed, StaleVersion
from reference.models import Language

# Fields a case edit may change; status and closing facts have their own service.
EDITABLE_FIELDS = ("kind", "summary", "is_urgent", "project", "language", "opened_on", "lead")


class CaseChangedError(StaleVersion):
    """Someone else saved the case after the user opened it; ``current`` is the saved state."""

    def __init__(self, current: Case):
        super().__init__("The case was changed by someone else.", current=current)


def _require(allowed: bool) -> None:
    """The service contract: the actor's right is checked here too, not only by the view."""
    if not allowed:
        raise NotAllowed(_("You may not change this case."))


def _may_edit(actor: User, case: Case) -> bool:
    return can_edit_case(actor, case) and can_view_case(actor, case)


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
    client: Client,
    actor: User,
    kind: str,
    categories: Iterable[Any],
    summary: str,
    lead: User | None = None,
    staff: Iterable[User] = (),
    is_urgent: bool = False,
    project: Project | None = None,
    language: Language | None = None,
    opened_on: date | None = None,
    office: Office | None = None,
) -> Case:
    _require(can_open_case(actor) and can_view_client(actor, client))
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
            kind=KIND_CASE_ASSIGNED,
        )
    return case


@transaction.atomic
def case_update(
    *, case: Case, actor: User, expected_version: int, categories: Iterable[Any] | None = None,
    staff: Iterable[User] | None = None, **fields: Any,
) -> Case:  # fmt: skip
    """Edit a case's description and assignment; refused if someone saved it meanwhile."""
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"case_update cannot change {sorted(unknown)}")
    _require(_may_edit(actor, case))
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
                kind=KIND_CASE_ASSIGNED,
            )
    return current


@transaction.atomic
def case_change_status(
    *,
    case: Case,
    status: str,
    actor: User,
    reason: str = "",
    reason_key: str = "",
    reason_params: dict[str, Any] | None = None,
    outcome: str = "",
    facts: dict[str, Any] | None = None,
    expected_version: int | None = None,
    close_answers: dict[str, Any] | None = None,
) -> Case:
    """Move a case to another status, leaving a dated, attributed event.

    Closing needs an ``outcome`` (and takes the closing ``facts``); reopening a
    closed case needs a ``reason``. Asking for the status the case already has
    does nothing (so other apps may call this freely).
    """
    _require(can_change_case_status(actor, case) and can_view_case(actor, case))
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
    questions = []
    if status == CaseStatus.CLOSED:
        if outcome not in Outcome.values:
            raise ValidationError({"outcome": _("Choose the outcome to close the case.")})
        questions = _closing_answers(current, close_answers or {})
        _apply_facts(current, facts or {})
        current.outcome = outcome
        current.closed_on = timezone.localdate()
        changed += ["outcome", "closed_on", *CLOSING_FACTS]
        kind = CaseEvent.Kind.CLOSED
    elif current.status == CaseStatus.CLOSED:
        if not reason and not reason_key:
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
            case=current,
            kind=kind,
            from_status=old_status,
            to_status=status,
            reason=reason,
            reason_key=reason_key,
            reason_params=reason_params or {},
            actor=actor,
        )
    for question, answer in questions:
        question.apply(current, answer, actor)
    notify(
        recipient=current.lead,
        case=current,
        actor=actor,
        message=_("Case %(number)s (client %(code)s) is now: %(status)s."),
        params={"number": current.number, "code": current.client.code, "status": CaseStatus(status).label},
    )
    return current


def _closing_answers(case: Case, answers: dict[str, Any]) -> list[Any]:
    """Each question a higher app asks before closing (open referrals...) needs one of its answers."""
    chosen = []
    for question in close_questions(case):
        answer = answers.get(question.key, "")
        if answer not in {value for value, _label in question.choices}:
            raise ValidationError(
                {
                    f"close_{question.key}": _("Answer this before closing the case: %(question)s")
                    % {"question": question.label}
                }
            )
        chosen.append((question, answer))
    return chosen


def _correct_closing(case: Case, *, actor: User, outcome: str, facts: dict[str, Any]) -> Case:
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


def _apply_facts(case: Case, facts: dict[str, Any]) -> None:
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
    kind: str = ConsultationKind.LEGAL,
    mode: str = ConsultationMode.OFFICE,
    place: str = "",
    language: Language | None = None,
    interpreter_used: bool = False,
    next_steps: str = "",
    psych_notes: str = "",
) -> Consultation:
    """Record one contact with the client; the first one starts work on an open case."""
    _require(_may_edit(actor, case))
    given_by = given_by or actor
    started_at = started_at or timezone.now()
    # The status may have changed since the caller loaded the case.
    case = Case.objects.select_for_update().select_related("client").get(pk=case.pk)
    if case.is_closed:
        raise ValidationError(_("The case is closed. Reopen it to log a consultation."))
    if started_at.date() < EARLIEST_EVENT:
        raise ValidationError({"started_at": _("A consultation cannot be before 2000.")})
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
    if psych_notes and not (
        can_write_psych_notes(actor, case) and (given_by.pk == actor.pk or is_on_case(actor, case))
    ):
        # Notes belong to the session's psychologist or a psychologist assigned to the case.
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
            # Whoever works with the client keeps seeing a restricted client's record, but giving a
            # session does not put them on the case: that would open all of its psychological notes.
            _assign_to_client(case, [given_by])
    if case.status == CaseStatus.OPEN:
        # consultation.case is the case as it is now (the caller may show its new status).
        consultation.case = case_change_status(case=case, status=CaseStatus.IN_PROGRESS, actor=actor)
    return consultation


@transaction.atomic
def consultation_write_notes(*, consultation: Consultation, actor: User, psych_notes: str) -> Consultation:
    """The session's psychologist (or one assigned to the case) writes that session's notes."""
    if not can_write_session_notes(actor, consultation.case, consultation):
        raise PermissionDenied
    with set_actor(actor):
        consultation.psych_notes = psych_notes.strip()
        consultation.save(update_fields=["psych_notes"])
    return consultation


@transaction.atomic
def follow_up_add(*, case: Case, actor: User, title: str, assigned_to: User, due_on: date) -> FollowUp:
    _require(can_add_follow_up(actor, case) and can_view_case(actor, case))
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
        params={"number": case.number, "due": due_on},
        kind=KIND_FOLLOW_UP,
    )
    return follow_up


@transaction.atomic
def follow_up_set_done(*, follow_up: FollowUp, actor: User, done: bool = True) -> FollowUp:
    with set_actor(actor):
        follow_up.done = done
        follow_up.done_at = timezone.now() if done else None
        follow_up.save(update_fields=["done", "done_at"])
    return follow_up


@transaction.atomic
def project_create(
    *,
    actor: User,
    funder: Funder,
    code: str,
    name_ru: str,
    name_kk: str = "",
    name_en: str = "",
    starts_on: date,
    ends_on: date | None = None,
) -> Project:
    """A manager registers a funded project (audited under the manager)."""
    from accounts.permissions import can_manage

    if not can_manage(actor):
        raise PermissionDenied(_("Only managers may register projects."))
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The project ends before it starts.")})
    with set_actor(actor):
        return Project.objects.create(
            funder=funder,
            code=code,
            name_ru=name_ru,
            name_kk=name_kk,
            name_en=name_en,
            starts_on=starts_on,
            ends_on=ends_on,
        )
