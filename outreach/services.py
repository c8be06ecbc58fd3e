"""Writes of outreach: each checks the actor's right, validates, and is all or nothing.

Audit entries are written by the audit registry (``OutreachConfig.ready``); views of attendance
lists are recorded as accesses by the views.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from auditlog.context import set_actor
from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import F
from django.utils import timezone
from django.utils.translation import gettext as _

import audit
from accounts.models import Office, User
from outreach import permissions
from outreach.models import (
    Activity,
    ActivityKind,
    ActivityStatus,
    Attendee,
    ChannelReach,
    CitizenshipCount,
    Material,
    MaterialHandout,
    MaterialStock,
    ParticipantCount,
    QuickContact,
)

MASK = "***"
# The fields of an activity the plan/edit form writes.
ACTIVITY_FIELDS = (
    "kind",
    "title",
    "starts_on",
    "ends_on",
    "duration_hours",
    "region",
    "point",
    "place",
    "project",
    "audience",
    "description",
)
ATTENDEE_PERSONAL = ["full_name", "position"]


def _require(allowed: bool) -> None:
    if not allowed:
        raise PermissionDenied


def _check_dates(starts_on: date, ends_on: date | None) -> None:
    if ends_on is not None and ends_on < starts_on:
        raise ValidationError({"ends_on": _("The last day cannot be before the first.")})


@transaction.atomic
def activity_plan(
    *,
    actor: User,
    office: Office | None = None,
    languages: Iterable[Any] = (),
    staff: Iterable[Any] = (),
    partners: Iterable[Any] = (),
    **fields: Any,
) -> Activity:
    """Plan an activity of the actor's office (managers may name another office)."""
    _require(permissions.can_plan_activity(actor))
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"activity_plan() got unexpected fields: {sorted(unknown)}")
    if office is None or not actor.sees_all_offices:
        office = actor.office
    if office is None:
        raise ValidationError(_("Choose the office of the activity."))
    _check_dates(fields["starts_on"], fields.get("ends_on"))
    with set_actor(actor):
        activity = Activity.objects.create(office=office, created_by=actor, **fields)
        activity.languages.set(languages)
        activity.staff.set(staff)
        activity.partners.set(partners)
    return activity


@transaction.atomic
def activity_update(
    *,
    activity: Activity,
    actor: User,
    languages: Iterable[Any],
    staff: Iterable[Any],
    partners: Iterable[Any],
    **fields: Any,
) -> Activity:
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    unknown = set(fields) - set(ACTIVITY_FIELDS)
    if unknown:
        raise TypeError(f"activity_update() got unexpected fields: {sorted(unknown)}")
    starts_on = fields.get("starts_on", activity.starts_on)
    _check_dates(starts_on, fields.get("ends_on", activity.ends_on))
    if activity.is_held and starts_on > timezone.localdate():
        raise ValidationError({"starts_on": _("A held activity cannot be dated in the future.")})
    with set_actor(actor):
        for name, value in fields.items():
            setattr(activity, name, value)
        activity.save()
        activity.languages.set(languages)
        activity.staff.set(staff)
        activity.partners.set(partners)
    return activity


def _non_negative_integer(value: Any, label: str) -> int:
    if value is None or value == "":
        return 0
    if isinstance(value, bool) or not isinstance(value, int | Decimal | str):
        raise ValidationError(_("%(what)s: a whole number of people is needed.") % {"what": label})
    try:
        number = Decimal(str(value).strip())
    except ArithmeticError:
        raise ValidationError(_("%(what)s: a whole number of people is needed.") % {"what": label}) from None
    if number != number.to_integral_value():
        raise ValidationError(_("%(what)s: a whole number of people is needed.") % {"what": label})
    if number < 0:
        raise ValidationError(_("%(what)s cannot be negative.") % {"what": label})
    return int(number)


