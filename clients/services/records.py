"""Creating and editing client records."""

from collections.abc import Iterable
from datetime import datetime
from typing import Any

from auditlog.context import set_actor
from django.db import transaction
from django.db.models import Exists, Field, OuterRef
from django.utils import timezone

from accounts.models import Office, User
from clients.models import Client, ClientCodeCounter, ClientPhone, FamilyMember, Vulnerability
from clients.phones import normalise_phone
from clients.services.consent import consent_record
from clients.transliteration import search_key
from reference.errors import StaleVersion
from reference.models import Language

# Simple fields a caller may set through client_create / client_update.
EDITABLE_FIELDS = (
    "family_name",
    "given_name",
    "patronymic",
    "latin_name",
    "sex",
    "birth_date",
    "birth_year",
    "citizenship",
    "needs_interpreter",
    "messenger",
    "region",
    "city",
    "address",
    "arrived_on",
    "migration_status",
    "document_situation",
    "sector",
    "employer",
    "found_us_via",
)
# The record's lists, passed to client_create / client_update by name (``languages=...``).
EDITABLE_RELATIONS = ("languages", "vulnerabilities")


def reserve_client_codes(*, office: Office, year: int, count: int) -> list[str]:
    """The next ``count`` codes of an office and year; the counter row is locked so that concurrent creates
    never collide (the demo's bulk seeding reserves thousands at once)."""
    counter, _created = ClientCodeCounter.objects.select_for_update().get_or_create(office=office, year=year)
    first = counter.last_number + 1
    counter.last_number += count
    counter.save(update_fields=["last_number"])
    return [f"{office.code}-{year}-{number:05d}" for number in range(first, first + count)]


def next_client_code(*, office: Office, year: int) -> str:
    """The next code of an office and year."""
    return reserve_client_codes(office=office, year=year, count=1)[0]


def refresh_derived_fields(client: Client) -> None:
    """Fields computed from others: search key and birth year (from the date of birth)."""
    client.search_key = search_key(client.family_name, client.given_name, client.patronymic, client.latin_name)
    if client.birth_date:
        client.birth_year = client.birth_date.year


def refresh_restriction(client: Client) -> None:
    restricted = client.vulnerabilities.filter(restricts_access=True).exists()
    if restricted != client.is_restricted:
        Client.objects.filter(pk=client.pk).update(is_restricted=restricted)
        client.is_restricted = restricted


def vulnerability_refresh_clients(*, vulnerability: Vulnerability) -> int:
    """Recompute ``is_restricted`` of the clients with this flag after its ``restricts_access`` changed."""
    flags = Client.vulnerabilities.through.objects.filter(
        client_id=OuterRef("pk"), vulnerability__restricts_access=True
    )
    return Client.objects.filter(vulnerabilities=vulnerability).update(is_restricted=Exists(flags))


def _set_phones(client: Client, phones: Iterable[str | tuple[str, str]]) -> None:
    home = client.citizenship.code if client.citizenship_id else None
    wanted: dict[str, str] = {}
    for phone in phones:
        raw, kind = phone if isinstance(phone, tuple) else (phone, "")
        if not (raw or "").strip():
            continue
        number = normalise_phone(raw, home_region=home if home and len(home) == 2 else None)
        wanted.setdefault(number, kind or ("kz" if number.startswith("+7") else "home"))
    client.phones.exclude(number__in=wanted).delete()
    existing = set(client.phones.values_list("number", flat=True))
    ClientPhone.objects.bulk_create(
        ClientPhone(client=client, number=number, kind=kind)
        for number, kind in wanted.items()
        if number not in existing
    )


