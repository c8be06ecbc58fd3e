"""Writes to client records. Every view, import, admin action and seeder goes through these."""

from collections.abc import Iterable
from datetime import date

from auditlog.context import set_actor
from django.db import transaction
from django.utils import timezone

from clients.auditing import log_action
from clients.models import Client, ClientCodeCounter, ClientPhone, Consent, FamilyMember, Vulnerability
from clients.phones import normalise_phone
from clients.transliteration import search_key

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
CONSENT_SCOPES = ("store_data", "share_partners", "share_law_enforcement", "research")


def next_client_code(*, office, year: int) -> str:
    """The next code of an office and year; the counter row is locked so that concurrent creates never collide."""
    counter, _created = ClientCodeCounter.objects.select_for_update().get_or_create(office=office, year=year)
    counter.last_number += 1
    counter.save(update_fields=["last_number"])
    return f"{office.code}-{year}-{counter.last_number:05d}"


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
    actor,
    office=None,
    phones: Iterable[str | tuple[str, str]] = (),
    vulnerabilities: Iterable[Vulnerability] = (),
    languages: Iterable = (),
    family: Iterable[dict] = (),
    consent: dict | None = None,
    created_at=None,
    **fields,
) -> Client:
    """Create a client with a fresh code. ``fields`` are among EDITABLE_FIELDS; ``consent`` maps scopes to bools.

    The creator is assigned to the record, so a caseworker keeps access to a restricted record they open.
    """
    unknown = set(fields) - set(EDITABLE_FIELDS)
    if unknown:
        raise TypeError(f"client_create() got unexpected fields: {sorted(unknown)}")
    office = office or actor.office
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


def client_assign_staff(*, client: Client, users: Iterable) -> None:
    """Let these users see the client even when the record is restricted (cases calls this for case staff)."""
    users = [user for user in users if user is not None]
    if users:
        client.assigned_staff.add(*users)


@transaction.atomic
def consent_record(
    *,
    client: Client,
    actor,
    given_on: date | None = None,
    method: str = "verbal",
    language=None,
    **scopes: bool,
) -> Consent:
    unknown = set(scopes) - set(CONSENT_SCOPES)
    if unknown:
        raise TypeError(f"consent_record() got unexpected scopes: {sorted(unknown)}")
    with set_actor(actor):
        return Consent.objects.create(
            client=client,
            given_on=given_on or timezone.localdate(),
            method=method,
            language=language,
            recorded_by=actor,
            **{scope: bool(scopes.get(scope, scope == "store_data")) for scope in CONSENT_SCOPES},
        )


@transaction.atomic
def consent_withdraw(*, consent: Consent, actor, withdrawn_on: date | None = None) -> Consent:
    """Withdraw a consent (all its scopes), dated and audited. Withdrawing twice keeps the first date."""
    if consent.withdrawn_on is None:
        with set_actor(actor):
            consent.withdrawn_on = withdrawn_on or timezone.localdate()
            consent.withdrawn_by = actor
            consent.save(update_fields=["withdrawn_on", "withdrawn_by"])
        log_action(consent.client, actor=actor, action="consent_withdrawn", data={"consent": consent.pk})
    return consent


def current_consent(client: Client) -> Consent | None:
    """The newest consent in force (not withdrawn)."""
    return client.consents.filter(withdrawn_on__isnull=True).order_by("-given_on", "-id").first()


def consent_allows(client: Client, scope: str) -> bool:
    """True when the consent in force covers ``scope`` ("share_partners", "share_law_enforcement", ...)."""
    if scope not in CONSENT_SCOPES:
        raise ValueError(f"Unknown consent scope: {scope}")
    if client.is_anonymised:
        return False
    consent = current_consent(client)
    return consent is not None and consent.allows(scope)