@transaction.atomic
def activity_record_held(
    *,
    activity: Activity,
    actor: User,
    participants: int,
    by_sex_and_age: Mapping[tuple[str, str], int],
    by_citizenship: Mapping[int | None, int],
    reach: Mapping[str, int] | None = None,
    results: str = "",
    pre_test_mean: Decimal | None = None,
    post_test_mean: Decimal | None = None,
) -> Activity:
    """Record that a planned (or already held) activity took place, and who was reached.

    The sex × age grid and the citizenship counts must each add up to ``participants``
    (citizenship "not known" is the key None). A campaign's reach by channel is kept apart.
    """
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    if activity.status == ActivityStatus.CANCELLED:
        raise ValidationError(_("A cancelled activity cannot be recorded as held."))
    if activity.starts_on > timezone.localdate():
        raise ValidationError(
            _("This activity is dated %(date)s: it cannot be recorded as held before it happens.")
            % {"date": activity.starts_on.strftime("%d.%m.%Y")}
        )
    total = _non_negative_integer(participants, _("Participants"))
    grid = {key: _non_negative_integer(value, _("Participants")) for key, value in by_sex_and_age.items()}
    nations = {key: _non_negative_integer(value, _("Participants")) for key, value in by_citizenship.items()}
    channels = {key: _non_negative_integer(value, _("Estimated reach")) for key, value in (reach or {}).items()}
    errors = []
    if sum(grid.values()) != total:
        errors.append(
            _("The counts by sex and age add up to %(sum)s, but %(total)s participants were entered.")
            % {"sum": sum(grid.values()), "total": total}
        )
    if sum(nations.values()) != total:
        errors.append(
            _(
                "The counts by citizenship (with “not known”) add up to %(sum)s, "
                "but %(total)s participants were entered."
            )
            % {"sum": sum(nations.values()), "total": total}
        )
    if post_test_mean is not None and pre_test_mean is None:
        errors.append(_("A post-test score needs a pre-test score."))
    if errors:
        raise ValidationError(errors)
    with set_actor(actor):
        activity.status = ActivityStatus.HELD
        activity.participants = total
        activity.results = results
        activity.pre_test_mean = pre_test_mean
        activity.post_test_mean = post_test_mean
        activity.save()
        activity.participant_counts.all().delete()
        activity.citizenship_counts.all().delete()
        activity.channel_reach.all().delete()
        ParticipantCount.objects.bulk_create(
            ParticipantCount(activity=activity, sex=sex, age_band=band, count=count)
            for (sex, band), count in grid.items()
            if count
        )
        CitizenshipCount.objects.bulk_create(
            CitizenshipCount(activity=activity, country_id=country, count=count)
            for country, count in nations.items()
            if count
        )
        ChannelReach.objects.bulk_create(
            ChannelReach(activity=activity, channel=channel, estimate=estimate)
            for channel, estimate in channels.items()
            if estimate
        )
    return activity


@transaction.atomic
def activity_cancel(*, activity: Activity, actor: User, reason: str = "") -> Activity:
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    if activity.status != ActivityStatus.PLANNED:
        raise ValidationError(_("Only a planned activity can be cancelled."))
    with set_actor(actor):
        activity.status = ActivityStatus.CANCELLED
        if reason:
            activity.results = reason
        activity.save()
    return activity


def _check_scores(pre: Decimal | None, post: Decimal | None, *, row: str = "") -> None:
    prefix = f"{row}: " if row else ""
    if post is not None and pre is None:
        raise ValidationError(prefix + _("A post-test score needs a pre-test score."))
    for score in (pre, post):
        if score is not None and not (0 <= score <= 100):
            raise ValidationError(prefix + _("Test scores are between 0 and 100."))


def _check_trainable(activity: Activity) -> None:
    if activity.kind not in (ActivityKind.TRAINING_OFFICIALS, ActivityKind.TRAINING_PARTNERS):
        raise ValidationError(_("Attendance lists are kept for trainings only."))
    if activity.anonymised_at is not None:
        raise ValidationError(_("This activity was anonymised: its attendance list is closed."))


@transaction.atomic
def attendee_add(
    *,
    activity: Activity,
    actor: User,
    full_name: str,
    agency: Any,
    partner: Any = None,
    position: str = "",
    sex: str = "",
    pre_score: Decimal | None = None,
    post_score: Decimal | None = None,
) -> Attendee:
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    _check_trainable(activity)
    _check_scores(pre_score, post_score)
    if not full_name.strip():
        raise ValidationError({"full_name": _("Enter the name as on the sign-in sheet.")})
    with set_actor(actor):
        return Attendee.objects.create(
            activity=activity,
            full_name=full_name.strip(),
            agency=agency,
            partner=partner,
            position=position.strip(),
            sex=sex,
            pre_score=pre_score,
            post_score=post_score,
        )


@transaction.atomic
def attendees_import(*, activity: Activity, actor: User, rows: list[dict[str, Any]]) -> list[Attendee]:
    """Add every row of a checked sign-in sheet, or none (``rows`` hold the attendee_add keywords)."""
    return [attendee_add(activity=activity, actor=actor, **row) for row in rows]


@transaction.atomic
def attendee_scores_set(
    *, activity: Activity, actor: User, scores: Mapping[int, tuple[Decimal | None, Decimal | None]]
) -> int:
    """Set the pre/post scores of attendees of ``activity`` (by attendee id); all rows or none."""
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    _check_trainable(activity)
    attendees = {attendee.pk: attendee for attendee in activity.attendees.filter(pk__in=list(scores))}
    errors = []
    for number, (pk, (pre, post)) in enumerate(scores.items(), start=1):
        try:
            _check_scores(pre, post, row=str(number))
        except ValidationError as error:
            errors += error.messages
        if pk not in attendees:
            errors.append(_("An attendee is not on this activity's list."))
    if errors:
        raise ValidationError(errors)
    changed = 0
    with set_actor(actor):
        for pk, (pre, post) in scores.items():
            attendee = attendees[pk]
            if (attendee.pre_score, attendee.post_score) != (pre, post):
                attendee.pre_score, attendee.post_score = pre, post
                attendee.save(update_fields=["pre_score", "post_score"])
                changed += 1
    return changed