@transaction.atomic
def client_create(
    *,
    actor: User,
    office: Office | None = None,
    phones: Iterable[str | tuple[str, str]] = (),
    vulnerabilities: Iterable[Vulnerability] = (),
    languages: Iterable[Any] = (),
    family: Iterable[dict[str, Any]] = (),
    consent: dict[str, Any] | None = None,
    created_at: datetime | None = None,
    **fields: Any,
) -> Client:
    """Create a client with a fresh code. ``fields`` are among EDITABLE_FIELDS; ``consent`` maps scopes to bools.

    The creator is assigned to the record, so a caseworker keeps access to a restricted record they open.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"client_create() got unexpected fields: {sorted(unknown)}")
    office = office or actor.office
    if office is None:
        # Views refuse users without an office earlier (can_create_client); this is a caller's bug.
        raise TypeError("client_create() needs an office: none given and the actor has none.")
    created_at = created_at or timezone.now()
    with set_actor(actor):
        client = Client(office=office, created_by=actor, created_at=created_at, **fields)
        client.code = next_client_code(office=office, year=timezone.localtime(created_at).year)
        refresh_derived_fields(client)
        client.save()
        client.languages.set(languages)
        client.vulnerabilities.set(vulnerabilities)
        refresh_restriction(client)
        if actor is not None and getattr(actor, "pk", None):
            client.assigned_staff.add(actor)
        _set_phones(client, phones)
        FamilyMember.objects.bulk_create(FamilyMember(client=client, **member) for member in family)
        if consent is not None:
            consent_record(client=client, actor=actor, **consent)
    return client


def client_assign_staff(*, client: Client, users: Iterable[Any], actor: User | None = None) -> None:
    """Let these users see the client even when the record is restricted (cases calls this for case staff)."""
    users = [user for user in users if user is not None]
    if users:
        with set_actor(actor):
            client.assigned_staff.add(*users)


class ClientVersionConflict(StaleVersion):
    """Someone saved the record after the editor opened it. ``changes`` lists (field label, their value, yours)."""

    def __init__(self, *, current: Client, changes: list[tuple[str, str, str]]):
        super().__init__("client changed meanwhile", current=current, changes=changes)


def _field(name: str) -> "Field[Any, Any]":
    field = Client._meta.get_field(name)
    assert isinstance(field, Field)  # the editable fields are concrete columns
    return field


def _display(client: Client, name: str) -> str:
    field = _field(name)
    value = getattr(client, name)
    if field.choices:
        return str(getattr(client, f"get_{name}_display")())
    return "" if value is None else str(value)


@transaction.atomic
def client_update(
    *,
    client: Client,
    actor: User,
    expected_version: int,
    phones: list[str] | None = None,
    vulnerabilities: Iterable[Vulnerability] | None = None,
    languages: Iterable[Language] | None = None,
    **fields: Any,
) -> Client:
    """Save edits made on version ``expected_version``; refuse (ClientVersionConflict) if the row moved on.

    ``client`` carries the edited values in memory; the stored row is locked and compared first.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"client_update() got unexpected fields: {sorted(unknown)}")
    stored = Client.objects.select_for_update().get(pk=client.pk)
    if stored.version != expected_version:
        mine = Client(**fields)
        changes = [
            (str(_field(name).verbose_name), _display(stored, name), _display(mine, name))
            for name in fields
            if _display(stored, name) != _display(mine, name)
        ]
        raise ClientVersionConflict(current=stored, changes=changes)
    with set_actor(actor):
        for name, value in fields.items():
            setattr(stored, name, value)
        refresh_derived_fields(stored)
        stored.version = expected_version + 1
        stored.save()
        if languages is not None:
            stored.languages.set(languages)
        if vulnerabilities is not None:
            from clients.services.restrictions import kept_restricting_flags, restriction_lift_request

            vulnerabilities = list(vulnerabilities)
            kept = kept_restricting_flags(client=stored, actor=actor, wanted=vulnerabilities)
            if kept:
                # Only a manager lifts a restriction: the flags stay and the wish becomes a request.
                restriction_lift_request(client=stored, actor=actor, flags=kept)
                vulnerabilities += kept
            stored.lift_requested = bool(kept)  # type: ignore[attr-defined]  # read by the view's message
            was_restricted = stored.is_restricted
            stored.vulnerabilities.set(vulnerabilities)
            refresh_restriction(stored)
            if stored.is_restricted and not was_restricted and getattr(actor, "pk", None):
                # Whoever flags trafficking or violence keeps access to the record they just restricted.
                stored.assigned_staff.add(actor)
        if phones is not None:
            _set_phones(stored, phones)
    return stored


@transaction.atomic
def family_member_add(*, client: Client, actor: User, **fields: Any) -> FamilyMember:
    with set_actor(actor):
        member = FamilyMember.objects.create(client=client, **fields)
    _touch(client)
    return member


@transaction.atomic
def family_member_remove(*, member: FamilyMember, actor: User) -> None:
    with set_actor(actor):
        member.delete()
    _touch(member.client)


def _touch(client: Client) -> None:
    """A change to a child row is activity on the client (inactive-clients review)."""
    Client.objects.filter(pk=client.pk).update(updated_at=timezone.now())


@transaction.atomic
def client_unassign_staff(*, client: Client, user: User, actor: User) -> None:
    with set_actor(actor):
        client.assigned_staff.remove(user)