@transaction.atomic
def attendee_remove(*, attendee: Attendee, actor: User) -> None:
    _require(
        permissions.can_view_activity(actor, attendee.activity)
        and permissions.can_edit_activity(actor, attendee.activity)
    )
    with set_actor(actor):
        attendee.delete()


@transaction.atomic
def activity_anonymise(*, activity: Activity, actor: User) -> Activity:
    """Erase the names and positions of the attendance list, also from the audit trail; counts stay."""
    _require(permissions.can_view_activity(actor, activity) and permissions.can_anonymise_activity(actor, activity))
    attendees = activity.attendees.all()
    ids = list(attendees.values_list("pk", flat=True))
    attendees.update(full_name=MASK, position="")
    audit.scrub_personal_values(model=Attendee, object_ids=ids, fields=ATTENDEE_PERSONAL)
    with set_actor(actor):
        activity.anonymised_at = timezone.now()
        activity.save(update_fields=["anonymised_at", "updated_at"])
    return activity


def _stock_for_update(office: Office, material: Material) -> MaterialStock:
    stock, _created = MaterialStock.objects.select_for_update().get_or_create(office=office, material=material)
    return stock


@transaction.atomic
def handout_record(*, activity: Activity, actor: User, material: Material, quantity: int) -> MaterialHandout:
    """Copies handed out at an activity; the office's stock goes down (never below zero)."""
    _require(permissions.can_view_activity(actor, activity) and permissions.can_edit_activity(actor, activity))
    quantity = _non_negative_integer(quantity, _("Quantity"))
    if quantity < 1:
        raise ValidationError({"quantity": _("Enter how many copies were handed out.")})
    stock = _stock_for_update(activity.office, material)
    if stock.quantity < quantity:
        raise ValidationError(
            {
                "quantity": _("Only %(left)s copies are in stock at this office. Add the delivery to the stock first.")
                % {"left": stock.quantity}
            }
        )
    with set_actor(actor):
        MaterialStock.objects.filter(pk=stock.pk).update(quantity=F("quantity") - quantity)
        return MaterialHandout.objects.create(activity=activity, material=material, quantity=quantity)


@transaction.atomic
def stock_add(
    *, office: Office, material: Material, quantity: int, actor: User, low_threshold: int | None = None
) -> MaterialStock:
    """A delivery of printed copies to an office (a correction may be negative, never below zero)."""
    _require(permissions.can_manage_stock(actor) and (actor.sees_all_offices or actor.office_id == office.pk))
    stock = _stock_for_update(office, material)
    if isinstance(quantity, bool) or not isinstance(quantity, int):
        raise ValidationError({"quantity": _("A whole number of copies is needed.")})
    if stock.quantity + quantity < 0:
        raise ValidationError({"quantity": _("The stock cannot go below zero.")})
    with set_actor(actor):
        stock.quantity += quantity
        if low_threshold is not None:
            stock.low_threshold = low_threshold
        stock.save()
    return stock


@transaction.atomic
def quick_contact_log(
    *,
    actor: User,
    channel: str,
    action: str,
    at: datetime | None = None,
    citizenship: Any = None,
    sex: str = "",
    age_band: str = "",
    language: Any = None,
    categories: Iterable[Any] = (),
    point: Any = None,
    note: str = "",
) -> QuickContact:
    """One call or brief advice, in the actor's office; the note is free text that must not name anyone."""
    _require(permissions.can_log_quick_contact(actor))
    at = at or timezone.now()
    if at > timezone.now() + timedelta(minutes=5):
        raise ValidationError({"at": _("A contact cannot be logged in the future.")})
    fields = {
        "office_id": actor.office_id,
        "at": at,
        "channel": channel,
        "action": action,
        "citizenship": citizenship,
        "sex": sex,
        "language": language,
        "point": point,
        "note": " ".join(note.split()),
        "logged_by": actor,
    }
    if age_band:
        fields["age_band"] = age_band
    with set_actor(actor):
        contact = QuickContact.objects.create(**fields)
        contact.categories.set(categories)
    return contact


@transaction.atomic
def quick_contact_link_client(*, contact: QuickContact, client: Any, actor: User) -> QuickContact:
    """The caller became a client: link the two so reports count the person once."""
    _require(permissions.can_view_quick_contact(actor, contact))
    if contact.client_id and contact.client_id != client.pk:
        raise ValidationError(_("This contact is already linked to another client."))
    with set_actor(actor):
        contact.client = client
        contact.save(update_fields=["client"])
    return contact
